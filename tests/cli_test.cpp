// The command line as users run it: exit codes, messages, files left intact.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "read/reader.hpp"

namespace fs = std::filesystem;

namespace {

struct Result {
  int code;
  std::string out;
};

Result sh(const std::string& args, const fs::path& cwd = {}) {
  std::string cmd =
      (cwd.empty() ? "" : "cd '" + cwd.string() + "' && ") + std::string(DOC2KG_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// The same, run inside `dir` (articles are named by their path as given).
Result sh_in(const fs::path& dir, const std::string& args) { return sh(args, dir); }

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
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos);
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

TEST_F(Cli, ARuleFileThatCannotBeReadIsARuleSetProblem) {
  // A directory named like a rule file is the rule set's problem (4), not the article's (3).
  fs::create_directories(dir / "rules" / "x.json");
  auto r = sh("rules check " + (dir / "rules").string());
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.out.find("x.json: cannot read (Is a directory)"), std::string::npos) << r.out;
  EXPECT_EQ(sh("convert " + (dir / "a.txt").string() + " --rules " + (dir / "rules").string()).code, 4);
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
  auto r = sh("convert " + (dir / "a.txt").string() + " " + (dir / "bad.txt").string() + " -o " +
              (dir / "g.jsonld").string());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("skipped " + (dir / "bad.txt").string() + ": "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 converted, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(slurp(dir / "g.jsonld").find("医养健康"), std::string::npos);  // the good one is there
}

TEST_F(Cli, JsonLinesOnStdin) {
  std::ofstream(dir / "in.jsonl")
      << R"({"id": "x1", "text": "鼓楼区以集成电路为主导产业。", "title": "题", "date": "2023-05-01", "source": "福州日报"})"
      << "\n"
      << R"({"id": 7, "text": "江宁区以软件为主导产业。"})"
      << "\n";
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
  ASSERT_EQ(sh_in(dir, "convert a.txt b.txt -o all.nq").code, 0);
  ASSERT_EQ(sh_in(dir, "convert a.txt -o 1.nq").code, 0);
  ASSERT_EQ(sh_in(dir, "convert b.txt -o 2.nq").code, 0);
  EXPECT_EQ(slurp(dir / "1.nq") + slurp(dir / "2.nq"), slurp(dir / "all.nq"));
  EXPECT_NE(slurp(dir / "all.nq")
                .find("<https://doc2kg.org/id/District/鼓楼区> <https://schema.org/name> \"鼓楼区\" "
                      "<https://doc2kg.org/id/Article/b.txt> ."),
            std::string::npos);
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

TEST_F(Cli, ArticlesWithOneFileNameInTwoFoldersStayTwo) {
  fs::create_directories(dir / "corpus" / "east");
  fs::create_directories(dir / "corpus" / "west");
  std::ofstream(dir / "corpus" / "east" / "news.txt") << "东城新闻\n2024-03-05\n\n鼓楼区以集成电路为主导产业。\n";
  std::ofstream(dir / "corpus" / "west" / "news.txt") << "西城新闻\n2024-04-06\n\n江宁区以软件为主导产业。\n";
  ASSERT_EQ(sh_in(dir, "convert corpus/ -o all.nq").code, 0);
  std::string all = slurp(dir / "all.nq");
  for (const char* id : {"corpus%2Feast%2Fnews.txt", "corpus%2Fwest%2Fnews.txt"})
    EXPECT_NE(all.find(std::string("<https://doc2kg.org/id/Article/") + id + "> <https://schema.org/headline>"),
              std::string::npos)
        << id << "\n"
        << all;
  EXPECT_NE(all.find("东城新闻"), std::string::npos);
  EXPECT_NE(all.find("西城新闻"), std::string::npos);
  // The README's recipe: each file converted alone, as `find corpus -name '*.txt'` names it, gives the same quads.
  ASSERT_EQ(sh_in(dir, "convert corpus/east/news.txt -o 1.nq").code, 0);
  ASSERT_EQ(sh_in(dir, "convert ./corpus/west/news.txt -o 2.nq").code, 0);
  EXPECT_EQ(slurp(dir / "1.nq") + slurp(dir / "2.nq"), all);
}

TEST_F(Cli, JsonLinesFromAFileFromStdinAndByExtension) {
  std::ofstream(dir / "arts.jsonl") << R"({"id": "j1", "text": "鼓楼区以集成电路为主导产业。"})"
                                    << "\n"
                                    << R"({"id": "j2", "text": "江宁区以软件为主导产业。"})"
                                    << "\n";
  for (std::string args : {"convert --jsonl arts.jsonl", "convert arts.jsonl", "convert --jsonl - < arts.jsonl",
                           "convert --jsonl < arts.jsonl"}) {
    auto r = sh_in(dir, args + " --format nquads");
    EXPECT_EQ(r.code, 0) << args << "\n" << r.out;
    EXPECT_NE(r.out.find("Article/j1>"), std::string::npos) << args;
    EXPECT_NE(r.out.find("Article/j2>"), std::string::npos) << args;
    EXPECT_EQ(r.out.find("Article/arts.jsonl"), std::string::npos) << args;  // not one text article
  }
}

TEST_F(Cli, StandardInputIsNeverOverwritten) {
  std::string before = slurp(dir / "a.txt");
  auto r = sh_in(dir, "convert - -o a.txt --format jsonld < a.txt");
  EXPECT_EQ(r.code, 5) << r.out;
  EXPECT_NE(r.out.find("a.txt: is an input"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(dir / "a.txt"), before);
  std::ofstream(dir / "arts.jsonl") << R"({"id": "j1", "text": "鼓楼区以集成电路为主导产业。"})"
                                    << "\n";
  std::string lines = slurp(dir / "arts.jsonl");
  EXPECT_EQ(sh_in(dir, "convert --jsonl -o arts.jsonl --format nquads < arts.jsonl").code, 5);
  EXPECT_EQ(slurp(dir / "arts.jsonl"), lines);
}

TEST_F(Cli, ThreadCountsOutOfRangeAreUsageErrors) {
  std::string a = (dir / "a.txt").string();
  for (std::string j : {"-j 100000", "-j 99999999999999999999999", "-j 4294967296", "-j 0", "-j -1", "-jx", "-j 2x"}) {
    auto r = sh("convert " + a + " " + j);
    EXPECT_EQ(r.code, 2) << j << ": " << r.out;
    EXPECT_NE(r.out.find("-j"), std::string::npos) << j << ": " << r.out;
  }
  EXPECT_EQ(sh("convert " + a + " --jobs=2 --format=graphml").code, 0);
  EXPECT_EQ(sh("convert " + a + " -j1024 --format nquads").code, 0);
}

TEST_F(Cli, OptionsTakeEqualsAndDoubleDashEndsThem) {
  std::ofstream(dir / "-odd.txt") << "鼓楼区以集成电路为主导产业。";
  auto r = sh_in(dir, "convert --format=graphml -- -odd.txt");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("<graphml"), std::string::npos);
  EXPECT_NE(r.out.find("集成电路"), std::string::npos);
  EXPECT_EQ(sh("convert " + (dir / "a.txt").string() + " --jsonl=yes").code, 2);
}

// Converts a long JSON Lines file to out.nq in `dir` with `sig` set to `action`
// (as a shell would leave it), sends `sig` once the temporary output exists,
// and returns the wait status.
int interrupted_conversion(const fs::path& dir, int sig, void (*action)(int)) {
  if (!fs::exists(dir / "big.jsonl")) {
    std::ofstream big(dir / "big.jsonl");
    for (int i = 0; i < 20000; ++i)
      big << R"({"id": ")" << i
          << R"(", "text": "鼓楼区以集成电路为主导产业，江宁区以软件为主导产业，全年增长百分之八。"})"
          << "\n";
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    ::signal(sig, action);
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    if (!::freopen("/dev/null", "w", stderr)) ::_exit(127);
    ::execl(DOC2KG_BINARY, DOC2KG_BINARY, "convert", "big.jsonl", "-j", "1", "-o", "out.nq", (char*)nullptr);
    ::_exit(127);
  }
  fs::path partial = dir / (".out.nq.tmp-" + std::to_string(pid));
  for (int i = 0; i < 1000 && !fs::exists(partial); ++i) ::usleep(10000);
  ::kill(pid, sig);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

TEST_F(Cli, AnInterruptedConversionLeavesNoTemporaryFile) {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    int status = interrupted_conversion(dir, sig, SIG_DFL);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig)
        << sig << ": ended before the signal; make big.jsonl bigger";
    for (const auto& e : fs::directory_iterator(dir))
      EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << sig;
    EXPECT_FALSE(fs::exists(dir / "out.nq")) << sig;
  }
}

