// Figures become Indicators with the right subject, name, measure and period.
#include "analysis/indicators.hpp"

#include <gtest/gtest.h>

#include "doc2kg/error.hpp"
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
  auto x =
      run("题\n2023-10-20\n\n今年1-9月,江宁区实现地区生产总值2186.4亿元,同比增长6.9%;规上工业增加值同比下降3.2%。");
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
  auto x =
      run("江宁区发展良好。总投资45亿元的储能电池项目开工;江宁区与星火科技有限公司签约光伏组件项目,总投资二十亿元。");
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
  auto x =
      run("江宁区发展良好。石桥镇青山村建成茶园2300亩,2022年村集体收入达到126万元;桂花街道明月社区服务居民8600余人。");
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

namespace {

// A dated article around a body of one or more paragraphs.
Document article(const std::string& body, const std::string& date = "2023-07-20", const std::string& title = "题") {
  return run(title + "\n" + date + "\n\n" + body);
}

std::vector<const IndicatorFact*> all(const Document& x, double value, const std::string& unit) {
  std::vector<const IndicatorFact*> out;
  for (const auto& f : x.indicators)
    if (f.value == value && f.unit == unit) out.push_back(&f);
  return out;
}

}  // namespace

TEST(Indicators, YearOnYearWordsAreMeasures) {
  auto x = article("今年1至5月,江宁区社会消费品零售总额按年增长6.2%,出口总额按年下降2.1%,比上年提高0.4个百分点。");
  auto* up = find(x, 6.2, "percent");
  ASSERT_TRUE(up);
  EXPECT_EQ(up->name, "社会消费品零售总额");
  EXPECT_EQ(up->measure, "按年增长");
  EXPECT_EQ(up->period, "2023-01/2023-05");
  auto* down = find(x, 2.1, "percent");
  ASSERT_TRUE(down);
  EXPECT_EQ(down->name, "出口总额");
  EXPECT_EQ(down->measure, "按年下降");
  auto* points = find(x, 0.4, "percentagePoint");
  ASSERT_TRUE(points);
  EXPECT_EQ(points->name, "出口总额");  // 比上年提高: the figure before, not a period of 上年
  EXPECT_EQ(points->period, "2023-01/2023-05");
}

TEST(Indicators, RankingsWithAndWithoutAPosition) {
  auto x = article(
      "上半年,江宁区规上工业增加值同比增长9.1%,增速居南京市各区第3位;固定资产投资增长5.5%,"
      "增速在全省13个设区市中排第5位。全区数字经济营业收入增速居全市第一。");
  auto* third = find(x, 3, "rank");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->name, "规上工业增加值增速");
  EXPECT_EQ(third->subject, "江宁区");  // not 南京市, the scope of the ranking
  EXPECT_EQ(third->period, "2023-01/2023-06");
  auto* fifth = find(x, 5, "rank");
  ASSERT_TRUE(fifth);
  EXPECT_EQ(fifth->name, "固定资产投资增速");
  EXPECT_FALSE(find(x, 13, "count"));  // the number of cities ranked is not a figure
  auto* first = find(x, 1, "rank");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->name, "数字经济营业收入增速");
}

TEST(Indicators, TimesAndTenths) {
  auto x = article("江宁区跨境电商交易额是上年的2.3倍,新能源汽车产值占全区工业产值的比重超过三成。");
  auto* times = find(x, 2.3, "倍");
  ASSERT_TRUE(times);
  EXPECT_EQ(times->name, "跨境电商交易额");
  EXPECT_EQ(times->period, "");  // 上年 is the base of the comparison
  EXPECT_TRUE(find(x, 30, "percent"));
}

TEST(Indicators, ApproximationsAndBounds) {
  auto x = article("江宁区全年接待游客近30万人次,新增市场主体3000户以上,城镇登记失业率控制在3%以内。");
  auto* visitors = find(x, 300000, "count");
  ASSERT_TRUE(visitors);
  EXPECT_EQ(visitors->name, "接待游客");
  EXPECT_EQ(visitors->measure, "近");
  auto* firms = find(x, 3000, "count");
  ASSERT_TRUE(firms);
  EXPECT_EQ(firms->name, "新增市场主体");
  EXPECT_EQ(firms->qualifier, "以上");
  auto* rate = find(x, 3, "percent");
  ASSERT_TRUE(rate);
  EXPECT_EQ(rate->qualifier, "以内");
}

