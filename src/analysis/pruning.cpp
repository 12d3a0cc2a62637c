#include "analysis/pruning.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "analysis/code_rules.hpp"
#include "document/ontology.hpp"

namespace doc2kg {

void redundant_facts::run(Document& doc, const RuleSetImpl&) {
  // A fact stated with a sub-property (leadingIndustry) is not repeated with its super-property.
  std::set<std::tuple<std::string, std::string, std::string_view, std::string>> specific;
  for (const Fact& f : doc.facts)
    if (auto super = super_property(f.relation); !super.empty()) specific.insert({f.head, f.tail, super, f.tail_type});
  std::erase_if(doc.facts, [&](const Fact& f) {
    return specific.count({f.head, f.tail, f.relation, f.tail_type}) > 0;
  });
  // locatedIn names the most specific container stated (ONTOLOGY.md): 长安镇 over 海宁市.
  auto level = [](const std::string& type) {
    return type == "Subdistrict" || type == "Zone" ? 1 : type == "District" ? 2 : 3;
  };
  std::map<std::pair<std::string, std::string>, int> finest;
  for (const Fact& f : doc.facts)
    if (f.relation == "locatedIn") {
      auto [it, fresh] = finest.try_emplace({f.head_type, f.head}, level(f.tail_type));
      if (!fresh) it->second = std::min(it->second, level(f.tail_type));
    }
  std::erase_if(doc.facts, [&](const Fact& f) {
    return f.relation == "locatedIn" && level(f.tail_type) > finest[{f.head_type, f.head}];
  });
  // A sentence that states the container (位于湖塘镇的X) outweighs one read from the name (X's opening zone).
  std::set<std::pair<std::string, std::string>> stated;
  for (const Fact& f : doc.facts)
    if (f.relation == "locatedIn" && f.rule != kNamePrefixRule && f.rule != kDefaultRule)
      stated.insert({f.head_type, f.head});
  std::erase_if(doc.facts, [&](const Fact& f) {
    return f.rule == kNamePrefixRule && stated.count({f.head_type, f.head});
  });
}

void unused_entities::run(Document& doc, const RuleSetImpl& rules) {
  std::set<std::pair<std::string, std::string>> used;
  for (const Fact& f : doc.facts) {
    used.insert({f.head_type, f.head});
    used.insert({f.tail_type, f.tail});
  }
  // An industry word in passing is not an industry the area develops (rules: "related_only").
  const auto& related_only = rules.related_only_types;
  std::erase_if(doc.entities, [&](const Span& s) {
    return std::find(related_only.begin(), related_only.end(), s.type) != related_only.end() &&
           !used.count({s.type, s.name});
  });
}

}  // namespace doc2kg
