#pragma once
// Areas: the lexicon pass that finds divisions (provinces, cities, county-level
// districts) and area references (全区, 该县), and the choice of the article's
// own district, to which those references resolve.
#include <string>
#include <vector>

#include "doc2kg/document.hpp"
#include "rules/divisions.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

// Matches every lexicon (one trie pass) and adds the plausible matches to
// doc.entities. A division whose name could be an ordinary word (a
// two-character county such as 赵县, a short form such as 乐清, a name that
// is a common word) counts only in the contexts of rules/divisions/mentions.tsv.
void match_lexicons(Document& doc, const RuleSetImpl& rules);

// Picks the article's own district and resolves 全区/本市/该县/当地... to it
// (全市 to its city, unless the district is itself a 市; 全省 to its province).
void resolve_area(Document& doc, const RuleSetImpl& rules);

// The row of the division table that the article means by `name` (a District
// or City, of that `type`): of several (市中区, 鼓楼区), the one whose city or
// province is written right before the name, else named in the article, else
// written in its text or source line, else the first listed. Searches the text:
// call it once per name.
const Division* division_of(const Document& doc, const RuleSetImpl& rules, const std::string& name,
                            const std::string& type);

// The word lists of the characters that mark a level (区 县 旗, 市, 省), one per
// division type: division_levels.District, division_levels.City, division_levels.Province.
const std::vector<std::string>& division_level_lists();

}  // namespace doc2kg
