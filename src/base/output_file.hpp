#pragma once
// Writing results without losing anything: to a temporary file beside the
// target, renamed into place only when complete; never over an input.
//
// Thread-safety: write_output may run in one thread at a time (the temporary
// file it is writing is process state, for the signal handler below).
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace doc2kg {

// Writes what `produce` streams to `path` ("-" is stdout). Throws Error(ErrorKind::Output)
// when the path is one of `inputs` ("-" in `inputs`: whatever file standard
// input is), or cannot be written (the target is left untouched, no temporary
// file is left behind).
void write_output(const std::string& path, const std::vector<std::string>& inputs,
                  const std::function<void(std::ostream&)>& produce);

// What write_output checks before it writes: throws Error(ErrorKind::Output) when
// `path` is one of `inputs` (or standard input), a directory, or in a directory
// that does not exist. For a caller that converts first and writes last.
void check_output(const std::string& path, const std::vector<std::string>& inputs);

// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary
// file write_output is writing, then end the process as the signal would have.
// For programs (the CLI); a library user with its own handlers leaves it out.
void remove_partial_output_on_signals();

}  // namespace doc2kg
