#pragma once
// Time expressions of economic reporting resolved against the article's date:
// 今年1-5月份, 上半年, 一季度, 前三季度, 去年, 2022年, 截至6月底 -> ISO 8601
// years, months or start/end intervals (2023-01/2023-05).
#include <unicode/unistr.h>

#include <string>
#include <vector>

namespace doc2kg {

struct Period {
  std::string iso;  // "" for 目前/当前: explicitly no period
  int32_t begin = 0, end = 0;  // where the expression is, in the searched string
};

// Every time expression in s[begin, end), in order. `year` is the article's year.
std::vector<Period> find_periods(const icu::UnicodeString& s, int32_t begin, int32_t end, int year);

// The year to read 今年/去年 against: the article's date, else the first year the text states.
int reference_year(const std::string& iso_date, const icu::UnicodeString& text);

}  // namespace doc2kg
