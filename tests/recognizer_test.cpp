// Each construction family of rules/entities.json, in short sentences written for the test.
#include "analysis/recognizer.hpp"

#include <gtest/gtest.h>

#include "analysis/mentions.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

TEST(Recognizer, DivisionsFromTheTableAndTheirAliases) {
  auto x = run("鼓楼区持续推进改革。鼓楼今年实现增长,福州市鼓楼区名列前茅。");
  EXPECT_TRUE(has_entity(x, "District", "鼓楼区"));
  EXPECT_TRUE(has_entity(x, "City", "福州市"));
  bool alias = false;
  for (const auto& s : x.entities) alias = alias || (s.name == "鼓楼区" && x.quote(s.range) == "鼓楼");
  EXPECT_TRUE(alias) << "鼓楼 resolves to 鼓楼区 once the article names 鼓楼区";
}

TEST(Recognizer, ACommonWordThatIsAlsoADistrictNeedsSupport) {
  auto x = run("江宁区统筹推进老城区有机更新。");  // 老城区 is in 洛阳市, which the text never names
  EXPECT_FALSE(has_entity(x, "District", "老城区"));
  EXPECT_TRUE(has_entity(x, "District", "江宁区"));
}

TEST(Recognizer, AreaReferencesResolveToTheArticlesDistrict) {
  auto x = run("江宁区实施改革。全区新增企业100家,我区获评“全国文明城区”。");
  int resolved = 0;
  for (const auto& s : x.entities)
    if (s.type == "District" && s.name == "江宁区") ++resolved;
  EXPECT_EQ(resolved, 3);
  EXPECT_EQ(x.area, "江宁区");
}

TEST(Recognizer, CityLevelReferenceInADistrictArticleIsTheCity) {
  auto x = run("江宁区实施改革,增速高于全市平均水平。江宁区继续发展。");
  EXPECT_TRUE(has_entity(x, "City", "南京市"));
}

TEST(Recognizer, UnlistedAreasAreRecognisedByTheirConstruction) {
  auto x = run("地处赣州市东北部的白沙县,今年发展良好。下一步,白沙县将坚持工业强县。");
  EXPECT_TRUE(has_entity(x, "District", "白沙县"));
  for (const auto& s : x.entities)
    if (s.name == "白沙县") EXPECT_LT(s.confidence, 1.0);
}