TEST_F(Cli, AnIgnoredHangupStaysIgnored) {  // nohup doc2kg convert …
  int status = interrupted_conversion(dir, SIGHUP, SIG_IGN);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_TRUE(fs::exists(dir / "out.nq"));
}

TEST_F(Cli, CommandsWhoseOutputCannotBeWrittenFail) {
  std::string g = DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.graphml";
  EXPECT_EQ(sh("stats " + g + " > /dev/full").code, 5);
  EXPECT_EQ(sh("query " + g + " 槐荫区 > /dev/full").code, 5);
  EXPECT_EQ(sh("text " + (dir / "a.txt").string() + " > /dev/full").code, 5);
  EXPECT_EQ(sh("words " + (dir / "a.txt").string() + " > /dev/full").code, 5);
  auto closed = sh("stats " + g + " >&- 2>/dev/null; echo exit=$?");  // closed stdout
  EXPECT_NE(closed.out.find("exit=5"), std::string::npos) << closed.out;
}

TEST_F(Cli, DirectoriesGatherPagesAndAnyCaseOfExtension) {
  fs::create_directories(dir / "corpus");
  std::ofstream(dir / "corpus" / "one.TXT") << "鼓楼区以集成电路为主导产业。";
  std::ofstream(dir / "corpus" / "two.html")
      << "<html><head><title>新闻</title></head><body><article><p>江宁区以软件为主导产业。</p></article></body></html>";
  std::ofstream(dir / "corpus" / "three.htm")
      << "<html><body><div class=\"content\"><p>玄武区以人工智能为主导产业。</p></div></body></html>";
  std::ofstream(dir / "corpus" / "notes.md") << "不是文章";
  auto r = sh_in(dir, "convert corpus --format nquads");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("3 converted, 0 failed"), std::string::npos) << r.out;
  for (const char* industry : {"集成电路", "软件", "人工智能"})
    EXPECT_NE(r.out.find(industry), std::string::npos) << industry;
}

