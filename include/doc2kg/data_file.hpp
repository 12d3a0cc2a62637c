#pragma once
// The line-oriented data files of a rule set (lexicons, tables, the word
// dictionary): one entry a line, `#` starts a comment line, CR LF or LF.
#include <functional>
#include <string>

namespace doc2kg {

// Calls `entry(line, number)` for every line of `path` that is neither empty
// nor a comment, with its line ending removed; `number` counts from 1, for
// file:line messages. Throws Error(kExitRules) "PATH: cannot open WHAT" when
// the file cannot be read. Whatever `entry` throws passes through.
void for_each_entry(const std::string& path, const std::string& what,
                    const std::function<void(const std::string& line, int number)>& entry);

}  // namespace doc2kg
