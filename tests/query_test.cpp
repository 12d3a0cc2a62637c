// Every query form, on the sample's graph and on small graphs of the test's own.
#include "doc2kg/query.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
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
  Table card = entity_card(g, index.resolve_one("槐荫区"), {});  // with its indicators: figure columns
  EXPECT_TRUE(has_row(card, {"->", "leadingIndustry", "Industry", "医养健康", "", "", "", ""}));
  EXPECT_TRUE(has_row(card, {"<-", "locatedIn", "Community", "裕园社区", "", "", "", ""}));
  EXPECT_TRUE(has_row(card, {"->", "locatedIn", "City", "济南市", "", "", "", ""}));
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
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
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
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
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
    EXPECT_EQ(e.kind(), ErrorKind::Input);
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
  std::ofstream(xxe)
      << "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
         "<graphml><graph><node id=\"District/a\"><data key=\"name\">&x;</data></node></graph></graphml>";
  KnowledgeGraph g;
  EXPECT_THROW(read_graph_file(xxe.string(), g), Error);
  fs::remove(xxe);
}

TEST(Query, TablesPrintAlignedTsvAndJson) {
  Table t{{"d", "i"}, {{"槐荫区", "医养健康"}, {"a", "b"}}, {}};
  std::ostringstream aligned, tsv, json;
  print_table(t, TableFormat::Aligned, aligned);
  EXPECT_EQ(aligned.str(), "d       i\n槐荫区  医养健康\na       b\n");
  print_table(t, TableFormat::Tsv, tsv);
  EXPECT_EQ(tsv.str(), "d\ti\n槐荫区\t医养健康\na\tb\n");
  print_table(t, TableFormat::Json, json);
  EXPECT_NE(json.str().find("\"d\": \"槐荫区\""), std::string::npos);
}

TEST(Query, JsonPrintsNumericColumnsAsNumbers) {
  Table t{{"name", "value"}, {{"a", "22.4"}, {"b", "2000000000"}, {"c", ""}}, {false, true}};
  std::ostringstream json;
  print_table(t, TableFormat::Json, json);
  EXPECT_NE(json.str().find("\"value\": 22.4"), std::string::npos) << json.str();
  EXPECT_NE(json.str().find("\"value\": 2000000000\n"), std::string::npos) << json.str();
  EXPECT_NE(json.str().find("\"value\": null"), std::string::npos) << json.str();
  std::ostringstream stats;
  print_table(graph_stats(sample("graphml")), TableFormat::Json, stats);
  EXPECT_NE(stats.str().find("\"count\": 59"), std::string::npos) << stats.str();
  EXPECT_EQ(stats.str().find("\"count\": \""), std::string::npos) << stats.str();
}

TEST(Query, AnIndicatorsFigureIsInColumnsOfItsOwn) {
  KnowledgeGraph g = sample("graphml");
  QueryFilter f;
  f.relations = {"hasIndicator"};
  Table card = entity_card(g, EntityIndex(g).resolve_one("槐荫区"), f);
  EXPECT_EQ(card.columns,
            (std::vector<std::string>{"direction", "relation", "type", "name", "measure", "value", "unit", "period"}));
  EXPECT_TRUE(has_row(
      card, {"->", "hasIndicator", "Indicator", "规上工业增加值", "同比增长", "22.4", "percent", "2023-01/2023-05"}));
  std::ostringstream json;
  print_table(card, TableFormat::Json, json);
  EXPECT_NE(json.str().find("\"name\": \"规上工业增加值\",\n  \"measure\": \"同比增长\",\n  \"value\": 22.4,"),
            std::string::npos)
      << json.str();
  // Without an Indicator among the rows, no figure columns.
  f.relations = {"leadingIndustry"};
  EXPECT_EQ(entity_card(g, EntityIndex(g).resolve_one("槐荫区"), f).columns.size(), 4u);
}

