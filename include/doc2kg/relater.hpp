#pragma once
// Relater: relation rules over annotated sentences, the defaults that the
// ontology states (an entity named in an article about an area is located in
// it), and District -> City -> Province from the division table.
#include <string>
#include <vector>

#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

struct Fact {
  std::string head_type, head, relation, tail_type, tail;
  Range evidence;  // the sentence that states it
  std::string rule;
  double confidence = 1.0;
};

// Applies the relation rules once; list slots written {T+} may add new entities to doc.
std::vector<Fact> apply_relation_rules(Document& doc, const RuleSet& rules);

// locatedIn for names that open with their container (白兔镇草莓文旅综合体 in 白兔镇).
std::vector<Fact> containers_in_names(const Document& doc);

// locatedIn defaults and the division hierarchy, given the facts the text states.
std::vector<Fact> infer_containment(const Document& doc, const RuleSet& rules, const std::vector<Fact>& stated);

}  // namespace doc2kg
