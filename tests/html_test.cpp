// Web pages of the test's own making, and Traditional Chinese text.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "read/html_reader.hpp"
#include "read/reader.hpp"
#include "read/script.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

namespace {

const char* kPage = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta property="og:title" content="江宁区经济稳中向好">
<meta name="pubdate" content="2023-10-20 09:30">
<title>江宁区经济稳中向好_新闻中心_江宁网</title>
<script>var menu = "首页 新闻 获评“假荣誉”"; document.write("<p>不是正文</p>");</script>
<style>p { color: red }</style></head>
<body>
<nav><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 新闻</div>
<!-- 广告位：明月社区获评“评论里的荣誉” -->
<div id="main"><div class="wrap"><div class="article-content">
<h1>江宁区经济稳中向好</h1>
<div class="info">来源：南京日报&nbsp;&nbsp;作者：王芳&nbsp;&nbsp;2023-10-20</div>
<div class="text"><div>
<p>江宁区以集成电路为主导产业,&#x5168;区新增企业100家。</p>
<p>明月社区获评&ldquo;全国示范社区&rdquo;。<br>桂花街道青山村建成茶园&nbsp;2300亩。</p>
</div></div>
<div class="share">分享到：微信 微博</div>
<p>责任编辑：xx</p>
</div></div></div>
<footer>版权所有 江宁网 苏ICP备000000号 主办单位：江宁区人民政府</footer>
</body></html>)";

