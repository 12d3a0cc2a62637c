#pragma once
// References: 该镇, 这个街道, 该社区, 园区内 … name an entity of the text by
// its type. The resolver stage reads doc.entities and doc.text and adds, for
// each reference of the rule set's `references` lexicon, an entity span of
// the referenced type named as the nearest entity before it that fits
// (type, and the name's ending where the lexicon gives one: 该乡 → …乡).
// Runs after recognition, before relation rules, so that rules see a
// reference as the entity it names.
#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

void resolve_references(Document& doc, const RuleSet& rules);

}  // namespace doc2kg
