#include "doc2kg/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "doc2kg/error.hpp"

namespace fs = std::filesystem;

namespace doc2kg {

void write_output(const std::string& path, const std::vector<std::string>& inputs,
                  const std::function<void(std::ostream&)>& produce) {
  if (path == "-") {
    produce(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error(kExitOutput, "cannot write to standard output");
    return;
  }
  std::error_code ec;
  for (const auto& in : inputs)
    if (in != "-" && fs::exists(path, ec) && fs::equivalent(in, path, ec))
      throw Error(kExitOutput, path + ": is an input; refusing to overwrite it");
  if (fs::is_directory(path, ec)) throw Error(kExitOutput, path + ": is a directory");
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {  // a device or pipe: no rename possible
    std::ofstream out(path, std::ios::binary);
    produce(out);
    out.flush();
    if (!out) throw Error(kExitOutput, path + ": write failed (" + std::strerror(errno) + ")");
    return;
  }
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string hidden = target.filename().string();  // ".NAME.tmp-PID" beside the target
  hidden.insert(hidden.begin(), '.');
  hidden += ".tmp-" + std::to_string(::getpid());
  std::string tmp = (dir / hidden).string();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(kExitOutput, path + ": cannot write (" + std::strerror(errno) + ")");
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
      throw Error(kExitOutput, path + ": write failed (" + std::strerror(err) + ")");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::remove(tmp.c_str());
    throw Error(kExitOutput, path + ": cannot move into place (" + std::strerror(err) + ")");
  }
}

}  // namespace doc2kg
