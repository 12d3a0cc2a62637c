// Whatever people scrape: each hostile input gets the exact behaviour it should.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "doc2kg/batch.hpp"
#include "doc2kg/error.hpp"
#include "doc2kg/graph_reader.hpp"
#include "doc2kg/writer.hpp"
#include "formats/nquads_writer.hpp"
#include "read/reader.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;
namespace fs = std::filesystem;

namespace {

// The kind of error converting `bytes` raises, none when it converts.
std::optional<ErrorKind> code_of(const std::string& bytes) {
  try {
    run(bytes, "x.txt");
    return std::nullopt;
  } catch (const Error& e) {
    return e.kind();
  }
}

std::string message_of(const std::string& bytes) {
  try {
    run(bytes, "x.txt");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

struct Outputs {
  std::string graphml, jsonld, nquads;
};

Outputs outputs(const std::string& text) {
  KnowledgeGraph g;
  add_to_graph(g, run(text, "x.txt"));
  std::ostringstream a, b, c;
  write_graphml(g, a);
  write_jsonld(g, b);
  write_nquads(g, "https://doc2kg.org/id/Article/x.txt", c);
  return {a.str(), b.str(), c.str()};
}

bool well_formed_xml(const std::string& xml) {
  xmlDocPtr d = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "x.graphml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR);
  bool ok = d != nullptr;
  xmlFreeDoc(d);
  return ok;
}

bool valid_json(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  return !d.HasParseError();
}

}  // namespace

TEST(Robustness, EmptyAndWhitespaceOnlyFilesAreInputErrors) {
  EXPECT_EQ(code_of(""), ErrorKind::Input);
  EXPECT_EQ(code_of("   \n\t\r\n　\n"), ErrorKind::Input);
  EXPECT_NE(message_of("").find("empty"), std::string::npos);
}

TEST(Robustness, BinaryFilesAreInputErrors) {
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char elf_bytes[] =
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0";
  std::string png(png_bytes, sizeof png_bytes - 1), elf(elf_bytes, sizeof elf_bytes - 1);
  EXPECT_EQ(code_of(png), ErrorKind::Input);
  EXPECT_EQ(code_of(elf), ErrorKind::Input);
  EXPECT_NE(message_of(elf).find("binary"), std::string::npos);
}

TEST(Robustness, BrokenUtf8IsAnErrorAtItsByteNotMojibake) {
  std::string good = "江宁区以集成电路为主导产业。";
  std::string truncated = good + std::string("\xE6\xB1", 2);        // a sequence cut short
  std::string overlong = good + std::string("\xC0\xAF", 2) + good;  // '/' written in two bytes
  std::string surrogate = good + std::string("\xED\xA0\x80", 3);    // a lone surrogate
  for (const auto& bad : {truncated, overlong, surrogate}) {
    EXPECT_EQ(code_of(bad), ErrorKind::Input);
    EXPECT_NE(message_of(bad).find("invalid UTF-8 at byte " + std::to_string(good.size())), std::string::npos)
        << message_of(bad);
  }
}

TEST(Robustness, NulBytesAreBinary) { EXPECT_EQ(code_of(std::string("江宁区\0发展", 13)), ErrorKind::Input); }

TEST(Robustness, MixedLineEndsReadAsOne) {
  auto x =
      run("题\r\n2023-06-29\n作者:\r来源:报\r\n\n江宁区以集成电路为主导产业。\r\n鼓楼区以软件为主导产业。\n", "x.txt");
  EXPECT_EQ(x.info.date, "2023-06-29");
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "集成电路"));
  EXPECT_TRUE(has_fact(x, "鼓楼区", "leadingIndustry", "软件"));
}

TEST(Robustness, OneFiftyMegabyteLine) {
  std::string line;
  line.reserve(52 * 1024 * 1024);
  while (line.size() < 50 * 1024 * 1024) line += "今年经济平稳运行态势良好";
  line += "江宁区以集成电路为主导产业。";
  auto x = run(line, "line.txt");
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "集成电路"));
}

TEST(Robustness, AHundredThousandParagraphs) {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "第" + std::to_string(i) + "段,江宁区新增企业" + std::to_string(i % 97 + 3) + "家。\n";
  auto x = run(text, "many.txt");
  EXPECT_EQ(x.paragraphs.size(), 100000u);
  EXPECT_EQ(x.area, "江宁区");
  EXPECT_GE(x.indicators.size(), 97u);
}

TEST(Robustness, SpecialCharactersInNamesKeepEveryOutputWellFormed) {
  // XML and JSON specials, control characters and bidi marks inside quoted names.
  std::string text =
      "江宁区实施“a<b>&\"c\\'d”工程,开展“\x01\x1f"
      "隐\u202e藏\u200f”行动,打造“]]>&amp;”品牌。";
  Outputs o = outputs(text);
  EXPECT_TRUE(well_formed_xml(o.graphml));
  EXPECT_TRUE(valid_json(o.jsonld));
  EXPECT_NE(o.graphml.find("a&lt;b&gt;&amp;&quot;c"), std::string::npos);
  for (const std::string& line : {o.nquads}) EXPECT_EQ(line.find('\x01'), std::string::npos);
  std::istringstream lines(o.nquads);
  for (std::string l; std::getline(lines, l);) EXPECT_EQ(l.substr(l.size() - 2), " .") << l;
}

