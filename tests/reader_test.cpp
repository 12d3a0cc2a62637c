#include "read/reader.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "test_support.hpp"

using namespace doc2kg;

namespace {

std::string encode(const std::string& utf8, const char* encoding) {
  icu::UnicodeString u = from_utf8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  std::string out(static_cast<size_t>(u.length()) * 4 + 16, '\0');
  UConverter* converter = ucnv_open(encoding, &status);
  int32_t n = u.extract(out.data(), static_cast<int32_t>(out.size()), converter, status);
  ucnv_close(converter);
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kArticle =
    "标题一行\n2023-06-29\n作者:\n来源:\n大众日报\n\n本报济南讯 "
    "槐荫区优化发展思路。\n裕园社区获评“全国先进基层党组织”。\n";

}  // namespace

TEST(Reader, ReadsHeaderWithSourceOnTheNextLine) {
  Document d = read_article(kArticle, "a.txt", test::project_rules());
  EXPECT_EQ(d.info.title, "标题一行");
  EXPECT_EQ(d.info.date, "2023-06-29");
  EXPECT_EQ(d.info.author, "");
  EXPECT_EQ(d.info.source, "大众日报");
  EXPECT_EQ(d.quote(d.info.source_range), "大众日报");
  ASSERT_EQ(d.paragraphs.size(), 3u);  // title and two body paragraphs; date/作者/来源 are not analysed
  EXPECT_EQ(d.quote(d.paragraphs[1]), "本报济南讯 槐荫区优化发展思路。");
}

TEST(Reader, ReadsAuthorOnItsLine) {
  Document d = read_article("题\n2024-02-05\n作者：沈逸舟\n来源：杭州日报\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.author, "沈逸舟");
  EXPECT_EQ(d.info.source, "杭州日报");
}

TEST(Reader, BodyOnlyArticleHasNoHeader) {
  Document d = read_article("2023年前三季度，郫都区实现增长。\n第二段。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.date, "");
  EXPECT_EQ(d.info.title, "");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, RepeatedParagraphIsReadOnce) {
  Document d = read_article("甲段内容。\n乙段内容。\n甲段内容。\n乙段内容。\n", "a.txt", test::project_rules());
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, Utf8BomAndCrlfGiveTheSameTextAsPlainUtf8) {
  std::string crlf = kArticle;
  for (size_t at = crlf.find('\n'); at != std::string::npos; at = crlf.find('\n', at + 2)) crlf.replace(at, 1, "\r\n");
  Document plain = read_article(kArticle, "a.txt", test::project_rules());
  Document bom = read_article("\xEF\xBB\xBF" + crlf, "a.txt", test::project_rules());
  EXPECT_EQ(to_utf8(bom.original), to_utf8(plain.original));
  EXPECT_EQ(bom.info.source, "大众日报");
}

TEST(Reader, DetectsGb18030AndUtf16) {
  std::string gb = encode(kArticle, "GB18030");
  EXPECT_EQ(detect_encoding(gb), "GB18030");
  EXPECT_EQ(to_utf8(read_article(gb, "a.txt", test::project_rules()).original), kArticle);
  std::string le = encode(kArticle, "UTF-16LE"), be = encode(kArticle, "UTF-16BE");
  EXPECT_EQ(detect_encoding("\xFF\xFE" + le), "UTF-16LE");
  EXPECT_EQ(to_utf8(read_article("\xFF\xFE" + le, "a.txt", test::project_rules()).original), kArticle);
  EXPECT_EQ(to_utf8(read_article("\xFE\xFF" + be, "a.txt", test::project_rules()).original), kArticle);
  EXPECT_EQ(to_utf8(read_article(le, "a.txt", test::project_rules()).original), kArticle);  // no BOM: zero bytes tell
}

TEST(Reader, FoldsFullWidthForMatchingButQuotesTheOriginal) {
  Document d = read_article("１０２６．４亿元，同比增长", "a.txt", test::project_rules());
  EXPECT_EQ(to_utf8(d.text), "1026.4亿元,同比增长");
  EXPECT_EQ(to_utf8(d.original), "１０２６．４亿元，同比增长");
}

TEST(Reader, InvalidUtf8ThatIsNotGb18030IsAnErrorWithItsOffset) {
  try {
    read_article(std::string("\x80\x80\x80\xFF\xFF", 5), "bad.txt", test::project_rules());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Input);
    EXPECT_NE(std::string(e.what()).find("bad.txt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("byte"), std::string::npos);
  }
}

TEST(Reader, EmptyAndBinaryInputsAreRejected) {
  EXPECT_THROW(read_article("", "e.txt", test::project_rules()), Error);
  EXPECT_THROW(read_article(" \n\t\n", "e.txt", test::project_rules()), Error);
  EXPECT_THROW(read_article(std::string("abc\0def", 7), "b.bin", test::project_rules()), Error);
}

// Header layouts. Outlets, places, names and dates are invented.

TEST(Reader, HeaderWithTitleAndSourceButNoDate) {
  Document d = read_article("城西区文旅产业观察\n来源：望江晚报\n\n城西区把文旅作为特色产业。\n", "a.txt",
                            test::project_rules());
  EXPECT_EQ(d.info.title, "城西区文旅产业观察");
  EXPECT_EQ(d.info.date, "");
  EXPECT_EQ(d.info.source, "望江晚报");
  EXPECT_EQ(d.quote(d.info.source_range), "望江晚报");
  ASSERT_EQ(d.paragraphs.size(), 2u);  // title and body; the 来源 line states nothing
  EXPECT_EQ(d.quote(d.paragraphs[0]), "城西区文旅产业观察");
  EXPECT_EQ(d.quote(d.paragraphs[1]), "城西区把文旅作为特色产业。");
}

TEST(Reader, SourceLineBeforeTitleAndChineseDate) {
  Document d = read_article("来源：青峰日报\n东湖县农业提质增效\n2023年11月7日\n\n东湖县以茶叶为主导产业。", "a.txt",
                            test::project_rules());
  EXPECT_EQ(d.info.title, "东湖县农业提质增效");
  EXPECT_EQ(d.info.date, "2023-11-07");
  EXPECT_EQ(d.info.source, "青峰日报");
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.quote(d.paragraphs[1]), "东湖县以茶叶为主导产业。");
}

TEST(Reader, ChineseDateInAnyFormIsIso) {
  EXPECT_EQ(read_article("题\n2022年 9月 3日\n\n正文。", "a.txt", test::project_rules()).info.date, "2022-09-03");
  EXPECT_EQ(read_article("题\n二〇二二年十二月三十一日\n\n正文。", "a.txt", test::project_rules()).info.date,
            "2022-12-31");
  EXPECT_EQ(read_article("题\n2022/9/3 14:05\n\n正文。", "a.txt", test::project_rules()).info.date, "2022-09-03");
  EXPECT_EQ(read_article("题\n2022-13-40\n\n正文。", "a.txt", test::project_rules()).info.date, "");  // not a date
}

TEST(Reader, WeChatLineGivesAccountAsSourceAndDate) {
  Document d = read_article("北岭这一年｜新城新气象\n原创 北岭融媒 2023-09-30 08:05\n\n北岭区以物流为主导产业。",
                            "a.txt", test::project_rules());
  EXPECT_EQ(d.info.title, "北岭这一年|新城新气象");  // the title is read from the folded copy
  EXPECT_EQ(d.info.date, "2023-09-30");
  EXPECT_EQ(d.info.source, "北岭融媒");
  EXPECT_EQ(d.quote(d.info.source_range), "北岭融媒");
  ASSERT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, WeChatLineWithAuthorAndPlace) {
  Document d = read_article("题\n原创 陈小禾 南湾发布 2023-02-14 21:40 福建\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.date, "2023-02-14");
  EXPECT_EQ(d.info.source, "南湾发布");
  EXPECT_EQ(d.info.author, "陈小禾");
  // without 原创 the time marks the line as a WeChat one
  Document e = read_article("题\n南湾发布 2023-02-14 21:40\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(e.info.source, "南湾发布");
  EXPECT_EQ(e.info.date, "2023-02-14");
}

TEST(Reader, PortalLineWithDateAndSourceFields) {
  Document d =
      read_article("题\n发布日期：2023-12-01　信息来源：南屿区农业农村局\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.date, "2023-12-01");
  EXPECT_EQ(d.info.source, "南屿区农业农村局");
  EXPECT_EQ(d.quote(d.info.source_range), "南屿区农业农村局");
  Document e = read_article("题\n来源:西岭区人民政府 | 发布时间:2023-05-09 14:20 | 浏览次数:57\n\n正文。", "a.txt",
                            test::project_rules());
  EXPECT_EQ(e.info.date, "2023-05-09");
  EXPECT_EQ(e.info.source, "西岭区人民政府");
  EXPECT_EQ(e.quote(e.info.source_range), "西岭区人民政府");
  ASSERT_EQ(e.paragraphs.size(), 2u);
}

TEST(Reader, OneMetaLineWithSourceDateAndReporter) {
  Document d = read_article("题\n来源：北湖日报｜2023-10-11｜记者 张晓岚\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.source, "北湖日报");
  EXPECT_EQ(d.info.date, "2023-10-11");
  EXPECT_EQ(d.info.author, "张晓岚");
  EXPECT_EQ(d.quote(d.info.author_range), "张晓岚");
  Document e = read_article("题\n来源：北湖日报 作者：张晓岚 2023-10-11\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(e.info.source, "北湖日报");
  EXPECT_EQ(e.info.author, "张晓岚");
  EXPECT_EQ(e.info.date, "2023-10-11");
}

TEST(Reader, MeetingTimeLineGivesTheDateAndOtherLinesStayText) {
  Document d = read_article("题\n时间：2023年8月2日（星期三）下午3:00\n地点：区政务中心\n\n正文。", "a.txt",
                            test::project_rules());
  EXPECT_EQ(d.info.date, "2023-08-02");
  ASSERT_EQ(d.paragraphs.size(), 3u);  // title, 地点 (not a header field: analysed), body
  EXPECT_EQ(d.quote(d.paragraphs[1]), "地点：区政务中心");
}

TEST(Reader, DateInADashSubtitleWithoutFieldLines) {
  Document d = read_article("某县人民政府工作报告\n——2023年1月9日在某县人民代表大会上\n县长 李某\n\n各位代表：\n正文。",
                            "a.txt", test::project_rules());
  EXPECT_EQ(d.info.date, "2023-01-09");
  EXPECT_EQ(d.info.title, "某县人民政府工作报告 ——2023年1月9日在某县人民代表大会上");
  EXPECT_EQ(d.paragraphs.size(), 5u);  // every line is analysed
}

TEST(Reader, FieldLinesAfterABlankLineOfTitles) {
  Document d = read_article("题一\n\n2023-06-01\n\n来源：东岗晨报\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.title, "题一");
  EXPECT_EQ(d.info.date, "2023-06-01");
  EXPECT_EQ(d.info.source, "东岗晨报");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, BodySentencesAreNotAHeader) {
  Document d = read_article("全县经济运行平稳。\n来源：县统计局\n\n2023年5月6日，全县召开大会。", "a.txt",
                            test::project_rules());
  EXPECT_EQ(d.info.title, "");
  EXPECT_EQ(d.info.date, "");
  EXPECT_EQ(d.info.source, "");
  EXPECT_EQ(d.paragraphs.size(), 3u);
  Document e = read_article("一、总体情况\n\n2023年5月6日，全县召开大会。", "a.txt", test::project_rules());
  EXPECT_EQ(e.info.date, "");  // a date in the body is not the article's
}

TEST(Reader, ReporterAndCorrespondentWithoutColons) {
  Document d =
      read_article("题\n来源：南川时报 2023-04-18 记者 周明远 通讯员 吴小雨\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(d.info.source, "南川时报");
  EXPECT_EQ(d.info.date, "2023-04-18");
  EXPECT_EQ(d.info.author, "周明远");  // the correspondent is not the author
}

TEST(Reader, AKnownHeaderIsGivenAsItIsAndWinsOverTheTextsOwn) {
  // What a JSON line gives: the fields, not labelled lines for the reader to parse back.
  Document doc;
  doc.input = "作者：王五\n来源：别的报\n\n东湖县以茶叶为主导产业。";
  doc.info.id = "x1";
  doc.info.title = "东湖县农业提质增效";
  doc.info.date = "2023年11月7日";
  doc.info.source = "青峰日报";
  reader::run(doc, test::project_rules());
  EXPECT_EQ(doc.info.title, "东湖县农业提质增效");
  EXPECT_EQ(doc.info.date, "2023-11-07");
  EXPECT_EQ(doc.info.source, "青峰日报");  // the known field wins
  EXPECT_EQ(doc.quote(doc.info.source_range), "青峰日报");
  EXPECT_EQ(doc.info.author, "王五");  // the text's own field line fills what it leaves
  EXPECT_EQ(to_utf8(doc.original).rfind("东湖县农业提质增效\n青峰日报\n\n作者：王五", 0), 0u) << to_utf8(doc.original);
  ASSERT_EQ(doc.paragraphs.size(), 2u);  // the title, then the body
  EXPECT_EQ(doc.quote(doc.paragraphs[0]), "东湖县农业提质增效");
  EXPECT_EQ(doc.quote(doc.paragraphs[1]), "东湖县以茶叶为主导产业。");
}

TEST(Reader, HeaderAndDateWordsAreRuleData) {
  // A rule set of its own: 供稿 labels the source, 期 closes the day; nothing else is a label.
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "doc2kg-reader-words";
  std::filesystem::remove_all(dir);
  test::write_required_word_lists(dir, {{"header_source_labels", "供稿\n"},
                                        {"date_year_marks", "年\n"},
                                        {"date_month_marks", "月\n"},
                                        {"date_day_marks", "期\n"}});
  auto rules = RuleSet::load(dir.string());
  Document own = read_article("题\n供稿：青峰日报\n2023年11月7期\n\n正文。", "a.txt", impl(*rules));
  EXPECT_EQ(own.info.source, "青峰日报");
  EXPECT_EQ(own.info.date, "2023-11-07");
  EXPECT_EQ(read_article("题\n来源：青峰日报\n\n正文。", "a.txt", impl(*rules)).info.source, "");  // not a label there
  Document project = read_article("题\n供稿：青峰日报\n2023年11月7期\n\n正文。", "a.txt", test::project_rules());
  EXPECT_EQ(project.info.source, "");
  EXPECT_EQ(project.info.date, "");
  std::filesystem::remove_all(dir);
}

TEST(Reader, ARuleSetWithoutTheReadersWordListsIsAnError) {
  RuleSetImpl partial;  // not loaded: none of the lists
  try {
    read_article("题\n\n正文。", "a.txt", partial);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
    EXPECT_NE(std::string(e.what()).find("header_source_labels"), std::string::npos) << e.what();
  }
}

// ---- Hardening (issue #13): encodings, sizes, reasons, known fields. Texts are invented. ----

namespace {

// Several paragraphs of Chinese with nothing but line ends in ASCII (and 一,
// U+4E00, whose low byte is zero): no zero-byte pattern to go by.
const std::string kChineseArticle =
    "南湖区一季度经济运行开局良好\n\n"
    "今年以来，南湖区坚持把先进制造业作为立区之本，一批重大项目加快建设。\n"
    "全区以新能源汽车、生物医药两大产业为主导，集聚上下游企业一百余家。\n"
    "青石街道积极推进老旧小区改造，居民生活环境明显改善。\n"
    "下一步，南湖区将持续优化营商环境，推动经济高质量发展。\n";

}  // namespace

TEST(Reader, Utf16WithoutABomIsToldByItsCodeUnits) {
  for (const char* encoding : {"UTF-16LE", "UTF-16BE"}) {
    std::string bytes = encode(kChineseArticle, encoding);
    EXPECT_EQ(detect_encoding(bytes), encoding);
    Document d = read_article(bytes, "a.txt", test::project_rules());
    EXPECT_EQ(to_utf8(d.original), kChineseArticle) << encoding;
    EXPECT_EQ(d.info.title, "南湖区一季度经济运行开局良好") << encoding;
  }
  // Neither UTF-8 nor GB18030 text is taken for UTF-16.
  EXPECT_EQ(detect_encoding(kChineseArticle), "UTF-8");
  EXPECT_EQ(detect_encoding(encode(kChineseArticle, "GB18030")), "GB18030");
}

TEST(Reader, Big5IsDetectedAndDecoded) {
  const std::string traditional =
      "南湖區一季度經濟運行開局良好\n\n"
      "今年以來，南湖區堅持把先進製造業作為立區之本，一批重大項目加快建設。\n"
      "全區以新能源汽車、生物醫藥兩大產業為主導，集聚上下游企業一百餘家。\n"
      "青石街道積極推進老舊小區改造，居民生活環境明顯改善。\n";
  std::string big5 = encode(traditional, "Big5");
  EXPECT_EQ(detect_encoding(big5), "Big5");
  Document d = read_article(big5, "big5.txt", test::project_rules());
  EXPECT_EQ(to_utf8(d.original), traditional);
  EXPECT_EQ(to_utf8(d.text).find("南湖区一季度经济运行开局良好"), 0u);        // matched on the Simplified copy
  EXPECT_EQ(detect_encoding(encode(kChineseArticle, "GB18030")), "GB18030");  // still GB18030
}

TEST(Reader, AnInputLargerThanTheLimitIsRefusedWithoutReadingItAll) {
  try {
    read_file("/dev/zero");  // endless: read up to the limit and one byte more, not to the end
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Input);
    EXPECT_EQ(std::string(e.what()), "/dev/zero: larger than 64 MiB, not an article");
  }
}

TEST(Reader, CannotOpenSaysWhy) {
  auto message = [](const std::string& path) {
    try {
      read_file(path);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Input);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("/nonexistent-dir/x.txt"), "/nonexistent-dir/x.txt: cannot open (No such file or directory)");
  EXPECT_EQ(message("/"), "/: read failed (Is a directory)");
  if (::geteuid() != 0) {  // root opens every file
    std::filesystem::path locked = std::filesystem::temp_directory_path() / "doc2kg-reader-locked.txt";
    std::ofstream(locked) << "正文。";
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    EXPECT_EQ(message(locked.string()), locked.string() + ": cannot open (Permission denied)");
    std::filesystem::remove(locked);
  }
}

TEST(Reader, AKnownFieldsRangesAreWhereTheyAreWritten) {
  // A JSON line's fields: set as they are, one a line, never parsed back from text.
  Document doc;
  doc.input = "南湖区以新能源汽车为主导产业。";
  doc.info.id = "r1";
  doc.info.title = "南湖区\n产业观察";  // one line of the text
  doc.info.date = " 2023年6月1日 10:30 ";
  doc.info.author = "来源：假标签";  // a value, however it reads
  doc.info.source = "南湖日报";
  reader::run(doc, test::project_rules());
  EXPECT_EQ(to_utf8(doc.original), "南湖区 产业观察\n来源：假标签\n南湖日报\n\n南湖区以新能源汽车为主导产业。");
  EXPECT_EQ(doc.info.title, "南湖区 产业观察");
  EXPECT_EQ(doc.info.date, "2023-06-01");
  EXPECT_EQ(doc.info.author, "来源：假标签");
  EXPECT_EQ(doc.quote(doc.info.author_range), "来源：假标签");
  EXPECT_EQ(doc.info.source, "南湖日报");
  EXPECT_EQ(doc.quote(doc.info.source_range), "南湖日报");
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.quote(doc.paragraphs[0]), "南湖区 产业观察");
  // The fields alone, with an empty body, are an article too.
  Document alone;
  alone.info.id = "r2";
  alone.info.title = "南湖区产业观察";
  reader::run(alone, test::project_rules());
  EXPECT_EQ(to_utf8(alone.original), "南湖区产业观察\n\n");
  EXPECT_EQ(alone.paragraphs.size(), 1u);
  // A field of nothing but a BOM is no field: the lines do not shift.
  Document bom;
  bom.input = "正文。";
  bom.info.title = "\xEF\xBB\xBF";
  bom.info.source = "南湖日报";
  reader::run(bom, test::project_rules());
  EXPECT_EQ(bom.info.title, "");
  EXPECT_EQ(bom.info.source, "南湖日报");
  EXPECT_EQ(bom.quote(bom.info.source_range), "南湖日报");
  EXPECT_EQ(bom.paragraphs.size(), 1u);
}
