// The writers: well-formed output that keeps the ONTOLOGY.md names, escaping,
// the vocabulary's properties and datatypes in every format, no internal
// marker in any output, format selection, and the GraphWriter interface.
#include "doc2kg/writer.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "doc2kg/error.hpp"
#include "formats/nquads_writer.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;
namespace fs = std::filesystem;

namespace {

KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  add_to_graph(
      g, run("题目\n2023-06-29\n作者:\n来源:大众日报\n\n裕园社区获评“全国先进基层党组织”。槐荫区以医养健康为主导产业。",
             "a.txt"));
  return g;
}

std::string graphml(const KnowledgeGraph& g) {
  std::ostringstream s;
  write_graphml(g, s);
  return s.str();
}

std::string jsonld(const KnowledgeGraph& g) {
  std::ostringstream s;
  write_jsonld(g, s);
  return s.str();
}

}  // namespace

TEST(GraphMLWriter, KeysDeclareTheirDomainAndEdgesCarryTheRelationAsLabel) {
  std::string x = graphml(sample_graph());
  EXPECT_NE(x.find(R"(<key id="labels" for="node" attr.name="labels" attr.type="string"/>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<key id="value" for="node" attr.name="value" attr.type="double"/>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="labels">:Community</data>)"), std::string::npos);
  EXPECT_NE(x.find(R"(label="awarded")"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="relation">leadingIndustry</data>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="rule">awarded.verb</data>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="date">2023-06-29</data>)"), std::string::npos);
}

TEST(GraphMLWriter, EscapesMarkupAndDropsCharactersXmlForbids) {
  EXPECT_EQ(xml_escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
  EXPECT_EQ(xml_escape(std::string("x\x01y")), "x\xEF\xBF\xBDy");  // U+FFFD
  EXPECT_EQ(xml_escape("line\nbreak"), "line&#10;break");
}

TEST(JsonLdWriter, OneContextAndAGraphWithOntologyTypes) {
  rapidjson::Document d;
  std::string text = jsonld(sample_graph());
  d.Parse(text.c_str());
  ASSERT_FALSE(d.HasParseError());
  ASSERT_TRUE(d.HasMember("@context") && d.HasMember("@graph"));
  EXPECT_STREQ(d["@context"]["name"].GetString(), "schema:name");
  bool community = false, statement = false;
  for (const auto& n : d["@graph"].GetArray()) {
    std::string type = n["@type"].GetString();
    if (type == "Community") {
      community = true;
      EXPECT_STREQ(n["name"].GetString(), "裕园社区");
      EXPECT_STREQ(n["awarded"][0].GetString(), "Honor/全国先进基层党组织");
    }
    if (type == "Statement") {
      statement = true;
      EXPECT_TRUE(n.HasMember("sentence") && n.HasMember("startOffset") && n.HasMember("rule"));
    }
  }
  EXPECT_TRUE(community);
  EXPECT_TRUE(statement);
}

TEST(Writers, SameInputGivesIdenticalBytes) {
  EXPECT_EQ(graphml(sample_graph()), graphml(sample_graph()));
  EXPECT_EQ(jsonld(sample_graph()), jsonld(sample_graph()));
}

TEST(Writers, FormatFollowsTheExtension) {
  EXPECT_EQ(format_of_path("out.graphml", Format::JsonLd), Format::GraphML);
  EXPECT_EQ(format_of_path("out.jsonld", Format::GraphML), Format::JsonLd);
  EXPECT_EQ(format_of_path("-", Format::JsonLd), Format::JsonLd);
  EXPECT_THROW(parse_format("csv"), Error);
}

// ---- one vocabulary, no internal marker in any output, typed literals, one interface ----

namespace {

const std::string kPua = "\xEE\x80\x85";  // U+E005

// A graph whose names, sentence and article id hold a private-use character and markup.
KnowledgeGraph marked_graph() {
  KnowledgeGraph g;
  Vertex article = g.node("Article", "a" + kPua + ".txt");
  g.graph()[article].properties["title"] = "题<目>" + kPua;
  g.graph()[article].properties["date"] = "2023-06-29";
  Vertex district = g.node("District", "余杭区");
  Vertex indicator = g.node("Indicator", "高于" + kPua + "平均水平", "余杭区|高于" + kPua + "平均水平|3.2");
  NodeData& n = g.graph()[indicator];
  n.value = 3.2;
  n.properties["unit"] = "percentagePoint";
  n.properties["measure"] = "高于" + kPua + "平均水平";
  n.properties["period"] = "2023-01/2023-09";
  g.add_alias(district, "余杭" + kPua);
  Evidence ev{"a" + kPua + ".txt", "增速高于" + kPua + "平均水平3.2个百分点。", 0, 20, "indicator" + kPua, 1};
  g.relate(district, "hasIndicator", indicator, ev);
  g.relate(article, "mentions", district, ev);
  return g;
}

// Every code point of `s`, which must be well-formed UTF-8.
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

bool has_private_use(const std::string& s) {
  for (char32_t c : code_points(s))
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) return true;
  return false;
}

std::string nquads(const KnowledgeGraph& g, const std::string& article = "a.txt") {
  std::ostringstream s;
  write_nquads(g, article_iri(article), s);
  return s.str();
}

// The IRIs of N-Quads text: everything between < and > outside literals.
std::vector<std::string> iris_of(const std::string& nq) {
  std::vector<std::string> out;
  bool in_literal = false;
  for (size_t i = 0; i < nq.size(); ++i) {
    if (in_literal) {
      if (nq[i] == '\\')
        ++i;
      else if (nq[i] == '"')
        in_literal = false;
    } else if (nq[i] == '"') {
      in_literal = true;
    } else if (nq[i] == '<') {
      size_t end = nq.find('>', i);
      out.push_back(nq.substr(i + 1, end - i - 1));
      i = end;
    }
  }
  return out;
}

KnowledgeGraph typed_graph(const std::string& date, const std::vector<std::string>& periods) {
  KnowledgeGraph g;
  Vertex article = g.node("Article", "a.txt");
  g.graph()[article].properties["date"] = date;
  Vertex d = g.node("District", "槐荫区");
  for (const auto& p : periods) {
    Vertex i = g.node("Indicator", "增加值", "槐荫区|增加值|" + p);
    g.graph()[i].value = 22.4;
    g.graph()[i].properties["period"] = p;
    g.relate(d, "hasIndicator", i, Evidence{"a.txt", "s", 0, 1, "r", 1});
  }
  return g;
}

const rapidjson::Value* node_of(const rapidjson::Document& d, const std::string& id) {
  for (const auto& n : d["@graph"].GetArray())
    if (n.HasMember("@id") && id == n["@id"].GetString()) return &n;
  return nullptr;
}

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("doc2kg-writer-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(Writers, APrivateUseCharacterGivesValidOutputInEveryFormat) {
  KnowledgeGraph g = marked_graph();
  // GraphML: well-formed XML (libxml2), no private-use character.
  std::string xml = graphml(g);
  EXPECT_FALSE(has_private_use(xml));
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "x.graphml", nullptr, XML_PARSE_NONET), xmlFreeDoc);
  EXPECT_TRUE(doc);
  EXPECT_NE(xml.find("<node id=\"Indicator/余杭区%7C高于%EE%80%85平均水平%7C3.2\">"), std::string::npos);
  // JSON-LD: valid JSON, no private-use character.
  std::string json = jsonld(g);
  EXPECT_FALSE(has_private_use(json));
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str());
  EXPECT_FALSE(d.HasParseError());
  // N-Quads: every IRI valid (Oxigraph: "Invalid IRI code point"), no private-use character.
  std::string nq = nquads(g, "a" + kPua + ".txt");
  EXPECT_FALSE(has_private_use(nq));
  for (const auto& iri : iris_of(nq)) EXPECT_TRUE(is_valid_iri(iri)) << iri;
  EXPECT_NE(nq.find("<https://doc2kg.org/id/Article/a%EE%80%85.txt>"), std::string::npos);
  // Neo4j CSV and DOT.
  std::ostringstream nodes, relationships, dot;
  write_neo4j_nodes(g, nodes);
  write_neo4j_relationships(g, relationships);
  write_dot(g, dot);
  EXPECT_FALSE(has_private_use(nodes.str()));
  EXPECT_FALSE(has_private_use(relationships.str()));
  EXPECT_FALSE(has_private_use(dot.str()));
  EXPECT_NE(dot.str().find("高于\xEF\xBF\xBD平均水平"), std::string::npos);  // U+FFFD in its place
}

