// One stage at a time: each stage runs on a Document built by hand, with
// only the fields its header says it reads, and writes what it says it writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/containment.hpp"
#include "analysis/pruning.hpp"
#include "analysis/relater.hpp"
#include "base/text.hpp"
#include "doc2kg/pipeline.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

namespace {

// A Document of one paragraph of `text`, cut into sentences after each 。, with no words.
Document hand_built(const std::string& text) {
  Document doc;
  doc.info.id = "hand.txt";
  doc.original = doc.text = from_utf8(text);
  doc.paragraphs.push_back({0, doc.text.length()});
  int32_t start = 0;
  for (int32_t i = 0; i < doc.text.length(); ++i)
    if (doc.text.charAt(i) == u'。') {
      doc.sentences.push_back({start, i + 1});
      start = i + 1;
    }
  return doc;
}

// Adds an entity of `type` where `written` first occurs at or after `from`.
void add_entity(Document& doc, const std::string& written, const std::string& type, int32_t from = 0) {
  int32_t at = doc.text.indexOf(from_utf8(written), from);
  ASSERT_GE(at, 0) << written;
  Span s{{at, at + from_utf8(written).length()}, type, written, "hand", 1.0};
  doc.entities.insert(std::upper_bound(doc.entities.begin(), doc.entities.end(), s,
                                       [](const Span& a, const Span& b) { return a.range.begin < b.range.begin; }),
                      s);
}

const Fact* find_fact(const Document& doc, const std::string& head, const std::string& relation,
                      const std::string& tail) {
  for (const Fact& f : doc.facts)
    if (f.head == head && f.relation == relation && f.tail == tail) return &f;
  return nullptr;
}

}  // namespace

TEST(Stages, ThePipelineIsTheOrderedListOfStages) {
  std::vector<std::string> names;
  for (const Stage& s : stages()) names.emplace_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"reader", "segmenter", "tokenizer", "recognizer", "resolver", "relater",
                                             "containment", "redundant_facts", "unused_entities", "indicators"}));
  // extract() is the stages run in order over a Document of the bytes.
  const std::string text = "江宁区以集成电路为主导产业。明月社区获评“全国示范社区”。2023年全区GDP增长5.2%。";
  Document by_stage;
  by_stage.input = text;
  by_stage.info.id = "a.txt";
  for (const Stage& s : stages()) s.run(by_stage, project_rules());
  Document whole = extract(text, "a.txt", project_rules());
  EXPECT_TRUE(by_stage.input.empty());  // the reader empties it
  EXPECT_EQ(by_stage.entities.size(), whole.entities.size());
  EXPECT_EQ(by_stage.facts.size(), whole.facts.size());
  EXPECT_EQ(by_stage.indicators.size(), whole.indicators.size());
  EXPECT_FALSE(whole.facts.empty());
}

TEST(Stages, RelaterStatesFactsBetweenEntitiesSetByHand) {
  Document doc = hand_built("江宁区以集成电路为主导产业。");
  add_entity(doc, "江宁区", "District");
  add_entity(doc, "集成电路", "Industry");
  doc.area = "江宁区";
  relater::run(doc, project_rules());
  const Fact* f = find_fact(doc, "江宁区", "leadingIndustry", "集成电路");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->head_type, "District");
  EXPECT_EQ(f->tail_type, "Industry");
  EXPECT_EQ(doc.quote(f->evidence), "江宁区以集成电路为主导产业。");
  EXPECT_EQ(doc.entities.size(), 2u);  // nothing new to name
}

