// Honours (rules/honours.json): Honor entities and `awarded`, in short sentences
// written for the test (places, companies and titles invented).
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

using namespace doc2kg::test;

namespace {

bool has_type_containing(const doc2kg::Document& x, const std::string& type, const std::string& part) {
  for (const auto& s : x.entities)
    if (s.type == type && s.name.find(part) != std::string::npos) return true;
  return false;
}

int count_awarded(const doc2kg::Document& x) {
  int n = 0;
  for (const auto& f : x.facts) n += f.relation == "awarded";
  return n;
}

int count_type(const doc2kg::Document& x, const std::string& type) {
  int n = 0;
  for (const auto& s : x.entities) n += s.type == type;
  return n;
}

}  // namespace

TEST(Honours, TitleWithAPlaceHeadIsAnHonourNeverAPlace) {
  auto x =
      run("桐庐县发展良好。凤川街道获评国家农业产业强镇,荻浦村被评为省级乡村振兴示范村,"
          "瑶琳社区荣获全国综合减灾示范社区称号,富春江科技园获批国家级双创示范园区。");
  EXPECT_TRUE(has_fact(x, "凤川街道", "awarded", "国家农业产业强镇"));
  EXPECT_TRUE(has_fact(x, "荻浦村", "awarded", "省级乡村振兴示范村"));
  EXPECT_TRUE(has_fact(x, "瑶琳社区", "awarded", "全国综合减灾示范社区"));
  EXPECT_TRUE(has_entity(x, "Honor", "国家级双创示范园区"));
  EXPECT_FALSE(has_type_containing(x, "Subdistrict", "强镇"));
  EXPECT_FALSE(has_type_containing(x, "Community", "示范"));
  EXPECT_FALSE(has_type_containing(x, "Zone", "示范园区"));
}

TEST(Honours, UnquotedTitleRunsToTheClauseEndOrItsCloser) {
  auto x = run("桐庐县发展良好。分水镇被评为省级美丽城镇样板镇,合村乡荣获全国生态文化乡荣誉称号。");
  EXPECT_TRUE(has_fact(x, "分水镇", "awarded", "省级美丽城镇样板镇"));
  EXPECT_TRUE(has_fact(x, "合村乡", "awarded", "全国生态文化乡"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "称号"));
}

TEST(Honours, ListsOfTitlesAreSplit) {
  auto x =
      run("桐庐县发展良好。春江社区先后荣获全国和谐社区建设示范社区、浙江省绿色社区和全国科普示范社区等多项国家级荣誉称"
          "号。");
  EXPECT_TRUE(has_fact(x, "春江社区", "awarded", "全国和谐社区建设示范社区"));  // 和谐 is not a separator
  EXPECT_TRUE(has_fact(x, "春江社区", "awarded", "浙江省绿色社区"));
  EXPECT_TRUE(has_fact(x, "春江社区", "awarded", "全国科普示范社区"));
  EXPECT_EQ(count_type(x, "Honor"), 3);

  auto y = run("桐庐县发展良好。石舍村获评省级卫生村、市级文明村等称号。");
  EXPECT_TRUE(has_fact(y, "石舍村", "awarded", "省级卫生村"));
  EXPECT_TRUE(has_fact(y, "石舍村", "awarded", "市级文明村"));
  EXPECT_FALSE(has_type_containing(y, "Honor", "等"));

  auto z = run("桐庐县发展良好。石舍村获评“浙江省森林村庄”“杭州市美丽乡村精品村”等称号。");
  EXPECT_TRUE(has_fact(z, "石舍村", "awarded", "浙江省森林村庄"));
  EXPECT_TRUE(has_fact(z, "石舍村", "awarded", "杭州市美丽乡村精品村"));
}

