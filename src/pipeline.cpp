// The composition root: which stages run in which order, which word lists
// they need from a rule set, and the public entry points over them
// (doc2kg/pipeline.hpp, doc2kg/rules.hpp's load and check). This is the one
// file that includes the stages' headers.
#include "doc2kg/pipeline.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "analysis/areas.hpp"
#include "analysis/containment.hpp"
#include "analysis/indicators.hpp"
#include "analysis/pruning.hpp"
#include "analysis/recognizer.hpp"
#include "analysis/relater.hpp"
#include "analysis/resolver.hpp"
#include "analysis/segmenter.hpp"
#include "analysis/tokenizer.hpp"
#include "base/profile.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "read/reader.hpp"
#include "stages.hpp"

namespace doc2kg {

namespace {

constexpr std::array<Stage, 10> kStages{{
    {"reader", reader::run},
    {"segmenter", segmenter::run},
    {"tokenizer", tokenizer::run},
    {"recognizer", recognizer::run},
    {"resolver", resolver::run},
    {"relater", relater::run},
    {"containment", containment::run},
    {"redundant_facts", redundant_facts::run},
    {"unused_entities", unused_entities::run},
    {"indicators", indicators::run},
}};

}  // namespace

std::span<const Stage> stages() { return kStages; }

std::vector<RequiredWordList> required_word_lists() {
  std::vector<RequiredWordList> out = {
      {"generic", "the recognizer, resolver and relater (names that are never entities on their own)"},
      {"trim_prefixes", "name boundaries (names.cpp)"},
      {"trim_suffixes", "name boundaries (names.cpp)"},
      {"name_breaks", "name boundaries (names.cpp)"},
      {"container_heads", "name boundaries (names.cpp)"},
      {"name_tails", "the recognizer (a zone that opens a project's name)"},
      {"name_openers", "the phrase check (phrase.hpp: words that open a clause, never a name)"},
  };
  for (const auto& id : division_level_lists())
    out.push_back({id, "the areas (the level an area reference speaks of)"});
  for (const auto& id : reader_word_lists()) out.push_back({id, "the reader (headers, dates, web pages)"});
  for (const auto& id : indicator_word_lists()) out.push_back({id, "the indicators (figures, quantities, periods)"});
  return out;
}

std::vector<std::string> RuleSet::check(const std::string& dir) {
  std::vector<std::string> problems;
  RuleSetImpl::load(dir, required_word_lists(), problems);
  return problems;
}

std::shared_ptr<const RuleSet> RuleSet::load(const std::string& dir) {
  std::vector<std::string> problems;
  auto rules = RuleSetImpl::load(dir, required_word_lists(), problems);
  if (!problems.empty()) {
    std::string message = "invalid rule set " + dir + ":";
    for (const auto& p : problems) message += "\n  " + p;
    throw Error(ErrorKind::Rules, message);
  }
  return rules;
}

Document extract(std::string_view bytes, const std::string& id, const RuleSet& rules) {
  Document doc;
  doc.input = bytes;
  doc.info.id = id;
  return extract(std::move(doc), rules);
}

// Runs the stages [begin, end) over `doc`, each timed when profiling.
static Document run_stages(Document doc, const RuleSet& rules, const Stage* begin, const Stage* end) {
  for (const Stage* stage = begin; stage != end; ++stage) {
    profile::Timer timer(profile::enabled() ? "stage " + std::string(stage->name) : std::string());
    stage->run(doc, impl(rules));
  }
  return doc;
}

Document extract(Document doc, const RuleSet& rules) {
  return run_stages(std::move(doc), rules, kStages.begin(), kStages.end());
}

Document extract_until(std::string_view bytes, const std::string& id, const RuleSet& rules, std::string_view last) {
  auto end = std::find_if(kStages.begin(), kStages.end(), [&](const Stage& s) { return s.name == last; });
  if (end == kStages.end()) throw Error(ErrorKind::Usage, "no stage \"" + std::string(last) + "\"");
  Document doc;
  doc.input = bytes;
  doc.info.id = id;
  return run_stages(std::move(doc), rules, kStages.begin(), end + 1);
}

const std::string& part_of_speech(const RuleSet& rules, uint16_t id) { return impl(rules).words.pos_name(id); }

}  // namespace doc2kg
