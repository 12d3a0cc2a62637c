#pragma once
// The official division table (GB/T 2260): provinces, prefecture-level cities
// and county-level divisions with their parents, loaded from rules/.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace doc2kg {

struct Division {
  std::string code, type, name, parent_code, alias;
};

class DivisionTable {
 public:
  // Reads the TSV (code, type, name, parent, alias); throws Error(kExitRules) with file:line.
  void load(const std::string& path);
  const std::vector<Division>& all() const { return rows_; }
  // Every division with this full name (市中区 has several).
  std::vector<const Division*> by_name(const std::string& name) const;
  const Division* parent(const Division& d) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<Division> rows_;
  std::multimap<std::string, size_t> by_name_;
  std::map<std::string, size_t> by_code_;
};

}  // namespace doc2kg