TEST(Query, UnknownRelationsAndTypesAreUsageErrors) {
  KnowledgeGraph g = sample("graphml");
  EntityIndex index(g);
  auto usage_error = [](auto&& ask) {
    try {
      ask();
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Usage);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  QueryFilter typo;
  typo.relations = {"leadingIndustri"};
  std::string message = usage_error([&] { entity_card(g, index.resolve_one("槐荫区"), typo); });
  EXPECT_NE(message.find("unknown relation \"leadingIndustri\" (known: locatedIn, leadingIndustry"), std::string::npos)
      << message;
  QueryFilter type;
  type.types = {"Comunity"};
  EXPECT_NE(usage_error([&] { check_filter(g, type); }).find("unknown type \"Comunity\""), std::string::npos);
  QueryFilter variable;
  variable.variable_types = {{"c", "Comunity"}};
  EXPECT_NE(usage_error([&] { match_patterns(g, index, "?c awarded ?h", variable); }).find("unknown type"),
            std::string::npos);
  EXPECT_NE(usage_error([&] { match_patterns(g, index, "?c awardd ?h", {}); }).find("unknown relation \"awardd\""),
            std::string::npos);
  EXPECT_NE(usage_error([&] {
              shortest_path(g, index.resolve_one("槐荫区"), index.resolve_one("山东省"), typo);
            }).find("unknown relation"),
            std::string::npos);
  // A relation the ontology lacks is known when the graph has it.
  KnowledgeGraph own;
  own.relate(own.node("District", "甲区"), "twinnedWith", own.node("District", "乙区"));
  EXPECT_EQ(match_patterns(own, EntityIndex(own), "?a twinnedWith ?b", {}).rows.size(), 1u);
}

TEST(Query, ARelationMatchesItsSubRelations) {
  KnowledgeGraph g = sample("graphml");
  EntityIndex index(g);
  // The graph states leadingIndustry and leaves out the hasIndustry it implies.
  Table t = match_patterns(g, index, "?d hasIndustry ?i", {});
  EXPECT_TRUE(has_row(t, {"槐荫区", "医养健康"}));  // leadingIndustry
  EXPECT_TRUE(has_row(t, {"槐荫区", "商务会展"}));  // characteristicIndustry
  EXPECT_TRUE(match_patterns(g, index, "?d leadingIndustry ?i . ?c hasIndustry ?i", {}).rows.size() == 3u);
  QueryFilter f;
  f.relations = {"hasIndustry"};
  EXPECT_EQ(entity_card(g, index.resolve_one("槐荫区"), f).rows.size(), 9u);
  // A variable binds the relation as stated.
  Table r = match_patterns(g, index, "槐荫区 ?r 医养健康", {});
  EXPECT_EQ(r.rows, (std::vector<std::vector<std::string>>{{"leadingIndustry"}}));
}

TEST(Query, ReadsNQuadsLikeTheOtherFormats) {
  KnowledgeGraph g = sample("nq");
  auto stats = graph_stats(g);
  EXPECT_TRUE(has_row(stats, {"total", "nodes", "59"}));
  EXPECT_TRUE(has_row(stats, {"total", "edges", "84"}));
  EXPECT_TRUE(has_row(stats, {"total", "evidence", "84"}));
  QueryFilter f;
  f.relations = {"leadingIndustry"};
  Table card = entity_card(g, EntityIndex(g).resolve_one("槐荫"), f);
  EXPECT_TRUE(has_row(card, {"->", "leadingIndustry", "Industry", "医养健康"}));
}

namespace {

struct CliRun {
  int code;
  std::string out, err;
};

// The doc2kg binary with `args` (a shell command line) in the source
// directory, its stdin piped from `input` (a command) if given; stdout and stderr apart.
CliRun cli(const std::string& args, const std::string& input = "") {
  fs::path err = fs::temp_directory_path() / ("doc2kg-query-err-" + std::to_string(::getpid()));
  std::string cmd = "cd '" DOC2KG_SOURCE_DIR "' && " + (input.empty() ? "" : input + " | ") +
                    std::string(DOC2KG_BINARY) + " " + args + " 2>'" + err.string() + "'";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  std::string message;
  {
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    message = ss.str();
  }
  fs::remove(err);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, message};
}

}  // namespace

