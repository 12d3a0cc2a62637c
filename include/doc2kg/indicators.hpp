#pragma once
// Indicators: every statistical figure of the article with its name, measure
// (同比增长, 占比, 达到), normalized value and unit, period and subject (the
// area, zone, project or community the clause is about; else the article's area).
#include <string>
#include <vector>

#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

struct IndicatorFact {
  std::string subject_type, subject;
  std::string name, measure, unit, period, qualifier;
  double value = 0;
  Range evidence;  // the sentence
  std::string rule;

  // Unique within a graph: the same figure stated twice is one indicator.
  std::string key() const;
};

std::vector<IndicatorFact> extract_indicators(const Document& doc, const RuleSet& rules);

}  // namespace doc2kg
