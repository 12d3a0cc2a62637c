#pragma once
// Containment: where the places and things of the article are (locatedIn)
// when no sentence says so in a relation rule's words: a name that opens with
// its container (长安镇高端装备综合体 in 长安镇), the defaults that the ontology
// states (an entity named in an article about an area is located in the
// district its sentence is about), District -> City -> Province from the
// division table, and a 街道/镇 in the district the subdistrict table places it.
#include "analysis/code_rules.hpp"
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg::containment {

// Reads:  doc.entities, doc.facts (the locatedIn facts stated), doc.area,
//         doc.sentences, doc.text, doc.info.source
// Writes: doc.facts (appends locatedIn facts not already there)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace doc2kg::containment
