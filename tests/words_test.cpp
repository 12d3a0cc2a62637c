// The word lexicon and its maximum-probability segmentation (words.hpp).
#include "rules/words.hpp"

#include <gtest/gtest.h>

#include <cstdio>
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
