// Every query form, on the sample's graph and on small graphs of the test's own.
#include "doc2kg/query.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "doc2kg/error.hpp"
#include "doc2kg/graph_reader.hpp"
#include "doc2kg/writer.hpp"
#include "test_support.hpp"

using namespace doc2kg;
namespace fs = std::filesystem;

namespace {

KnowledgeGraph sample(const char* ext) {
  KnowledgeGraph g;
  read_graph_file(std::string(DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.") + ext, g);
  return g;
}

bool has_row(const Table& t, const std::vector<std::string>& row) {
  return std::find(t.rows.begin(), t.rows.end(), row) != t.rows.end();
}

// A small graph of two articles, written and read back through a file.
KnowledgeGraph small(const char* ext) {
  KnowledgeGraph g;
  add_to_graph(g, test::run("江宁区以集成电路为主导产业。明月社区获评“全国示范社区”。", "a.txt"));
  add_to_graph(g, test::run("鼓楼区以集成电路为主导产业。", "b.txt"));
  fs::path path = fs::temp_directory_path() / (std::string("doc2kg-query.") + ext);
  {
    std::ofstream out(path);
    write_graph(g, std::string(ext) == "graphml" ? Format::GraphML : Format::JsonLd, out);
  }
  KnowledgeGraph back;
  read_graph_file(path.string(), back);
  fs::remove(path);
  return back;
}

}  // namespace

TEST(Query, ReadingBackGivesTheSameGraphFromEitherFormat) {
  for (const char* ext : {"graphml", "jsonld"}) {
    KnowledgeGraph g = sample(ext);
    auto stats = graph_stats(g);
    EXPECT_TRUE(has_row(stats, {"total", "nodes", "59"})) << ext;
    EXPECT_TRUE(has_row(stats, {"total", "edges", "84"})) << ext;
    EXPECT_TRUE(has_row(stats, {"total", "articles", "1"})) << ext;
  }
}

TEST(Query, EntityCardGroupsRelationsOutAndIn) {
  KnowledgeGraph g = sample("graphml");
  EntityIndex index(g);
  Table card = entity_card(g, index.resolve_one("槐荫区"), {});
  EXPECT_TRUE(has_row(card, {"->", "leadingIndustry", "Industry", "医养健康"}));
  EXPECT_TRUE(has_row(card, {"<-", "locatedIn", "Community", "裕园社区"}));
  EXPECT_TRUE(has_row(card, {"->", "locatedIn", "City", "济南市"}));
  for (const auto& row : card.rows) EXPECT_NE(row[1], "mentions");  // unless asked for
}

TEST(Query, FiltersByRelationTypeAndDirection) {
  KnowledgeGraph g = sample("jsonld");
  EntityIndex index(g);
  QueryFilter f;
  f.relations = {"leadingIndustry"};
  Table card = entity_card(g, index.resolve_one("槐荫区"), f);
  EXPECT_EQ(card.rows.size(), 3u);
  QueryFilter in_only;
  in_only.out = false;
  in_only.types = {"Community"};
  Table in = entity_card(g, index.resolve_one("槐荫区"), in_only);
  ASSERT_EQ(in.rows.size(), 1u);
  EXPECT_EQ(in.rows[0][3], "裕园社区");
}

TEST(Query, EvidenceAddsTheSentence) {
  KnowledgeGraph g = sample("graphml");
  QueryFilter f;
  f.evidence = true;
  f.relations = {"awarded"};
  Table card = entity_card(g, EntityIndex(g).resolve_one("裕园社区"), f);
  ASSERT_FALSE(card.rows.empty());
  EXPECT_NE(card.rows[0][4].find("裕园社区获评"), std::string::npos);
  EXPECT_NE(card.rows[0][4].find("awarded.verb"), std::string::npos);
}

TEST(Query, NamesResolveByAliasIdAndIri) {
  KnowledgeGraph g = sample("graphml");
  EntityIndex index(g);
  Vertex v = index.resolve_one("槐荫区");
  EXPECT_EQ(index.resolve_one("槐荫"), v);
  EXPECT_EQ(index.resolve_one("District/槐荫区"), v);
  EXPECT_EQ(index.resolve_one(std::string(kNodeBaseIri) + "District/槐荫区"), v);
  try {
    index.resolve_one("不存在");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), kExitNothingFound);
  }
}

TEST(Query, AnAmbiguousNameListsItsCandidates) {
  KnowledgeGraph g;
  g.node("District", "市中区");
  g.node("Zone", "市中区");
  try {
    EntityIndex(g).resolve_one("市中区");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), kExitUsage);
    EXPECT_NE(std::string(e.what()).find("District/市中区"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("Zone/市中区"), std::string::npos);
  }
}

