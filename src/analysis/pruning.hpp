#pragma once
// Pruning: what the graph leaves out of what the stages found. Facts that a
// more specific fact of the article already states, and entities that only
// matter as the end of a fact.
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

namespace redundant_facts {

// A fact stated with a sub-property (leadingIndustry) is not repeated with its
// super-property (hasIndustry); locatedIn names the most specific container
// stated (ONTOLOGY.md: 长安镇 over 海宁市; a 街道/镇 or zone, then a district,
// then anything wider).
// Reads:  doc.facts
// Writes: doc.facts (removes those facts)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace redundant_facts

namespace unused_entities {

// An entity of a type the rule set keeps only in facts (`related_only`: an
// industry word in passing is not an industry the area develops) is dropped
// unless a fact names it.
// Reads:  doc.facts, doc.entities
// Writes: doc.entities (removes those entities)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace unused_entities

}  // namespace doc2kg
