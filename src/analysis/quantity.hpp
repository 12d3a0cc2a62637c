#pragma once
// Quantities as Chinese news writes them: Arabic and Chinese numerals and
// their mixes (2186.4亿元, 二十亿元, 1.5万, 三成, 百分之六十, 近百家, 46,280 元),
// ranges (9万至10万吨), with the unit normalized as ONTOLOGY.md says (CNY in
// yuan, percent, count, ...). The words around numbers (余, 成, 以上, 至 ...)
// are rule data: word lists of the rule set (see quantity_word_lists()).
#include <unicode/unistr.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/rule_data.hpp"

namespace doc2kg {

class RuleSetImpl;

// The word list `name`; throws Error(ErrorKind::Rules) naming it when the rule set has none.
const WordSet& required_words(const RuleSetImpl& rules, const std::string& name);

// Length of the longest word of `words` that starts at s[at], not reaching past `end` (0: none).
int32_t word_at(const WordSet& words, const icu::UnicodeString& s, int32_t at, int32_t end = -1);
// Length of the longest word of `words` that ends just before s[end], not starting before `begin` (0: none).
int32_t word_before(const WordSet& words, const icu::UnicodeString& s, int32_t end, int32_t begin = 0);

// The words quantities are read with. Pointers into a RuleSetImpl, which must outlive it.
struct QuantityGrammar {
  const UnitTable* units = nullptr;
  const WordSet* percent_prefixes = nullptr;  // quantity_percent_prefixes: 百分之六十
  const WordSet* approx_infixes = nullptr;    // quantity_approx_infixes: 1600余人, 十多台
  const WordSet* approx_suffixes = nullptr;   // quantity_approx_suffixes: 500家以上, 6%左右
  const WordSet* tenths = nullptr;            // quantity_tenths: 三成 -> 30 percent
  const WordSet* range_marks = nullptr;       // quantity_range_marks: 9万至10万吨

  // Throws Error(ErrorKind::Rules) naming the first list the rule set lacks.
  static QuantityGrammar from(const RuleSetImpl& rules);
};

// The word lists QuantityGrammar::from needs.
const std::vector<std::string>& quantity_word_lists();

struct Quantity {
  double value = 0;
  std::string unit;
  std::string written_unit;    // the unit as written, without 万/亿 (套 in 60万套)
  std::string qualifier;       // 余 多 以上 左右 ... as written, "" if none
  int32_t begin = 0, end = 0;  // the number and its unit in the parsed string
  // A range (9万至10万吨): `value` is its upper bound, `low` its lower one.
  bool range = false;
  double low = 0;
};

// The value of a Chinese numeral (二十, 两千三百万, 一百二十六, 〇); nullopt if not one.
std::optional<double> parse_chinese_numeral(const icu::UnicodeString& s);

// Parses a quantity starting exactly at `at` (its number); nullopt when there is
// none there, or the number has no unit the table knows (a date, a list size).
// Spaces between the number and its unit are read over (812.6 亿元).
std::optional<Quantity> parse_quantity(const icu::UnicodeString& s, int32_t at, const QuantityGrammar& grammar);

// A bare number (digits or a Chinese numeral) at `at`: its value and end; nullopt if none.
std::optional<std::pair<double, int32_t>> parse_number(const icu::UnicodeString& s, int32_t at);

// True for characters that can start a number: 0-9 and Chinese numerals.
bool starts_number(UChar c);

// True for the spaces that may stand inside a figure (ASCII, ideographic, no-break).
bool is_figure_space(UChar c);

}  // namespace doc2kg
