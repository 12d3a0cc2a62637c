// Industry statements, one test per construction class of rules/industries.json.
// Every sentence is invented for the test (places real, facts made up).
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace doc2kg::test {
namespace {

bool has_industry(const Document& x, const std::string& name) { return has_entity(x, "Industry", name); }

TEST(Industries, QuotedListClosedByCountAndRole) {
  auto x = run("萧山区培育“汽车零部件、化纤纺织、智能装备”三大主导产业。");
  EXPECT_TRUE(has_fact(x, "萧山区", "leadingIndustry", "汽车零部件"));
  EXPECT_TRUE(has_fact(x, "萧山区", "leadingIndustry", "化纤纺织"));
  EXPECT_TRUE(has_fact(x, "萧山区", "leadingIndustry", "智能装备"));
  EXPECT_FALSE(has_entity(x, "Initiative", "汽车零部件、化纤纺织、智能装备"));
}

TEST(Industries, CountAndSizeInQuotesAfterTheList) {
  auto x = run("义乌市把小商品、服装做成“两大千亿级产业集群”。");
  EXPECT_TRUE(has_fact(x, "义乌市", "hasIndustry", "小商品"));
  EXPECT_TRUE(has_fact(x, "义乌市", "hasIndustry", "服装"));
  EXPECT_FALSE(has_industry(x, "服装做成"));
}

TEST(Industries, RepresentativeGetsTheRoleOfTheCountedHead) {
  auto x = run("昆山市已形成以光电显示为代表的四大主导产业。");
  EXPECT_TRUE(has_fact(x, "昆山市", "leadingIndustry", "光电显示"));
}

TEST(Industries, ListClosedByEtcCountAndChainHead) {
  auto x = run("江阴市形成了特钢、化纤、纺织服装等六大产业链，集群规模不断扩大。");
  EXPECT_TRUE(has_fact(x, "江阴市", "hasIndustry", "特钢"));
  EXPECT_TRUE(has_fact(x, "江阴市", "hasIndustry", "化纤"));
  EXPECT_TRUE(has_fact(x, "江阴市", "hasIndustry", "纺织服装"));
  EXPECT_FALSE(has_industry(x, "形成了特钢"));
}

TEST(Industries, JoinerKeepsOneItemUnlessItEndsTheList) {
  auto one = run("余姚市做强模具及塑料、光学电子、家用电器三大主导产业。");
  EXPECT_TRUE(has_fact(one, "余姚市", "leadingIndustry", "模具及塑料"));
  EXPECT_FALSE(has_industry(one, "模具"));
  auto last = run("慈溪市加快培育工业机器人、储能及氢能等新兴产业。");
  EXPECT_TRUE(has_fact(last, "慈溪市", "emergingIndustry", "工业机器人"));
  EXPECT_TRUE(has_fact(last, "慈溪市", "emergingIndustry", "储能"));
  EXPECT_TRUE(has_fact(last, "慈溪市", "emergingIndustry", "氢能"));
}

TEST(Industries, CountDecidesWhetherAJoinerSeparates) {
  auto x = run("平湖市壮大光机电与数字经济两大产业。");
  EXPECT_TRUE(has_fact(x, "平湖市", "hasIndustry", "光机电"));
  EXPECT_TRUE(has_fact(x, "平湖市", "hasIndustry", "数字经济"));
}

TEST(Industries, ConjunctionHeSeparatesItems) {
  auto x = run("嘉善县加快发展半导体和生命健康。");
  EXPECT_TRUE(has_fact(x, "嘉善县", "hasIndustry", "半导体"));
  EXPECT_TRUE(has_fact(x, "嘉善县", "hasIndustry", "生命健康"));
}

TEST(Industries, LeadInVerbsAreNotPartOfTheName) {
  auto x = run("安吉县抢抓白茶电商发展机遇，布局竹材加工和转椅制造，并持续深耕休闲旅游。");
  EXPECT_TRUE(has_fact(x, "安吉县", "hasIndustry", "白茶电商"));
  EXPECT_TRUE(has_fact(x, "安吉县", "hasIndustry", "竹材加工"));
  EXPECT_TRUE(has_fact(x, "安吉县", "hasIndustry", "转椅制造"));
  EXPECT_TRUE(has_fact(x, "安吉县", "hasIndustry", "休闲旅游"));
  EXPECT_FALSE(has_industry(x, "抢抓白茶电商"));
  EXPECT_FALSE(has_industry(x, "白茶电商发展机遇"));
}

TEST(Industries, RoleWordFramesWithTheRoleFirstOrLast) {
  auto x = run("长兴县的首位产业是新能源，特色产业为湖羊养殖和紫笋茶，绿色建材则作为配套产业加快发展。");
  EXPECT_TRUE(has_fact(x, "长兴县", "leadingIndustry", "新能源"));
  EXPECT_TRUE(has_fact(x, "长兴县", "characteristicIndustry", "湖羊养殖"));
  EXPECT_TRUE(has_fact(x, "长兴县", "characteristicIndustry", "紫笋茶"));
  EXPECT_TRUE(has_fact(x, "长兴县", "supportingIndustry", "绿色建材"));
  EXPECT_FALSE(has_industry(x, "绿色建材则作"));
}

TEST(Industries, DesignatedAsFutureIndustry) {
  auto x = run("海盐县的核电装备被确定为未来产业。");
  EXPECT_TRUE(has_fact(x, "海盐县", "emergingIndustry", "核电装备"));
}

TEST(Industries, AWeakLeadInNeedsAnIndustryLikeObject) {
  auto x = run("曲阜市做强综合实力，聚焦关键环节。");
  EXPECT_FALSE(has_industry(x, "综合实力"));
  EXPECT_FALSE(has_industry(x, "关键环节"));
  auto y = run("曲阜市做强文旅康养，聚焦儒学研学。");
  EXPECT_TRUE(has_fact(y, "曲阜市", "hasIndustry", "文旅康养"));
}

TEST(Industries, AStatementAboutTheCityGivesTheDistrictNothing) {
  auto x = run("寿光市发展良好。潍坊市大力发展动力装备和高端化工。");
  EXPECT_FALSE(has_fact(x, "寿光市", "hasIndustry", "动力装备"));
}

TEST(Industries, RoleRelationIsNotRepeatedAsHasIndustry) {
  auto x = run("桐乡市以化纤新材料为主导产业。");
  EXPECT_TRUE(has_fact(x, "桐乡市", "leadingIndustry", "化纤新材料"));
  EXPECT_FALSE(has_fact(x, "桐乡市", "hasIndustry", "化纤新材料"));
}

TEST(Industries, ListAsTheSubjectOfGrowth) {
  auto x = run("海宁市发展良好。皮革时尚、泛半导体加快起势。");
  EXPECT_TRUE(has_fact(x, "海宁市", "hasIndustry", "皮革时尚"));
  EXPECT_TRUE(has_fact(x, "海宁市", "hasIndustry", "泛半导体"));
}

TEST(Industries, ScopeListOfFieldsCountedOrCalledIndustries) {
  auto x = run("德清县签约项目涵盖地理信息、生物医药、通用航空等多个领域。");
  EXPECT_TRUE(has_fact(x, "德清县", "hasIndustry", "地理信息"));
  EXPECT_TRUE(has_fact(x, "德清县", "hasIndustry", "生物医药"));
  EXPECT_TRUE(has_fact(x, "德清县", "hasIndustry", "通用航空"));
  auto y = run("文成县新签项目涉及竹木加工、生态旅游等领域。");
  EXPECT_TRUE(has_fact(y, "文成县", "hasIndustry", "竹木加工"));
  EXPECT_TRUE(has_fact(y, "文成县", "hasIndustry", "生态旅游"));
  auto z = run("德清县开工项目涵盖城市更新、社会民生和先进制造等领域。");
  EXPECT_FALSE(has_industry(z, "城市更新"));
  EXPECT_FALSE(has_industry(z, "先进制造"));
}

TEST(Industries, ScopeVerbIsNotPartOfTheItem) {
  auto x = run("开化县瞄准碳纤维、智能传感、工业软件三大新兴产业。");
  EXPECT_TRUE(has_fact(x, "开化县", "emergingIndustry", "碳纤维"));
  EXPECT_FALSE(has_industry(x, "瞄准碳纤维"));
}

TEST(Industries, ModifierBetweenEtcAndTheRole) {
  auto x = run("武义县立足香榧、高山蔬菜、中药材等山地特色产业。");
  EXPECT_TRUE(has_fact(x, "武义县", "characteristicIndustry", "香榧"));
  EXPECT_TRUE(has_fact(x, "武义县", "characteristicIndustry", "高山蔬菜"));
  EXPECT_TRUE(has_fact(x, "武义县", "characteristicIndustry", "中药材"));
  EXPECT_FALSE(has_industry(x, "山地"));
}

TEST(Industries, LaterHalvesOfAYiWeiFrameKeepTheirRoles) {
  auto x = run("松阳县形成以茶叶为主导，竹木加工为基础，光伏为补充的产业格局。");
  EXPECT_TRUE(has_fact(x, "松阳县", "leadingIndustry", "茶叶"));
  EXPECT_TRUE(has_fact(x, "松阳县", "supportingIndustry", "竹木加工"));
  EXPECT_TRUE(has_fact(x, "松阳县", "hasIndustry", "光伏"));
  auto y = run("禹州市以钧瓷为主导、以中药材和铸造为两翼。");
  EXPECT_TRUE(has_fact(y, "禹州市", "hasIndustry", "中药材"));
  EXPECT_TRUE(has_fact(y, "禹州市", "hasIndustry", "铸造"));
}

TEST(Industries, TwoRoleWordsAfterALongPurpose) {
  auto x = run("仙居县坚持把杨梅产业作为增加农民收入、壮大村级经济的优势主导产业。");
  EXPECT_TRUE(has_fact(x, "仙居县", "leadingIndustry", "杨梅"));
  EXPECT_FALSE(has_fact(x, "仙居县", "hasIndustry", "杨梅"));
}

TEST(Industries, RoleAfterAnAreaWordOrAnAttributive) {
  auto x = run("青田县的杨梅、石雕则是县域特色产业，香鱼是青田县农业产业首位产业。");
  EXPECT_TRUE(has_fact(x, "青田县", "characteristicIndustry", "杨梅"));
  EXPECT_TRUE(has_fact(x, "青田县", "characteristicIndustry", "石雕"));
  EXPECT_TRUE(has_fact(x, "青田县", "leadingIndustry", "香鱼"));
  auto village = run("通化县发展良好。香瓜种植是江沿村的优势产业。");
  EXPECT_FALSE(has_fact(village, "通化县", "leadingIndustry", "香瓜种植"));
}

TEST(Industries, SupportingRoleStatedByTheVerb) {
  auto x = run("泰顺县配套发展竹木加工。");
  EXPECT_TRUE(has_fact(x, "泰顺县", "supportingIndustry", "竹木加工"));
}

TEST(Industries, ThisRoleBeforeAFigure) {
  auto x = run("桐庐县的制笔这一传统优势产业增加值增长5%。");
  EXPECT_TRUE(has_fact(x, "桐庐县", "leadingIndustry", "制笔"));
}

TEST(Industries, DualCountsTwoItems) {
  auto x = run("龙游县确立特种纸和精密数控双主导产业战略。");
  EXPECT_TRUE(has_fact(x, "龙游县", "leadingIndustry", "特种纸"));
  EXPECT_TRUE(has_fact(x, "龙游县", "leadingIndustry", "精密数控"));
  EXPECT_FALSE(has_industry(x, "精密数控双"));
}

TEST(Industries, ABareHeadNeedsIndustryLikeItems) {
  auto x = run("岚皋县建立产业联盟，发展富民产业，壮大村集体经济。");
  EXPECT_FALSE(has_industry(x, "建立"));
  EXPECT_FALSE(has_industry(x, "富民"));
  EXPECT_FALSE(has_industry(x, "村集体经济"));
  auto award = run("诸暨市袜业产业集群入选国家级中小企业特色产业集群。");
  EXPECT_FALSE(has_fact(award, "诸暨市", "hasIndustry", "袜业"));
}

}  // namespace
}  // namespace doc2kg::test
