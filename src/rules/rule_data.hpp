#pragma once
// The plain values a rule set's lexicons become, shared by the rule set and
// the stages that read them: a word list, and the unit table figures are
// normalised with (ONTOLOGY.md: CNY in yuan, percent, count, ...).
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

namespace doc2kg {

// A word list of the rule set (a lexicon of kind "words"). Looked up by hash
// (a word, or a view of a text's units, with no string made), iterated in
// sorted order as the rule data was before, and aware of its longest word so
// that callers try no longer substring.
class WordSet {
 public:
  using const_iterator = std::set<icu::UnicodeString>::const_iterator;

  bool insert(const icu::UnicodeString& word) {
    auto [at, added] = sorted_.insert(word);
    if (added) {
      hashed_.insert(view(*at));  // a std::set's elements never move
      longest_ = std::max(longest_, word.length());
    }
    return added;
  }
  bool contains(std::u16string_view units) const { return hashed_.count(units) > 0; }
  size_t count(const icu::UnicodeString& word) const { return contains(view(word)); }
  // The units text[begin, begin + length) as a view (no copy).
  static std::u16string_view view(const icu::UnicodeString& text, int32_t begin, int32_t length) {
    return std::u16string_view(text.getBuffer() + begin, static_cast<size_t>(length));
  }
  int32_t longest() const { return longest_; }
  bool empty() const { return sorted_.empty(); }
  size_t size() const { return sorted_.size(); }
  const_iterator begin() const { return sorted_.begin(); }
  const_iterator end() const { return sorted_.end(); }
  const_iterator lower_bound(const icu::UnicodeString& word) const { return sorted_.lower_bound(word); }

 private:
  static std::u16string_view view(const icu::UnicodeString& w) { return view(w, 0, w.length()); }
  std::set<icu::UnicodeString> sorted_;
  std::unordered_set<std::u16string_view> hashed_;
  int32_t longest_ = 0;
};

struct UnitInfo {
  std::string unit;  // normalized: CNY, percent, percentagePoint, count, rank, or as written
  double scale = 1;  // 亿元 -> 1e8 when the table lists the scaled form itself
};

// Written unit -> normalized unit; loaded from the rules' `units` lexicon.
using UnitTable = std::map<icu::UnicodeString, UnitInfo>;

}  // namespace doc2kg
