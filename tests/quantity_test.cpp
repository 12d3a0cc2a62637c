// Numerals, units and qualifiers: the forms news writes, and what is not a figure.
#include "analysis/quantity.hpp"

#include <gtest/gtest.h>

#include "doc2kg/error.hpp"
#include "rules/rule_set.hpp"
#include "test_support.hpp"

using namespace doc2kg;

namespace {

struct Case {
  const char* text;
  double value;
  const char* unit;
  const char* qualifier;
};

std::optional<Quantity> parse(const char* text) {
  static const QuantityGrammar grammar = QuantityGrammar::from(doc2kg::test::project_rules());
  return parse_quantity(icu::UnicodeString::fromUTF8(text), 0, grammar);
}

}  // namespace

class QuantityForms : public ::testing::TestWithParam<Case> {};

TEST_P(QuantityForms, ParsesValueUnitAndQualifier) {
  const Case& c = GetParam();
  auto q = parse(c.text);
  ASSERT_TRUE(q) << c.text;
  EXPECT_DOUBLE_EQ(q->value, c.value) << c.text;
  EXPECT_EQ(q->unit, c.unit) << c.text;
  EXPECT_EQ(q->qualifier, c.qualifier) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, QuantityForms,
    ::testing::Values(
        Case{"741亿元", 74100000000, "CNY", ""}, Case{"2186.4亿元", 218640000000, "CNY", ""},
        Case{"1026.4亿元", 102640000000, "CNY", ""}, Case{"20亿元", 2000000000, "CNY", ""},
        Case{"312万元", 3120000, "CNY", ""}, Case{"62472元", 62472, "CNY", ""}, Case{"4.16万元", 41600, "CNY", ""},
        Case{"二十亿元", 2000000000, "CNY", ""}, Case{"十二亿元", 1200000000, "CNY", ""},
        Case{"一百二十六亿元", 12600000000, "CNY", ""}, Case{"两千三百万元", 23000000, "CNY", ""},
        Case{"三十五亿元", 3500000000, "CNY", ""}, Case{"1,234,567元", 1234567, "CNY", ""},
        Case{"14.3亿美元", 1430000000, "美元", ""}, Case{"22.4%", 22.4, "percent", ""},
        Case{"100%", 100, "percent", ""}, Case{"三成", 30, "percent", ""}, Case{"六成", 60, "percent", ""},
        Case{"百分之六十", 60, "percent", ""}, Case{"3.2个百分点", 3.2, "percentagePoint", ""},
        Case{"277家", 277, "count", ""}, Case{"5.2万人", 52000, "count", ""}, Case{"1.26万户", 12600, "count", ""},
        Case{"2.3万人次", 23000, "count", ""}, Case{"21.6万人次", 216000, "count", ""},
        Case{"1600余人", 1600, "count", "余"}, Case{"3900余家", 3900, "count", "余"}, Case{"41个", 41, "count", ""},
        Case{"16所", 16, "count", ""}, Case{"15支", 15, "count", ""}, Case{"12条", 12, "count", ""},
        Case{"417名", 417, "count", ""}, Case{"320余件", 320, "count", "余"}, Case{"1200亩", 1200, "亩", ""},
        Case{"1.2万亩", 12000, "亩", ""}, Case{"12.6公里", 12.6, "公里", ""}, Case{"86万平方米", 860000, "平方米", ""},
        Case{"27微克/立方米", 27, "微克/立方米", ""}, Case{"0.5个工作日", 0.5, "个工作日", ""},
        Case{"2000万双", 20000000, "双", ""}, Case{"百家", 100, "count", ""}),
    [](const ::testing::TestParamInfo<Case>& info) {
      return "form" + std::to_string(info.index);
    });  // stable names for ctest

TEST(Quantity, WhatIsNotAFigure) {
  EXPECT_FALSE(parse("2022年"));    // a year
  EXPECT_FALSE(parse("6月21日"));   // a date
  EXPECT_FALSE(parse("三大产业"));  // a list size
  EXPECT_FALSE(parse("1-5月份"));   // a period, not a range of values
  EXPECT_FALSE(parse("一站式"));    // a word that starts with a numeral
  EXPECT_FALSE(parse("42abc"));     // garbage after a number
  EXPECT_FALSE(parse("两篇文章"));  // no unit the table knows
}