TEST(Recognizer, SubdistrictThenCommunity) {
  auto x = run("桂花街道明月社区推行议事会,石桥镇青山村建成茶园。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "桂花街道"));
  EXPECT_TRUE(has_entity(x, "Community", "明月社区"));
  EXPECT_TRUE(has_entity(x, "Subdistrict", "石桥镇"));
  EXPECT_TRUE(has_entity(x, "Community", "青山村"));
}

TEST(Recognizer, CountsAndGenericWordsAreNotCommunities) {
  auto x = run("江宁区推动29个村连片发展,在城市社区带动村民增收。");
  for (const auto& s : x.entities) EXPECT_NE(s.type, "Community") << s.name;
}

TEST(Recognizer, ZonesWithPlaceNamesInside) {
  auto x = run("南京市江宁区的江宁经济技术开发区集聚企业,位于秣陵街道的江宁智能制造产业园加快建设。");
  EXPECT_TRUE(has_entity(x, "Zone", "江宁经济技术开发区"));
  EXPECT_TRUE(has_entity(x, "Zone", "江宁智能制造产业园"));
}

TEST(Recognizer, ProjectNamesStartAfterTheVerb) {
  auto x = run("江宁区与南京星火科技有限公司签约储能电池生产线项目,总投资8亿元的城乡供水一体化工程完工。");
  EXPECT_TRUE(has_entity(x, "Organization", "南京星火科技有限公司"));
  EXPECT_TRUE(has_entity(x, "Project", "储能电池生产线项目"));
  EXPECT_TRUE(has_entity(x, "Project", "城乡供水一体化工程"));
}

TEST(Recognizer, CountedProjectsHaveNoName) {
  auto x = run("江宁区实施9个城市更新项目,累计开工重点项目54个,新签约亿元以上项目41个。");
  for (const auto& s : x.entities) EXPECT_NE(s.type, "Project") << s.name;
}

TEST(Recognizer, QuotedNamesByTheirHeadWord) {
  auto x = run("江宁区实施“百企上云”工程,开展“春风送暖”行动,打造“邻里守望”服务品牌,坚持“工业立区”战略。");
  EXPECT_TRUE(has_entity(x, "Project", "百企上云工程"));
  EXPECT_TRUE(has_entity(x, "Initiative", "春风送暖行动"));
  EXPECT_TRUE(has_entity(x, "Initiative", "邻里守望"));  // generic head 服务品牌 dropped
  EXPECT_TRUE(has_entity(x, "Initiative", "工业立区战略"));
}

TEST(Recognizer, QuotedMetaphorsAreNotEntities) {
  auto x = run("江宁区经济实现“开门红”,项目建设跑出“加速度”,擦亮“金名片”。");
  for (const auto& s : x.entities) EXPECT_NE(s.type, "Initiative") << s.name;
}

TEST(Recognizer, HonoursAfterAnAwardVerbAndInAChain) {
  auto x = run("明月社区获评“全国示范性老年友好型社区”“省级文明社区”,青山村荣获“全国文明村镇”称号。");
  EXPECT_TRUE(has_entity(x, "Honor", "全国示范性老年友好型社区"));
  EXPECT_TRUE(has_entity(x, "Honor", "省级文明社区"));
  EXPECT_TRUE(has_entity(x, "Honor", "全国文明村镇"));
  EXPECT_FALSE(has_entity(x, "Community", "全国示范性老年友好型社区"));
}

TEST(Recognizer, ReportersAndHeaderPeople) {
  auto x = run("题目\n2023-01-02\n作者：李明 张华\n来源：南京日报\n\n本报讯(记者 王芳 通讯员 赵强)江宁区发展。");
  EXPECT_TRUE(has_entity(x, "Person", "李明"));
  EXPECT_TRUE(has_entity(x, "Person", "张华"));
  EXPECT_TRUE(has_entity(x, "Person", "王芳"));
  EXPECT_TRUE(has_entity(x, "Person", "赵强"));
  EXPECT_TRUE(has_entity(x, "Organization", "南京日报"));
}

TEST(Recognizer, OverlapPolicyKeepsTheLongestThenTheHigherPriority) {
  Document d;
  d.text = d.original = icu::UnicodeString(u"甲乙丙丁");
  select_candidates(d, {{{{0, 2}, "Zone", "甲乙", "a", 1}, 5},
                        {{{0, 3}, "Project", "甲乙丙", "b", 1}, 0},
                        {{{3, 4}, "Zone", "丁", "c", 1}, 0},
                        {{{3, 4}, "Honor", "丁", "d", 1}, 9}});
  ASSERT_EQ(d.entities.size(), 2u);
  EXPECT_EQ(d.entities[0].rule, "b");
  EXPECT_EQ(d.entities[1].rule, "d");
}

TEST(Recognizer, NumeralNamedVillagesAreNamesButHonourWordsAreNot) {
  auto x = run("阜溪街道五四村发展良好,江宁区入选全国乡村治理示范村。");
  EXPECT_TRUE(has_entity(x, "Community", "五四村"));
  for (const auto& s : x.entities)
    EXPECT_FALSE(s.type == "Community" && s.name.find("示范村") != std::string::npos) << s.name;
}

TEST(Recognizer, TownsWhoseNameHasCityInItButNotTheWordForTowns) {
  auto x = run("巴城镇武神潭村打造品牌,全年新增城镇就业8.6万人,新开发城乡公益性岗位1200个。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "巴城镇"));
  EXPECT_TRUE(has_entity(x, "Community", "武神潭村"));
  EXPECT_EQ(std::count_if(x.entities.begin(), x.entities.end(), [](const Span& s) { return s.type == "Subdistrict"; }),
            1);
}
