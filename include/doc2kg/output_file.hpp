#pragma once
// Writing results without losing anything: to a temporary file beside the
// target, renamed into place only when complete; never over an input.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace doc2kg {

// Writes what `produce` streams to `path` ("-" is stdout). Throws Error(kExitOutput)
// when the path is one of `inputs`, or cannot be written (the target is left untouched).
void write_output(const std::string& path, const std::vector<std::string>& inputs,
                  const std::function<void(std::ostream&)>& produce);

}  // namespace doc2kg
