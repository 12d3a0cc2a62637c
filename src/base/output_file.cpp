#include "base/output_file.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "doc2kg/error.hpp"

namespace fs = std::filesystem;

namespace doc2kg {
namespace {

// The temporary file being written, for the signal handler: a fixed buffer, so
// that the handler only reads memory and calls unlink (async-signal-safe).
char g_partial[4096];
std::atomic<bool> g_writing{false};

void on_signal(int sig) {
  if (g_writing.load()) ::unlink(g_partial);
  // Re-raised with the default action, so the shell sees the process killed by `sig`.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Marks `tmp` as the file to remove on a signal while it exists.
struct PartialFile {
  explicit PartialFile(const std::string& tmp) {
    // A path too long for the buffer is not cleaned up on a signal, only on errors.
    if (tmp.size() < sizeof g_partial) {
      std::memcpy(g_partial, tmp.c_str(), tmp.size() + 1);
      g_writing.store(true);
    }
  }
  ~PartialFile() { g_writing.store(false); }
};

// Input "-" names no path to compare, so the check compares the device and
// inode of fd 0 with the target's (stdin redirected from the output file).
bool is_standard_input(const std::string& path) {
  struct stat in, out;
  return ::fstat(0, &in) == 0 && ::stat(path.c_str(), &out) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino;
}

}  // namespace

void remove_partial_output_on_signals() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup, trap '': stays ignored
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    ::sigaction(sig, &action, nullptr);
  }
}

void check_output(const std::string& path, const std::vector<std::string>& inputs) {
  if (path == "-") return;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-" ? is_standard_input(path) : fs::exists(path, ec) && fs::equivalent(in, path, ec))
      throw Error(ErrorKind::Output,
                  path + ": is an input" + (in == "-" ? " (standard input)" : "") + "; refusing to overwrite it");
  }
  if (fs::is_directory(path, ec)) throw Error(ErrorKind::Output, path + ": is a directory");
  // Checked before any conversion: a mistyped output path fails at once, not at the end.
  fs::path dir = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::Output, path + ": cannot write (no directory " + dir.string() + ")");
}

void write_output(const std::string& path, const std::vector<std::string>& inputs,
                  const std::function<void(std::ostream&)>& produce) {
  if (path == "-") {
    produce(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::Output, "cannot write to standard output");
    return;
  }
  check_output(path, inputs);
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {  // a device or pipe: no rename possible
    std::ofstream out(path, std::ios::binary);
    produce(out);
    out.flush();
    if (!out) throw Error(ErrorKind::Output, path + ": write failed (" + std::strerror(errno) + ")");
    return;
  }
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // In the target's directory, not /tmp: rename is only atomic within one file system.
  // The PID keeps two concurrent runs writing the same target from sharing a temporary.
  std::string hidden = target.filename().string();  // ".NAME.tmp-PID" beside the target
  hidden.insert(hidden.begin(), '.');
  hidden += ".tmp-" + std::to_string(::getpid());
  std::string tmp = (dir / hidden).string();
  PartialFile partial(tmp);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorKind::Output, path + ": cannot write (" + std::strerror(errno) + ")");
    try {
      produce(out);
    } catch (...) {  // nothing half-written is left behind
      out.close();
      std::remove(tmp.c_str());
      throw;
    }
    out.flush();
    if (!out) {
      int err = errno;
      out.close();
      std::remove(tmp.c_str());
      throw Error(ErrorKind::Output, path + ": write failed (" + std::strerror(err) + ")");
    }
  }
  // The one step that makes the result visible: readers see the old file or the new one whole.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::remove(tmp.c_str());
    throw Error(ErrorKind::Output, path + ": cannot move into place (" + std::strerror(err) + ")");
  }
}

}  // namespace doc2kg
