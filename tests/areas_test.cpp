// The article's county-level area: how divisions are found (two-character
// counties, short forms, names shared by several cities) and where they are
// placed. Every sentence is written for the test.
#include "analysis/areas.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "doc2kg/error.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

namespace {

int count_entities(const Document& x, const std::string& type, const std::string& name) {
  int n = 0;
  for (const auto& s : x.entities) n += s.type == type && s.name == name;
  return n;
}

}  // namespace

// --- Two-character county names (县 is part of the name) ---

TEST(Areas, TwoCharacterCountyAfterItsProvinceOrCity) {
  auto x = run("河北省蠡县今年新建冷库三座。");
  EXPECT_TRUE(has_entity(x, "District", "蠡县"));
  EXPECT_TRUE(has_fact(x, "蠡县", "locatedIn", "保定市"));
  auto y = run("徐州沛县推出十项惠企举措。");
  EXPECT_TRUE(has_entity(y, "District", "沛县"));
  EXPECT_EQ(y.area, "沛县");
}

TEST(Areas, TwoCharacterCountyAtABoundaryOrBeforeItsOffices) {
  auto x = run("岷县：当归产业再上台阶\n2024-03-02\n来源：陇原日报\n\n岷县以中药材为主导产业。全县种植当归20万亩。");
  EXPECT_EQ(x.area, "岷县");
  EXPECT_EQ(count_entities(x, "District", "岷县"), 3);  // title, body, 全县
  EXPECT_TRUE(has_fact(x, "岷县", "locatedIn", "定西市"));
  auto y = run("上周举行的会上，昨日泾县县委作出部署。");
  EXPECT_TRUE(has_entity(y, "District", "泾县"));
  auto z = run("项目落户在睢县，总投资3亿元。");
  EXPECT_TRUE(has_entity(z, "District", "睢县"));
}

TEST(Areas, TwoCharacterNamesInsideOrdinaryWordsAreNotCounties) {
  // 和县 in 村和县里 / 乡镇和县直部门 / 党委和县委 / 村和县政府, 新县 in 新县城,
  // 高县 in 提高县域, 成县 in 建成县级, 范县 in 示范县.
  for (const char* text :
       {"这件事村里和县里都很重视。", "乡镇和县直部门联合行动。", "镇党委和县委联合发文。", "由村和县政府共同出资。",
        "规划建设新县城。", "着力提高县域经济实力。", "力争建成县级示范点。", "这里是全国农业示范县。"}) {
    auto x = run(text);
    for (const auto& s : x.entities) EXPECT_NE(s.type, "District") << text << ": " << s.name;
  }
}

TEST(Areas, AnOrdinaryWordThatIsADistrictNeedsItsCity) {
  auto x = run("老旧小区集中在城区东部。");
  EXPECT_FALSE(has_entity(x, "District", "城区"));
  auto y = run("阳泉市郊区新建一座污水处理厂。");
  EXPECT_TRUE(has_entity(y, "District", "郊区"));
  EXPECT_TRUE(has_fact(y, "郊区", "locatedIn", "阳泉市"));
}

TEST(Areas, ANameEndingLikeOrdinaryWordsNeedsContext) {
  auto x = run("上海城市更新经验值得借鉴。");  // 上海 + 城市, not 海城市
  EXPECT_FALSE(has_entity(x, "District", "海城市"));
  auto y = run("邹城市以高端装备为主导产业。");
  EXPECT_TRUE(has_entity(y, "District", "邹城市"));
}

// --- Short forms written without the full name ---

TEST(Areas, ShortFormWithEvidenceIsTheDistrict) {
  // in the title, repeated and with 全县: 桐庐 for 桐庐县
  auto x = run("桐庐：快递之乡再出发\n2024-06-11\n来源：富春江报\n\n桐庐以快递物流为主导产业，全县快递企业达到120家。");
  EXPECT_EQ(x.area, "桐庐县");
  EXPECT_TRUE(has_fact(x, "桐庐县", "leadingIndustry", "快递物流"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "locatedIn", "杭州市"));
  EXPECT_EQ(count_entities(x, "District", "桐庐县"), 3);  // title, body, 全县
}

TEST(Areas, ShortFormOfACountyLevelCityAndItsWholeCity) {
  // 全市 in the article of a county-level city is the district itself
  auto x = run("诸暨今年外贸增长较快。全市新增外贸企业58家，诸暨袜业出口稳居前列。");
  EXPECT_EQ(x.area, "诸暨市");
  EXPECT_EQ(count_entities(x, "District", "诸暨市"), 3);
  EXPECT_FALSE(has_entity(x, "City", "绍兴市"));
}

