#pragma once
// Indicators: every statistical figure of the article with its name, measure
// (同比增长, 占比, 达到), normalized value and unit, period and subject (the
// area, zone, project or community the clause is about; else the article's area).
// The words it reads figures with are word lists of the rule set
// (indicator_*, quantity_*, period_*; see indicator_word_lists()).
#include <string>
#include <vector>

#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

namespace indicators {

// Reads:  doc.sentences, doc.paragraphs, doc.entities, doc.text, doc.area, doc.info
// Writes: doc.indicators
// Throws Error(ErrorKind::Rules) naming a word list the rule set lacks.
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace indicators

// Every word list indicators need (their own, quantities' and periods'): the
// rule set must have each (rules.cpp reports a missing one by its id).
std::vector<std::string> indicator_word_lists();

}  // namespace doc2kg
