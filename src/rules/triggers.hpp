#pragma once
// Which rules a sentence triggers, found in one pass over it. A rule with
// triggers runs only where one of them occurs (rules/README.md); rather than
// search the sentence for each trigger of each rule, every trigger of every
// rule sits in one trie, and one walk over the sentence names the rules.
//
//   TriggerIndex index;
//   int n = index.add(rule.triggers);            // once per rule, at load
//   TriggerIndex::Hits hits = index.scan(text, s.begin, s.end);
//   if (hits.triggered(n)) run(rule);
//
// Thread-safety: immutable after the rule set is loaded; scan is const.
#include <unicode/unistr.h>

#include <cstdint>
#include <vector>

#include "rules/lexicon.hpp"

namespace doc2kg {

class TriggerIndex {
 public:
  // The rules one text triggers, by the numbers add() gave them.
  class Hits {
   public:
    bool triggered(int rule) const { return rule < 0 || (bits_[rule / 64] >> (rule % 64) & 1) != 0; }

   private:
    friend class TriggerIndex;
    std::vector<uint64_t> bits_;
  };

  // Registers a rule that runs where one of `triggers` occurs (always, when
  // there are none) and returns its number.
  int add(const std::vector<icu::UnicodeString>& triggers);
  // The rules that text[begin, end) triggers.
  Hits scan(const icu::UnicodeString& text, int32_t begin, int32_t end) const;

 private:
  Trie trie_;                 // trigger -> rule number
  std::vector<int> always_;   // rules without triggers
  int rules_ = 0;
};

}  // namespace doc2kg