TEST(Areas, ShortFormRightAfterItsCityOrProvince) {
  auto x = run("江苏如皋新建一座花木交易中心。");
  EXPECT_TRUE(has_entity(x, "District", "如皋市"));
  EXPECT_TRUE(has_fact(x, "如皋市", "locatedIn", "南通市"));
}

TEST(Areas, ShortFormInPassingIsNotADistrict) {
  auto x = run("江宁区的苗木远销如皋等地。全区苗木产业产值增长12%。");
  EXPECT_FALSE(has_entity(x, "District", "如皋市"));
  EXPECT_EQ(x.area, "江宁区");
}

TEST(Areas, ShortFormsThatAreOrdinaryWordsAreNotDistricts) {
  // 朝阳 (朝阳区, 朝阳县), 光明 (光明区): ordinary words, even repeated, in the title and with 全区
  auto x = run("朝阳产业迎来光明前景\n2024-01-05\n来源：经济观察\n\n朝阳产业前景光明。全区将培育更多朝阳产业。");
  for (const auto& s : x.entities) EXPECT_NE(s.type, "District") << s.name;
  auto y = run("江宁区大力发展朝阳产业，江宁区前景光明。");
  EXPECT_EQ(count_entities(y, "District", "江宁区"), 2);
  EXPECT_FALSE(has_entity(y, "District", "朝阳区"));
}

// --- A name shared by several cities ---

TEST(Areas, SharedDistrictNameTakesTheCityTheTextNames) {
  auto x = run("开封市鼓楼区大力发展文旅产业，增速居全市第一。");
  EXPECT_TRUE(has_fact(x, "鼓楼区", "locatedIn", "开封市"));
  EXPECT_FALSE(has_fact(x, "鼓楼区", "locatedIn", "南京市"));
  EXPECT_TRUE(has_entity(x, "City", "开封市"));  // 全市 is the district's city, not the table's first 鼓楼区's
  EXPECT_FALSE(has_entity(x, "City", "南京市"));
}

TEST(Areas, SharedDistrictNameAfterTheCitysShortForm) {
  auto x = run("乐山市中区推进老旧小区改造。市中区今年开工项目23个，全区投资增长8%。");
  EXPECT_TRUE(has_fact(x, "市中区", "locatedIn", "乐山市"));
  EXPECT_FALSE(has_fact(x, "市中区", "locatedIn", "济南市"));
}

TEST(Areas, SharedDistrictNameBesideAnotherCity) {
  // 徐州 is named as a market; the district is written after its own city
  auto x = run("产品销往徐州、南京等地。福州市鼓楼区今年新增企业300家。");
  EXPECT_TRUE(has_fact(x, "鼓楼区", "locatedIn", "福州市"));
}

TEST(Areas, DivisionOfPicksTheNamedCity) {
  auto x = run("枣庄市市中区加快发展。");
  const Division* d = division_of(x, project_rules(), "市中区", "District");
  ASSERT_NE(d, nullptr);
  const Division* city = project_rules().divisions.parent(*d);
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->name, "枣庄市");
}

// --- References to the article's area ---

TEST(Areas, ColloquialReferencesAreTheArticlesArea) {
  auto x = run("兰考县大力发展品牌家居。县里还设立了产业基金，当地企业数量逐年增加。");
  EXPECT_EQ(x.area, "兰考县");
  EXPECT_EQ(count_entities(x, "District", "兰考县"), 3);
  auto y = run("科尔沁左翼中旗推进草原保护。旗里新建围栏5万亩，该旗牧民收入增长。");
  EXPECT_EQ(count_entities(y, "District", "科尔沁左翼中旗"), 3);
}

TEST(Areas, CityLevelReferenceWordsInADistrictArticle) {
  auto x = run("萧山区实施改革。市里支持萧山区发展临空经济。");
  EXPECT_TRUE(has_entity(x, "City", "杭州市"));
}

// --- Towns and 街道 of the table (rules/divisions/subdistricts.tsv) ---