TEST(Writers, DatesAndPeriodsAreTypedLiteralsInNQuadsAndJsonLd) {
  KnowledgeGraph g = typed_graph("2023-06-29", {"2023-06", "2023", "2023-06-30", "2023-01/2023-05"});
  std::string nq = nquads(g);
  const std::string xsd = "^^<http://www.w3.org/2001/XMLSchema#";
  EXPECT_NE(nq.find("<https://schema.org/datePublished> \"2023-06-29\"" + xsd + "date>"), std::string::npos) << nq;
  EXPECT_NE(nq.find("<https://doc2kg.org/vocab#period> \"2023-06\"" + xsd + "gYearMonth>"), std::string::npos);
  EXPECT_NE(nq.find("<https://doc2kg.org/vocab#period> \"2023\"" + xsd + "gYear>"), std::string::npos);
  EXPECT_NE(nq.find("<https://doc2kg.org/vocab#period> \"2023-06-30\"" + xsd + "date>"), std::string::npos);
  EXPECT_NE(nq.find("<https://doc2kg.org/vocab#period> \"2023-01/2023-05\" <"), std::string::npos);  // plain
  rapidjson::Document d;
  std::string json = jsonld(g);
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_STREQ(d["@context"]["datePublished"]["@type"].GetString(), "xsd:date");
  EXPECT_STREQ((*node_of(d, "Article/a.txt"))["datePublished"].GetString(), "2023-06-29");
  const rapidjson::Value& month = (*node_of(d, "Indicator/槐荫区%7C增加值%7C2023-06"))["period"];
  ASSERT_TRUE(month.IsObject());
  EXPECT_STREQ(month["@value"].GetString(), "2023-06");
  EXPECT_STREQ(month["@type"].GetString(), "xsd:gYearMonth");
  EXPECT_STREQ((*node_of(d, "Indicator/槐荫区%7C增加值%7C2023-01%2F2023-05"))["period"].GetString(), "2023-01/2023-05");
}

