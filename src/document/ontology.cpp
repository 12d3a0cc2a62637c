#include "document/ontology.hpp"

#include <algorithm>

namespace doc2kg {

const std::vector<std::string>& entity_types() {
  // A type's position is its number: rules stand U+E000 + type_index() in for a found name.
  static const std::vector<std::string> types = {"District",   "Industry",    "Community", "Project",      "Province",
                                                 "City",       "Subdistrict", "Zone",      "Organization", "Honor",
                                                 "Initiative", "Indicator",   "Person",    "Article"};
  return types;
}

const std::vector<std::string>& relation_names() {
  static const std::vector<std::string> relations = {
      "locatedIn",   "leadingIndustry", "characteristicIndustry", "supportingIndustry", "emergingIndustry",
      "hasIndustry", "awarded",         "hasIndicator",           "implements",         "mentions"};
  return relations;
}

std::string_view super_property(std::string_view relation) {
  if (relation == "leadingIndustry" || relation == "characteristicIndustry" || relation == "supportingIndustry" ||
      relation == "emergingIndustry")
    return "hasIndustry";
  return {};
}

int type_index(std::string_view type) {
  const auto& t = entity_types();
  auto it = std::find(t.begin(), t.end(), type);
  return it == t.end() ? -1 : static_cast<int>(it - t.begin());
}

bool is_entity_type(std::string_view type) { return type_index(type) >= 0; }

bool is_relation(std::string_view relation) {
  const auto& r = relation_names();
  return std::find(r.begin(), r.end(), relation) != r.end();
}

bool has_type(const std::vector<std::string>& types, std::string_view type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

}  // namespace doc2kg