TEST(Honours, EveryCompletedVerbOfTheOntology) {
  auto x =
      run("桐庐县发展良好。"
          "横村镇被命名为省级森林城镇。"
          "杭州青禾农业有限公司被认定为农业产业化省级骨干企业。"
          "桐君街道列入全国社区治理创新实验区名单。"
          "旧县街道入选全国乡村治理示范乡镇名单。"
          "富春江镇上榜全国综合实力千强镇名单。"
          "天子岗景区晋级国家4A级旅游景区。"
          "杭州桐江电器有限公司摘得浙江省质量奖殊荣。"
          "江南镇去年成功创建省级生态文明建设示范乡镇。"
          "莪山乡今年创成省级美丽乡村示范乡。"
          "桐庐县顺利通过国家卫生县城复审。"
          "钟山乡获得全国生态文化乡称号。"
          "百江镇被授予“浙江省体育强镇”称号。");
  EXPECT_TRUE(has_fact(x, "横村镇", "awarded", "省级森林城镇"));
  EXPECT_TRUE(has_fact(x, "杭州青禾农业有限公司", "awarded", "农业产业化省级骨干企业"));
  EXPECT_TRUE(has_fact(x, "桐君街道", "awarded", "全国社区治理创新实验区"));
  EXPECT_TRUE(has_fact(x, "旧县街道", "awarded", "全国乡村治理示范乡镇"));
  EXPECT_TRUE(has_fact(x, "富春江镇", "awarded", "全国综合实力千强镇"));
  EXPECT_TRUE(has_fact(x, "天子岗景区", "awarded", "国家4A级旅游景区"));
  EXPECT_TRUE(has_fact(x, "杭州桐江电器有限公司", "awarded", "浙江省质量奖"));
  EXPECT_TRUE(has_fact(x, "江南镇", "awarded", "省级生态文明建设示范乡镇"));
  EXPECT_TRUE(has_fact(x, "莪山乡", "awarded", "省级美丽乡村示范乡"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "国家卫生县城"));
  EXPECT_TRUE(has_fact(x, "钟山乡", "awarded", "全国生态文化乡"));
  EXPECT_TRUE(has_fact(x, "百江镇", "awarded", "浙江省体育强镇"));
}

TEST(Honours, LeadingYearOrBatchAndTrailingCloserAreDropped) {
  auto x =
      run("桐庐县发展良好。桐庐县上榜2023年度全国县域旅游综合实力百强县名单,入选第三批国家全域旅游示范区名单,"
          "获评“2022年全国休闲农业重点县”。");
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "全国县域旅游综合实力百强县"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "国家全域旅游示范区"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "全国休闲农业重点县"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "年"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "批"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "名单"));
}

TEST(Honours, ATitleOnlyPursuedIsNeitherHonourNorAward) {
  auto x =
      run("桐庐县正在创建国家生态文明建设示范县,瑶琳镇积极争创“全国文明村镇”称号,"
          "凤川街道申报省级未来社区,江南镇力争创成省级美丽城镇,百江镇力争年内入选全国千强镇名单。");
  EXPECT_EQ(count_type(x, "Honor"), 0);
  EXPECT_EQ(count_awarded(x), 0);
}

TEST(Honours, SuccessfulCreationIsCompletedBesideTitlesOnlyPursued) {
  auto x = run(
      "桐庐县发展良好。荻浦村去年成功创建杭州市文明村,目前正在申报全国乡村旅游重点村,并争创浙江省美丽乡村特色精品村。");
  EXPECT_TRUE(has_fact(x, "荻浦村", "awarded", "杭州市文明村"));
  EXPECT_EQ(count_type(x, "Honor"), 1);
  EXPECT_EQ(count_awarded(x), 1);
}

TEST(Honours, HolderReferredToAfterItIsNamed) {
  auto x =
      run("桐庐县发展良好。城南街道白云社区是一个老旧小区集中的社区。近年来,该社区先后荣获"
          "“全国示范性老年友好型社区”“浙江省绿色社区”等荣誉称号。");
  EXPECT_TRUE(has_fact(x, "白云社区", "awarded", "全国示范性老年友好型社区"));
  EXPECT_TRUE(has_fact(x, "白云社区", "awarded", "浙江省绿色社区"));
  EXPECT_FALSE(has_fact(x, "桐庐县", "awarded", "浙江省绿色社区"));

  auto y =
      run("桐庐县发展良好。凤川街道地处县城东部。今年,这个街道获评全国综合减灾示范街道和省级平安街道,"
          "辖区内的翙岗社区则被评为省级文明社区。");
  EXPECT_TRUE(has_fact(y, "凤川街道", "awarded", "全国综合减灾示范街道"));
  EXPECT_TRUE(has_fact(y, "凤川街道", "awarded", "省级平安街道"));
  EXPECT_TRUE(has_fact(y, "翙岗社区", "awarded", "省级文明社区"));

  auto z =
      run("桐庐县发展良好。瑶琳镇的富春药谷产业园位于分水江畔。该园区先后获批国家级农业科技园区、"
          "浙江省现代农业园区,今年又被列入省级数字农业工厂名单。");
  EXPECT_TRUE(has_fact(z, "富春药谷产业园", "awarded", "国家级农业科技园区"));
  EXPECT_TRUE(has_fact(z, "富春药谷产业园", "awarded", "浙江省现代农业园区"));
  EXPECT_TRUE(has_fact(z, "富春药谷产业园", "awarded", "省级数字农业工厂"));

  auto c = run("桐庐县发展良好。杭州瑶溪食品有限公司年销售额超过3亿元。今年5月,这家企业被认定为国家高新技术企业。");
  EXPECT_TRUE(has_fact(c, "杭州瑶溪食品有限公司", "awarded", "国家高新技术企业"));
}