TEST(Writers, ADateThatIsNotAnXsdDateStaysAPlainString) {
  KnowledgeGraph g = typed_graph("2023年6月", {});
  EXPECT_NE(nquads(g).find("<https://schema.org/datePublished> \"2023年6月\" <"), std::string::npos);
  rapidjson::Document d;
  std::string json = jsonld(g);
  d.Parse(json.c_str());
  const rapidjson::Value& date = (*node_of(d, "Article/a.txt"))["datePublished"];
  ASSERT_TRUE(date.IsObject());  // a value object without @type: not coerced to xsd:date by the context
  EXPECT_STREQ(date["@value"].GetString(), "2023年6月");
  EXPECT_FALSE(date.HasMember("@type"));
}

TEST(Writers, EveryWriterUsesTheVocabularysProperties) {
  KnowledgeGraph g = sample_graph();
  std::string xml = graphml(g), json = jsonld(g), nq = nquads(g);
  std::ostringstream csv;
  write_neo4j_nodes(g, csv);
  for (const PropertyDef& p : node_properties()) {
    EXPECT_NE(xml.find("<key id=\"" + std::string(p.name) + "\" for=\"node\""), std::string::npos) << p.name;
    EXPECT_NE(csv.str().find("," + std::string(p.name)), std::string::npos) << p.name;
  }
  for (const PropertyDef& p : evidence_properties()) {
    EXPECT_NE(xml.find("<key id=\"" + std::string(p.name) + "\" for=\"edge\""), std::string::npos) << p.name;
    EXPECT_NE(nq.find("<" + std::string(p.iri) + ">"), std::string::npos) << p.iri;
    EXPECT_NE(json.find("\"" + std::string(p.term) + "\""), std::string::npos) << p.term;
  }
  EXPECT_NE(nq.find("<https://schema.org/headline> \"题目\""), std::string::npos);
}

