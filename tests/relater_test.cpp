// Each construction family of rules/relations.json, in short sentences written for the test.
#include "analysis/relater.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace doc2kg::test;

TEST(Relater, RoleWordDecidesTheIndustryRelation) {
  auto x = run("江宁区构建以智能电网、绿色低碳两大产业为主导,以软件信息为特色,以现代物流为支撑的产业体系。");
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "智能电网"));
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "绿色低碳"));
  EXPECT_TRUE(has_fact(x, "江宁区", "characteristicIndustry", "软件信息"));
  EXPECT_TRUE(has_fact(x, "江宁区", "supportingIndustry", "现代物流"));
}

TEST(Relater, ListThenRoleWordAndFirstRank) {
  auto x = run("江宁区把智能电网作为首位产业,做优茶叶、花卉苗木等特色产业,前瞻布局量子计算和脑机接口等未来产业。");
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "智能电网"));
  EXPECT_TRUE(has_fact(x, "江宁区", "characteristicIndustry", "茶叶"));
  EXPECT_TRUE(has_fact(x, "江宁区", "characteristicIndustry", "花卉苗木"));
  EXPECT_TRUE(has_fact(x, "江宁区", "emergingIndustry", "量子计算"));
  EXPECT_TRUE(has_fact(x, "江宁区", "emergingIndustry", "脑机接口"));
}

TEST(Relater, AreaReferenceAsTheSubjectOfARoleStatement) {
  auto x = run("江宁区发展良好。光伏和储能是本区的两大优势产业。");
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "光伏"));
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "储能"));
}

TEST(Relater, DevelopWithoutARoleWordIsHasIndustry) {
  auto x = run("江宁区重点发展工业母机、智能制造装备以及生物医药等产业。");
  EXPECT_TRUE(has_fact(x, "江宁区", "hasIndustry", "工业母机"));
  EXPECT_TRUE(has_fact(x, "江宁区", "hasIndustry", "智能制造装备"));
  EXPECT_TRUE(has_fact(x, "江宁区", "hasIndustry", "生物医药"));
  EXPECT_FALSE(has_fact(x, "江宁区", "hasIndustry", "智能制造"));
}

TEST(Relater, StatementsAboutAZoneBelongToTheZone) {
  auto x = run("江宁区发展良好。江宁高新区以集成电路为主导产业,江宁智谷产业园聚焦车规芯片和功率器件。");
  EXPECT_TRUE(has_fact(x, "江宁高新区", "leadingIndustry", "集成电路"));
  EXPECT_TRUE(has_fact(x, "江宁智谷产业园", "hasIndustry", "车规芯片"));
  EXPECT_FALSE(has_fact(x, "江宁区", "leadingIndustry", "集成电路"));
}

TEST(Relater, AwardedNeedsACompletedAward) {
  auto x = run("江宁区积极创建“国家生态文明建设示范区”。明月社区获评“全国示范社区”。");
  EXPECT_TRUE(has_fact(x, "明月社区", "awarded", "全国示范社区"));
  for (const auto& f : x.facts) EXPECT_FALSE(f.relation == "awarded" && f.head == "江宁区");
}

TEST(Relater, ImplementsOnlyWithTheDistrictAsSubject) {
  auto x = run("江宁区深入实施“百企上云”工程。明月社区打造“邻里守望”服务品牌。");
  EXPECT_TRUE(has_fact(x, "江宁区", "implements", "百企上云工程"));
  EXPECT_FALSE(has_fact(x, "江宁区", "implements", "邻里守望"));
  EXPECT_FALSE(has_fact(x, "明月社区", "implements", "邻里守望"));
}

TEST(Relater, LocatedInTheMostSpecificStatedContainer) {
  auto x =
      run("江宁区发展良好。桂花街道明月社区推行议事会,总投资5亿元的储能电池项目在秣陵街道开工,"
          "位于汤山街道的江宁温泉产业园集聚企业。");
  EXPECT_TRUE(has_fact(x, "明月社区", "locatedIn", "桂花街道"));
  EXPECT_TRUE(has_fact(x, "储能电池项目", "locatedIn", "秣陵街道"));
  EXPECT_TRUE(has_fact(x, "江宁温泉产业园", "locatedIn", "汤山街道"));
  EXPECT_TRUE(has_fact(x, "桂花街道", "locatedIn", "江宁区"));   // nothing stated: the article's district
  EXPECT_FALSE(has_fact(x, "明月社区", "locatedIn", "江宁区"));  // not repeated up the chain
}

TEST(Relater, DivisionTableGivesDistrictCityProvince) {
  auto x = run("江宁区发展良好。");
  EXPECT_TRUE(has_fact(x, "江宁区", "locatedIn", "南京市"));
  EXPECT_TRUE(has_fact(x, "南京市", "locatedIn", "江苏省"));
}

TEST(Relater, MunicipalityDistrictsAreInTheProvinceLevelCityDirectly) {
  auto x = run("海淀区发展良好。");
  EXPECT_TRUE(has_fact(x, "海淀区", "locatedIn", "北京市"));
}

TEST(Relater, AmbiguousDistrictNameIsDecidedByTheDateline) {
  auto x = run("本报济南讯 市中区发展良好。");
  EXPECT_TRUE(has_fact(x, "市中区", "locatedIn", "济南市"));
  auto y = run("本报枣庄讯 市中区发展良好。");
  EXPECT_TRUE(has_fact(y, "市中区", "locatedIn", "枣庄市"));
  EXPECT_FALSE(has_fact(y, "市中区", "locatedIn", "济南市"));
}

TEST(Relater, TheTextWinsOverTheTable) {
  auto x = run("地处泉州市西北部的云溪区,今年发展良好。云溪区继续发展。");  // the table puts 云溪区 in 岳阳市
  EXPECT_TRUE(has_fact(x, "云溪区", "locatedIn", "泉州市"));
  EXPECT_FALSE(has_fact(x, "云溪区", "locatedIn", "岳阳市"));
  EXPECT_TRUE(has_fact(x, "泉州市", "locatedIn", "福建省"));
}

TEST(Relater, EveryFactNamesItsRuleAndSentence) {
  auto x = run("江宁区以集成电路为主导产业。");
  ASSERT_FALSE(x.facts.empty());
  for (const auto& f : x.facts) {
    EXPECT_FALSE(f.rule.empty());
    EXPECT_LT(f.evidence.begin, f.evidence.end);
  }
}

TEST(Relater, AmbiguousDistrictNameIsDecidedByTheCityTheSourceNames) {
  auto x = run("题\n2024-07-20\n作者:\n来源:福州晚报\n\n鼓楼区发展良好。");  // 鼓楼区 is in 南京, 福州, 徐州, 开封
  EXPECT_TRUE(has_fact(x, "鼓楼区", "locatedIn", "福州市"));
  EXPECT_FALSE(has_fact(x, "鼓楼区", "locatedIn", "南京市"));
}

TEST(Relater, AProjectSettlesInAZone) {
  auto x = run("江宁区发展良好。投资50亿元的储能材料项目落户江宁高新区。");
  EXPECT_TRUE(has_fact(x, "储能材料项目", "locatedIn", "江宁高新区"));
}

TEST(Relater, AMainBodyWithoutARoleWordIsHasIndustry) {
  auto x = run("南海区形成了以泛家居、装备制造为主体的产业格局。");
  EXPECT_TRUE(has_fact(x, "南海区", "hasIndustry", "泛家居"));
  EXPECT_TRUE(has_fact(x, "南海区", "hasIndustry", "装备制造"));
}
