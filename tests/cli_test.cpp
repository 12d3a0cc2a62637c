// The command line as users run it: exit codes, messages, files left intact.
#include <gtest/gtest.h>

#include "doc2kg/reader.hpp"
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Result {
  int code;
  std::string out;
};

Result sh(const std::string& args) {
  std::string cmd = std::string(DOC2KG_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string slurp(const fs::path& p) { return doc2kg::read_file(p.string()); }

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("doc2kg-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "a.txt") << "槐荫区以医养健康为主导产业。";
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

}  // namespace

TEST_F(Cli, HelpAndVersionOnEveryCommand) {
  EXPECT_EQ(sh("--version").code, 0);
  EXPECT_EQ(sh("convert --version").code, 0);
  auto help = sh("convert --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("usage: doc2kg convert"), std::string::npos);
  EXPECT_EQ(sh("rules --help").code, 0);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(sh("frobnicate").code, 2);
  EXPECT_EQ(sh("convert").code, 2);
  EXPECT_EQ(sh("convert a.txt --bogus").code, 2);
  EXPECT_EQ(sh("convert " + (dir / "a.txt").string() + " --format csv").code, 2);
}

TEST_F(Cli, ConvertsToTheFormatOfTheExtension) {
  auto r = sh("convert " + (dir / "a.txt").string() + " -o " + (dir / "a.graphml").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(slurp(dir / "a.graphml").rfind("<?xml", 0), 0u);
  ASSERT_EQ(sh("convert " + (dir / "a.txt").string() + " -o " + (dir / "a.jsonld").string()).code, 0);
  EXPECT_EQ(slurp(dir / "a.jsonld").rfind("{", 0), 0u);
}

TEST_F(Cli, StdinToStdout) {
  auto r = sh("convert - --format graphml < " + (dir / "a.txt").string());
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("<graphml"), std::string::npos);
}

TEST_F(Cli, MissingOrUndecodableInputExitsThreeNamingTheFile) {
  auto r = sh("convert " + (dir / "none.txt").string());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("none.txt"), std::string::npos);
  std::ofstream(dir / "bin.txt") << std::string("\x89PNG\0\0\0\x0d", 8);
  EXPECT_EQ(sh("convert " + (dir / "bin.txt").string()).code, 3);
}

TEST_F(Cli, NeverOverwritesAnInput) {
  std::string before = slurp(dir / "a.txt");
  auto r = sh("convert " + (dir / "a.txt").string() + " -o " + (dir / "a.txt").string() + " --format jsonld");
  EXPECT_EQ(r.code, 5);
  EXPECT_EQ(slurp(dir / "a.txt"), before);
}

TEST_F(Cli, UnwritableOutputExitsFiveAndLeavesNoFile) {
  EXPECT_EQ(sh("convert " + (dir / "a.txt").string() + " -o " + (dir / "no/such/dir/x.jsonld").string()).code, 5);
  EXPECT_EQ(sh("convert " + (dir / "a.txt").string() + " -o /dev/full --format jsonld").code, 5);
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos);
}

TEST_F(Cli, BadRuleSetExitsFour) {
  fs::create_directories(dir / "rules");
  std::ofstream(dir / "rules" / "x.json") << "{\"entity_rules\": [";
  auto r = sh("convert " + (dir / "a.txt").string() + " --rules " + (dir / "rules").string());
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.out.find("x.json:1:"), std::string::npos) << r.out;
  EXPECT_EQ(sh("rules check " + (dir / "rules").string()).code, 4);
  EXPECT_EQ(sh("rules check").code, 0);
}

TEST_F(Cli, QueryExitCodes) {
  std::string g = DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.graphml";
  auto found = sh("query " + g + " 槐荫区 --relation leadingIndustry --format tsv");
  EXPECT_EQ(found.code, 0);
  EXPECT_NE(found.out.find("->\tleadingIndustry\tIndustry\t医养健康"), std::string::npos) << found.out;
  EXPECT_EQ(sh("query " + g + " 不存在的地方").code, 1);
  EXPECT_EQ(sh("query " + g + " '?x awarded ?y' --type x=District").code, 1);
  EXPECT_EQ(sh("query " + g).code, 2);
  EXPECT_EQ(sh("query " + (dir / "a.txt").string() + " 槐荫区").code, 2);  // not a graph file
  auto path = sh("query " + g + " --path 裕园社区 山东省");
  EXPECT_EQ(path.code, 0);
  EXPECT_NE(path.out.find("locatedIn ->"), std::string::npos);
  auto stats = sh("stats " + g + " --format tsv");
  EXPECT_EQ(stats.code, 0);
  EXPECT_NE(stats.out.find("total\tarticles\t1"), std::string::npos);
}

