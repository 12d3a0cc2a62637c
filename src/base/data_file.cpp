#include "base/data_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include "doc2kg/error.hpp"

namespace doc2kg {

LineRead read_line(std::istream& in, std::string& line, size_t limit) {
  line.clear();
  // Byte by byte rather than std::getline, which would grow `line` without bound
  // before we could tell that the line is too long.
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      // A last line without LF is still a line; only an empty remainder is the end.
      if (!any) return LineRead::End;
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line.size() == limit) return LineRead::TooLong;  // the rest is left unread: it may never end
    line.push_back(static_cast<char>(c));
  }
  return LineRead::Line;
}

void for_each_entry(const std::string& path, const std::string& what,
                    const std::function<void(const std::string& line, int number)>& entry) {
  // Binary: CR LF files read the same on every platform, the CR dropped below.
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Rules, path + ": cannot open " + what + " (" + std::strerror(errno) + ")");
  std::string line;
  for (int n = 1;; ++n) {
    LineRead r = read_line(in, line, kMaxDataLine);
    if (r == LineRead::End) break;
    if (r == LineRead::TooLong)
      throw Error(ErrorKind::Rules, path + ":" + std::to_string(n) + ": line longer than " +
                                        std::to_string(kMaxDataLine) + " bytes; a " + what +
                                        " has one short entry a line");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    entry(line, n);
  }
}

bool read_whole_file(const std::string& path, std::string& out, std::string* why) {
  // So that a failure which leaves errno unset reports EIO, not a stale reason.
  errno = 0;
  std::unique_ptr<std::FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  out.clear();
  if (file) {
    char buffer[1 << 16];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0;) out.append(buffer, n);
    // fopen succeeds on a directory; the first read fails with EISDIR.
    if (!std::ferror(file.get())) return true;
  }
  if (why) *why = std::strerror(errno ? errno : EIO);
  return false;
}

}  // namespace doc2kg
