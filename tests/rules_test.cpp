#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "doc2kg/error.hpp"
#include "read/reader.hpp"
#include "rules/rule_set.hpp"
#include "test_support.hpp"

using namespace doc2kg;
namespace fs = std::filesystem;

namespace {

// A rules directory of the test's own, removed afterwards.
class RuleDir {
 public:
  RuleDir()
      : path_(fs::temp_directory_path() / ("doc2kg-rules-" + std::to_string(++counter_) + "-" +
                                           std::to_string(::testing::UnitTest::GetInstance()->random_seed()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~RuleDir() { fs::remove_all(path_); }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name) << text;
  }
  std::string path() const { return path_.string(); }
  std::string problems() const {
    std::string all;
    for (const auto& p : RuleSet::check(path())) all += p + "\n";
    return all;
  }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

bool project_rules_have(const std::string& id) { return test::project_rules().word_lists.count(id) > 0; }

}  // namespace

TEST(Rules, TheProjectRuleSetIsValid) {
  EXPECT_TRUE(RuleSet::check(DOC2KG_SOURCE_DIR "/rules").empty());
  auto loaded = RuleSet::load(DOC2KG_SOURCE_DIR "/rules");
  const RuleSetImpl* rules = &impl(*loaded);
  EXPECT_GT(rules->entity_rules.size(), 10u);
  EXPECT_GT(rules->relation_rules.size(), 10u);
  EXPECT_GT(rules->divisions.all().size(), 3000u);  // every province, city and county
}

TEST(Rules, MalformedJsonIsReportedWithLineAndColumn) {
  RuleDir d;
  d.write("a.json", "{\n  \"entity_rules\": [\n    {\"id\": \"x\",, }\n  ]\n}\n");
  EXPECT_NE(d.problems().find("a.json:3:16: invalid JSON"), std::string::npos) << d.problems();
}

TEST(Rules, BadRegexIsReportedWithItsPositionInThePatternAsWritten) {
  RuleDir d;
  d.write("a.json", R"({"entity_rules": [{"id": "bad", "type": "Zone", "pattern": "{District}园(区"}]})");
  std::string p = d.problems();
  EXPECT_NE(p.find("rule bad: bad regex"), std::string::npos) << p;
  EXPECT_NE(p.find("at pattern offset 13"), std::string::npos) << p;  // the end of the pattern as written
}

TEST(Rules, UnknownTypesRelationsAndFieldsAreReported) {
  RuleDir d;
  d.write("a.json", R"({"entity_rules": [{"id": "t", "type": "Town", "pattern": "镇"}],
    "relation_rules": [{"id": "r", "relation": "isNear", "pattern": "{Industry*}"},
                       {"id": "s", "relation": "awarded", "pattern": "{Honour*}", "colour": 1}]})");
  std::string p = d.problems();
  EXPECT_NE(p.find("rule t: unknown entity type \"Town\""), std::string::npos) << p;
  EXPECT_NE(p.find("rule r: unknown relation \"isNear\""), std::string::npos) << p;
  EXPECT_NE(p.find("rule s: unknown entity type \"Honour\""), std::string::npos) << p;
  EXPECT_NE(p.find("rule s: unknown field \"colour\""), std::string::npos) << p;
}

TEST(Rules, DuplicateIdsAreReported) {
  RuleDir d;
  d.write("a.json", R"({"entity_rules": [{"id": "same", "type": "Zone", "pattern": "园区"},
                                          {"id": "same", "type": "Zone", "pattern": "基地"}]})");
  EXPECT_NE(d.problems().find("rule same: duplicate id"), std::string::npos) << d.problems();
}

TEST(Rules, LoadThrowsTheRulesExitCode) {
  RuleDir d;
  d.write("a.json", "[1, 2");
  try {
    RuleSet::load(d.path());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Rules);
  }
}

