#pragma once
// Errors that reach the user: each carries the exit code the CLI returns.
#include <stdexcept>
#include <string>

namespace doc2kg {

enum ExitCode : int {
  kExitOk = 0,
  kExitNothingFound = 1,  // query: no answer
  kExitUsage = 2,         // bad command line
  kExitInput = 3,         // unreadable or undecodable article or graph file
  kExitRules = 4,         // invalid rule set
  kExitOutput = 5,        // output cannot be written
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace doc2kg
