#pragma once
// Line-oriented input: the data files of a rule set (lexicons, tables, the
// word dictionary: one entry a line, `#` starts a comment line, CR LF or LF)
// and JSON Lines, read a bounded line at a time so that one runaway line
// (a file without line breaks, /dev/zero) never takes all memory.
#include <cstddef>
#include <functional>
#include <istream>
#include <string>

namespace doc2kg {

// The longest line of a rule set's data file: an entry is a name and a few
// fields, never a megabyte.
inline constexpr size_t kMaxDataLine = 64 * 1024;

enum class LineRead { Line, TooLong, End };

// Reads the next line (without its LF) into `line`. When the line is longer
// than `limit` bytes, TooLong is returned as soon as that is known, with the
// first `limit` bytes in `line` and the rest of the line left unread (it may
// never end: /dev/zero); End when `in` has no more lines.
LineRead read_line(std::istream& in, std::string& line, size_t limit);

// Calls `entry(line, number)` for every line of `path` that is neither empty
// nor a comment, with its line ending removed; `number` counts from 1, for
// file:line messages. Throws Error(ErrorKind::Rules) "PATH: cannot open WHAT (reason)"
// when the file cannot be read and "PATH:LINE: line longer than 65536 bytes"
// for a line over kMaxDataLine. Whatever `entry` throws passes through.
void for_each_entry(const std::string& path, const std::string& what,
                    const std::function<void(const std::string& line, int number)>& entry);

// Reads the whole of `path` (a rule file: a few hundred kilobytes) into `out`;
// false with the system's reason in `why` when it cannot be read (no such
// file, no permission, a directory named x.json).
bool read_whole_file(const std::string& path, std::string& out, std::string* why);

}  // namespace doc2kg
