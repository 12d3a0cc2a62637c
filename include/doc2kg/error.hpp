#pragma once
// Errors that reach the user, typed by what went wrong. The library throws
// them; only the command line maps a kind to its exit code (README.md,
// "Exit codes and errors"). The message says where and what:
// "PATH:LINE: ...", "PATH: cannot open (reason)".
#include <stdexcept>
#include <string>

namespace doc2kg {

enum class ErrorKind {
  Usage,     // a bad request: unknown option, format or relation, a missing argument
  Input,     // an article or graph file that cannot be read or decoded
  Rules,     // an invalid rule set (or one the code needs a list from)
  Output,    // an output that cannot be written, or would overwrite an input
  NotFound,  // a query whose entity does not exist
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace doc2kg