TEST_F(Cli, AnUnreadableSubdirectoryIsReportedNotSkippedSilently) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  fs::create_directories(dir / "corpus" / "locked");
  std::ofstream(dir / "corpus" / "one.txt") << "鼓楼区以集成电路为主导产业。";
  fs::permissions(dir / "corpus" / "locked", fs::perms::none);
  auto r = sh_in(dir, "convert corpus --format nquads");
  fs::permissions(dir / "corpus" / "locked", fs::perms::owner_all);
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("corpus/locked: cannot read directory (Permission denied)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("集成电路"), std::string::npos);
}

TEST_F(Cli, ACannotOpenSaysWhy) {
  auto r = sh("convert " + (dir / "none.txt").string());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("none.txt: cannot open (No such file or directory)"), std::string::npos) << r.out;
}

TEST_F(Cli, ARunawayLexiconLineIsARulesErrorAtItsLine) {
  fs::copy(DOC2KG_SOURCE_DIR "/rules", dir / "rules", fs::copy_options::recursive);
  fs::path lexicon;
  for (const auto& e : fs::directory_iterator(dir / "rules" / "lexicons"))
    if (e.path().extension() == ".tsv" && (lexicon.empty() || e.path() < lexicon)) lexicon = e.path();
  ASSERT_FALSE(lexicon.empty());
  size_t lines = 0;
  for (char c : slurp(lexicon)) lines += c == '\n';
  {
    std::ofstream out(lexicon, std::ios::app);
    out << std::string(3 << 20, 'x') << "\tIndustry\n";
  }
  std::string where = lexicon.filename().string() + ":" + std::to_string(lines + 1) + ": line longer than";
  auto r = sh("convert " + (dir / "a.txt").string() + " --rules " + (dir / "rules").string());
  EXPECT_EQ(r.code, 4) << r.out;
  EXPECT_NE(r.out.find(where), std::string::npos) << r.out;
  auto check = sh("rules check " + (dir / "rules").string());
  EXPECT_EQ(check.code, 4);
  EXPECT_NE(check.out.find(where), std::string::npos) << check.out;
}

