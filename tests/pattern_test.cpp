// Rule patterns run on PCRE2 where they can and must find exactly what ICU
// finds: the translation of ICU's set syntax, the fall back to ICU, and every
// rule of the project's rule set on both engines over invented sentences.
#include "rules/pattern.hpp"

#include <gtest/gtest.h>

#include "base/text.hpp"
#include "rules/rule_set.hpp"
#include "test_support.hpp"

using namespace doc2kg;

namespace {

std::unique_ptr<RulePattern> compile(const icu::UnicodeString& p,
                                     RulePattern::Engine e = RulePattern::Engine::Fastest) {
  UParseError pe{};
  UErrorCode status = U_ZERO_ERROR;
  auto out = RulePattern::compile(p, pe, status, e);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return out;
}

// Every match of `p` in `text`: each group's start and end.
std::vector<std::vector<int32_t>> matches(const RulePattern& p, const icu::UnicodeString& text, int32_t groups) {
  std::vector<std::vector<int32_t>> out;
  RuleMatch m(p, text);
  UErrorCode status = U_ZERO_ERROR;
  while (m.find(status)) {
    std::vector<int32_t> g;
    for (int32_t i = 0; i <= groups; ++i) g.push_back(m.start(i, status)), g.push_back(m.end(i, status));
    out.push_back(g);
  }
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return out;
}

}  // namespace

TEST(Pattern, IcuSetOperationsBecomeLookaheads) {
  EXPECT_EQ(RulePattern::to_pcre2(u"[[\\p{Han}A-Z]--[的是]]{2,4}区"), u"(?:(?![的是])[\\p{sc:Han}A-Z]){2,4}区");
  EXPECT_EQ(RulePattern::to_pcre2(u"[[\\x{E000}][\\x{E007}]]"), u"[\\x{E000}\\x{E007}]");
  EXPECT_EQ(RulePattern::to_pcre2(u"[^“”\\s]+"), u"[^“”\\s]+");
  EXPECT_EQ(RulePattern::to_pcre2(u"\\u4E00"), u"\\x{4E00}");
  EXPECT_EQ(RulePattern::to_pcre2(u"[[:Han:]]"), u"");  // not translated: ICU runs it
  // A lookbehind's groups of unequal branches become its branches (PCRE2 takes those).
  EXPECT_EQ(RulePattern::to_pcre2(u"(?<!(?:去年|前)|(?:今年))月"), u"(?<!去年|前|今年)月");
  EXPECT_EQ(RulePattern::to_pcre2(u"(?<![0-9.])(?:甲|乙丙)+"), u"(?<![0-9.])(?:甲|乙丙)+");
  EXPECT_EQ(RulePattern::to_pcre2(u"(?<!\\Q(\\E|[)])x"), u"(?<!\\Q(\\E|[)])x");
}

TEST(Pattern, ScriptsAreIcusScriptsNotScriptExtensions) {
  // 、 (U+3001) is Han by Script_Extensions, PCRE2's default reading of \p{Han}; not by Script, ICU's.
  auto p = compile(u"(?<name>\\p{Han}{2,4})村");
  ASSERT_TRUE(p->compiled_by_pcre2());
  auto found = matches(*p, u"甲乙村、丙丁村", 1);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1][2], 4);  // 丙丁村 starts after 、
}

TEST(Pattern, WhatPcre2RefusesRunsOnIcu) {
  auto p = compile(u"(?<!争取[^,。]{0,4})获评(?<name>\\p{Han}{2,8})");  // a lookbehind of variable length
  EXPECT_FALSE(p->compiled_by_pcre2());
  auto found = matches(*p, u"甲村获评示范村。乙村争取获评示范村。", 1);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0][0], 2);
}

TEST(Pattern, EmptyMatchesMoveOnAsIcuDoes) {
  for (auto engine : {RulePattern::Engine::Fastest, RulePattern::Engine::Icu}) {
    auto p = compile(u"甲*", engine);
    EXPECT_EQ(matches(*p, u"乙甲甲乙", 0), (std::vector<std::vector<int32_t>>{{0, 0}, {1, 3}, {3, 3}, {4, 4}}));
  }
}