TEST(Indicators, ChineseNumeralsFullWidthDigitsSeparatorsAndSpaces) {
  auto x = article(
      "总投资四亿五千万元的智能装备项目开工。江宁区实现地区生产总值３２１．５亿元。\n"
      "全区城镇居民人均可支配收入 51,320 元,规上工业总产值 645.3 亿元,增长 7.6%。");
  auto* project = find(x, 450000000, "CNY");
  ASSERT_TRUE(project);
  EXPECT_EQ(project->subject, "智能装备项目");
  EXPECT_TRUE(find(x, 32150000000, "CNY"));
  auto* income = find(x, 51320, "CNY");
  ASSERT_TRUE(income);
  EXPECT_EQ(income->name, "城镇居民人均可支配收入");
  auto* output = find(x, 64530000000, "CNY");
  ASSERT_TRUE(output);
  EXPECT_EQ(output->name, "规上工业总产值");
  auto* growth = find(x, 7.6, "percent");
  ASSERT_TRUE(growth);
  EXPECT_EQ(growth->name, "规上工业总产值");
}

TEST(Indicators, ARangeGivesItsTwoBounds) {
  auto x = article("江宁区年产茶叶3万至4万吨。");
  auto* low = find(x, 30000, "吨");
  auto* high = find(x, 40000, "吨");
  ASSERT_TRUE(low && high);
  EXPECT_EQ(low->name, "年产茶叶");
  EXPECT_EQ(high->name, "年产茶叶");
  EXPECT_EQ(low->measure, "区间下限");
  EXPECT_EQ(high->measure, "区间上限");
}

TEST(Indicators, StocksTargetsAndSpansGetTheirPeriods) {
  auto x = article(
      "截至5月底,江宁区经营主体达到12.6万户。\n明年,江宁区力争新增规上企业60家以上。\n"
      "2021年以来,江宁区累计建成充电桩800个。",
      "2023-06-20");
  auto* stock = find(x, 126000, "count");
  ASSERT_TRUE(stock);
  EXPECT_EQ(stock->period, "2023-05");
  auto* target = find(x, 60, "count");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->period, "2024");
  EXPECT_EQ(target->name, "新增规上企业");
  auto* since = find(x, 800, "count");
  ASSERT_TRUE(since);
  EXPECT_EQ(since->period, "");
}

TEST(Indicators, ATimeThatOpensTheTextCarriesToFiguresWithoutOne) {
  auto x = article("刚刚过去的2022年\n全区地区生产总值增长4.2%。\n江宁区新增高新技术企业310家。", "2023-01-10");
  auto* growth = find(x, 4.2, "percent");
  ASSERT_TRUE(growth);
  EXPECT_EQ(growth->period, "2022");
  auto y = article("一季度,江宁区经济运行平稳。全区实现地区生产总值612.4亿元。", "2023-04-20");
  auto* gdp = find(y, 61240000000, "CNY");
  ASSERT_TRUE(gdp);
  EXPECT_EQ(gdp->period, "2023-01/2023-03");
}

TEST(Indicators, RespectivelyPairsFiguresWithSubjectsOrNames) {
  auto x = article(
      "储能电池项目和光伏组件项目,总投资分别为12亿元和8亿元。\n"
      "江宁区接待游客560万人次,实现旅游收入48亿元,同比分别增长11.2%和13.5%。");
  auto* a = find(x, 1200000000, "CNY");
  auto* b = find(x, 800000000, "CNY");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->subject, "储能电池项目");
  EXPECT_EQ(b->subject, "光伏组件项目");
  EXPECT_EQ(a->name, "总投资");
  auto* visitors = find(x, 11.2, "percent");
  auto* income = find(x, 13.5, "percent");
  ASSERT_TRUE(visitors && income);
  EXPECT_EQ(visitors->name, "接待游客");
  EXPECT_EQ(income->name, "旅游收入");
}