TEST(Areas, ATownOfTheNamedDistrictIsASubdistrict) {
  // without the table the suffix rule reads 区和龙固镇
  auto x = run("沛县推进园区提档升级。园区和龙固镇联合招商，新签约项目8个。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "龙固镇"));
  EXPECT_FALSE(has_entity(x, "Subdistrict", "区和龙固镇"));
  EXPECT_TRUE(has_fact(x, "龙固镇", "locatedIn", "沛县"));
}

TEST(Areas, ATownNamedLikeItsCountyIsNotTheCountysShortForm) {
  auto x = run("赞皇县赞皇镇新建一座农贸市场。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "赞皇镇"));
  EXPECT_EQ(count_entities(x, "District", "赞皇县"), 1);
}

TEST(Areas, ATwoCharacterCountyBeforeOneOfItsTowns) {
  // 睢县 + 城关镇, not 睢 + 县城
  auto x = run("今年睢县城关镇新建一座农贸市场。");
  EXPECT_TRUE(has_entity(x, "District", "睢县"));
  EXPECT_TRUE(has_entity(x, "Subdistrict", "城关镇"));
  EXPECT_TRUE(has_fact(x, "城关镇", "locatedIn", "睢县"));
}

TEST(Areas, TheTablePlacesATownInTheNamedDistrictItBelongsTo) {
  auto x = run("旌德县大力发展灵芝产业。泾县以宣纸为特色产业。旌德县还将建设物流园。桃花潭镇今年接待游客50万人次。");
  EXPECT_EQ(x.area, "旌德县");
  EXPECT_TRUE(has_fact(x, "桃花潭镇", "locatedIn", "泾县"));
  EXPECT_FALSE(has_fact(x, "桃花潭镇", "locatedIn", "旌德县"));
}

TEST(Areas, ATownOfADistrictTheArticleDoesNotNameIsLeftToTheRules) {
  // 店口镇 is a town of 诸暨市, which this article does not name
  auto x = run("江宁区组织企业赴店口镇考察。");
  for (const auto& s : x.entities) EXPECT_NE(s.rule, "subdistricts") << s.name;
}

TEST(Areas, TheDatelineNamesTheArticlesPlace) {
  auto x = run("本报如皋讯 如皋今年新建一座花木交易中心。");
  EXPECT_TRUE(has_entity(x, "District", "如皋市"));
}

// --- The tables ---

TEST(Areas, MentionWordsAreCheckedWithFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "doc2kg_areas_test_tables";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "divisions.tsv")
      << "13\tProvince\t河北省\t\t河北\n1301\tCity\t石家庄市\t13\t石家庄\n130133\tDistrict\t赵县\t1301\t\n";
  std::ofstream(dir / "mentions.tsv") << "# kind\tword\nbefore\t在\nbeside\t旁\n";
  DivisionTable table;
  try {
    table.load((dir / "divisions.tsv").string());
    ADD_FAILURE() << "an unknown kind is an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("mentions.tsv:3:1"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "mentions.tsv") << "before\t在\nword\t城区\n";
  std::ofstream(dir / "subdistricts.tsv") << "130133100\t赵州镇\t130133\n130133101\t范庄镇\t9999\n";
  try {
    DivisionTable again;
    again.load((dir / "divisions.tsv").string());
    ADD_FAILURE() << "a town of an unknown district is an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("subdistricts.tsv:2:1"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "subdistricts.tsv") << "130133100\t赵州镇\t130133\n";
  DivisionTable good;
  good.load((dir / "divisions.tsv").string());
  ASSERT_EQ(good.districts_of_subdistrict(icu::UnicodeString(u"赵州镇")).size(), 1u);
  EXPECT_EQ(good.districts_of_subdistrict(icu::UnicodeString(u"赵州镇")).front()->name, "赵县");
  EXPECT_EQ(good.written_as("河北"), 1);
  EXPECT_TRUE(good.mention_words().word_like.count(icu::UnicodeString(u"城区")));
  std::filesystem::remove_all(dir);
}

namespace doc2kg::test {
namespace {

TEST(Areas, ABannerWrittenByItsCommonAbbreviationIsTheBanner) {
  // short_names.tsv: 科右前旗 cannot be derived from 科尔沁右翼前旗 by dropping a suffix.
  auto x = run("科右前旗今年新建标准化牧场十二处，乌兰毛都苏木建成牧民合作社。");
  EXPECT_TRUE(has_entity(x, "District", "科尔沁右翼前旗"));
  EXPECT_TRUE(has_fact(x, "乌兰毛都苏木", "locatedIn", "科尔沁右翼前旗"));
}

}  // namespace
}  // namespace doc2kg::test
