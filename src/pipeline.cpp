#include "doc2kg/pipeline.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "doc2kg/ontology.hpp"
#include "doc2kg/reader.hpp"
#include "doc2kg/references.hpp"
#include "doc2kg/recognizer.hpp"
#include "doc2kg/segmenter.hpp"
#include "doc2kg/text.hpp"
#include "doc2kg/words.hpp"

namespace doc2kg {

namespace {

// Adds the facts not already there (same fact, same sentence).
void add_unique(std::vector<Fact>& facts, std::vector<Fact> more) {
  auto key = [](const Fact& f) { return f.head_type + "\x1f" + f.head + "\x1f" + f.relation + "\x1f" + f.tail_type + "\x1f" + f.tail + "\x1f" + std::to_string(f.evidence.begin); };
  std::unordered_set<std::string> seen;
  for (const Fact& f : facts) seen.insert(key(f));
  for (auto& f : more)
    if (seen.insert(key(f)).second) facts.push_back(std::move(f));
}

}  // namespace

Extraction extract(std::string_view bytes, const std::string& id, const RuleSet& rules) {
  Extraction x{read_article(bytes, id), {}, {}};
  Document& doc = x.doc;
  segment_sentences(doc);
  tokenize(doc, rules);
  recognize_entities(doc, rules);
  mark_known_names(doc);
  resolve_area(doc, rules);
  resolve_references(doc, rules);
  // Twice: list rules name new industries that later sentences refer to by name.
  add_unique(x.facts, apply_relation_rules(doc, rules));
  mark_known_names(doc);
  add_unique(x.facts, apply_relation_rules(doc, rules));
  add_unique(x.facts, containers_in_names(doc));
  add_unique(x.facts, infer_containment(doc, rules, x.facts));
  // A fact stated with a sub-property (leadingIndustry) is not repeated with its super-property.
  std::set<std::tuple<std::string, std::string, std::string_view, std::string>> specific;
  for (const Fact& f : x.facts)
    if (auto super = super_property(f.relation); !super.empty()) specific.insert({f.head, f.tail, super, f.tail_type});
  std::erase_if(x.facts, [&](const Fact& f) { return specific.count({f.head, f.tail, f.relation, f.tail_type}) > 0; });
  // locatedIn names the most specific container stated (ONTOLOGY.md): 长安镇 over 海宁市.
  auto level = [](const std::string& type) { return type == "Subdistrict" || type == "Zone" ? 1 : type == "District" ? 2 : 3; };
  std::map<std::pair<std::string, std::string>, int> finest;
  for (const Fact& f : x.facts)
    if (f.relation == "locatedIn") {
      auto [it, fresh] = finest.try_emplace({f.head_type, f.head}, level(f.tail_type));
      if (!fresh) it->second = std::min(it->second, level(f.tail_type));
    }
  std::erase_if(x.facts, [&](const Fact& f) {
    return f.relation == "locatedIn" && level(f.tail_type) > finest[{f.head_type, f.head}];
  });
  std::set<std::pair<std::string, std::string>> used;
  for (const Fact& f : x.facts) {
    used.insert({f.head_type, f.head});
    used.insert({f.tail_type, f.tail});
  }
  // An industry word in passing is not an industry the area develops (rules: "related_only").
  const auto& related_only = rules.related_only_types;
  std::erase_if(doc.entities, [&](const Span& s) {
    return std::find(related_only.begin(), related_only.end(), s.type) != related_only.end() && !used.count({s.type, s.name});
  });
  x.indicators = extract_indicators(doc, rules);
  return x;
}

void add_to_graph(KnowledgeGraph& graph, const Extraction& x) {
  const Document& doc = x.doc;
  Vertex article = graph.node("Article", doc.info.id);
  auto& props = graph.graph()[article].properties;
  if (!doc.info.title.empty()) props["title"] = doc.info.title;
  if (!doc.info.date.empty()) props["date"] = doc.info.date;
  if (!doc.info.author.empty()) props["author"] = doc.info.author;
  if (!doc.info.source.empty()) props["source"] = doc.info.source;
  auto sentence_of = [&](Range r) {
    Range s = doc.sentence_at(r.begin);
    return s.begin == s.end ? r : s;
  };
  auto evidence = [&](Range r, const std::string& rule, double confidence) {
    return Evidence{doc.info.id, doc.quote(r), doc.code_point_offset(r.begin), doc.code_point_offset(r.end), rule, confidence};
  };
  std::set<Vertex> mentioned;
  for (const Span& s : doc.entities) {
    Vertex v = graph.node(s.type, s.name);
    std::string written = canonical_name(doc.original.tempSubStringBetween(s.range.begin, s.range.end));
    if (written != s.name && s.name.rfind(written, 0) == 0) graph.add_alias(v, written);  // 槐荫 for 槐荫区
    if (mentioned.insert(v).second) graph.relate(article, "mentions", v, evidence(sentence_of(s.range), s.rule, s.confidence));
  }
  for (const Fact& f : x.facts) {
    Vertex head = graph.node(f.head_type, f.head), tail = graph.node(f.tail_type, f.tail);
    graph.relate(head, f.relation, tail, evidence(f.evidence, f.rule, f.confidence));
  }
  for (const IndicatorFact& f : x.indicators) {
    Vertex subject = graph.node(f.subject_type, f.subject);
    Vertex indicator = graph.node("Indicator", f.name, f.key());
    NodeData& n = graph.graph()[indicator];
    n.value = f.value;
    n.properties["unit"] = f.unit;
    if (!f.measure.empty()) n.properties["measure"] = f.measure;
    if (!f.period.empty()) n.properties["period"] = f.period;
    if (!f.qualifier.empty()) n.properties["qualifier"] = f.qualifier;
    graph.relate(subject, "hasIndicator", indicator, evidence(f.evidence, f.rule, 1.0));
    // A project's 总投资 is also its investment.
    if (f.subject_type == "Project" && f.unit == "CNY" && f.name.find("总投资") != std::string::npos)
      graph.graph()[subject].numbers["investment"] = f.value;
  }
}

}  // namespace doc2kg