TEST(Indicators, AHeadlineFigureThatRestatesTheBodyIsNotRepeated) {
  auto x = article("一季度,江宁区工业投资同比增长23.4%。", "2023-04-20", "江宁区一季度工业投资增逾两成");
  EXPECT_FALSE(find(x, 20, "percent"));
  EXPECT_TRUE(find(x, 23.4, "percent"));
}

TEST(Indicators, CompanyFiguresAndQuotedSpeechAreNotTheAreas) {
  auto x = article(
      "江宁区发展良好。星火科技有限公司被认定为高新技术企业,带动周边农户320户。"
      "村里的竹编工坊年销售额达500万元,带动村民80人就业。"
      "“今年我们的订单超过2亿元,比去年翻了一番。”公司负责人说。");
  EXPECT_FALSE(find(x, 320, "count"));
  EXPECT_FALSE(find(x, 5000000, "CNY"));
  EXPECT_FALSE(find(x, 80, "count"));
  EXPECT_FALSE(find(x, 200000000, "CNY"));
}

TEST(Indicators, TheObjectOfAWorkVerbIsTheSubjectOfTheNextClauseOnly) {
  auto x = article(
      "江宁区实施“老街焕新”工程,改造老旧小区25个、惠及居民4200户。\n"
      "江宁区实施“强链补链”工程,上半年新增规上企业45家。");
  auto* renovated = find(x, 25, "count");
  ASSERT_TRUE(renovated);
  EXPECT_EQ(renovated->subject, "老街焕新工程");
  auto* residents = find(x, 4200, "count");
  ASSERT_TRUE(residents);
  EXPECT_EQ(residents->subject, "老街焕新工程");
  auto* firms = find(x, 45, "count");
  ASSERT_TRUE(firms);
  EXPECT_EQ(firms->subject, "江宁区");  // a clause with a time of its own
}

TEST(Indicators, ProductionKeepsItsUnitAndANameStatesACapacity) {
  auto x = article("江宁区整车年产能达到30万辆,新增床位600张。年产5万吨生物基材料项目开工。");
  EXPECT_TRUE(find(x, 300000, "辆"));
  EXPECT_TRUE(find(x, 600, "count"));
  auto* capacity = find(x, 50000, "吨");
  ASSERT_TRUE(capacity);
  EXPECT_EQ(capacity->subject, "年产5万吨生物基材料项目");
}

TEST(Indicators, AreaWordsNameTheDistrictTheParagraphIsAbout) {
  auto x = article(
      "2022年,南京市实现地区生产总值1.69万亿元。溧水区以航空制造为主导产业,全区工业投资增长15.2%。\n"
      "江宁区以智能电网为主导产业,全区规上企业达到1250家。",
      "2023-02-20");
  auto* city = find(x, 1690000000000, "CNY");
  ASSERT_TRUE(city);
  EXPECT_EQ(city->subject, "南京市");
  EXPECT_EQ(city->subject_type, "City");
  auto* lishui = find(x, 15.2, "percent");
  ASSERT_TRUE(lishui);
  EXPECT_EQ(lishui->subject, "溧水区");
  auto* jiangning = find(x, 1250, "count");
  ASSERT_TRUE(jiangning);
  EXPECT_EQ(jiangning->subject, "江宁区");
}

TEST(Indicators, SharesAndComparisonsTakeTheNameBefore) {
  auto x = article(
      "1—11月,江宁区规上工业总产值同比增长7.2%,占全市的比重达到18.6%,比去年同期提高0.8个百分点。"
      "全区软件企业从2019年的85家增加到212家。",
      "2023-12-20");
  auto* share = find(x, 18.6, "percent");
  ASSERT_TRUE(share);
  EXPECT_EQ(share->name.rfind("规上工业总产值占", 0), 0u) << share->name;
  EXPECT_EQ(share->period, "2023-01/2023-11");
  auto* points = find(x, 0.8, "percentagePoint");
  ASSERT_TRUE(points);
  EXPECT_EQ(points->name, share->name);
  auto* before = find(x, 85, "count");
  auto* after = find(x, 212, "count");
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->period, "2019");
  EXPECT_EQ(after->period, "");  // 2019年的 is the time of the first figure only
  EXPECT_EQ(after->name, before->name);
}

