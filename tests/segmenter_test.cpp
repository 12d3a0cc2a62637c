#include "analysis/segmenter.hpp"

#include <gtest/gtest.h>

#include "read/reader.hpp"
#include "test_support.hpp"

using namespace doc2kg;

TEST(Segmenter, SplitsAtChineseFullStopsWithHalfWidthPunctuationMixedIn) {
  Document d = read_article("槐荫区优化思路,开展行动。规上工业增加值同比增长22.4%,固定资产投资增长23%。\n新段落!",
                            "a.txt", test::project_rules());
  segmenter::run(d, test::project_rules());
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.quote(d.sentences[0]), "槐荫区优化思路,开展行动。");
  EXPECT_EQ(d.quote(d.sentences[1]), "规上工业增加值同比增长22.4%,固定资产投资增长23%。");
  EXPECT_EQ(d.quote(d.sentences[2]), "新段落!");
}

TEST(Segmenter, SentencesOfRepeatedParagraphsAreNotProduced) {
  Document d = read_article("同一段。\n同一段。\n", "a.txt", test::project_rules());
  segmenter::run(d, test::project_rules());
  EXPECT_EQ(d.sentences.size(), 1u);
}

TEST(Segmenter, ClauseBreaksAreBothWidths) {
  EXPECT_TRUE(is_clause_break(u'，'));
  EXPECT_TRUE(is_clause_break(u','));
  EXPECT_TRUE(is_clause_break(u'；'));
  EXPECT_FALSE(is_clause_break(u'、'));
}
