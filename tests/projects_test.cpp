// Projects as local news lists them: one test per rule family of the project.*
// rules in rules/entities.json and the locatedIn rules for projects in
// rules/relations.json. Every sentence is invented for the test (places real,
// companies and works made up).
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.hpp"

namespace doc2kg::test {
namespace {

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// Figures are written with spaces around them in some papers (年产 2 万吨):
// the name is compared without them.
bool has_project(const Document& x, const std::string& name) {
  return std::any_of(x.entities.begin(), x.entities.end(), [&](const Span& s) {
    return s.type == "Project" && without_spaces(s.name) == name;
  });
}

bool project_in(const Document& x, const std::string& name, const std::string& place) {
  return std::any_of(x.facts.begin(), x.facts.end(), [&](const Fact& f) {
    return without_spaces(f.head) == name && f.relation == "locatedIn" && f.tail == place;
  });
}

TEST(Projects, FigureOpeningOrInsideTheNameStaysInIt) {
  auto x = run("青田县禾丰新材料公司年产 2 万吨环保涂料生产线项目签约落户青田经济开发区。");
  EXPECT_TRUE(has_project(x, "禾丰新材料公司年产2万吨环保涂料生产线项目"));
  EXPECT_FALSE(has_project(x, "万吨环保涂料生产线项目"));
  EXPECT_TRUE(project_in(x, "禾丰新材料公司年产2万吨环保涂料生产线项目", "青田经济开发区"));
}

TEST(Projects, TownCapacityAndProductInOneName) {
  auto x = run("青田县春风镇 30MW 渔光互补光伏项目近日开工建设，明溪镇120MW光伏+储能项目二期已启动。");
  EXPECT_TRUE(has_project(x, "春风镇30MW渔光互补光伏项目"));
  EXPECT_TRUE(project_in(x, "春风镇30MW渔光互补光伏项目", "春风镇"));
  EXPECT_TRUE(has_project(x, "明溪镇120MW光伏+储能项目"));
  EXPECT_FALSE(has_project(x, "储能项目"));
}

TEST(Projects, NameMayOpenWithItsCapacity) {
  auto x = run("青田县3GW光伏组件生产项目总投资12亿元。");
  EXPECT_TRUE(has_project(x, "3GW光伏组件生产项目"));
}

TEST(Projects, ListClosedOnceGivesEachItem) {
  auto x = run("青田县全县共有东岭轴承、西坡纺织、南山冷链物流等15个重点项目集中开工。");
  EXPECT_TRUE(has_project(x, "东岭轴承"));
  EXPECT_TRUE(has_project(x, "西坡纺织"));
  EXPECT_TRUE(has_project(x, "南山冷链物流"));
  EXPECT_FALSE(has_project(x, "全县共有东岭轴承"));
}

TEST(Projects, LaterListItemKeepsItsCountyWord) {
  auto x = run("青田县黄石镇生态护岸工程、县妇幼保健院迁建工程等一批民生项目同步开工。");
  EXPECT_TRUE(has_project(x, "黄石镇生态护岸工程"));
  EXPECT_TRUE(has_project(x, "县妇幼保健院迁建工程"));
  EXPECT_TRUE(project_in(x, "黄石镇生态护岸工程", "黄石镇"));
}

TEST(Projects, IndustriesClosedByCategoryAreNoProjects) {
  auto x = run("青田县大力发展光伏、新材料等产业项目。");
  EXPECT_FALSE(has_project(x, "光伏"));
  EXPECT_FALSE(has_project(x, "新材料"));
}

TEST(Projects, CountedCategoriesAreNoProjects) {
  auto x = run("上半年青田县新建光伏项目12个，招商引资项目签约金额再创新高。");
  EXPECT_FALSE(has_project(x, "光伏项目"));
  EXPECT_FALSE(has_project(x, "新建光伏项目"));
  EXPECT_FALSE(has_project(x, "招商引资项目"));
}

TEST(Projects, OtherHeadsWithInvestmentOrState) {
  auto x = run("青田县投资3亿元、装机容量为40MW的桃岭光伏电站已并网发电；青峰水库总投资4.2亿元。");
  EXPECT_TRUE(has_project(x, "桃岭光伏电站"));
  EXPECT_TRUE(has_project(x, "青峰水库"));
}

TEST(Projects, ParksWhoseBuildingIsCarriedOut) {
  auto x = run("青田县集中力量实施春风镇茶旅科技园、青溪中药材产业园建设。");
  EXPECT_TRUE(has_project(x, "春风镇茶旅科技园"));
  EXPECT_TRUE(has_project(x, "青溪中药材产业园"));
  EXPECT_TRUE(project_in(x, "春风镇茶旅科技园", "春风镇"));
}

TEST(Projects, PlaceOpeningTheClause) {
  auto x = run("在青田经济开发区，总投资6亿元的年产8万吨新型板材项目已经投产。");
  EXPECT_TRUE(project_in(x, "年产8万吨新型板材项目", "青田经济开发区"));
}

TEST(Projects, SettlesThroughFiguresAndModifiers) {
  auto x = run("青田县总投资2亿元的竹制品精加工项目拟落户春风镇。");
  EXPECT_TRUE(project_in(x, "竹制品精加工项目", "春风镇"));
}

TEST(Projects, ParkOpeningTheSentenceHostsItsProjects) {
  auto x = run("东港工业园区以装备制造为主导产业，年产500台数控机床项目已投产，新落地的精密齿轮项目正在建设。");
  EXPECT_TRUE(project_in(x, "年产500台数控机床项目", "东港工业园区"));
  EXPECT_TRUE(project_in(x, "精密齿轮项目", "东港工业园区"));
}

TEST(Projects, TwoHeadlessPartsJoinedUnderOneHead) {
  auto x = run("青田县推进装配式钢结构和轻钢房屋项目建设，东岭项目和西坡项目均已开工。");
  EXPECT_TRUE(has_project(x, "装配式钢结构和轻钢房屋项目"));
  EXPECT_FALSE(has_project(x, "轻钢房屋项目"));
  EXPECT_TRUE(has_project(x, "东岭项目"));
  EXPECT_TRUE(has_project(x, "西坡项目"));
}

}  // namespace
}  // namespace doc2kg::test