std::string gbk(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = from_utf8(utf8);
  std::string out(utf8.size() * 2 + 16, '\0');
  UConverter* c = ucnv_open("GBK", &status);
  int32_t n = u.extract(out.data(), static_cast<int32_t>(out.size()), c, status);
  ucnv_close(c);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

TEST(Html, RecognisedByContentNotByName) {
  EXPECT_TRUE(looks_like_html(kPage));
  EXPECT_TRUE(looks_like_html("  <html><body><p>正文</p></body></html>"));
  EXPECT_FALSE(looks_like_html("江宁区以集成电路为主导产业。"));
}

TEST(Html, HeaderFieldsFromMetaAndByline) {
  Document d = read_article(kPage, "page.txt", test::project_rules());
  EXPECT_EQ(d.info.title, "江宁区经济稳中向好");  // og:title
  EXPECT_EQ(d.info.date, "2023-10-20");           // meta pubdate
  EXPECT_EQ(d.info.source, "南京日报");
  EXPECT_EQ(d.info.author, "王芳");
}

TEST(Html, BodyWithoutScriptsNavigationCommentsFooterOrResidue) {
  std::string text = html_to_article(kPage, "page.txt", ReaderVocabulary::from(project_rules())).text;
  EXPECT_NE(text.find("江宁区以集成电路为主导产业,全区新增企业100家。"), std::string::npos) << text;  // numeric entity
  EXPECT_NE(text.find("明月社区获评“全国示范社区”。\n桂花街道青山村建成茶园 2300亩。"), std::string::npos)
      << text;  // <br>, &nbsp;
  for (const char* gone :
       {"不是正文", "假荣誉", "评论里的荣誉", "政务公开", "当前位置", "分享到", "责任编辑", "ICP备", "color"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
}

TEST(Html, TheHeaderIsGivenToTheReaderNotWrittenAsLabelledLines) {
  PageArticle page = html_to_article(kPage, "page.txt", ReaderVocabulary::from(project_rules()));
  EXPECT_EQ(page.info.title, "江宁区经济稳中向好");
  EXPECT_EQ(page.info.date, "2023-10-20");
  EXPECT_EQ(page.info.source, "南京日报");
  EXPECT_EQ(page.info.author, "王芳");
  EXPECT_EQ(page.text.find("来源"), std::string::npos) << page.text;  // the byline is not body text
  Document d = read_article(kPage, "page.txt", project_rules());
  std::string original = to_utf8(d.original);
  EXPECT_EQ(original.find("作者:"), std::string::npos) << original;  // no made-up labels
  EXPECT_EQ(original.find("来源:"), std::string::npos) << original;
  EXPECT_EQ(d.quote(d.info.source_range), "南京日报");  // the header entities' evidence
  EXPECT_EQ(d.quote(d.info.author_range), "王芳");
  ASSERT_FALSE(d.paragraphs.empty());
  EXPECT_EQ(d.quote(d.paragraphs[0]), "江宁区经济稳中向好");  // the title is analysed too
}

TEST(Html, AChineseDateOnAPageIsRead) {
  // In the byline, and in the metadata: the reader's dates, 年/月/日 from the rule set.
  auto byline =
      run("<html><head><title>标题</title></head><body><div class=\"info\">来源：江宁日报 2023年6月29日</div>"
          "<div class=\"content\"><p>去年,江宁区新增企业100家。</p></div></body></html>",
          "b.html");
  EXPECT_EQ(byline.info.date, "2023-06-29");
  EXPECT_EQ(byline.info.source, "江宁日报");
  auto meta =
      run("<html><head><meta name=\"pubdate\" content=\"2023年6月29日 10:30\"><title>标题</title></head>"
          "<body><p>去年,江宁区新增企业100家。</p></body></html>",
          "m.html");
  EXPECT_EQ(meta.info.date, "2023-06-29");
  ASSERT_FALSE(meta.indicators.empty());
  EXPECT_EQ(meta.indicators[0].period, "2022");
  EXPECT_EQ(run("<html><body><div>来源：某报 二〇二三年六月二十九日</div><p>正文内容。</p></body></html>", "h.html")
                .info.date,
            "2023-06-29");
}

TEST(Html, TemplateResidueComesFromTheRuleSet) {
  std::string page =
      "<html><head><title>标题</title></head><body><div class=\"content\"><p>正文第一段。</p>"
      "<p>鲁ICP备12345678号</p><p>Copyright 2023 某某网</p><p>扫一扫在手机打开当前页</p><p>xx</p></div></body></html>";
  std::string text = html_to_article(page, "r.html", ReaderVocabulary::from(project_rules())).text;
  EXPECT_EQ(text, "正文第一段。\n");
}

TEST(Html, APageGivesTheSameFactsAsItsText) {
  auto page = run(kPage, "a.txt");
  EXPECT_TRUE(has_fact(page, "江宁区", "leadingIndustry", "集成电路"));
  EXPECT_TRUE(has_fact(page, "明月社区", "awarded", "全国示范社区"));
  EXPECT_FALSE(has_entity(page, "Honor", "评论里的荣誉"));
  EXPECT_FALSE(has_entity(page, "Organization", "江宁区人民政府"));  // footer
  EXPECT_TRUE(has_entity(page, "Organization", "南京日报"));
}

TEST(Html, GbkPageWithItsMetaCharset) {
  std::string page = kPage;
  page.replace(page.find("utf-8"), 5, "gbk");
  std::string bytes = gbk(page);
  EXPECT_EQ(declared_charset(bytes), "gbk");
  auto x = run(bytes, "gbk.html");
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "集成电路"));
  EXPECT_EQ(x.info.source, "南京日报");
}

TEST(Html, DateOnlyInMeta) {
  auto x =
      run("<html><head><meta property=\"article:published_time\" content=\"2024-02-05T08:00:00+08:00\">"
          "<title>标题</title></head><body><p>去年,江宁区新增企业100家。</p></body></html>",
          "m.html");
  EXPECT_EQ(x.info.date, "2024-02-05");
  ASSERT_FALSE(x.indicators.empty());
  EXPECT_EQ(x.indicators[0].period, "2023");
}

TEST(Html, APageWithoutTextIsAnError) {
  EXPECT_THROW(read_article("<html><body><nav>首页</nav><script>x()</script></body></html>", "empty.html",
                            test::project_rules()),
               Error);
}

TEST(Traditional, MatchingRunsOnASimplifiedCopyAndEvidenceQuotesTheOriginal) {
  auto x = run("嶗山區以新一代信息技術、生物醫藥兩大產業為主導。明月社區獲評「全國示範社區」。", "t.txt");
  EXPECT_TRUE(has_entity(x, "District", "崂山区"));
  EXPECT_TRUE(has_fact(x, "崂山区", "leadingIndustry", "新一代信息技术"));
  EXPECT_TRUE(has_fact(x, "崂山区", "leadingIndustry", "生物医药"));
  EXPECT_TRUE(has_fact(x, "明月社区", "awarded", "全国示范社区"));
  EXPECT_EQ(x.quote(x.sentences[0]), "嶗山區以新一代信息技術、生物醫藥兩大產業為主導。");
}

TEST(Traditional, SimplifiedTextIsLeftAsItIs) {
  EXPECT_FALSE(is_traditional(u"江宁区以集成电路为主导产业。"));
  EXPECT_TRUE(is_traditional(u"嶗山區產業結構持續優化。"));
  EXPECT_EQ(to_simplified(u"嶗山區產業結構").length(), 7);
  EXPECT_EQ(to_utf8(to_simplified(u"嶗山區產業結構")), "崂山区产业结构");
}

// ---- Hardening (issue #13): charsets, nesting, dates, fields. Pages are invented. ----

namespace {

std::string encoded(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = from_utf8(utf8);
  std::string out(utf8.size() * 4 + 16, '\0');
  UConverter* c = ucnv_open(encoding, &status);
  int32_t n = u.extract(out.data(), static_cast<int32_t>(out.size()), c, status);
  ucnv_close(c);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string page_with_charset(const std::string& charset) {
  return "<html><head><meta charset=\"" + charset +
         "\"><title>南湖区产业观察</title></head><body>"
         "<div "
         "class=\"content\"><p>南湖区以新能源汽车为主导产业。</p><p>青石社区获评“全国示范社区”。</p></div></body></"
         "html>";
}

}  // namespace

TEST(Html, AnUnknownCharsetFallsBackToDetection) {
  const auto& words = ReaderVocabulary::from(project_rules());
  std::string page = page_with_charset("no-such-charset");
  EXPECT_EQ(html_to_article(page, "u.html", words).text,
            "南湖区以新能源汽车为主导产业。\n青石社区获评“全国示范社区”。\n");
  EXPECT_EQ(html_to_article(gbk(page), "g.html", words).text,  // GBK bytes: detected
            "南湖区以新能源汽车为主导产业。\n青石社区获评“全国示范社区”。\n");
  EXPECT_TRUE(has_fact(run(page, "u.html"), "南湖区", "leadingIndustry", "新能源汽车"));
}

TEST(Html, AUtf16LabelInAMetaIsUtf8AndUtf8BytesWinOverTheirLabel) {
  const auto& words = ReaderVocabulary::from(project_rules());
  const std::string text = "南湖区以新能源汽车为主导产业。\n青石社区获评“全国示范社区”。\n";
  for (const char* label : {"utf-16", "UTF-16LE", "gbk", "gb2312", "big5", "iso-8859-1"})  // all UTF-8 bytes
    EXPECT_EQ(html_to_article(page_with_charset(label), "p.html", words).text, text) << label;
  EXPECT_EQ(html_to_article(gbk(page_with_charset("gb2312")), "p.html", words).text, text);  // the label's bytes
  std::string big5 =
      "<html><head><meta charset=\"big5\"><title>題</title></head><body><p>南湖區以新能源汽車為主導產業。</p>"
      "</body></html>";
  EXPECT_EQ(html_to_article(encoded(big5, "Big5"), "p.html", words).text, "南湖區以新能源汽車為主導產業。\n");
}

TEST(Html, ABig5PageWithoutACharsetIsDetected) {
  std::string page =
      "<html><head><title>南湖區產業觀察</title></head><body><div class=\"content\">"
      "<p>今年以來，南湖區堅持把先進製造業作為立區之本，一批重大項目加快建設。</p>"
      "<p>全區以新能源汽車、生物醫藥兩大產業為主導，集聚上下游企業一百餘家。</p></div></body></html>";
  PageArticle a = html_to_article(encoded(page, "Big5"), "b.html", ReaderVocabulary::from(project_rules()));
  EXPECT_EQ(a.info.title, "南湖區產業觀察");
  EXPECT_NE(a.text.find("全區以新能源汽車、生物醫藥兩大產業為主導"), std::string::npos) << a.text;
}

TEST(Html, TextNestedDeeplyIsRead) {
  for (int depth : {300, 1000, 100000}) {  // libxml2 stops at 256 unless told; the tree is walked without recursion
    std::string page = "<html><head><title>题</title></head><body>";
    for (int i = 0; i < depth; ++i) page += "<div>";
    page += "<p>南湖区以新能源汽车为主导产业。</p>";
    for (int i = 0; i < depth; ++i) page += "</div>";
    page += "</body></html>";
    EXPECT_EQ(html_to_article(page, "deep.html", ReaderVocabulary::from(project_rules())).text,
              "南湖区以新能源汽车为主导产业。\n")
        << depth;
  }
}

TEST(Html, ChineseDatesInABylineWithATimeAndInMeta) {
  auto byline =
      run("<html><head><title>标题</title></head><body><div class=\"info\">发布时间：2023年6月29日 10:30"
          "　来源：南湖日报</div><div class=\"content\"><p>去年,南湖区新增企业100家。</p></div></body></html>",
          "b.html");
  EXPECT_EQ(byline.info.date, "2023-06-29");
  EXPECT_EQ(byline.info.source, "南湖日报");
  auto meta =
      run("<html><head><meta name=\"publishdate\" content=\"2023 年 06 月 29 日\"><title>标题</title></head>"
          "<body><p>去年,南湖区新增企业100家。</p></body></html>",
          "m.html");
  EXPECT_EQ(meta.info.date, "2023-06-29");
}

TEST(Html, ACallersFieldsWinAndThePagesFillTheRest) {
  // A JSON line whose text is a page: its date is the caller's, the byline's source the page's.
  Document doc;
  doc.input =
      "<html><head><meta name=\"pubdate\" content=\"2023-10-20\"><title>南湖区产业观察</title></head><body>"
      "<div class=\"info\">来源：南湖日报</div><div class=\"content\"><p>南湖区以新能源汽车为主导产业。</p></div>"
      "</body></html>";
  doc.info.id = "j1";
  doc.info.date = "2024-01-02";
  reader::run(doc, project_rules());
  EXPECT_EQ(doc.info.date, "2024-01-02");
  EXPECT_EQ(doc.info.title, "南湖区产业观察");
  EXPECT_EQ(doc.info.source, "南湖日报");
  EXPECT_EQ(doc.quote(doc.info.source_range), "南湖日报");
}
