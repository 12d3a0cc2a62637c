#include "doc2kg/reader.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "doc2kg/error.hpp"
#include "doc2kg/text.hpp"

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
    "标题一行\n2023-06-29\n作者:\n来源:\n大众日报\n\n本报济南讯 槐荫区优化发展思路。\n裕园社区获评“全国先进基层党组织”。\n";

}  // namespace

TEST(Reader, ReadsHeaderWithSourceOnTheNextLine) {
  Document d = read_article(kArticle, "a.txt");
  EXPECT_EQ(d.info.title, "标题一行");
  EXPECT_EQ(d.info.date, "2023-06-29");
  EXPECT_EQ(d.info.author, "");
  EXPECT_EQ(d.info.source, "大众日报");
  EXPECT_EQ(d.quote(d.info.source_range), "大众日报");
  ASSERT_EQ(d.paragraphs.size(), 3u);  // title and two body paragraphs; date/作者/来源 are not analysed
  EXPECT_EQ(d.quote(d.paragraphs[1]), "本报济南讯 槐荫区优化发展思路。");
}

TEST(Reader, ReadsAuthorOnItsLine) {
  Document d = read_article("题\n2024-02-05\n作者：沈逸舟\n来源：杭州日报\n\n正文。", "a.txt");
  EXPECT_EQ(d.info.author, "沈逸舟");
  EXPECT_EQ(d.info.source, "杭州日报");
}

TEST(Reader, BodyOnlyArticleHasNoHeader) {
  Document d = read_article("2023年前三季度，郫都区实现增长。\n第二段。", "a.txt");
  EXPECT_EQ(d.info.date, "");
  EXPECT_EQ(d.info.title, "");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, RepeatedParagraphIsReadOnce) {
  Document d = read_article("甲段内容。\n乙段内容。\n甲段内容。\n乙段内容。\n", "a.txt");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, Utf8BomAndCrlfGiveTheSameTextAsPlainUtf8) {
  std::string crlf = kArticle;
  for (size_t at = crlf.find('\n'); at != std::string::npos; at = crlf.find('\n', at + 2)) crlf.replace(at, 1, "\r\n");
  Document plain = read_article(kArticle, "a.txt");
  Document bom = read_article("\xEF\xBB\xBF" + crlf, "a.txt");
  EXPECT_EQ(to_utf8(bom.original), to_utf8(plain.original));
  EXPECT_EQ(bom.info.source, "大众日报");
}

TEST(Reader, DetectsGb18030AndUtf16) {
  std::string gb = encode(kArticle, "GB18030");
  EXPECT_EQ(detect_encoding(gb), "GB18030");
  EXPECT_EQ(to_utf8(read_article(gb, "a.txt").original), kArticle);
  std::string le = encode(kArticle, "UTF-16LE"), be = encode(kArticle, "UTF-16BE");
  EXPECT_EQ(detect_encoding("\xFF\xFE" + le), "UTF-16LE");
  EXPECT_EQ(to_utf8(read_article("\xFF\xFE" + le, "a.txt").original), kArticle);
  EXPECT_EQ(to_utf8(read_article("\xFE\xFF" + be, "a.txt").original), kArticle);
  EXPECT_EQ(to_utf8(read_article(le, "a.txt").original), kArticle);  // no BOM: zero bytes tell
}

TEST(Reader, FoldsFullWidthForMatchingButQuotesTheOriginal) {
  Document d = read_article("１０２６．４亿元，同比增长", "a.txt");
  EXPECT_EQ(to_utf8(d.text), "1026.4亿元,同比增长");
  EXPECT_EQ(to_utf8(d.original), "１０２６．４亿元，同比增长");
}

TEST(Reader, InvalidUtf8ThatIsNotGb18030IsAnErrorWithItsOffset) {
  try {
    read_article(std::string("\x80\x80\x80\xFF\xFF", 5), "bad.txt");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), kExitInput);
    EXPECT_NE(std::string(e.what()).find("bad.txt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("byte"), std::string::npos);
  }
}

TEST(Reader, EmptyAndBinaryInputsAreRejected) {
  EXPECT_THROW(read_article("", "e.txt"), Error);
  EXPECT_THROW(read_article(" \n\t\n", "e.txt"), Error);
  EXPECT_THROW(read_article(std::string("abc\0def", 7), "b.bin"), Error);
}