TEST(Pattern, EveryProjectRuleFindsTheSameOnBothEngines) {
  const RuleSetImpl& rules = test::project_rules();
  auto ph = [](const char* type) { return icu::UnicodeString(placeholder(type)); };
  std::vector<icu::UnicodeString> texts = {
      ph("District") + u"以" + ph("Industry") + u"、新能源汽车和生物医药为主导产业，全力打造三大产业集群。",
      ph("District") + u"重点发展智能装备、绿色食品等特色产业，" + ph("Industry") + u"产业加快发展。",
      ph("Subdistrict") + u"的" + ph("Community") + u"、明月村获评省级善治示范村，" + ph("Zone") +
          u"入选“全国示范园区”。",
      u"位于" + ph("District") + u"的城南智造产业园项目总投资35亿元，新落户企业12家。",
      u"甲乙社区和丙丁村先后被评为“" + ph("Honor") + u"”，争取获评全国文明城区。",
      ph("City") + u"印发《关于推进数字经济发展的实施意见》，实施“强链补链”工程。",
      u"今年1-9月，规上工业增加值同比增长8.4%，增速高于全市平均水平2.1个百分点。",
  };
  auto check = [&](const std::string& id, const RulePattern& fast) {
    auto icu_only = compile(fast.icu().pattern(), RulePattern::Engine::Icu);
    UErrorCode status = U_ZERO_ERROR;
    static const icu::UnicodeString empty;
    std::unique_ptr<icu::RegexMatcher> counter(fast.icu().matcher(empty, status));
    for (const auto& t : texts)
      EXPECT_EQ(matches(fast, t, counter->groupCount()), matches(*icu_only, t, counter->groupCount())) << id;
  };
  size_t on_pcre2 = 0;
  for (const auto& r : rules.entity_rules)
    check(r.id, *r.pattern.regex), on_pcre2 += r.pattern.regex->compiled_by_pcre2();
  for (const auto& r : rules.relation_rules)
    check(r.id, *r.pattern.regex), on_pcre2 += r.pattern.regex->compiled_by_pcre2();
  EXPECT_GT(on_pcre2, (rules.entity_rules.size() + rules.relation_rules.size()) / 2);  // most rules run on PCRE2
}

TEST(Pattern, TheFilterOfAPatternOnIcuRulesOutOnlyTextsWithoutAMatch) {
  // On ICU (a lookbehind of variable length), behind PCRE2 without the lookbehind.
  auto p = compile(u"(?<!争取[^,。]{0,4})获评(?<name>\\p{Han}{2,8})");
  auto icu_only = compile(u"(?<!争取[^,。]{0,4})获评(?<name>\\p{Han}{2,8})", RulePattern::Engine::Icu);
  for (const icu::UnicodeString& text : {u"甲村获评示范村。", u"乙村争取获评示范村。", u"丙村建成示范村。", u""})
    EXPECT_EQ(matches(*p, text, 1), matches(*icu_only, text, 1));
  // A lookbehind inside a negative assertion is no restriction to drop: without
  // it the filter would refuse 乙村, which the pattern matches.
  auto nested = compile(u"[甲乙丙]+(?!(?<=甲{1,2})村)");
  auto nested_icu = compile(u"[甲乙丙]+(?!(?<=甲{1,2})村)", RulePattern::Engine::Icu);
  EXPECT_EQ(matches(*nested, u"乙村", 0), (std::vector<std::vector<int32_t>>{{0, 1}}));
  EXPECT_EQ(matches(*nested, u"甲村乙村", 0), matches(*nested_icu, u"甲村乙村", 0));
}

TEST(Pattern, LookingAtAndMatchesAreIcusOnBothEngines) {
  for (auto engine : {RulePattern::Engine::Fastest, RulePattern::Engine::Icu}) {
    auto sep = compile(u"、|和|及", engine);
    icu::UnicodeString text(u"甲、乙和丙");
    UErrorCode status = U_ZERO_ERROR;
    EXPECT_TRUE(RuleMatch(*sep, text, 1, 2).matches(status));
    EXPECT_FALSE(RuleMatch(*sep, text, 1, 3).matches(status));    // 、乙: more than a separator
    EXPECT_TRUE(RuleMatch(*sep, text, 1, 3).looking_at(status));  // ... but it starts with one
    EXPECT_FALSE(RuleMatch(*sep, text, 0, 3).looking_at(status));
    EXPECT_TRUE(U_SUCCESS(status));
    auto count = compile(u"(?<n>[一二三四五六七八九十]+)大", engine);
    icu::UnicodeString listed(u"甲乙丙三大产业");
    RuleMatch c(*count, listed, 3);
    ASSERT_TRUE(c.looking_at(status));
    EXPECT_EQ(c.group(count->group_number(u"n"), status), icu::UnicodeString(u"三"));
  }
}

TEST(Pattern, ASpaceInASetIsASpaceOnBothEngines) {
  auto p = compile(u"甲[ ,]乙(?<![ ,]乙丙)");
  EXPECT_TRUE(p->compiled_by_pcre2());
  auto icu_only = compile(u"甲[ ,]乙(?<![ ,]乙丙)", RulePattern::Engine::Icu);
  for (const icu::UnicodeString& text : {u"甲 乙", u"甲,乙", u"甲乙", u"甲　乙"})
    EXPECT_EQ(matches(*p, text, 0), matches(*icu_only, text, 0)) << to_utf8(text);
  EXPECT_EQ(matches(*p, u"甲 乙", 0).size(), 1u);
}