TEST(QueryCli, AMissingGraphFileIsNamedNotTakenForTheQuestion) {
  CliRun r = cli("query missing.graphml 槐荫区");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "doc2kg: missing.graphml: no such file\n");
  r = cli("query 槐荫区 data/missing.nq");  // a '/' reads as a path, whatever the order
  EXPECT_EQ(r.err, "doc2kg: data/missing.nq: no such file\n");
  EXPECT_EQ(cli("stats missing.jsonld").code, 3);
  // An entity id with a '/' is still a question.
  EXPECT_EQ(cli("query graphs/huaiyin-2023-06-29.graphml District/槐荫区 --relation leadingIndustry").code, 0);
  EXPECT_EQ(cli("query graphs/huaiyin-2023-06-29.graphml graphs 槐荫区").code, 2);  // a directory
}

TEST(QueryCli, MisspeltRelationsAndTypesExitTwo) {
  std::string g = "graphs/huaiyin-2023-06-29.graphml";
  CliRun r = cli("query " + g + " 槐荫区 --relation leadingindustry");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown relation \"leadingindustry\" (known: "), std::string::npos) << r.err;
  EXPECT_EQ(cli("query " + g + " 槐荫区 --type Comunity").code, 2);
  EXPECT_EQ(cli("query " + g + " '?c awarded ?h' --type c=Comunity").code, 2);
  EXPECT_EQ(cli("query " + g + " '?c awardd ?h'").code, 2);
  EXPECT_EQ(cli("query " + g + " 槐荫区 --relation awarded").code, 1);       // known, and nothing found
  CliRun untyped = cli("query " + g + " '?c awarded ?h' --type Community");  // not silently ignored
  EXPECT_EQ(untyped.code, 2);
  EXPECT_NE(untyped.err.find("--type VARIABLE=TYPE"), std::string::npos) << untyped.err;
}

TEST(QueryCli, NQuadsFromAFileOrStdin) {
  CliRun file = cli("stats graphs/huaiyin-2023-06-29.nq --format tsv");
  EXPECT_EQ(file.code, 0) << file.err;
  EXPECT_NE(file.out.find("total\tedges\t84"), std::string::npos) << file.out;
  CliRun piped = cli("stats - --format tsv < graphs/huaiyin-2023-06-29.nq");
  EXPECT_EQ(piped.out, file.out);
  CliRun graphml = cli("stats - --format tsv < graphs/huaiyin-2023-06-29.graphml");
  EXPECT_EQ(graphml.out, file.out);
  CliRun q = cli("query - 槐荫区 --relation leadingIndustry --format tsv", "cat graphs/huaiyin-2023-06-29.nq");
  EXPECT_EQ(q.code, 0) << q.err;
  EXPECT_NE(q.out.find("->\tleadingIndustry\tIndustry\t医养健康"), std::string::npos) << q.out;
  CliRun broken = cli("stats - < graphs/huaiyin-2023-06-29.txt");
  EXPECT_EQ(broken.code, 3);
  EXPECT_NE(broken.err.find("stdin: "), std::string::npos) << broken.err;
}

TEST(QueryCli, StatsJsonCountsAreNumbers) {
  CliRun r = cli("stats graphs/huaiyin-2023-06-29.graphml --format json");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"count\": 84"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"count\": \""), std::string::npos) << r.out;
}

TEST(QueryCli, EveryExampleInTheReadmeFindsSomething) {
  std::ifstream in(DOC2KG_SOURCE_DIR "/README.md");
  std::regex example(R"(^build/doc2kg (query|stats) \$G(.*?)\s*(#.*)?$)");
  int examples = 0;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, example)) continue;
    ++examples;
    CliRun r = cli(m[1].str() + " graphs/huaiyin-2023-06-29.graphml" + m[2].str());
    EXPECT_EQ(r.code, 0) << line << "\n" << r.err;
  }
  EXPECT_GE(examples, 10);
}
