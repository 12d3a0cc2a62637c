#pragma once
// Time expressions of economic reporting resolved against the article's date:
// 今年1-5月份, 上半年, 一季度, 前三季度, 首四个月, 去年, 2022年, 截至6月底 ->
// ISO 8601 years, months or start/end intervals (2023-01/2023-05).
// The words of the grammar (年, 月, 季度, 今年, 截至 ...) are rule data: word
// lists of the rule set, see period_word_lists().
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/pattern.hpp"

namespace doc2kg {

class RuleSetImpl;

struct Period {
  std::string iso;             // "" for 目前/当前/2022年以来: explicitly no period
  int32_t begin = 0, end = 0;  // where the expression is, in the searched string
};

// The word lists PeriodGrammar needs.
const std::vector<std::string>& period_word_lists();

class PeriodGrammar {
 public:
  // Builds the grammar from the rule set's period_* word lists; throws
  // Error(ErrorKind::Rules) naming the first one missing.
  explicit PeriodGrammar(const RuleSetImpl& rules);

  // Every time expression in s[begin, end), in order. `year` is the article's
  // year (今年, 去年, and 上半年 with no year before it are read against it);
  // `carried`, if not 0, the year the text is about at `begin`: 全年 with no
  // year before it in s is that year (去年,…。全年实现…).
  std::vector<Period> find(const icu::UnicodeString& s, int32_t begin, int32_t end, int year, int carried = 0) const;

  // The year to read 今年/去年 against: the article's date, else the first year the text states.
  int reference_year(const std::string& iso_date, const icu::UnicodeString& text) const;

 private:
  std::shared_ptr<RulePattern> pattern_, year_;  // PCRE2 where it can (pattern.hpp)
};

}  // namespace doc2kg