TEST(Query, ShortestPathIsAChainWithRelationNames) {
  KnowledgeGraph g = sample("graphml");
  EntityIndex index(g);
  Table path = shortest_path(g, index.resolve_one("裕园社区"), index.resolve_one("山东省"), {});
  ASSERT_EQ(path.rows.size(), 3u);
  EXPECT_EQ(path.rows[0], (std::vector<std::string>{"裕园社区 (Community)", "locatedIn ->", "槐荫区 (District)"}));
  EXPECT_EQ(path.rows[2][2], "山东省 (Province)");
  Table back = shortest_path(g, index.resolve_one("山东省"), index.resolve_one("裕园社区"), {});
  EXPECT_EQ(back.rows[0][1], "<- locatedIn");
}

TEST(Query, UnconnectedEntitiesHaveNoPath) {
  KnowledgeGraph g;
  Vertex a = g.node("District", "甲区"), b = g.node("District", "乙区");
  EXPECT_TRUE(shortest_path(g, a, b, {}).rows.empty());
}

TEST(Query, TriplePatternsBindEveryVariable) {
  for (const char* ext : {"graphml", "jsonld"}) {
    KnowledgeGraph g = small(ext);
    EntityIndex index(g);
    Table t = match_patterns(g, index, "?d leadingIndustry ?i", {});
    EXPECT_EQ(t.columns, (std::vector<std::string>{"d", "i"}));
    EXPECT_TRUE(has_row(t, {"江宁区", "集成电路"})) << ext;
    EXPECT_TRUE(has_row(t, {"鼓楼区", "集成电路"})) << ext;
    Table joined = match_patterns(g, index, "?a leadingIndustry ?i . ?b leadingIndustry ?i", {});
    EXPECT_TRUE(has_row(joined, {"江宁区", "集成电路", "鼓楼区"}));
    Table constant = match_patterns(g, index, "江宁区 ?r 南京市", {});
    EXPECT_TRUE(has_row(constant, {"locatedIn"}));
  }
}

TEST(Query, VariableTypesFilterBindings) {
  KnowledgeGraph g = small("graphml");
  QueryFilter f;
  f.variable_types = {{"c", "Community"}};
  Table t = match_patterns(g, EntityIndex(g), "?c awarded ?h", f);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][0], "明月社区");
  f.variable_types = {{"c", "District"}};
  EXPECT_TRUE(match_patterns(g, EntityIndex(g), "?c awarded ?h", f).rows.empty());
  EXPECT_THROW(match_patterns(g, EntityIndex(g), "?c awarded", {}), Error);
}

TEST(Query, MalformedFilesNameTheFileAndPosition) {
  fs::path bad = fs::temp_directory_path() / "doc2kg-bad.graphml";
  std::ofstream(bad) << "<graphml><graph><node id=\"a\"></graph>";
  try {
    KnowledgeGraph g;
    read_graph_file(bad.string(), g);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), kExitInput);
    EXPECT_NE(std::string(e.what()).find("doc2kg-bad.graphml:1:"), std::string::npos) << e.what();
  }
  fs::path json = fs::temp_directory_path() / "doc2kg-bad.jsonld";
  std::ofstream(json) << "{\"@graph\": [\n  {\"@id\": }\n]}";
  try {
    KnowledgeGraph g;
    read_graph_file(json.string(), g);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("doc2kg-bad.jsonld:2:"), std::string::npos) << e.what();
  }
  fs::remove(bad);
  fs::remove(json);
}

TEST(Query, ExternalEntitiesAreNeverRead) {
  fs::path xxe = fs::temp_directory_path() / "doc2kg-xxe.graphml";
  std::ofstream(xxe) << "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        "<graphml><graph><node id=\"District/a\"><data key=\"name\">&x;</data></node></graph></graphml>";
  KnowledgeGraph g;
  EXPECT_THROW(read_graph_file(xxe.string(), g), Error);
  fs::remove(xxe);
}

TEST(Query, TablesPrintAlignedTsvAndJson) {
  Table t{{"d", "i"}, {{"槐荫区", "医养健康"}, {"a", "b"}}};
  std::ostringstream aligned, tsv, json;
  print_table(t, TableFormat::Aligned, aligned);
  EXPECT_EQ(aligned.str(), "d       i\n槐荫区  医养健康\na       b\n");
  print_table(t, TableFormat::Tsv, tsv);
  EXPECT_EQ(tsv.str(), "d\ti\n槐荫区\t医养健康\na\tb\n");
  print_table(t, TableFormat::Json, json);
  EXPECT_NE(json.str().find("\"d\": \"槐荫区\""), std::string::npos);
}