TEST_F(Cli, ADeeplyNestedJsonLineDoesNotStopTheBatch) {
  std::string deep = std::string(400000, '[') + std::string(400000, ']');
  std::ofstream(dir / "arts.jsonl")
      << R"({"id": "deep", "text": "鼓楼区以集成电路为主导产业。", "extra": )" << deep << "}\n"
      << std::string(300000, '[') << "\n"
      << R"({"id": "fine", "text": "玄武区以人工智能为主导产业。", "extra": [[{"a": 1}]]})"
      << "\n"
      << R"({"id": "after", "text": "江宁区以软件为主导产业。"})"
      << "\n";
  auto r = sh_in(dir, "convert arts.jsonl --format nquads");
  EXPECT_EQ(r.code, 3) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("skipped arts.jsonl:1: nested deeper than 64 levels"), std::string::npos)
      << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("skipped arts.jsonl:2: nested deeper than 64 levels"), std::string::npos)
      << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("2 converted, 2 failed"), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("Article/fine>"), std::string::npos);
  EXPECT_NE(r.out.find("Article/after>"), std::string::npos);
}

TEST_F(Cli, JsonLinesWithoutALineEndAreBounded) {  // /dev/zero as JSON Lines: reported, not read forever
  auto r = sh_in(dir, "convert --jsonl - --format nquads < /dev/zero");
  EXPECT_EQ(r.code, 3) << r.out.substr(0, 500);
  EXPECT_NE(r.out.find("stdin:1: line longer than 64 MiB; the rest of stdin is not read"), std::string::npos)
      << r.out.substr(0, 500);
}

TEST_F(Cli, StandardInputGivenTwiceIsAUsageError) { EXPECT_EQ(sh_in(dir, "convert - - < a.txt").code, 2); }

TEST_F(Cli, AJsonLineTitleIsTheArticlesTitleWithOrWithoutADate) {
  std::ofstream(dir / "arts.jsonl")
      << R"({"id": "t1", "text": "鼓楼区以集成电路为主导产业。\n江宁区以软件为主导产业。", "title": "两区产业速览"})"
      << "\n"
      << R"({"id": "t2", "text": "玄武区以人工智能为主导产业。", "title": "玄武快讯", "source": "玄武日报"})"
      << "\n";
  auto r = sh_in(dir, "convert arts.jsonl --format nquads");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("<https://doc2kg.org/id/Article/t1> <https://schema.org/headline> \"两区产业速览\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("<https://doc2kg.org/id/Article/t2> <https://schema.org/headline> \"玄武快讯\""),
            std::string::npos);
  EXPECT_NE(r.out.find("玄武日报"), std::string::npos);
  EXPECT_NE(r.out.find("集成电路"), std::string::npos);
}

TEST_F(Cli, ATerminalOnStandardInputIsAUsageErrorNotAWait) {
  // script(1) gives the command a pseudo-terminal as its standard input.
  if (std::system("script -qec true /dev/null < /dev/null > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "no script(1) or pty";
  for (std::string args : {"convert --jsonl", "convert -"}) {
    std::string cmd = "script -qec '" + std::string(DOC2KG_BINARY) + " " + args + "' /dev/null < /dev/null 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[1024];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int status = pclose(p);
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 2) << args << ": " << out;
    EXPECT_NE(out.find("standard input is a terminal"), std::string::npos) << args << ": " << out;
  }
}
