// Figures become Indicators with the right subject, name, measure and period.
#include "doc2kg/indicators.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

namespace {

const IndicatorFact* find(const Document& x, double value, const std::string& unit) {
  for (const auto& f : x.indicators)
    if (f.value == value && f.unit == unit) return &f;
  return nullptr;
}

}  // namespace

TEST(Indicators, GrowthInheritsTheNameOfTheFigureBefore) {
  auto x = run("题\n2023-10-20\n\n今年1-9月,江宁区实现地区生产总值2186.4亿元,同比增长6.9%;规上工业增加值同比下降3.2%。");
  auto* gdp = find(x, 218640000000, "CNY");
  ASSERT_TRUE(gdp);
  EXPECT_EQ(gdp->name, "地区生产总值");
  EXPECT_EQ(gdp->subject, "江宁区");
  EXPECT_EQ(gdp->period, "2023-01/2023-09");
  auto* growth = find(x, 6.9, "percent");
  ASSERT_TRUE(growth);
  EXPECT_EQ(growth->name, "地区生产总值");
  EXPECT_EQ(growth->measure, "同比增长");
  auto* fall = find(x, 3.2, "percent");
  ASSERT_TRUE(fall);
  EXPECT_EQ(fall->measure, "同比下降");  // a decrease keeps its positive value
  EXPECT_EQ(fall->period, "2023-01/2023-09");
}

TEST(Indicators, AProjectsInvestmentBelongsToTheProject) {
  auto x = run("江宁区发展良好。总投资45亿元的储能电池项目开工;江宁区与星火科技有限公司签约光伏组件项目,总投资二十亿元。");
  auto* a = find(x, 4500000000, "CNY");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->subject, "储能电池项目");
  EXPECT_EQ(a->name, "总投资");
  EXPECT_EQ(a->period, "");
  auto* b = find(x, 2000000000, "CNY");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->subject, "光伏组件项目");
}

TEST(Indicators, CountsOfUnnamedThingsAndEnumerations) {
  auto x = run("江宁区拥有省级院士工作站2家,全区43个市级重点项目完成投资187.2亿元,省级以上孵化器2家、众创空间5家。");
  auto* w = find(x, 43, "count");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->name, "市级重点项目");
  auto* s = find(x, 5, "count");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "众创空间");
}

TEST(Indicators, CommunityFiguresAndPeriodsThatEndAtASemicolon) {
  auto x = run("江宁区发展良好。石桥镇青山村建成茶园2300亩,2022年村集体收入达到126万元;桂花街道明月社区服务居民8600余人。");
  auto* tea = find(x, 2300, "亩");
  ASSERT_TRUE(tea);
  EXPECT_EQ(tea->subject, "青山村");
  EXPECT_EQ(tea->period, "");
  auto* income = find(x, 1260000, "CNY");
  ASSERT_TRUE(income);
  EXPECT_EQ(income->period, "2022");
  auto* served = find(x, 8600, "count");
  ASSERT_TRUE(served);
  EXPECT_EQ(served->subject, "明月社区");
  EXPECT_EQ(served->period, "");
  EXPECT_EQ(served->qualifier, "余");
}

TEST(Indicators, ListSizesDatesAndCodesAreNotFigures) {
  auto x = run("6月21日,江宁区以智能电网、储能两大产业为主导,PM2.5平均浓度为27微克/立方米。");
  ASSERT_EQ(x.indicators.size(), 1u);
  EXPECT_EQ(x.indicators[0].name, "PM2.5平均浓度");
  EXPECT_EQ(x.indicators[0].value, 27);
}

TEST(Indicators, ApproximateAndRoundFigures) {
  auto x = run("江宁区数字经济占地区生产总值的比重超过三成,村集体收入突破亿元。");
  auto* share = find(x, 30, "percent");
  ASSERT_TRUE(share);
  EXPECT_EQ(share->measure, "超过");
  EXPECT_NE(share->name.find("比重"), std::string::npos);
  EXPECT_TRUE(find(x, 1e8, "CNY"));
}

TEST(Indicators, ARankingIsARank) {
  auto x = run("江宁区地区生产总值位列全国百强区第4位。");
  auto* r = find(x, 4, "rank");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name.find("第"), std::string::npos) << r->name;
}