TEST(Writers, FormatOfPathIgnoresCaseAndRefusesUnknownExtensions) {
  EXPECT_EQ(format_of_path("OUT.GRAPHML", Format::JsonLd), Format::GraphML);
  EXPECT_EQ(format_of_path("out.Nq", Format::JsonLd), Format::NQuads);
  EXPECT_EQ(format_of_path("x.GV", Format::JsonLd), Format::Dot);
  EXPECT_EQ(format_of_path("dir.d/out", Format::JsonLd), Format::JsonLd);  // no extension
  EXPECT_EQ(format_of_path("import/", Format::JsonLd), Format::JsonLd);
  EXPECT_EQ(parse_format("GraphML"), Format::GraphML);
  try {
    format_of_path("x.ttl", Format::JsonLd);
    FAIL() << "x.ttl is no format of doc2kg's";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_NE(std::string(e.what()).find(".ttl"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("graphml"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--format"), std::string::npos) << e.what();
  }
}

TEST(GraphWriter, NQuadsStreamEachArticleIntoItsOwnGraph) {
  std::ostringstream out;
  auto writer = make_writer(Format::NQuads, out);
  writer->add(run("槐荫区以医养健康为主导产业。", "a/news.txt"));
  std::string after_first = out.str();
  EXPECT_NE(after_first.find("<https://doc2kg.org/id/Article/a%2Fnews.txt> .\n"),
            std::string::npos);  // before finish()
  writer->add(run("槐荫区以医养健康为主导产业。", "b/news.txt"));
  writer->finish();
  EXPECT_EQ(out.str().rfind(after_first, 0), 0u);
  EXPECT_NE(out.str().find("<https://doc2kg.org/id/Article/b%2Fnews.txt> .\n"), std::string::npos);
}

TEST(GraphWriter, MergedFormatsWriteAtFinishWhatWriteGraphWrites) {
  Document a = run("槐荫区以医养健康为主导产业。", "a.txt"), b = run("裕园社区获评“全国先进基层党组织”。", "b.txt");
  KnowledgeGraph g;
  add_to_graph(g, a);
  add_to_graph(g, b);
  for (Format f : {Format::GraphML, Format::JsonLd, Format::Dot}) {
    std::ostringstream out, expected;
    auto writer = make_writer(f, out);
    writer->add(a);
    writer->add(b);
    EXPECT_TRUE(out.str().empty());
    writer->finish();
    write_graph(g, f, expected);
    EXPECT_EQ(out.str(), expected.str());
  }
  std::ostringstream out;
  EXPECT_THROW(make_writer(Format::Neo4jCsv, out), Error);
}

TEST(GraphWriter, WriteGraphOutputPutsEveryFormatInPlace) {
  fs::path dir = temp_dir("output");
  std::vector<std::string> inputs = {(dir / "a.txt").string()};
  std::ofstream(inputs[0]) << "input";
  auto produce = [](const ArticleSink& sink) {
    sink(run("槐荫区以医养健康为主导产业。", "a.txt"));
    sink(run("裕园社区获评“全国先进基层党组织”。", "b.txt"));
  };
  write_graph_output(Format::NQuads, (dir / "g.nq").string(), inputs, produce);
  std::string nq = slurp(dir / "g.nq");
  EXPECT_NE(nq.find(article_iri("a.txt") + "> .\n"), std::string::npos);
  EXPECT_NE(nq.find(article_iri("b.txt") + "> .\n"), std::string::npos);
  write_graph_output(Format::GraphML, (dir / "g.graphml").string(), inputs, produce);
  EXPECT_NE(slurp(dir / "g.graphml").find("裕园社区"), std::string::npos);
  write_graph_output(Format::Neo4jCsv, (dir / "neo4j").string(), inputs, produce);
  EXPECT_EQ(slurp(dir / "neo4j" / "nodes.csv").rfind("id:ID,:LABEL,name,", 0), 0u);
  EXPECT_TRUE(fs::exists(dir / "neo4j" / "relationships.csv"));
  // Never over an input; nothing written when the producer fails.
  EXPECT_THROW(write_graph_output(Format::JsonLd, inputs[0], inputs, produce), Error);
  EXPECT_EQ(slurp(inputs[0]), "input");
  auto failing = [](const ArticleSink& sink) {
    sink(run("槐荫区以医养健康为主导产业。", "a.txt"));
    throw Error(ErrorKind::Input, "no article could be read");
  };
  for (const char* name : {"f.nq", "f.jsonld"})
    EXPECT_THROW(write_graph_output(format_of_path(name, Format::JsonLd), (dir / name).string(), inputs, failing),
                 Error);
  EXPECT_FALSE(fs::exists(dir / "f.nq"));
  EXPECT_FALSE(fs::exists(dir / "f.jsonld"));
  fs::remove_all(dir);
}

TEST(GraphWriter, Neo4jCsvToStdoutIsAUsageErrorBeforeAnyConversion) {
  bool produced = false;
  try {
    write_graph_output(Format::Neo4jCsv, "-", {}, [&](const ArticleSink&) { produced = true; });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
  }
  EXPECT_FALSE(produced);
}
