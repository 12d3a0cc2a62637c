// The trigger index names, in one pass, the rules a sentence triggers: those
// with a trigger in it, and those without triggers; never one whose trigger
// only crosses the sentence's end.
#include "rules/triggers.hpp"

#include <gtest/gtest.h>

using namespace doc2kg;

TEST(Triggers, OneScanNamesTheRulesWhoseTriggersOccur) {
  TriggerIndex index;
  int honours = index.add({u"获评", u"荣获"});
  int projects = index.add({u"项目"});
  int always = index.add({});
  int nested = index.add({u"获"});  // inside another rule's trigger
  icu::UnicodeString text(u"甲村荣获称号。乙镇推进项");
  auto first = index.scan(text, 0, 7);
  EXPECT_TRUE(first.triggered(honours));
  EXPECT_FALSE(first.triggered(projects));
  EXPECT_TRUE(first.triggered(always));
  EXPECT_TRUE(first.triggered(nested));
  auto second = index.scan(text, 7, text.length());  // 项 ends the text: 项目 is not in it
  EXPECT_FALSE(second.triggered(honours));
  EXPECT_FALSE(second.triggered(projects));
  EXPECT_TRUE(second.triggered(always));
  EXPECT_FALSE(index.scan(u"获评", 0, 1).triggered(honours));  // a trigger crossing the end does not count
}

TEST(Triggers, ManyRulesEachKeepTheirOwnBit) {
  TriggerIndex index;
  std::vector<int> numbers;
  for (int i = 0; i < 130; ++i) numbers.push_back(index.add({icu::UnicodeString(static_cast<UChar>(0x4E00 + i))}));
  icu::UnicodeString text(static_cast<UChar>(0x4E00 + 129));
  auto hits = index.scan(text, 0, 1);
  for (int i = 0; i < 130; ++i) EXPECT_EQ(hits.triggered(numbers[i]), i == 129) << i;
}
