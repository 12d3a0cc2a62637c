// The word lexicon and its maximum-probability segmentation (words.hpp).
#include "rules/words.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "test_support.hpp"

namespace doc2kg::test {
namespace {

std::vector<std::string> cut(const WordDictionary& d, const std::string& text) {
  icu::UnicodeString u = from_utf8(text);
  std::vector<std::string> out;
  for (const Word& w : d.segment(u, 0, u.length()))
    out.push_back(to_utf8(u.tempSubStringBetween(w.range.begin, w.range.end)));
  return out;
}

TEST(Words, TheMostProbableSegmentationWins) {
  WordDictionary d;
  d.add(u"研究", 500, "v");
  d.add(u"研究生", 80, "n");
  d.add(u"生命", 400, "n");
  d.add(u"起源", 300, "n");
  // 研究|生命|起源 is more probable than 研究生|命|起源
  EXPECT_EQ(cut(d, "研究生命起源"), (std::vector<std::string>{"研究", "生命", "起源"}));
}

TEST(Words, ACompiledDictionaryIsMappedOnlyWhenMadeFromTheSameThings) {
  WordDictionary made;
  made.add(u"研究", 500, "v");
  made.add(u"研究生", 80, "n");
  made.add(u"生命", 400, "n");
  made.add(u"起源", 300, "n");
  std::string file = ::testing::TempDir() + "/words-test.compiled";
  ASSERT_TRUE(made.write_compiled(file, "made from: four words"));
  WordDictionary mapped;
  ASSERT_TRUE(mapped.map_compiled(file, "made from: four words"));
  EXPECT_EQ(cut(mapped, "研究生命起源"), cut(made, "研究生命起源"));
  EXPECT_TRUE(mapped.contains(u"研究生"));
  EXPECT_EQ(mapped.pos_name(mapped.segment(u"生命", 0, 2)[0].pos), "n");
  mapped.add(u"源头", 100, "n");  // a mapped dictionary can still grow (its tables are copied)
  EXPECT_EQ(cut(mapped, "源头"), (std::vector<std::string>{"源头"}));
  EXPECT_EQ(cut(made, "源头"), (std::vector<std::string>{"源", "头"}));
  EXPECT_TRUE(mapped.contains(u"研究生"));

  WordDictionary other;  // made from something else: refused
  EXPECT_FALSE(other.map_compiled(file, "made from: five words"));
  EXPECT_FALSE(other.map_compiled(file + ".missing", "made from: four words"));
  EXPECT_FALSE(mapped.map_compiled(file, "made from: four words"));  // only into an empty dictionary
  // Cut short or damaged anywhere in its header or tables: refused, never read past.
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (size_t keep : {size_t{0}, size_t{7}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(keep));
    EXPECT_FALSE(other.map_compiled(file, "made from: four words")) << keep;
  }
  std::string garbled = bytes;
  garbled[garbled.size() - 3] ^= 0x55;  // the closing magic
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(garbled.data(), static_cast<std::streamsize>(garbled.size()));
  EXPECT_FALSE(other.map_compiled(file, "made from: four words"));
  EXPECT_EQ(other.size(), 0u);
  std::remove(file.c_str());
  std::string fifo = ::testing::TempDir() + "/words-test.fifo";  // opened without blocking, refused
  std::remove(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(other.map_compiled(fifo, "made from: four words"));
  std::remove(fifo.c_str());
}

TEST(Words, TheProjectRulesKeepTheirDictionaryCompiledBesideThemAndMapIt) {
  std::string dir = ::testing::TempDir() + "/compiled-rules";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(DOC2KG_SOURCE_DIR "/rules", dir, std::filesystem::copy_options::recursive);
  std::filesystem::remove_all(dir + "/.compiled");
  auto first = RuleSet::load(dir);  // builds from the text and saves the compiled form
  ASSERT_TRUE(std::filesystem::exists(dir + "/.compiled"));
  auto second = RuleSet::load(dir);  // maps it
  const WordDictionary& a = impl(*first).words;
  const WordDictionary& b = impl(*second).words;
  EXPECT_EQ(a.size(), b.size());
  for (const char* text : {"长兴县以新能源汽车及零部件为主导产业", "高新区污水处理厂扩建工程开工"})
    EXPECT_EQ(cut(a, text), cut(b, text));
  // A lexicon changed after: the compiled form no longer matches and is made again.
  std::ofstream(dir + "/lexicons/industries.tsv", std::ios::app) << "\n星河量子材料\n";
  auto third = RuleSet::load(dir);
  EXPECT_EQ(cut(impl(*third).words, "星河量子材料"), (std::vector<std::string>{"星河量子材料"}));
  std::filesystem::remove_all(dir);
}

TEST(Words, AsciiRunsAreOneWordAndUnknownCharactersStandAlone) {
  WordDictionary d;
  d.add(u"产能", 100, "n");
  EXPECT_EQ(cut(d, "5G基站12.5万个"), (std::vector<std::string>{"5G", "基", "站", "12.5", "万", "个"}));
  EXPECT_EQ(cut(d, "产能"), (std::vector<std::string>{"产能"}));
}

TEST(Words, AUserWordKeepsAKnownPartOfSpeechAndJoinsTheLexicon) {
  WordDictionary d;
  d.add(u"材料", 900, "n");
  d.add(u"新材料", 0, "");
  EXPECT_TRUE(d.contains(u"新材料"));
  EXPECT_EQ(d.pos_name(d.segment(u"新材料", 0, 3)[0].pos), "nz");
  d.add(u"材料", 0, "");
  EXPECT_EQ(d.pos_name(d.segment(u"材料", 0, 2)[0].pos), "n");
}

TEST(Words, AMalformedDictionaryLineIsARulesErrorWithItsLine) {
  std::string path = testing::TempDir() + "/words_bad.txt";
  {
    std::ofstream out(path);
    out << "产业 100 n\n园区 many n\n";
  }
  WordDictionary d;
  try {
    d.load(path);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
    EXPECT_NE(std::string(e.what()).find(":2:"), std::string::npos) << e.what();
  }
  std::remove(path.c_str());
}

TEST(Words, TheProjectDictionaryKeepsLexiconNamesWhole) {
  const RuleSetImpl& rules = project_rules();
  ASSERT_GT(rules.words.size(), 300000u);  // jieba's dictionary is loaded
  EXPECT_EQ(cut(rules.words, "乌兰嘎查"), (std::vector<std::string>{"乌兰", "嘎查"}));
}

}  // namespace
}  // namespace doc2kg::test