TEST(Honours, SubjectlessLineGoesToTheHolderItsTitleCallsFor) {
  auto x = run("桐庐县发展良好。\n分水镇天英村有茶园2100亩\n全年接待游客12万人次\n被评为“浙江省旅游名村”\n");
  EXPECT_TRUE(has_fact(x, "天英村", "awarded", "浙江省旅游名村"));
  EXPECT_FALSE(has_fact(x, "桐庐县", "awarded", "浙江省旅游名村"));
}

TEST(Honours, UnnamedHolderGivesTheHonourWithoutAnAward) {
  auto x = run("桐庐县发展良好。合村乡高翔村竹林连片。村里的竹编工坊年接订单200余万元,今年被命名为“浙江省非遗工坊”。");
  EXPECT_TRUE(has_entity(x, "Honor", "浙江省非遗工坊"));
  EXPECT_EQ(count_awarded(x), 0);
}

TEST(Honours, NamedHolderEndsBeforeTheVerb) {
  auto x =
      run("桐庐县发展良好。县里的青龙湾景区荣获国家级旅游度假区称号。县内的富春山药谷被省政府授予省级中医药文化养生示范"
          "基地称号。");
  EXPECT_TRUE(has_fact(x, "青龙湾景区", "awarded", "国家级旅游度假区"));
  EXPECT_TRUE(has_fact(x, "富春山药谷", "awarded", "省级中医药文化养生示范基地"));
  EXPECT_FALSE(has_type_containing(x, "Zone", "荣获"));
  EXPECT_FALSE(has_type_containing(x, "Organization", "省政府"));
  EXPECT_FALSE(has_type_containing(x, "Zone", "授予"));
}

TEST(Honours, EveryHolderOfAListAndAHolderAfterItsTitle) {
  auto x =
      run("桐庐县发展良好。横村镇的孝门村、阳山畈村获评省级善治示范村。晋级国家3A级旅游景区的白云源景区游客大增。");
  EXPECT_TRUE(has_fact(x, "孝门村", "awarded", "省级善治示范村"));
  EXPECT_TRUE(has_fact(x, "阳山畈村", "awarded", "省级善治示范村"));
  EXPECT_TRUE(has_fact(x, "白云源景区", "awarded", "国家3A级旅游景区"));
  EXPECT_FALSE(has_fact(x, "横村镇", "awarded", "省级善治示范村"));
}

TEST(Honours, NotTitlesAfterTheSameVerbs) {
  auto x =
      run("桐庐县发展良好。全县上榜企业达到15家,入选企业获批资金3000万元,获得群众好评。"
          "全县有12个村获评省级美丽乡村示范村。");
  EXPECT_FALSE(has_type_containing(x, "Honor", "企业"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "资金"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "好评"));
  EXPECT_FALSE(has_fact(x, "桐庐县", "awarded", "省级美丽乡村示范村"));  // twelve villages, not the county
}

TEST(Honours, TitlesOnlyPursuedAreNotCutIntoPlaces) {
  auto x = run("海盐县发展良好。秦山街道正在创建国家级生态文明建设示范街道，武原街道力争创成省级示范街道。");
  EXPECT_TRUE(has_entity(x, "Subdistrict", "秦山街道"));
  EXPECT_FALSE(has_entity(x, "Subdistrict", "示范街道"));
  EXPECT_FALSE(has_entity(x, "Subdistrict", "省级示范街道"));
  EXPECT_FALSE(has_entity(x, "Honor", "省级示范街道"));
}

TEST(Honours, PersonHoldsAPersonsTitleAfterAPostOrOpeningTheClause) {
  auto x =
      run("桐庐县发展良好。横村镇孝门村党支部书记韩立东今年荣获全国劳动模范称号,县供电公司高级技师许文杰获评"
          "“浙江省技术能手”。宋玉兰2021年被评为“杭州市优秀社区工作者”。");
  EXPECT_TRUE(has_fact(x, "韩立东", "awarded", "全国劳动模范"));
  EXPECT_TRUE(has_fact(x, "许文杰", "awarded", "浙江省技术能手"));
  EXPECT_TRUE(has_fact(x, "宋玉兰", "awarded", "杭州市优秀社区工作者"));
  EXPECT_FALSE(has_fact(x, "孝门村", "awarded", "全国劳动模范"));  // the village is not the subject
  EXPECT_FALSE(has_fact(x, "孝门村", "awarded", "浙江省技术能手"));
}

