#pragma once
// Resolver: what the article's area words and references name. First the
// article's own district (the district named most, a title mention counting
// three times), to which 全区/本市/该县/当地 … resolve (全市 to its city unless
// the district is itself a 市, 全省 to its province; areas.hpp). Then 该镇,
// 这个街道, 该社区, 园区内 … (the rule set's `references` lexicon): each becomes
// an entity span of its type named as the nearest entity before it that fits
// (type, and the name's ending where the lexicon gives one: 该乡 → …乡),
// never over a recognised name. Runs after recognition, before the relation
// rules, so that rules see a reference as the entity it names.
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg::resolver {

// Reads:  doc.entities, doc.text, doc.paragraphs, doc.info.title, doc.info.source
// Writes: doc.area; doc.entities (area words "@…" renamed to the area, its city
//         or province, or dropped without an area; reference spans added)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace doc2kg::resolver