TEST(Robustness, LongRunsDoNotMakeRulesBacktrack) {
  std::string runs = "以";
  for (int i = 0; i < 3000; ++i) runs += "甲乙、";
  runs += "。以";
  for (int i = 0; i < 5000; ++i) runs += "产业";
  runs += "。“" + std::string(6000, 'x') + "”" + "江宁区以集成电路为主导产业。";
  auto x = run(runs, "runs.txt");  // finishes, and still finds what is there
  EXPECT_TRUE(has_fact(x, "江宁区", "leadingIndustry", "集成电路"));
}

TEST(Robustness, EnormousAttributeInAGraphFileIsAnError) {
  fs::path p = fs::temp_directory_path() / "doc2kg-huge.graphml";
  {
    std::ofstream out(p);
    out << "<graphml><key id=\"name\" for=\"node\" attr.name=\"name\"/><graph><node id=\"District/a\"><data "
           "key=\"name\">";
    out << std::string(20 * 1024 * 1024, 'x') << "</data></node></graph></graphml>";
  }
  KnowledgeGraph g;
  EXPECT_THROW(read_graph_file(p.string(), g), Error);  // libxml2's 10 MB text limit holds
  fs::remove(p);
}

TEST(Robustness, EntityExpansionBombIsRefused) {
  fs::path p = fs::temp_directory_path() / "doc2kg-bomb.graphml";
  std::ofstream(p)
      << "<?xml version=\"1.0\"?><!DOCTYPE g [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
         "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
         "<graphml><graph><node id=\"District/a\"><data key=\"name\">&d;&d;&d;</data></node></graph></graphml>";
  KnowledgeGraph g;
  try {
    read_graph_file(p.string(), g);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("DOCTYPE"), std::string::npos) << e.what();
  }
  fs::remove(p);
}

TEST(Robustness, ACatastrophicRulePatternStopsWithAClearError) {
  fs::path dir = fs::temp_directory_path() / "doc2kg-catastrophic";
  fs::create_directories(dir);
  std::ofstream(dir / "r.json")
      << R"json({"entity_rules": [{"id": "evil", "type": "Zone", "pattern": "(?<name>(?:甲|甲甲)+乙)"}]})json";
  test::write_required_word_lists(dir);
  auto rules = RuleSet::load(dir.string());
  std::string tempting;
  for (int i = 0; i < 60; ++i) tempting += "甲";
  try {
    extract(tempting + "丙乙", "x.txt", *rules);  // 乙 present: no engine can rule the match out without trying
    FAIL() << "expected the time limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
    EXPECT_NE(std::string(e.what()).find("rule evil"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("time limit"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

// Rules match over sentences whose entities are private-use placeholders
// (annotated_sentence.hpp); no name, measure or property may carry one out.
TEST(Robustness, NoInternalPlaceholderReachesAnyOutput) {
  auto private_use = [](const std::string& utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    for (int32_t i = 0; i < s.length(); ++i)
      if (s.charAt(i) >= 0xE000 && s.charAt(i) <= 0xF8FF) return true;
    return false;
  };
  auto replaced = [](const std::string& utf8) { return utf8.find("\xEF\xBF\xBD") != std::string::npos; };  // U+FFFD
  // The measure is the text as written, not a placeholder a writer had to mend.
  EXPECT_NE(outputs("今年1-6月，江宁区规上工业增加值同比增长7.1%，增速高于全市平均水平1.5个百分点。")
                .nquads.find("<https://doc2kg.org/vocab#measure> \"高于全市平均水平\""),
            std::string::npos);
  for (const char* text : {
           "今年1-6月，江宁区规上工业增加值同比增长7.1%，增速高于全市平均水平1.5个百分点。",
           "前三季度，鼓楼区固定资产投资比全省平均水平高2.3个百分点，总量居全市第一。",
           "城东街道居民收入增幅超过全区平均水平，比玄武区高0.8个百分点。",
           "上半年，江北新区实际使用外资较南京市去年同期增长12%。",
       }) {
    Outputs o = outputs(text);
    EXPECT_FALSE(private_use(o.graphml)) << text;
    EXPECT_FALSE(private_use(o.jsonld)) << text;
    EXPECT_FALSE(private_use(o.nquads)) << text;
    EXPECT_FALSE(replaced(o.graphml) || replaced(o.jsonld) || replaced(o.nquads)) << text;
  }
}

// Progress knows how many articles there are from the start when the inputs are files.
TEST(Robustness, ProgressKnowsTheTotalOfAListOfFiles) {
  fs::path dir = fs::temp_directory_path() / ("doc2kg-progress-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "a.txt") << "鼓楼区以集成电路为主导产业。";
  std::ofstream(dir / "sub" / "b.txt") << "江宁区以软件为主导产业。";
  std::ofstream(dir / "sub" / "c.html")
      << "<html><body><article><p>玄武区以人工智能为主导产业。</p></article></body></html>";
  Inputs in = open_inputs({dir.string()}, false);
  ASSERT_EQ(in.count, std::optional<size_t>(3));
  std::vector<BatchProgress> seen;
  convert_batch(
      in.next, project_rules(), 2, [](const Document&) {}, [](const std::string&, const std::string&) {},
      [&](const BatchProgress& p) { seen.push_back(p); }, in.count);
  ASSERT_EQ(seen.size(), 3u);
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].done, i + 1);
    EXPECT_EQ(seen[i].total, std::optional<size_t>(3));
  }
  fs::remove_all(dir);
}