TEST(Stages, RelaterKnowsANameThatAListIntroducedInOtherSentences) {
  // 车规芯片 is named as a new list item in the first sentence; the second
  // sentence's rule (聚焦 + known industries) reads it once it is marked there.
  Document doc = hand_built("江宁区重点发展车规芯片、功率器件等产业。江宁区将继续聚焦车规芯片。");
  add_entity(doc, "江宁区", "District");
  add_entity(doc, "江宁区", "District", doc.sentences[1].begin);
  doc.area = "江宁区";
  relater::run(doc, project_rules());
  bool marked = std::any_of(doc.entities.begin(), doc.entities.end(), [&](const Span& s) {
    return s.type == "Industry" && s.name == "车规芯片" && s.range.begin >= doc.sentences[1].begin;
  });
  EXPECT_TRUE(marked);
  bool from_second = std::any_of(doc.facts.begin(), doc.facts.end(), [&](const Fact& f) {
    return f.head == "江宁区" && f.tail == "车规芯片" && f.evidence.begin == doc.sentences[1].begin;
  });
  EXPECT_TRUE(from_second);
  EXPECT_NE(find_fact(doc, "江宁区", "hasIndustry", "功率器件"), nullptr);
  // Each fact once per sentence, though the first sentence is read twice.
  for (size_t i = 0; i < doc.facts.size(); ++i)
    for (size_t j = i + 1; j < doc.facts.size(); ++j)
      EXPECT_FALSE(doc.facts[i].head == doc.facts[j].head && doc.facts[i].relation == doc.facts[j].relation &&
                   doc.facts[i].tail == doc.facts[j].tail &&
                   doc.facts[i].evidence.begin == doc.facts[j].evidence.begin);
}

TEST(Stages, ContainmentPlacesWhatNoSentenceDoes) {
  Document doc = hand_built("江宁区推进改革。明月社区开展志愿服务。");
  add_entity(doc, "江宁区", "District");
  add_entity(doc, "明月社区", "Community");
  doc.area = "江宁区";
  containment::run(doc, project_rules());
  const Fact* f = find_fact(doc, "明月社区", "locatedIn", "江宁区");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "locatedIn.default");
  EXPECT_NE(find_fact(doc, "江宁区", "locatedIn", "南京市"), nullptr);  // the division table
  // A container the facts already state is kept, not defaulted.
  Document stated = hand_built("江宁区推进改革。明月社区开展志愿服务。");
  add_entity(stated, "江宁区", "District");
  add_entity(stated, "明月社区", "Community");
  stated.area = "江宁区";
  stated.facts.push_back(
      {"Community", "明月社区", "locatedIn", "Subdistrict", "秣陵街道", stated.sentences[1], "hand", 1.0});
  containment::run(stated, project_rules());
  EXPECT_EQ(find_fact(stated, "明月社区", "locatedIn", "江宁区"), nullptr);
}

TEST(Stages, RedundantFactsKeepTheMostSpecific) {
  Document doc = hand_built("甲。");
  Range s = doc.sentences[0];
  doc.facts = {{"District", "江宁区", "leadingIndustry", "Industry", "集成电路", s, "hand", 1.0},
               {"District", "江宁区", "hasIndustry", "Industry", "集成电路", s, "hand", 1.0},
               {"District", "江宁区", "hasIndustry", "Industry", "软件", s, "hand", 1.0},
               {"Project", "某项目", "locatedIn", "Subdistrict", "秣陵街道", s, "hand", 1.0},
               {"Project", "某项目", "locatedIn", "District", "江宁区", s, "hand", 1.0}};
  redundant_facts::run(doc, project_rules());
  EXPECT_NE(find_fact(doc, "江宁区", "leadingIndustry", "集成电路"), nullptr);
  EXPECT_EQ(find_fact(doc, "江宁区", "hasIndustry", "集成电路"), nullptr);
  EXPECT_NE(find_fact(doc, "江宁区", "hasIndustry", "软件"), nullptr);
  EXPECT_NE(find_fact(doc, "某项目", "locatedIn", "秣陵街道"), nullptr);
  EXPECT_EQ(find_fact(doc, "某项目", "locatedIn", "江宁区"), nullptr);
  EXPECT_EQ(doc.facts.size(), 3u);
}

TEST(Stages, UnusedEntitiesLeaveOutIndustriesNamedInPassing) {
  Document doc = hand_built("江宁区以集成电路为主导产业,软件也有发展。");
  add_entity(doc, "江宁区", "District");
  add_entity(doc, "集成电路", "Industry");
  add_entity(doc, "软件", "Industry");
  doc.facts.push_back({"District", "江宁区", "leadingIndustry", "Industry", "集成电路", doc.sentences[0], "hand", 1.0});
  unused_entities::run(doc, project_rules());
  std::vector<std::string> names;
  for (const Span& s : doc.entities) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"江宁区", "集成电路"}));
}
