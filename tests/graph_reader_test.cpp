// Reading graph files back: every format to the same graph, N-Quads streamed
// from files and pipes, and hostile files (deep nesting, huge values, broken
// lines) refused with the file and the place named, never a crash.
#include "doc2kg/graph_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "doc2kg/error.hpp"
#include "doc2kg/writer.hpp"
#include "formats/nquads_writer.hpp"
#include "read/reader.hpp"
#include "test_support.hpp"

using namespace doc2kg;
namespace fs = std::filesystem;

namespace {

// A file of the test's own, removed when the test ends.
struct TempFile {
  fs::path path;
  TempFile(const std::string& name, const std::string& content)
      : path(fs::temp_directory_path() / ("doc2kg-reader-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path, std::ios::binary) << content;
  }
  ~TempFile() { fs::remove(path); }
  std::string str() const { return path.string(); }
};

// The sample article's graph, made by the pipeline (the writers of today, not the files in graphs/).
const KnowledgeGraph& sample() {
  static KnowledgeGraph g = [] {
    KnowledgeGraph k;
    add_to_graph(k, test::run(read_file(DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.txt"), "huaiyin-2023-06-29.txt"));
    add_to_graph(k, test::run("江宁区以集成电路为主导产业。明月社区获评“全国示范社区”。", "news/a.txt"));
    return k;
  }();
  return g;
}

std::string graphml_of(const KnowledgeGraph& g) {
  std::ostringstream out;
  write_graph(g, Format::GraphML, out);
  return out.str();
}

std::string nquads_of(const KnowledgeGraph& g) {
  std::ostringstream out;
  write_nquads(g, article_iri("all"), out);
  return out.str();
}

KnowledgeGraph read_text(const std::string& text, const std::string& name = "text") {
  std::istringstream in(text);
  KnowledgeGraph g;
  read_graph(in, name, g);
  return g;
}

// The Error reading `text` throws, as its message ("" when it reads).
std::string error_of(const std::string& text, const std::string& name = "bad") {
  TempFile f(name, text);
  try {
    KnowledgeGraph g;
    read_graph_file(f.str(), g);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Input) << e.what();
    return e.what();
  }
  return "";
}

}  // namespace

TEST(GraphReader, EveryFormatReadsBackToTheSameGraph) {
  std::string expected = graphml_of(sample());
  std::ostringstream jsonld;
  write_graph(sample(), Format::JsonLd, jsonld);
  for (const std::string& text : {expected, jsonld.str(), nquads_of(sample())}) {
    KnowledgeGraph back = read_text(text);
    EXPECT_EQ(graphml_of(back), expected) << text.substr(0, 60);
  }
}

TEST(GraphReader, NQuadsInAnyLineOrderAndAsAUnionOfShards) {
  std::string quads = nquads_of(sample());
  std::vector<std::string> lines;
  std::istringstream in(quads);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::reverse(lines.begin(), lines.end());  // a statement's quads no longer in the writer's order
  std::string reversed;
  for (const auto& l : lines) reversed += l + "\n";
  EXPECT_EQ(graphml_of(read_text(reversed)), graphml_of(sample()));
  // Two shards, one per article, concatenated (as `cat shards/*.nq`), with a comment and CRLF lines.
  KnowledgeGraph a, b;
  add_to_graph(a, test::run(read_file(DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.txt"), "huaiyin-2023-06-29.txt"));
  add_to_graph(b, test::run("江宁区以集成电路为主导产业。明月社区获评“全国示范社区”。", "news/a.txt"));
  std::string shards = "# shard 1\r\n" + nquads_of(a) + "\n\n" + nquads_of(b);
  EXPECT_EQ(graphml_of(read_text(shards)), graphml_of(sample()));
}

TEST(GraphReader, NQuadsLiteralsEscapesAndForeignQuads) {
  std::string id = "<https://doc2kg.org/id/District/%E6%B1%9F%E5%AE%81%E5%8C%BA>";
  std::string text =
      "<https://doc2kg.org/id/District/江宁区> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://doc2kg.org/vocab#District> .\n"
      "<https://doc2kg.org/id/District/江宁区> <https://schema.org/alternateName> \"\\u6C5F\\u5B81\"@zh .\n"
      "<https://doc2kg.org/id/Indicator/x> <https://schema.org/name> \"GDP \\\"总量\\\"\\t\" .\n"
      "<https://doc2kg.org/id/Indicator/x> <https://schema.org/value> "
      "\"2.24E1\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
      "<https://doc2kg.org/id/Indicator/x> <https://doc2kg.org/vocab#period> "
      "\"2023-06\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> <https://doc2kg.org/id/Article/a.txt> .\n"
      "_:b1 <https://schema.org/name> \"a blank node: skipped\" .\n"
      "<http://example.org/x> <https://schema.org/name> \"not doc2kg's: skipped\" . # comment\n" +
      id + " <https://doc2kg.org/vocab#hasIndicator> <https://doc2kg.org/id/Indicator/x> .\n";
  KnowledgeGraph g = read_text(text);
  const Graph& gr = g.graph();
  ASSERT_EQ(boost::num_vertices(gr), 2u);
  ASSERT_EQ(boost::num_edges(gr), 1u);
  auto district = g.find("District", "江宁区");
  ASSERT_TRUE(district);
  EXPECT_EQ(gr[*district].aliases, std::vector<std::string>{"江宁"});
  auto indicator = g.find("Indicator", "x");
  ASSERT_TRUE(indicator);
  EXPECT_EQ(gr[*indicator].name, "GDP \"总量\"\t");
  EXPECT_EQ(gr[*indicator].value, 22.4);
  EXPECT_EQ(gr[*indicator].properties.at("period"), "2023-06");
}

TEST(GraphReader, MalformedNQuadsNameTheFileLineAndColumn) {
  std::string good = "<https://doc2kg.org/id/District/a> <https://schema.org/name> \"a\" .\n";
  EXPECT_NE(
      error_of(good + "<https://doc2kg.org/id/District/a> <https://schema.org/name> \"a\"\n", "x.nq").find("x.nq:2:"),
      std::string::npos);
  EXPECT_NE(error_of(good + good + "<https://doc2kg.org/id/District/a> <https://schema.org/name> \"open .\n", "x.nq")
                .find("x.nq:3:"),
            std::string::npos);
  EXPECT_NE(error_of(good + "<https://doc2kg.org/id/District/a> \"p\" \"a\" .\n", "x.nq").find("x.nq:2:"),
            std::string::npos);
  EXPECT_NE(error_of(good + "<https://doc2kg.org/id/District/a> <https://schema.org/name> \"\\uD800\" .\n", "x.nq")
                .find("x.nq:2:"),
            std::string::npos);
  std::string huge =
      "<https://doc2kg.org/id/District/a> <https://schema.org/name> \"" + std::string(17 * 1024 * 1024, 'x') + "\" .\n";
  EXPECT_NE(error_of(huge, "x.nq").find("longer than 16 MB"), std::string::npos);  // bounded memory
}

TEST(GraphReader, StdinAndAnyNameAreToldByContent) {
  std::string quads = nquads_of(sample());
  TempFile named_graphml("looks.graphml", quads);  // the name says GraphML, the content N-Quads
  KnowledgeGraph g;
  read_graph_file(named_graphml.str(), g);
  EXPECT_EQ(boost::num_edges(g.graph()), boost::num_edges(sample().graph()));
  EXPECT_NE(error_of("", "empty.nq").find("empty.nq: empty"), std::string::npos);
  EXPECT_NE(error_of("hello", "x").find("neither GraphML, JSON-LD nor N-Quads"), std::string::npos);
  // XML that starts like an IRI is still GraphML.
  EXPECT_NE(error_of("<g:graphml>", "y").find("malformed GraphML"), std::string::npos);
}

TEST(GraphReader, DeeplyNestedJsonLdIsAnErrorNotACrash) {
  const size_t depth = 300000;
  std::string deep = "{\"@graph\": [{\"@id\": \"District/a\", \"x\": ";
  for (size_t i = 0; i < depth; ++i) deep += "{\"a\":";
  deep += "1";
  for (size_t i = 0; i < depth; ++i) deep += "}";
  deep += "}]}";
  std::string message = error_of(deep, "deep.jsonld");
  EXPECT_NE(message.find("deep.jsonld:1:"), std::string::npos) << message;
  EXPECT_NE(message.find("nested deeper than 64 levels"), std::string::npos) << message;
  EXPECT_NE(message.find("(byte "), std::string::npos) << message;
  // Arrays too, and at the top.
  EXPECT_FALSE(error_of(std::string(depth, '[') + std::string(depth, ']'), "top.jsonld").empty());
  EXPECT_NE(error_of("{" + std::string(depth, '['), "open.jsonld").find("open.jsonld:1:"), std::string::npos);
}

TEST(GraphReader, DeeplyNestedEvidenceInGraphMLIsAnErrorNotACrash) {
  std::string evidence;
  for (int i = 0; i < 400000; ++i) evidence += "[";
  std::string text =
      "<graphml>\n<key id=\"relation\" for=\"edge\" attr.name=\"relation\"/>\n"
      "<key id=\"evidence\" for=\"edge\" attr.name=\"evidence\"/>\n<graph>\n"
      "<edge source=\"District/a\" target=\"City/b\"><data key=\"relation\">locatedIn</data>\n"
      "<data key=\"evidence\">" +
      evidence + "</data></edge>\n</graph></graphml>\n";
  std::string message = error_of(text, "deep.graphml");
  EXPECT_NE(message.find("deep.graphml:"), std::string::npos) << message;
  EXPECT_NE(message.find("evidence"), std::string::npos) << message;
  EXPECT_NE(message.find("nested deeper than 64 levels"), std::string::npos) << message;
  EXPECT_NE(message.find("(byte "), std::string::npos) << message;
}

TEST(GraphReader, JsonLdValuesAreBoundedAndTrailingBytesRefused) {
  std::string huge =
      "{\"@graph\": [{\"@id\": \"District/a\", \"name\": \"" + std::string(11 * 1024 * 1024, 'x') + "\"}]}";
  EXPECT_NE(error_of(huge, "huge.jsonld").find("more than 10 MB"), std::string::npos);
  EXPECT_NE(error_of("{\"@graph\": []} {", "two.jsonld").find("two.jsonld:1:"), std::string::npos);
  EXPECT_NE(error_of(std::string("{\"@graph\": []}\0x", 16), "nul.jsonld").find("after the end"), std::string::npos);
  EXPECT_NE(error_of("{\"@context\": {}}", "nograph.jsonld").find("no @graph array"), std::string::npos);
}

TEST(GraphReader, JsonLdValueObjectsAndIriTermsReadBack) {
  std::string text = R"({"@graph": [
    {"@id": "Article/a.txt", "@type": "https://schema.org/Article", "name": "a.txt",
     "datePublished": {"@value": "2023-06-29", "@type": "xsd:date"}},
    {"@id": "Indicator/x", "@type": "Indicator", "name": "GDP", "value": 22.4,
     "period": {"@value": "2023-06", "@type": "xsd:gYearMonth"}},
    {"@id": "District/a", "@type": "District", "name": "a", "alternateName": [{"@value": "A"}],
     "https://doc2kg.org/vocab#ownRelation": [{"@id": "Indicator/x"}], "hasIndicator": ["Indicator/x"]}
  ]})";
  KnowledgeGraph g = read_text(text);
  const Graph& gr = g.graph();
  auto article = g.find("Article", "a.txt");
  ASSERT_TRUE(article);
  EXPECT_EQ(gr[*article].properties.at("date"), "2023-06-29");
  auto x = g.find("Indicator", "x");
  ASSERT_TRUE(x);
  EXPECT_EQ(gr[*x].properties.at("period"), "2023-06");
  EXPECT_EQ(gr[*x].value, 22.4);
  auto a = g.find("District", "a");
  ASSERT_TRUE(a);
  EXPECT_EQ(gr[*a].aliases, std::vector<std::string>{"A"});
  std::vector<std::string> relations;
  for (auto [it, end] = boost::out_edges(*a, gr); it != end; ++it) relations.push_back(gr[*it].relation);
  std::sort(relations.begin(), relations.end());
  EXPECT_EQ(relations, (std::vector<std::string>{"hasIndicator", "ownRelation"}));
}
