#pragma once
// The vocabulary of ../shared/ONTOLOGY.md: entity types and relation names.
#include <string>
#include <string_view>
#include <vector>

namespace doc2kg {

const std::vector<std::string>& entity_types();    // District, City, ..., Article
const std::vector<std::string>& relation_names();  // locatedIn, leadingIndustry, ...
bool is_entity_type(std::string_view type);
bool is_relation(std::string_view relation);

// The relation `relation` is a sub-property of (leadingIndustry -> hasIndustry), or "".
std::string_view super_property(std::string_view relation);

// True when `types` (a rule's or a stage's list of entity types) holds `type`.
bool has_type(const std::vector<std::string>& types, std::string_view type);

// Index of a type in entity_types(), or -1.
int type_index(std::string_view type);

}  // namespace doc2kg