TEST(Quantity, ChineseNumerals) {
  EXPECT_EQ(parse_chinese_numeral(u"十"), 10);
  EXPECT_EQ(parse_chinese_numeral(u"二十"), 20);
  EXPECT_EQ(parse_chinese_numeral(u"一百二十六"), 126);
  EXPECT_EQ(parse_chinese_numeral(u"两千三百万"), 23000000);
  EXPECT_EQ(parse_chinese_numeral(u"一亿二千万"), 120000000);
  EXPECT_EQ(parse_chinese_numeral(u"三万五千"), 35000);
  EXPECT_EQ(parse_chinese_numeral(u"〇"), 0);
  EXPECT_FALSE(parse_chinese_numeral(u"二十个"));
}

// Figures as they are typed: spaces before the unit, thousands separators,
// Chinese numerals with 亿 and 万 sections, approximations before and after the unit.
INSTANTIATE_TEST_SUITE_P(Written, QuantityForms,
                         ::testing::Values(Case{"645.3 亿元", 64530000000, "CNY", ""},
                                           Case{"37,150 元", 37150, "CNY", ""}, Case{"12 家", 12, "count", ""},
                                           Case{"四亿五千万元", 450000000, "CNY", ""},
                                           Case{"二百零八万元", 2080000, "CNY", ""}, Case{"十多台", 10, "count", "多"},
                                           Case{"5600多元", 5600, "CNY", "多"}, Case{"300家以上", 300, "count", "以上"},
                                           Case{"5%左右", 5, "percent", "左右"},
                                           Case{"2.5%以内", 2.5, "percent", "以内"}, Case{"120栋", 120, "count", ""},
                                           Case{"650张", 650, "count", ""}, Case{"3.4万单", 34000, "count", ""},
                                           Case{"2.3倍", 2.3, "倍", ""}, Case{"4成", 40, "percent", ""}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return "written" + std::to_string(info.index);
                         });

TEST(Quantity, ARangeWrittenWithOneUnitHasBothBounds) {
  struct Range {
    const char* text;
    double low, high;
    const char* unit;
  };
  for (const Range& r : {Range{"3万至4万吨", 30000, 40000, "吨"}, Range{"1.2至1.5亿元", 120000000, 150000000, "CNY"},
                         Range{"20-30个", 20, 30, "count"}, Range{"五至八万亩", 50000, 80000, "亩"},
                         Range{"3至5万千瓦", 30000, 50000, "千瓦"}}) {
    auto q = parse(r.text);
    ASSERT_TRUE(q) << r.text;
    EXPECT_TRUE(q->range) << r.text;
    EXPECT_DOUBLE_EQ(q->low, r.low) << r.text;
    EXPECT_DOUBLE_EQ(q->value, r.high) << r.text;
    EXPECT_EQ(q->unit, r.unit) << r.text;
  }
  auto single = parse("12万吨");
  ASSERT_TRUE(single);
  EXPECT_FALSE(single->range);
}

TEST(Quantity, TheWrittenUnitIsKeptWithoutItsScale) {
  auto sets = parse("45万套");
  ASSERT_TRUE(sets);
  EXPECT_EQ(sets->unit, "count");
  EXPECT_EQ(sets->written_unit, "套");
  EXPECT_DOUBLE_EQ(sets->value, 450000);
  auto cars = parse("8万辆");
  ASSERT_TRUE(cars);
  EXPECT_EQ(cars->written_unit, "辆");
}

TEST(Quantity, TheWordsAroundNumbersAreRuleData) {
  // Without 以上 in its list, 300家以上 is 300家 followed by other text.
  RuleSetImpl rules;
  for (const auto& list : quantity_word_lists()) rules.word_lists[list];
  rules.units[u"家"] = {"count", 1};
  auto g = QuantityGrammar::from(rules);
  auto q = parse_quantity(u"300家以上", 0, g);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->end, 4);
  EXPECT_EQ(q->qualifier, "");
  rules.word_lists["quantity_approx_suffixes"].insert(u"以上");
  q = parse_quantity(u"300家以上", 0, QuantityGrammar::from(rules));
  EXPECT_EQ(q->end, 6);
  EXPECT_EQ(q->qualifier, "以上");
}

TEST(Quantity, AMissingWordListIsARulesErrorThatNamesIt) {
  RuleSetImpl rules;
  try {
    QuantityGrammar::from(rules);
    FAIL() << "expected a rules error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
    EXPECT_NE(std::string(e.what()).find("quantity_percent_prefixes"), std::string::npos) << e.what();
  }
}
