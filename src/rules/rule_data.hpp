#pragma once
// The plain values a rule set's lexicons become, shared by the rule set and
// the stages that read them: a word list, and the unit table figures are
// normalised with (ONTOLOGY.md: CNY in yuan, percent, count, ...).
#include <unicode/unistr.h>

#include <map>
#include <set>
#include <string>

namespace doc2kg {

// A word list of the rule set (a lexicon of kind "words").
using WordSet = std::set<icu::UnicodeString>;

struct UnitInfo {
  std::string unit;  // normalized: CNY, percent, percentagePoint, count, rank, or as written
  double scale = 1;  // 亿元 -> 1e8 when the table lists the scaled form itself
};

// Written unit -> normalized unit; loaded from the rules' `units` lexicon.
using UnitTable = std::map<icu::UnicodeString, UnitInfo>;

}  // namespace doc2kg
