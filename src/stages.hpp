#pragma once
// The composition root's table (pipeline.cpp), for the tests and the
// profiler: the stages in order, and the word lists they look up by name.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

struct Stage {
  std::string_view name;
  void (*run)(Document& doc, const RuleSetImpl& rules);
};

// The stages, in the order extract() runs them.
std::span<const Stage> stages();

// Every word list the stages look up by name (the reader's, names', areas',
// indicators', quantities' and periods'): a rule set without one of them is
// invalid, and RuleSet::check reports each missing one by its id.
std::vector<RequiredWordList> required_word_lists();

}  // namespace doc2kg
