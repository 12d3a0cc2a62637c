#include "doc2kg/divisions.hpp"

#include <fstream>
#include <sstream>

#include "doc2kg/error.hpp"

namespace doc2kg {

void DivisionTable::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(kExitRules, path + ": cannot open division table");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() < 4 || (cols[1] != "Province" && cols[1] != "City" && cols[1] != "District"))
      throw Error(kExitRules, path + ":" + std::to_string(n) + ":1: expected code, Province|City|District, name, parent[, alias]");
    Division d{cols[0], cols[1], cols[2], cols[3], cols.size() > 4 ? cols[4] : ""};
    by_name_.emplace(d.name, rows_.size());
    by_code_.emplace(d.code, rows_.size());
    rows_.push_back(std::move(d));
  }
}

std::vector<const Division*> DivisionTable::by_name(const std::string& name) const {
  std::vector<const Division*> out;
  auto [b, e] = by_name_.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(&rows_[it->second]);
  return out;
}

const Division* DivisionTable::parent(const Division& d) const {
  auto it = by_code_.find(d.parent_code);
  return it == by_code_.end() ? nullptr : &rows_[it->second];
}

}  // namespace doc2kg
