// Real news: every name is a noun phrase (src/analysis/phrase.hpp), and the
// findings of issue 19 tried as a new user would. Every sentence is invented
// for the test (places real, facts made up).
#include <gtest/gtest.h>

#include "doc2kg/graph.hpp"
#include "doc2kg/query.hpp"
#include "test_support.hpp"

namespace doc2kg::test {
namespace {

bool has_type_named(const Document& x, const std::string& type, const std::string& fragment) {
  return std::any_of(x.entities.begin(), x.entities.end(),
                     [&](const Span& s) { return s.type == type && s.name.find(fragment) != std::string::npos; });
}

TEST(Phrases, AVerbBeforeAVillageIsNotPartOfItsName) {
  auto x = run("正定县选取北沟村作为试点，紧邻大河村的地块今年完成流转。");
  EXPECT_TRUE(has_entity(x, "Community", "北沟村"));
  EXPECT_TRUE(has_entity(x, "Community", "大河村"));
  EXPECT_FALSE(has_entity(x, "Community", "选取北沟村"));
  EXPECT_FALSE(has_entity(x, "Community", "紧邻大河村"));
}

TEST(Phrases, VerbsBeforeTheHeadMakeNoProject) {
  auto x = run("正定县确保项目落地，开展项目招引，努力提高项目质量。");
  EXPECT_FALSE(has_type_named(x, "Project", "确保"));
  EXPECT_FALSE(has_type_named(x, "Project", "努力"));
  EXPECT_TRUE(std::none_of(x.entities.begin(), x.entities.end(), [](const Span& s) { return s.type == "Project"; }));
}

TEST(Phrases, AConjunctionOrClauseOpenerStartsNoCommunity) {
  auto x = run("正定县改善新华社区人居环境，活跃社区文化，和平村暨幸福社区联合举办活动。");
  EXPECT_TRUE(has_entity(x, "Community", "新华社区"));
  EXPECT_TRUE(has_entity(x, "Community", "幸福社区"));
  EXPECT_TRUE(has_entity(x, "Community", "和平村"));  // a village whose name opens with 和
  EXPECT_FALSE(has_type_named(x, "Community", "改善"));
  EXPECT_FALSE(has_type_named(x, "Community", "活跃"));
  EXPECT_FALSE(has_type_named(x, "Community", "暨"));
}

TEST(Phrases, PlacesWhoseFirstSyllablesTheDictionaryCallsVerbsKeepThem) {
  auto x = run("正定县跃进里社区建成养老服务站，望湖社区建成文化广场。");  // 跃进/v 里, 望/v 湖
  EXPECT_TRUE(has_entity(x, "Community", "跃进里社区"));
  EXPECT_TRUE(has_entity(x, "Community", "望湖社区"));
}

TEST(Phrases, AFunctionWordRunBeforeAnOpenerIsCut) {
  auto x = run("正定县去年他又扛起村里的担子。");
  EXPECT_FALSE(has_type_named(x, "Community", "扛起"));
}

TEST(Phrases, AReferenceOrASingleCharacterBeforeAnOpenerStartsNoName) {
  auto x = run("正定县今年新投产项目3个，在全区全面掀起新一轮项目会战。");
  EXPECT_TRUE(std::none_of(x.entities.begin(), x.entities.end(), [](const Span& s) { return s.type == "Project"; }));
}

TEST(Phrases, ADistrictFoundByConstructionIsANounPhraseToo) {
  // district.construction takes a 区 or 县 name written twice after punctuation: here clause fragments.
  auto x = run("2023年，城中区地区生产总值同比增长8.1%，位列五区第一；城中区固定资产投资同比增长9.2%，位列五区第二。"
               "城中区工业，拉动地区生产总值增长2个百分点；服务业，拉动地区生产总值增长3个百分点。");
  EXPECT_TRUE(has_entity(x, "District", "城中区"));
  EXPECT_FALSE(has_type_named(x, "District", "五区"));
  EXPECT_FALSE(has_type_named(x, "District", "地区"));
}

TEST(Phrases, QuantitiesModalsAndPrepositionsMakeNoName) {
  // 万村 is ten thousand villages; 要有 and 以 end the clause before a name.
  auto x = run("【千企兴千村·共走振兴路】正定县城关镇：特色林果促振兴。发展经济，关键要有高质量项目。"
               "服务中心以项目招引为抓手。");
  EXPECT_FALSE(has_type_named(x, "Community", "千村"));
  EXPECT_FALSE(has_type_named(x, "Project", "要有"));
  EXPECT_FALSE(has_type_named(x, "Project", "以项目"));
}

TEST(Phrases, AListItemIsANounPhrase) {
  auto x = run("正定县瞄准新材料、生物医药两大产业，提振消费。");
  EXPECT_TRUE(has_entity(x, "Industry", "新材料"));
  EXPECT_FALSE(has_type_named(x, "Industry", "瞄准"));
}

// Finding: 签约 is one word, its 约 no approximation.
TEST(Findings, SigningIsNotAnApproximation) {
  auto x = run("正定县集中签约20个项目，总投资约30亿元。正定县签约5个项目。");
  for (const IndicatorFact& f : x.indicators) {
    EXPECT_EQ(f.name.find("集中签") == 0 && f.name == "集中签", false) << f.name;
    if (f.value == 20 || f.value == 5) EXPECT_NE(f.measure, "约") << f.name;
    if (f.value == 3000000000) EXPECT_EQ(f.measure, "约");
  }
  auto y = run("正定县约有30家企业参加。");
  for (const IndicatorFact& f : y.indicators) EXPECT_NE(f.name, "约有");
}

// Finding: where a project settles, whatever the words between.
TEST(Findings, AProjectSettlesInTheZoneNamedAfterTheVerb) {
  auto x = run("新材料项目近日落户正定高新区。装备制造项目成功落户正定高新区。轴承项目签约落户正定高新区。"
               "电池项目日前正式落户正定高新区。");
  for (const char* p : {"新材料项目", "装备制造项目", "轴承项目", "电池项目"}) {
    EXPECT_TRUE(has_fact(x, p, "locatedIn", "正定高新区")) << p;
    EXPECT_FALSE(has_fact(x, p, "locatedIn", "正定县")) << p;
  }
}

TEST(Findings, AProjectBuiltInASubdistrictIsInIt) {
  auto x = run("光伏组件项目在正定县诸福屯街道开工建设。物流仓储项目在诸福屯街道建设。");
  EXPECT_TRUE(has_fact(x, "光伏组件项目", "locatedIn", "诸福屯街道"));
  EXPECT_TRUE(has_fact(x, "物流仓储项目", "locatedIn", "诸福屯街道"));
}

// Finding: a zone keeps its county's short form, whatever its tag (正定 is tagged an adverb).
TEST(Findings, ZonesOfDifferentCountiesStayApart) {
  auto x = run("正定高新区和正定数字经济产业园签约三个项目。藁城经济开发区功能区建设加快。");
  EXPECT_TRUE(has_entity(x, "Zone", "正定高新区"));
  EXPECT_TRUE(has_entity(x, "Zone", "正定数字经济产业园"));
  EXPECT_FALSE(has_entity(x, "Zone", "高新区"));
  EXPECT_FALSE(has_entity(x, "Zone", "数字经济产业园"));
}

// Finding: a Traditional article's names keep their written forms as aliases.
TEST(Findings, TraditionalNamesAreAliases) {
  KnowledgeGraph g;
  add_to_graph(g, run("槐蔭區正全面構建現代化產業體系。槐蔭新增企業三十家。"));
  auto v = g.find("District", "槐荫区");
  ASSERT_TRUE(v);
  const auto& aliases = g.graph()[*v].aliases;
  for (const char* a : {"槐蔭區", "槐蔭", "槐荫"})
    EXPECT_NE(std::find(aliases.begin(), aliases.end(), a), aliases.end()) << a;
}

}  // namespace
}  // namespace doc2kg::test
