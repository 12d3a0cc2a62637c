// Time expressions resolved against the article's date.
#include "analysis/period.hpp"

#include <gtest/gtest.h>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "rules/rule_set.hpp"
#include "test_support.hpp"

using namespace doc2kg;

namespace {

const PeriodGrammar& grammar() {
  static const PeriodGrammar g(doc2kg::test::project_rules());
  return g;
}

int reference_year(const std::string& date, const icu::UnicodeString& text) {
  return grammar().reference_year(date, text);
}

std::vector<std::string> periods(const char* text, int year = 2023, int carried = 0) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  std::vector<std::string> out;
  for (const auto& p : grammar().find(s, 0, s.length(), year, carried)) out.push_back(p.iso);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(Period, MonthRanges) {
  EXPECT_EQ(periods("今年1-5月份,全区"), (V{"2023", "2023-01/2023-05"}));
  EXPECT_EQ(periods("1-9月,全区"), V{"2023-01/2023-09"});
  EXPECT_EQ(periods("1—7月"), V{"2023-01/2023-07"});
  EXPECT_EQ(periods("2022年1-9月"), (V{"2022", "2022-01/2022-09"}));
}

TEST(Period, HalvesAndQuarters) {
  EXPECT_EQ(periods("上半年"), V{"2023-01/2023-06"});
  EXPECT_EQ(periods("下半年"), V{"2023-07/2023-12"});
  EXPECT_EQ(periods("一季度"), V{"2023-01/2023-03"});
  EXPECT_EQ(periods("第二季度"), V{"2023-04/2023-06"});
  EXPECT_EQ(periods("前三季度"), V{"2023-01/2023-09"});
  EXPECT_EQ(periods("2022年上半年"), (V{"2022", "2022-01/2022-06"}));
}

TEST(Period, YearsAndRelativeYears) {
  EXPECT_EQ(periods("去年"), V{"2022"});
  EXPECT_EQ(periods("今年以来"), V{"2023"});
  EXPECT_EQ(periods("2022年,全区"), V{"2022"});
  EXPECT_EQ(periods("前年", 2024), V{"2022"});
}

TEST(Period, StocksAndSingleMonths) {
  EXPECT_EQ(periods("截至6月底"), V{"2023-06"});
  EXPECT_EQ(periods("9月,我区举行"), V{"2023-09"});
}

TEST(Period, WhatIsNotAPeriod) {
  EXPECT_EQ(periods("6月21日,记者获悉"), V{});  // a date
  EXPECT_EQ(periods("比去年同期增长"), V{});    // a comparison base
  EXPECT_EQ(periods("目前"), V{""});            // explicitly no period
  EXPECT_EQ(periods("上半年", 0), V{});         // no year to put it in
  EXPECT_EQ(periods("2000万双"), V{});
}

TEST(Period, ReferenceYearFromTheDateElseTheText) {
  EXPECT_EQ(reference_year("2024-02-05", u"2022年"), 2024);
  EXPECT_EQ(reference_year("", u"2023年前三季度,郫都区"), 2023);
  EXPECT_EQ(reference_year("", u"没有年份"), 0);
}

TEST(Period, FirstMonthsWrittenInEveryWay) {
  EXPECT_EQ(periods("1至6月,全市"), V{"2023-01/2023-06"});
  EXPECT_EQ(periods("1—10月"), V{"2023-01/2023-10"});
  EXPECT_EQ(periods("1月至8月"), V{"2023-01/2023-08"});
  EXPECT_EQ(periods("首五个月,全县"), V{"2023-01/2023-05"});
  EXPECT_EQ(periods("今年前8个月"), (V{"2023", "2023-01/2023-08"}));
  EXPECT_EQ(periods("1-3月12日"), V{});  // a date, not a span
}

TEST(Period, MonthAndYearEnds) {
  EXPECT_EQ(periods("截至2022年9月底"), V{"2022-09"});
  EXPECT_EQ(periods("截至2021年底"), V{"2021-12"});
  EXPECT_EQ(periods("10月末,全区"), V{"2023-10"});
  EXPECT_EQ(periods("去年底"), V{"2022-12"});
}

TEST(Period, TargetsAndSpans) {
  EXPECT_EQ(periods("明年将新增"), V{"2024"});
  EXPECT_EQ(periods("2021年以来"), V{""});  // up to now: no calendar bounds
  EXPECT_EQ(periods("今年以来"), V{"2023"});
  EXPECT_EQ(periods("一年来,累计"), V{""});
  EXPECT_EQ(periods("近年来"), V{""});
}

TEST(Period, TheWholeYearIsTheYearTheTextIsAbout) {
  EXPECT_EQ(periods("全年", 2024, 2023), V{"2023"});  // 去年,…。全年实现…
  EXPECT_EQ(periods("全年", 2024), V{"2024"});
  EXPECT_EQ(periods("2021年全年", 2024, 2023), (V{"2021", "2021"}));
  EXPECT_EQ(periods("上半年", 2024, 2023), V{"2024-01/2024-06"});  // the carried year is the whole year's only
}

TEST(Period, SamePeriodRepeatsTheOneBefore) {
  EXPECT_EQ(periods("前三季度,甲区增长;同期,乙区增长"), (V{"2023-01/2023-09", "2023-01/2023-09"}));
  EXPECT_EQ(periods("比上年同期增长"), V{});
}

TEST(Period, AMissingWordListIsARulesErrorThatNamesIt) {
  RuleSetImpl rules;
  for (const auto& list : period_word_lists())
    if (list != "period_quarter_marks") rules.word_lists[list];
  try {
    PeriodGrammar g(rules);
    FAIL() << "expected a rules error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
    EXPECT_NE(std::string(e.what()).find("period_quarter_marks"), std::string::npos) << e.what();
  }
}
