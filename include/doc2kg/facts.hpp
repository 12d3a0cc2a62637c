#pragma once
// Facts: what the stages state about the article's entities. A Fact is one
// relation between two entities (ONTOLOGY.md), an IndicatorFact one
// statistical figure of an entity; both carry the sentence that states them.
// Document (document.hpp) holds both lists.
#include <string>
#include <vector>

#include "doc2kg/range.hpp"

namespace doc2kg {

struct Fact {
  std::string head_type, head, relation, tail_type, tail;
  Range evidence;  // the sentence that states it
  std::string rule;
  double confidence = 1.0;
};

struct IndicatorFact {
  std::string subject_type, subject;
  std::string name, measure, unit, period, qualifier;
  double value = 0;
  Range evidence;  // the sentence
  std::string rule;
  bool investment = false;  // a project's investment (its name has a word of `investment_names`: 总投资)

  // Unique within a graph: the same figure stated twice is one indicator.
  std::string key() const;
};

// Appends the facts of `more` that `facts` does not hold yet (the same fact
// stated in the same sentence), in order; the first of two equal facts stays.
void add_facts(std::vector<Fact>& facts, std::vector<Fact> more);

}  // namespace doc2kg
