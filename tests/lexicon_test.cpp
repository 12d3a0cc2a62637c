#include "rules/lexicon.hpp"

#include <gtest/gtest.h>

using namespace doc2kg;

TEST(Trie, FindsEveryEntryOfEveryLengthInOnePass) {
  Trie t;
  t.insert(u"济南", 1);
  t.insert(u"济南市", 2);
  t.insert(u"槐荫区", 3);
  icu::UnicodeString text(u"本报济南讯，济南市槐荫区");
  auto m = t.find_all(text, 0, text.length());
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].begin, 2);
  EXPECT_EQ(m[0].value, 1);
  EXPECT_EQ(m[2].value, 2);
  EXPECT_EQ(m[2].end - m[2].begin, 3);
  EXPECT_EQ(m[3].value, 3);
}

TEST(Trie, KeepsEveryValueOfAKeyAddedTwice) {
  Trie t;
  t.insert(u"市中区", 1);
  t.insert(u"市中区", 2);
  icu::UnicodeString text(u"市中区");
  EXPECT_EQ(t.find_all(text, 0, text.length()).size(), 2u);
}

TEST(Trie, RespectsTheRangeEnd) {
  Trie t;
  t.insert(u"槐荫区", 1);
  icu::UnicodeString text(u"槐荫区");
  EXPECT_TRUE(t.find_all(text, 0, 2).empty());
}
