#include "analysis/containment.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/areas.hpp"
#include "base/text.hpp"
#include "document/ontology.hpp"

namespace doc2kg {
namespace {

std::vector<Fact> containers_in_names(const Document& doc) {
  std::vector<Fact> out;
  for (const Span& e : doc.entities)
    if (!e.container.empty())
      out.push_back({e.type, e.name, "locatedIn", e.container_type, e.container, doc.sentence_at(e.range.begin),
                     kNamePrefixRule, e.confidence});
  return out;
}

std::vector<Fact> infer_containment(const Document& doc, const RuleSetImpl& rules, const std::vector<Fact>& stated) {
  std::vector<Fact> out;
  std::set<std::pair<std::string, std::string>> located;  // (type, name) with a stated container
  for (const Fact& f : stated)
    if (f.relation == "locatedIn") located.insert({f.head_type, f.head});
  auto sentence_of = [&](int32_t pos) { return doc.sentence_at(pos); };
  // Named in an article about an area and nothing says otherwise: located in the
  // district the sentence is about (the nearest district named before it), else the area.
  std::string article_subdistrict;  // the 街道/镇 the article is about, if it is about one
  icu::UnicodeString title = from_utf8(doc.info.title);
  for (const Span& e : doc.entities)
    if (e.type == "Subdistrict" && !title.isEmpty() && title.indexOf(from_utf8(e.name)) >= 0) {
      article_subdistrict = e.name;
      break;
    }
  // Without a title that names one, a report of one 街道/镇 opens with it: the article's first sentence
  // names it before any district, and the article names no other 街道/镇 (本街道 reports, 万事镇 summaries).
  if (article_subdistrict.empty() && !doc.sentences.empty()) {
    std::set<std::string> subdistricts;
    for (const Span& e : doc.entities)
      if (e.type == "Subdistrict") subdistricts.insert(e.name);
    Range first = doc.sentences.front();
    for (const Span& e : doc.entities) {
      if (e.range.begin >= first.end || e.type == "District" || e.type == "City") break;
      if (e.type == "Subdistrict" && subdistricts.size() == 1) article_subdistrict = e.name;
    }
  }
  std::set<std::pair<std::string, std::string>> done;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Span& e = doc.entities[i];
    if (!has_type(rules.default_located_types, e.type) || located.count({e.type, e.name})) continue;
    if (!done.insert({e.type, e.name}).second) continue;
    Range sentence = sentence_of(e.range.begin);
    // A community or project after a 镇/街道 in its sentence is in that 镇/街道 (该镇目前已有A社区、B社区…).
    // In an article about one 街道/镇 (its title names it), that is the default instead of the district.
    bool in_subdistrict = has_type(rules.subdistrict_located_types, e.type);
    std::string container = doc.area, container_type = "District";
    if (in_subdistrict && !article_subdistrict.empty()) {
      container = article_subdistrict;
      container_type = "Subdistrict";
    }
    for (size_t j = i; j-- > 0 && doc.entities[j].range.begin >= sentence.begin;)
      if (doc.entities[j].type == "District" || (in_subdistrict && doc.entities[j].type == "Subdistrict")) {
        container = doc.entities[j].name;
        container_type = doc.entities[j].type;
        break;
      }
    if (!container.empty())
      out.push_back({e.type, e.name, "locatedIn", container_type, container, sentence, kDefaultRule, 0.8});
  }
  // District -> City -> Province from the division table, unless the text
  // places it; of several districts of one name (市中区), the one of the city
  // the article names (division_of).
  std::map<std::string, std::string> city_of_text;
  for (const Fact& f : stated)
    if (f.relation == "locatedIn" && f.head_type == "District" && f.tail_type == "City") city_of_text[f.head] = f.tail;
  std::set<std::pair<std::string, std::string>> emitted;
  std::map<std::pair<std::string, std::string>, const Division*> chosen_of;  // (type, name): searched once per name
  auto emit = [&](const Division& child, const Division& parent, Range evidence) {
    if (emitted.insert({child.name, parent.name}).second)
      out.push_back({child.type, child.name, "locatedIn", parent.type, parent.name, evidence, "divisions", 1.0});
  };
  for (const Span& e : doc.entities) {
    if (e.type != "District" && e.type != "City") continue;
    if (auto it = city_of_text.find(e.name); it != city_of_text.end()) {
      auto cities = rules.divisions.by_name(it->second);
      if (cities.empty()) continue;
      if (const Division* prov = rules.divisions.parent(*cities.front()))
        emit(*cities.front(), *prov, sentence_of(e.range.begin));
      continue;
    }
    auto [it, fresh] = chosen_of.emplace(std::make_pair(e.type, e.name), nullptr);
    if (fresh) it->second = division_of(doc, rules, e.name, e.type);
    const Division* chosen = it->second;
    if (!chosen) continue;
    Range evidence = sentence_of(e.range.begin);
    for (const Division* d = chosen; d; d = rules.divisions.parent(*d))
      if (const Division* p = rules.divisions.parent(*d)) emit(*d, *p, evidence);
  }
  // A 街道/镇/乡 that the table (subdistricts.tsv) places in one of the
  // districts the article names is located there (青岩镇 in 花溪区), whichever
  // district the sentence is about.
  std::set<std::string> districts_named, placed_by_table;
  for (const Span& e : doc.entities)
    if (e.type == "District") districts_named.insert(e.name);
  for (const Span& e : doc.entities) {
    if (e.type != "Subdistrict" || located.count({e.type, e.name}) || placed_by_table.count(e.name)) continue;
    std::set<std::string> in;
    for (const Division* d : rules.divisions.districts_of_subdistrict(from_utf8(e.name)))
      if (districts_named.count(d->name)) in.insert(d->name);
    if (in.size() != 1) continue;
    placed_by_table.insert(e.name);
    out.push_back(
        {e.type, e.name, "locatedIn", "District", *in.begin(), sentence_of(e.range.begin), "subdistricts", 1.0});
  }
  std::erase_if(out, [&](const Fact& f) {
    return f.rule == kDefaultRule && f.head_type == "Subdistrict" && placed_by_table.count(f.head);
  });
  return out;
}

}  // namespace

void containment::run(Document& doc, const RuleSetImpl& rules) {
  add_facts(doc.facts, containers_in_names(doc));
  add_facts(doc.facts, infer_containment(doc, rules, doc.facts));
}

}  // namespace doc2kg
