#include "doc2kg/data_file.hpp"

#include <fstream>

#include "doc2kg/error.hpp"

namespace doc2kg {

void for_each_entry(const std::string& path, const std::string& what,
                    const std::function<void(const std::string& line, int number)>& entry) {
  std::ifstream in(path);
  if (!in) throw Error(kExitRules, path + ": cannot open " + what);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    entry(line, n);
  }
}

}  // namespace doc2kg
