// Places and projects: prefixes, containers, references and generic words
// (rules/entities.json, rules/relations.json, lexicons/references.tsv).
// Every sentence is invented for the test (places real, facts made up).
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace doc2kg::test {
namespace {

TEST(Places, VillageAfterItsTownshipIsInIt) {
  auto x = run("安吉县溪龙乡黄杜村建成千亩茶园。");
  EXPECT_TRUE(has_entity(x, "Community", "黄杜村"));
  EXPECT_TRUE(has_fact(x, "黄杜村", "locatedIn", "溪龙乡"));
  EXPECT_FALSE(has_fact(x, "黄杜村", "locatedIn", "安吉县"));
  EXPECT_TRUE(has_fact(x, "溪龙乡", "locatedIn", "安吉县"));
}

TEST(Places, AReportOfOneTownWithoutATitlePlacesItsCommunitiesInIt) {
  // No title line: the first sentence names the 镇 before the city, and no other 镇 is named.
  auto x = run("2024年，在市委的坚强领导下，长安镇紧紧围绕海宁市两大主导产业部署，推进民生实事落地见效。\n\n"
               "城东社区建成养老服务站，春风村完成道路改造。");
  EXPECT_TRUE(has_fact(x, "城东社区", "locatedIn", "长安镇"));
  EXPECT_TRUE(has_fact(x, "春风村", "locatedIn", "长安镇"));
  // An article naming two towns is about neither.
  auto y = run("2024年，长安镇紧紧围绕海宁市两大主导产业部署，推进民生实事落地见效。\n\n"
               "许村镇城东社区建成养老服务站，春风村完成道路改造。");
  EXPECT_FALSE(has_fact(y, "春风村", "locatedIn", "长安镇"));
}

TEST(Places, AScopeWordBeforeAVillageIsNotItsName) {
  auto x = run("安吉县溪龙乡乡内大溪村建成游客中心。");
  EXPECT_TRUE(has_entity(x, "Community", "大溪村"));
  EXPECT_FALSE(has_entity(x, "Community", "乡内大溪村"));
}

TEST(Places, SubdistrictNamedLikeItsCounty) {
  auto x = run("长兴县长兴街道城南社区建成养老服务站。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "长兴街道"));
  EXPECT_TRUE(has_fact(x, "城南社区", "locatedIn", "长兴街道"));
}

TEST(Places, BannerVillageInItsSumu) {
  auto x = run("科尔沁右翼前旗乌兰毛都苏木巴彦乌兰嘎查建成牧民合作社。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "乌兰毛都苏木"));
  EXPECT_TRUE(has_entity(x, "Community", "巴彦乌兰嘎查"));
  EXPECT_TRUE(has_fact(x, "巴彦乌兰嘎查", "locatedIn", "乌兰毛都苏木"));
}

TEST(Places, CommunitiesAfterTheirTownInTheSentence) {
  auto x = run("诸暨市大唐街道目前已有红星社区、新光社区建成睦邻中心。");
  EXPECT_TRUE(has_entity(x, "Community", "红星社区"));
  EXPECT_FALSE(has_entity(x, "Community", "有红星社区"));
  EXPECT_TRUE(has_fact(x, "红星社区", "locatedIn", "大唐街道"));
  EXPECT_TRUE(has_fact(x, "新光社区", "locatedIn", "大唐街道"));
}

TEST(Places, ConjunctionStartsANameAfterAPlaceOfAnotherType) {
  auto x = run("柯桥区齐贤街道和顺社区开设老年食堂。");
  EXPECT_TRUE(has_entity(x, "Community", "和顺社区"));
  auto y = run("柯桥区的红旗社区和光明社区开设老年食堂。");
  EXPECT_TRUE(has_entity(y, "Community", "光明社区"));
  EXPECT_FALSE(has_entity(y, "Community", "和光明社区"));
}

TEST(Places, InAnArticleAboutOneSubdistrictItsCommunitiesAreInIt) {
  auto x = doc2kg::test::run(
      "鄞州区东柳街道：邻里中心建成\n\n宁波市鄞州区东柳街道推动治理创新。辖区内的华光社区、东海社区均建成邻里中心。");
  EXPECT_TRUE(has_fact(x, "华光社区", "locatedIn", "东柳街道"));
  EXPECT_TRUE(has_fact(x, "东海社区", "locatedIn", "东柳街道"));
  EXPECT_FALSE(has_fact(x, "华光社区", "locatedIn", "鄞州区"));
}

TEST(Places, GenericVillagesAndCountsAreNotNames) {
  auto x = run("临安区共有行政村86个，今年新建美丽乡村示范村12个。");
  EXPECT_FALSE(has_entity(x, "Community", "行政村"));
  EXPECT_FALSE(has_entity(x, "Community", "有行政村"));
  EXPECT_FALSE(has_entity(x, "Community", "美丽乡村示范村"));
}

TEST(Places, AZoneDoesNotStartInsideAVerb) {
  auto x = run("嘉善县共有姚庄经济开发区一个省级园区。");
  EXPECT_TRUE(has_entity(x, "Zone", "姚庄经济开发区"));
  EXPECT_FALSE(has_entity(x, "Zone", "有姚庄经济开发区"));
}

TEST(Projects, ATownOpeningTheNameIsItsContainer) {
  auto x = run("海宁市长安镇高端装备综合体项目正式开工。");
  EXPECT_TRUE(has_entity(x, "Project", "长安镇高端装备综合体项目"));
  EXPECT_TRUE(has_fact(x, "长安镇高端装备综合体项目", "locatedIn", "长安镇"));
  EXPECT_FALSE(has_fact(x, "长安镇高端装备综合体项目", "locatedIn", "海宁市"));
}

TEST(Projects, AZoneOpeningTheNameOfAWorkIsItsContainer) {
  auto x = run("常州市武进区今年推进多项工程。武进高新区污水处理厂扩建工程开工。");
  EXPECT_TRUE(has_fact(x, "武进高新区污水处理厂扩建工程", "locatedIn", "武进高新区"));
  auto y = run("常州市武进区今年推进多项工程。位于湖塘镇的武进智能装备产业园二期项目开工。");
  EXPECT_TRUE(has_fact(y, "武进智能装备产业园二期项目", "locatedIn", "湖塘镇"));
  EXPECT_FALSE(has_fact(y, "武进智能装备产业园二期项目", "locatedIn", "武进智能装备产业园"));
}

TEST(Projects, WorksUnderConstructionWithoutAProjectHead) {
  auto x = run("桐庐县富春江沿岸供水管网改造进入收尾阶段，分水镇妆具产业园开工建设。");
  EXPECT_TRUE(has_entity(x, "Project", "富春江沿岸供水管网改造"));
  EXPECT_TRUE(has_entity(x, "Project", "分水镇妆具产业园"));
  EXPECT_TRUE(has_fact(x, "分水镇妆具产业园", "locatedIn", "分水镇"));
}

TEST(Projects, GenericHeadsAndCountsAreNotNames) {
  auto x = run("建德市今年的民生工程和重点工程全部按期开工，一批工业项目也已签约。");
  EXPECT_FALSE(has_entity(x, "Project", "民生工程"));
  EXPECT_FALSE(has_entity(x, "Project", "重点工程"));
  EXPECT_FALSE(has_entity(x, "Project", "工业项目"));
}

TEST(References, ThisTownIsTheTownNamedBefore) {
  auto x = run("德清县莫干山镇是旅游大镇。今年，该镇的民宿集聚区改造提升工程已开工。");
  EXPECT_TRUE(has_fact(x, "民宿集聚区改造提升工程", "locatedIn", "莫干山镇"));
}

TEST(References, InsideTheZoneIsTheZoneNamedBefore) {
  auto x = run("精工项目落户平湖经济技术开发区。开发区内的光机电产业园同步开工建设精密模具项目。");
  EXPECT_TRUE(has_fact(x, "光机电产业园", "locatedIn", "平湖经济技术开发区"));
  EXPECT_TRUE(has_fact(x, "精密模具项目", "locatedIn", "光机电产业园"));
}

}  // namespace
}  // namespace doc2kg::test
