// A Document's facts as graph elements (graph.hpp, add_to_graph): the Article
// node with its header fields, one node per entity with its written form as
// an alias, a `mentions` edge per entity, an edge per fact and an Indicator
// node per figure — each with the sentence that states it as evidence.
#include <set>

#include "base/text.hpp"
#include "doc2kg/graph.hpp"

namespace doc2kg {

void add_to_graph(KnowledgeGraph& graph, const Document& doc) {
  Vertex article = graph.node("Article", doc.info.id);
  auto& props = graph.graph()[article].properties;
  if (!doc.info.title.empty()) props["title"] = doc.info.title;
  if (!doc.info.date.empty()) props["date"] = doc.info.date;
  if (!doc.info.author.empty()) props["author"] = doc.info.author;
  if (!doc.info.source.empty()) props["source"] = doc.info.source;
  auto sentence_of = [&](Range r) {
    Range s = doc.sentence_at(r.begin);
    // Outside every sentence (a header field), the range itself is the evidence.
    return s.begin == s.end ? r : s;
  };
  auto evidence = [&](Range r, const std::string& rule, double confidence) {
    return Evidence{doc.info.id, doc.quote(r), doc.code_point_offset(r.begin), doc.code_point_offset(r.end),
                    rule,        confidence};
  };
  std::set<Vertex> mentioned;
  for (const Span& s : doc.entities) {
    Vertex v = graph.node(s.type, s.name);
    // The name as matched (Simplified, width-folded) and as written: 槐荫 is an alias of 槐荫区 (a short
    // form), and a name written in Traditional (槐蔭區, 槐蔭) has its written form as an alias too
    // (ONTOLOGY.md: canonical names are Simplified, the written form an alias).
    icu::UnicodeString original = doc.original.tempSubStringBetween(s.range.begin, s.range.end);
    std::string matched = canonical_name(doc.text.tempSubStringBetween(s.range.begin, s.range.end));
    std::string written = canonical_name(original);
    bool names_it = s.name.rfind(matched, 0) == 0;  // not a reference (全区, 该镇)
    if (matched != s.name && names_it) graph.add_alias(v, matched);  // 槐荫 for 槐荫区
    if (names_it && canonical_name(fold_width(original)) != matched) graph.add_alias(v, written);  // 槐蔭區, 槐蔭
    // One `mentions` edge per entity however often it is named: the first mention's sentence.
    if (mentioned.insert(v).second)
      graph.relate(article, "mentions", v, evidence(sentence_of(s.range), s.rule, s.confidence));
  }
  for (const Fact& f : doc.facts) {
    Vertex head = graph.node(f.head_type, f.head), tail = graph.node(f.tail_type, f.tail);
    graph.relate(head, f.relation, tail, evidence(f.evidence, f.rule, f.confidence));
  }
  for (const IndicatorFact& f : doc.indicators) {
    Vertex subject = graph.node(f.subject_type, f.subject);
    Vertex indicator = graph.node("Indicator", f.name, f.key());
    NodeData& n = graph.graph()[indicator];
    n.value = f.value;
    n.properties["unit"] = f.unit;
    if (!f.measure.empty()) n.properties["measure"] = f.measure;
    if (!f.period.empty()) n.properties["period"] = f.period;
    if (!f.qualifier.empty()) n.properties["qualifier"] = f.qualifier;
    graph.relate(subject, "hasIndicator", indicator, evidence(f.evidence, f.rule, 1.0));
    if (f.investment) graph.graph()[subject].numbers["investment"] = f.value;  // a project's 总投资
  }
}

}  // namespace doc2kg