TEST(Indicators, AFormerNameInParenthesesIsTheSameVillage) {
  auto x = article("江宁区发展良好。谷里街道石塘村(原石塘人家村)种植花卉1800亩,带动村民人均增收6500元。");
  auto* flowers = find(x, 1800, "亩");
  ASSERT_TRUE(flowers);
  EXPECT_EQ(flowers->subject, "石塘村");
}

TEST(Indicators, AVerbAloneBeforeACountNamesItWithTheNounAfter) {
  auto x = article("江宁区今年安排15个重点项目。");
  auto* f = find(x, 15, "count");
  ASSERT_TRUE(f);
  EXPECT_NE(f->name.find("重点项目"), std::string::npos) << f->name;
}

TEST(Indicators, AMissingWordListIsARulesErrorThatNamesIt) {
  RuleSetImpl rules;
  for (const auto& list : indicator_word_lists())
    if (list != "indicator_rank_verbs") rules.word_lists[list];
  Document doc;
  try {
    indicators::run(doc, rules);
    FAIL() << "expected a rules error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
    EXPECT_NE(std::string(e.what()).find("indicator_rank_verbs"), std::string::npos) << e.what();
  }
}

TEST(Indicators, FiguresOfATextAboutATownAreTheTowns) {
  // The title opens with the town: a figure with no place of its own is the town's, and so is a bare "街道".
  auto x = article(
      "2023年,在区委坚强领导下,谷里街道围绕江宁区的部署推进各项工作。全年完成税收收入3.27亿元,"
      "街道新引进企业143家。\n"
      "石桥镇青山村有茶园 2600 亩\n"
      "江宁区重点项目集中开工\n"
      "全区集中开工项目总投资86亿元。",
      "2024-01-15", "谷里街道2023年工作总结");
  auto* tax = find(x, 327000000, "CNY");
  ASSERT_TRUE(tax);
  EXPECT_EQ(tax->subject, "谷里街道");
  EXPECT_EQ(tax->period, "2023");
  auto* firms = find(x, 143, "count");
  ASSERT_TRUE(firms);
  EXPECT_EQ(firms->subject, "谷里街道");
  auto* tea = find(x, 2600, "亩");  // a list line that opens with a town and its village: the village's
  ASSERT_TRUE(tea);
  EXPECT_EQ(tea->subject, "青山村");
  auto* district = find(x, 8600000000, "CNY");  // a heading that opens with the district hands the text back
  ASSERT_TRUE(district);
  EXPECT_EQ(district->subject, "江宁区");
}


TEST(Indicators, AComparisonIsAMeasureOfTheFigureBeforeAndAnAsideIsNoSubject) {
  auto x = article(
      "上半年,江宁区地区生产总值同比增长6.3%,高于南京市平均水平0.5个百分点(南京市同比增长5.8%),"
      "增速居南京市各区第3位。固定资产投资下降2.3%,降幅较上年收窄4.4个百分点;全区规上工业产值比增9.7%。");
  auto* above = find(x, 0.5, "percentagePoint");
  ASSERT_TRUE(above);
  EXPECT_EQ(above->name, "地区生产总值");
  EXPECT_EQ(above->measure.rfind("高于", 0), 0u) << above->measure;
  auto* city = find(x, 5.8, "percent");
  ASSERT_TRUE(city);
  EXPECT_EQ(city->subject, "南京市");
  auto* rank = find(x, 3, "rank");  // the city named in the aside before it is not what ranks
  ASSERT_TRUE(rank);
  EXPECT_EQ(rank->subject, "江宁区");
  auto* narrowed = find(x, 4.4, "percentagePoint");
  ASSERT_TRUE(narrowed);
  EXPECT_EQ(narrowed->name, "固定资产投资降幅");
  auto* up = find(x, 9.7, "percent");  // 比增: up on the year before, a measure
  ASSERT_TRUE(up);
  EXPECT_EQ(up->name, "规上工业产值");
}