TEST_F(Cli, DirectoriesAndFilesBecomeOneGraphWhateverTheThreadCount) {
  fs::create_directories(dir / "corpus" / "sub");
  std::ofstream(dir / "corpus" / "b.txt") << "鼓楼区以集成电路为主导产业。";
  std::ofstream(dir / "corpus" / "sub" / "c.txt") << "江宁区以集成电路为特色产业。";
  std::ofstream(dir / "corpus" / "ignored.md") << "不是文章";
  std::string inputs = (dir / "a.txt").string() + " " + (dir / "corpus").string();
  ASSERT_EQ(sh("convert " + inputs + " -j1 -o " + (dir / "one.jsonld").string()).code, 0);
  ASSERT_EQ(sh("convert " + inputs + " -j 3 -o " + (dir / "three.jsonld").string()).code, 0);
  EXPECT_EQ(slurp(dir / "one.jsonld"), slurp(dir / "three.jsonld"));
  auto stats = sh("stats " + (dir / "one.jsonld").string() + " --format tsv").out;
  EXPECT_NE(stats.find("total\tarticles\t3"), std::string::npos) << stats;
  EXPECT_NE(stats.find("nodes\tIndustry\t2"), std::string::npos) << stats;  // 集成电路 is one node
}

TEST_F(Cli, ABadArticleIsSkippedByNameAndTheRunFails) {
  std::ofstream(dir / "bad.txt") << std::string("\x00\x01\x02", 3);
  auto r = sh("convert " + (dir / "a.txt").string() + " " + (dir / "bad.txt").string() + " -o " + (dir / "g.jsonld").string());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("skipped bad.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 converted, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(slurp(dir / "g.jsonld").find("医养健康"), std::string::npos);  // the good one is there
}

TEST_F(Cli, JsonLinesOnStdin) {
  std::ofstream(dir / "in.jsonl") << R"({"id": "x1", "text": "鼓楼区以集成电路为主导产业。", "title": "题", "date": "2023-05-01", "source": "福州日报"})"
                                  << "\n" << R"({"id": 7, "text": "江宁区以软件为主导产业。"})" << "\n";
  auto r = sh("convert --jsonl --format graphml < " + (dir / "in.jsonl").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Article/x1"), std::string::npos);
  EXPECT_NE(r.out.find("Article/7"), std::string::npos);
  EXPECT_NE(r.out.find("<data key=\"source\">福州日报</data>"), std::string::npos);
  std::ofstream(dir / "bad.jsonl") << "{\"id\": \"x\"}\n";
  auto bad = sh("convert --jsonl < " + (dir / "bad.jsonl").string());
  EXPECT_EQ(bad.code, 3);
  EXPECT_NE(bad.out.find("stdin:1:"), std::string::npos) << bad.out;
}

TEST_F(Cli, NQuadsShardsMergeByUnionIntoTheOneRunGraph) {
  std::ofstream(dir / "b.txt") << "鼓楼区以集成电路为主导产业。";
  std::string a = (dir / "a.txt").string(), b = (dir / "b.txt").string();
  ASSERT_EQ(sh("convert " + a + " " + b + " -o " + (dir / "all.nq").string()).code, 0);
  ASSERT_EQ(sh("convert " + a + " -o " + (dir / "1.nq").string()).code, 0);
  ASSERT_EQ(sh("convert " + b + " -o " + (dir / "2.nq").string()).code, 0);
  EXPECT_EQ(slurp(dir / "1.nq") + slurp(dir / "2.nq"), slurp(dir / "all.nq"));
  EXPECT_NE(slurp(dir / "all.nq").find("<https://doc2kg.org/id/District/鼓楼区> <https://schema.org/name> \"鼓楼区\" "
                                       "<https://doc2kg.org/id/Article/b.txt> ."), std::string::npos);
}

TEST_F(Cli, Neo4jCsvAndDot) {
  ASSERT_EQ(sh("convert " + (dir / "a.txt").string() + " --format neo4j-csv -o " + (dir / "neo").string()).code, 0);
  EXPECT_EQ(slurp(dir / "neo" / "nodes.csv").rfind("id:ID,:LABEL,name,", 0), 0u);
  EXPECT_EQ(slurp(dir / "neo" / "relationships.csv").rfind(":START_ID,:END_ID,:TYPE,", 0), 0u);
  EXPECT_NE(slurp(dir / "neo" / "relationships.csv").find("\"District/槐荫区\",\"Industry/医养健康\",leadingIndustry"),
            std::string::npos);
  EXPECT_EQ(sh("convert " + (dir / "a.txt").string() + " --format neo4j-csv").code, 2);  // needs -o DIR
  auto dot = sh("convert " + (dir / "a.txt").string() + " --format dot");
  EXPECT_EQ(dot.code, 0);
  EXPECT_NE(dot.out.find("[label=\"leadingIndustry\"]"), std::string::npos);
}