TEST(Honours, VerbsBeyondTheBasicList) {
  auto x =
      run("桐庐县发展良好。瑶琳镇荣膺全国环境优美乡镇。凤川街道斩获“浙江省平安街道”称号。桐庐县跻身全国县域经济百强县。"
          "荻浦村被列为省级历史文化名村。春江社区被县文明委表彰为“第三届杭州市文明社区”。"
          "分水镇一举捧回“中国最美乡镇”“中国特色小镇”两个奖牌。省政府命名钟山乡为“浙江省森林乡镇”。"
          "江南镇获得了中国美丽村镇30强的奖项。");
  EXPECT_TRUE(has_fact(x, "瑶琳镇", "awarded", "全国环境优美乡镇"));
  EXPECT_TRUE(has_fact(x, "凤川街道", "awarded", "浙江省平安街道"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "全国县域经济百强县"));
  EXPECT_TRUE(has_fact(x, "荻浦村", "awarded", "省级历史文化名村"));
  EXPECT_TRUE(has_fact(x, "春江社区", "awarded", "杭州市文明社区"));  // 第三届 dropped
  EXPECT_TRUE(has_fact(x, "分水镇", "awarded", "中国最美乡镇"));
  EXPECT_TRUE(has_fact(x, "分水镇", "awarded", "中国特色小镇"));
  EXPECT_TRUE(has_fact(x, "钟山乡", "awarded", "浙江省森林乡镇"));  // the holder is the object of 命名
  EXPECT_TRUE(has_fact(x, "江南镇", "awarded", "中国美丽村镇30强"));
}

TEST(Honours, TwoUnquotedTitlesJoinedAfterATitleHead) {
  auto x = run("桐庐县发展良好。阳山畈村获评美丽宜居示范村和森林乡村。");
  EXPECT_TRUE(has_fact(x, "阳山畈村", "awarded", "美丽宜居示范村"));
  EXPECT_TRUE(has_fact(x, "阳山畈村", "awarded", "森林乡村"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "和"));
}

TEST(Honours, BatchBeforeTheQuoteYearWithoutItsMarkAndTrailingTimeWords) {
  auto x =
      run("桐庐县发展良好。白云村则跻身第二批“浙江省民主法治示范村”;桐庐县上榜 2023 年度“全国县域旅游百强县”,"
          "还上榜“２０２２中国县域休闲农业百强县”。百江镇被列为省级特色小镇之后发展更快。");
  EXPECT_TRUE(has_fact(x, "白云村", "awarded", "浙江省民主法治示范村"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "全国县域旅游百强县"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "中国县域休闲农业百强县"));
  EXPECT_TRUE(has_fact(x, "百江镇", "awarded", "省级特色小镇"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "2022"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "之后"));
}

TEST(Honours, CooperativeHoldsItsTitleAlsoWhenWrittenByItsHead) {
  auto x =
      run("桐庐县发展良好。在横村镇孝门村,桐庐青禾果蔬专业合作社理事长吴海峰正在查看大棚。"
          "去年孝门村获评省级善治示范村,合作社被评为国家农民合作社示范社。");
  EXPECT_TRUE(has_fact(x, "孝门村", "awarded", "省级善治示范村"));
  EXPECT_TRUE(has_fact(x, "桐庐青禾果蔬专业合作社", "awarded", "国家农民合作社示范社"));
  EXPECT_FALSE(has_fact(x, "孝门村", "awarded", "国家农民合作社示范社"));
}

TEST(Honours, QuotedPartOpeningATitleThatClosesWithItsHonorific) {
  auto x = run("桐庐县发展良好。桐庐县连续两届获得“全国平安建设”先进县光荣称号。");
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "全国平安建设先进县"));
  EXPECT_FALSE(has_entity(x, "Honor", "全国平安建设"));
}

TEST(Honours, ATitleWonByAClusterOrAProductIsNoAwardOfThePlaceBefore) {
  auto x = run("桐庐县发展良好。桐庐县的竹编产业集群入选国家级中小企业特色产业集群,桐庐县获评全国休闲农业重点县。");
  EXPECT_TRUE(has_entity(x, "Honor", "国家级中小企业特色产业集群"));
  EXPECT_FALSE(has_fact(x, "桐庐县", "awarded", "国家级中小企业特色产业集群"));
  EXPECT_TRUE(has_fact(x, "桐庐县", "awarded", "全国休闲农业重点县"));
}

TEST(Honours, StatusAfterACopulaIsAnHonourWithoutAnAward) {
  auto x = run("桐庐县发展良好。桐庐县是国家级生态县、全国文明县城。该项目是省级重点项目。");
  EXPECT_TRUE(has_entity(x, "Honor", "国家级生态县"));
  EXPECT_TRUE(has_entity(x, "Honor", "全国文明县城"));
  EXPECT_FALSE(has_type_containing(x, "Honor", "项目"));
  EXPECT_EQ(count_awarded(x), 0);
}