TEST(Rules, AUserRuleSetWorksWithoutRecompiling) {
  RuleDir d;
  test::write_required_word_lists(d.path());
  d.write("lexicon.tsv", "# a user's own lexicon\n雪糕\n");
  d.write("a.json", R"({"lexicons": [{"id": "snacks", "kind": "entities", "type": "Industry", "file": "lexicon.tsv"}],
    "relation_rules": [{"id": "makes", "relation": "hasIndustry", "head_types": ["District"],
                        "pattern": "生产{Industry*}"}]})");
  ASSERT_EQ(d.problems(), "");
  auto loaded = RuleSet::load(d.path());
  const RuleSetImpl* rules = &impl(*loaded);
  EXPECT_EQ(rules->lexicon_entries.size(), 1u);
  EXPECT_EQ(rules->relation_rules.front().list_type, "Industry");
}

TEST(Rules, AWordListTheCodeNeedsIsRequiredByItsId) {
  // Every list C++ looks up by name: the reader's, names', areas', indicators'.
  std::vector<std::string> ids;
  for (const auto& r : required_word_lists()) ids.push_back(r.id);
  for (const char* id : {"generic", "trim_prefixes", "trim_suffixes", "name_breaks", "container_heads",
                         "header_author_labels", "date_year_marks", "page_furniture", "division_levels.City",
                         "period_year_marks", "quantity_tenths", "indicator_measures"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  for (const auto& id : reader_word_lists()) EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  // The project's rule set has them all; one without the reader's lists is reported, by id.
  for (const auto& id : ids) EXPECT_TRUE(project_rules_have(id)) << id;
  RuleDir d;
  d.write("a.json", R"({"lexicons": [{"id": "generic", "kind": "words", "file": "g.tsv"}]})");
  d.write("g.tsv", "产业\n");
  std::string p = d.problems();
  EXPECT_NE(p.find(": no word list \"header_author_labels\""), std::string::npos) << p;
  EXPECT_NE(p.find(": no word list \"date_year_marks\""), std::string::npos) << p;
  EXPECT_EQ(p.find(": no word list \"generic\""), std::string::npos) << p;
  EXPECT_THROW(RuleSet::load(d.path()), Error);
}

TEST(Rules, AWordListTheListSettingsNameMustExist) {
  RuleDir d;
  test::write_required_word_lists(d.path());
  d.write("a.json",
          "{\"list\": {\n  \"item_prefixes\": {\"Industry\": [\"no_such_leadins\"]},\n"
          "  \"item_suffixes\": {\"Industry\": \"no_such_suffixes\"}}}\n");
  std::string p = d.problems();
  EXPECT_NE(p.find("a.json:2:"), std::string::npos) << p;
  EXPECT_NE(p.find("list.item_prefixes.Industry: no word list \"no_such_leadins\""), std::string::npos) << p;
  EXPECT_NE(p.find("a.json:3:"), std::string::npos) << p;
  EXPECT_NE(p.find("list.item_suffixes.Industry: no word list \"no_such_suffixes\""), std::string::npos) << p;
}

TEST(Rules, SlotsBecomePlaceholderCharacters) {
  EXPECT_EQ(placeholder_type(placeholder("Zone")), "Zone");
  EXPECT_EQ(placeholder_type(u'区'), "");
}

TEST(Rules, ALexiconNameThePhraseCheckWouldCutIsReported) {
  // A name no rule could produce (it opens with a clause opener) is a problem of the rule set, at its line.
  RuleDir d;
  test::write_required_word_lists(d.path(), {{"name_openers", "加强\n"}});
  d.write("lexicon.tsv", "# industries\n数字经济\n加强数字经济\n");
  d.write("a.json", R"({"phrase": {"types": ["Industry"]},
    "lexicons": [{"id": "mine", "kind": "entities", "type": "Industry", "file": "lexicon.tsv"}]})");
  std::string problems = d.problems();
  EXPECT_NE(problems.find("lexicon.tsv:3:1: lexicon mine: \"加强数字经济\" opens with \"加强\""), std::string::npos)
      << problems;
  EXPECT_EQ(problems.find("\"数字经济\" opens"), std::string::npos) << problems;
}
