#include "doc2kg/relater.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

#include "doc2kg/annotated_sentence.hpp"
#include "doc2kg/recognizer.hpp"
#include "doc2kg/text.hpp"

namespace doc2kg {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

struct Endpoint {
  std::string type, name;
};

class RuleMatcher {
 public:
  RuleMatcher(const Document& doc, std::vector<Span>& spans, const RuleSet& rules, const RelationRule& rule,
              const AnnotatedSentence& a)
      : doc_(doc), spans_(spans), rules_(rules), rule_(rule), a_(a) {}

  void run(std::vector<Fact>& out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(rule_.pattern.regex->matcher(a_.text, status));
    m->setTimeLimit(kMatchTimeLimit, status);
    while (m->find(status) && U_SUCCESS(status)) {
      if (std::getenv("DOC2KG_TRACE")) {
        Range r = a_.to_text(m->start(status), m->end(status));
        std::cerr << "trace " << rule_.id << ": " << doc_.quote(r) << "\n";
      }
      std::vector<Endpoint> tails = rule_.tail == "list" ? list_items(*m) : group_entities(*m, rule_.tail);
      if (tails.empty()) continue;
      auto head = find_head(*m);
      if (!head) continue;
      std::string relation = rule_.relation;
      if (relation[0] == '@') {
        icu::UnicodeString word = group_text(*m, relation.substr(1));
        auto it = rules_.roles.find(word);
        relation = it == rules_.roles.end() ? "hasIndustry" : it->second;
      }
      for (const auto& t : tails)
        if (!(t.type == head->type && t.name == head->name))
          out.push_back({head->type, head->name, relation, t.type, t.name, a_.sentence, rule_.id, rule_.confidence});
    }
    check_match_time(status, rule_.id, doc_.info.id);
  }

 private:
  int32_t group(const icu::RegexMatcher& m, const std::string& name, bool end) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = rule_.pattern.regex->groupNumberFromName(from_utf8(name), status);
    if (U_FAILURE(status) || n < 0) return -1;
    return end ? m.end(n, status) : m.start(n, status);
  }

  icu::UnicodeString group_text(const icu::RegexMatcher& m, const std::string& name) {
    int32_t b = group(m, name, false), e = group(m, name, true);
    if (b < 0 || e <= b) return {};
    Range r = a_.to_text(b, e);
    return doc_.text.tempSubStringBetween(r.begin, r.end);
  }

  Endpoint endpoint(int unit) const {
    const Span& s = a_.spans[a_.entity[unit]];
    return {s.type, s.name};
  }

  std::vector<Endpoint> group_entities(const icu::RegexMatcher& m, const std::string& name) {
    std::vector<Endpoint> out;
    int32_t b = group(m, name, false), e = group(m, name, true);
    for (int32_t i = std::max(b, 0); i < e; ++i)
      if (a_.entity[i] >= 0 && (rule_.tail_types.empty() || contains(rule_.tail_types, endpoint(i).type)))
        out.push_back(endpoint(i));
    return out;
  }

  // The items of a list slot, split at the separators: a lone entity is an
  // item as it is; with {T+}, an item with text in it becomes a new entity of
  // the slot's type (covering any shorter entity inside: 智能制造 in 智能制造装备).
  std::vector<Endpoint> list_items(const icu::RegexMatcher& m) {
    std::vector<Endpoint> out;
    int32_t b = group(m, "list", false), e = group(m, "list", true);
    if (b < 0) return out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> sep(rules_.list_separator->matcher(a_.text, status));
    sep->region(b, e, status);
    int32_t start = b;
    while (sep->find(status) && U_SUCCESS(status)) {
      take_item(start, sep->start(status), out);
      start = sep->end(status);
    }
    take_item(start, e, out);
    return out;
  }

  void take_item(int32_t b, int32_t e, std::vector<Endpoint>& out) {
    bool all_entities = b < e;
    for (int32_t i = b; i < e; ++i) all_entities = all_entities && a_.entity[i] >= 0;
    if (all_entities) {  // 获评“A”“B”: adjacent entities are items each
      for (int32_t i = b; i < e; ++i)
        if (endpoint(i).type == rule_.list_type) out.push_back(endpoint(i));
      return;
    }
    if (!rule_.list_allows_new || b >= e) return;
    Range item = trim_name(doc_, rules_, a_.to_text(b, e), true);
    if (item.end - item.begin < 2) return;
    std::string name = canonical_name(doc_.text.tempSubStringBetween(item.begin, item.end));
    if (from_utf8(name).length() < 2 || rules_.in_list("generic", from_utf8(name))) return;
    add_span(spans_, {item, rule_.list_type, name, rule_.id, rule_.confidence});
    out.push_back({rule_.list_type, name});
  }

  std::optional<Endpoint> find_head(const icu::RegexMatcher& m) {
    UErrorCode status = U_ZERO_ERROR;
    if (rule_.head == "area")
      return doc_.area.empty() ? std::nullopt : std::optional<Endpoint>({"District", doc_.area});
    if (rule_.head != "subject") {
      auto found = group_entities(m, rule_.head);
      for (const auto& f : found)
        if (rule_.head_types.empty() || contains(rule_.head_types, f.type)) return f;
      return std::nullopt;
    }
    // The subject: the nearest entity of a subject type before the match, else
    // one inside it before the list, else the article's area.
    int32_t start = m.start(status);
    for (int32_t i = start - 1; i >= 0; --i) {
      if (a_.text.charAt(i) == u';') break;  // parallel clauses each have their own subject
      if (a_.entity[i] < 0) continue;
      Endpoint p = endpoint(i);
      if (!contains(rule_.subject_types, p.type)) continue;
      if (contains(rule_.head_types, p.type)) return p;
      return std::nullopt;  // the clause is about something that cannot head this relation
    }
    int32_t list_start = group(m, "list", false);
    for (int32_t i = start; i < (list_start < 0 ? m.end(status) : list_start); ++i)
      if (a_.entity[i] >= 0 && contains(rule_.head_types, endpoint(i).type)) return endpoint(i);
    for (int32_t i = start; i < m.end(status); ++i)  // 光伏…是本市的两大优势产业
      if (a_.entity[i] >= 0 && contains(rule_.head_types, endpoint(i).type) && endpoint(i).name == doc_.area)
        return endpoint(i);
    if (doc_.area.empty() || !contains(rule_.head_types, "District")) return std::nullopt;
    return Endpoint{"District", doc_.area};
  }

  const Document& doc_;
  std::vector<Span>& spans_;  // the sentence's entities: new list items go here
  const RuleSet& rules_;
  const RelationRule& rule_;
  const AnnotatedSentence& a_;
};

bool triggered(const CompiledPattern& p, const icu::UnicodeString& sentence) {
  if (p.triggers.empty()) return true;
  return std::any_of(p.triggers.begin(), p.triggers.end(), [&](const auto& t) { return sentence.indexOf(t) >= 0; });
}

}  // namespace

std::vector<Fact> apply_relation_rules(Document& doc, const RuleSet& rules) {
  std::vector<Fact> facts;
  // Each sentence works on its own entities (new list items land there), and
  // the document's list is rebuilt once: no insertion into a long vector per item.
  std::vector<Span> rebuilt;
  rebuilt.reserve(doc.entities.size());
  auto next = doc.entities.begin();
  for (const Range& s : doc.sentences) {
    for (; next != doc.entities.end() && next->range.begin < s.begin; ++next) rebuilt.push_back(std::move(*next));
    std::vector<Span> local;
    for (; next != doc.entities.end() && next->range.begin < s.end; ++next) local.push_back(std::move(*next));
    icu::UnicodeString sentence_text = doc.text.tempSubStringBetween(s.begin, s.end);
    for (const RelationRule& rule : rules.relation_rules) {
      if (!triggered(rule.pattern, sentence_text)) continue;
      AnnotatedSentence a = annotate(doc, s, local);  // again per rule: {T+} lists may have added entities
      RuleMatcher(doc, local, rules, rule, a).run(facts);
    }
    for (auto& span : local) rebuilt.push_back(std::move(span));
  }
  for (; next != doc.entities.end(); ++next) rebuilt.push_back(std::move(*next));
  doc.entities = std::move(rebuilt);
  return facts;
}

std::vector<Fact> infer_containment(const Document& doc, const RuleSet& rules, const std::vector<Fact>& stated) {
  std::vector<Fact> out;
  std::set<std::pair<std::string, std::string>> located;  // (type, name) with a stated container
  for (const Fact& f : stated)
    if (f.relation == "locatedIn") located.insert({f.head_type, f.head});
  auto sentence_of = [&](int32_t pos) { return doc.sentence_at(pos); };
  // Named in an article about an area and nothing says otherwise: located in the
  // district the sentence is about (the nearest district named before it), else the area.
  std::set<std::pair<std::string, std::string>> done;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Span& e = doc.entities[i];
    if (!contains(rules.default_located_types, e.type) || located.count({e.type, e.name})) continue;
    if (!done.insert({e.type, e.name}).second) continue;
    Range sentence = sentence_of(e.range.begin);
    std::string container = doc.area;
    for (size_t j = i; j-- > 0 && doc.entities[j].range.begin >= sentence.begin;)
      if (doc.entities[j].type == "District") {
        container = doc.entities[j].name;
        break;
      }
    if (!container.empty()) out.push_back({e.type, e.name, "locatedIn", "District", container, sentence, "locatedIn.default", 0.8});
  }
  // District -> City -> Province from the division table, unless the text places it.
  std::map<std::string, std::string> city_of_text;
  for (const Fact& f : stated)
    if (f.relation == "locatedIn" && f.head_type == "District" && f.tail_type == "City") city_of_text[f.head] = f.tail;
  std::set<std::string> cities_named;
  for (const Span& e : doc.entities)
    if (e.type == "City") cities_named.insert(e.name);
  std::set<std::pair<std::string, std::string>> emitted;
  std::map<std::string, bool> written_cache;  // city name -> written in the article (searched once)
  auto emit = [&](const Division& child, const Division& parent, Range evidence) {
    if (emitted.insert({child.name, parent.name}).second)
      out.push_back({child.type, child.name, "locatedIn", parent.type, parent.name, evidence, "divisions", 1.0});
  };
  for (const Span& e : doc.entities) {
    if (e.type != "District" && e.type != "City") continue;
    auto candidates = rules.divisions.by_name(e.name);
    const Division* chosen = nullptr;
    for (const Division* d : candidates) {  // 市中区: the one whose city the article names
      const Division* p = rules.divisions.parent(*d);
      if (p && cities_named.count(p->name)) chosen = chosen ? chosen : d;
    }
    // else the one whose city the text writes anywhere, as in its source (福州晚报)
    // or dateline (本报济南讯), even where no entity was made of it.
    auto written = [&](const std::string& name) {
      if (name.empty()) return false;
      auto [it, fresh] = written_cache.emplace(name, false);
      if (fresh) it->second = doc.text.indexOf(from_utf8(name)) >= 0 || doc.info.source.find(name) != std::string::npos;
      return it->second;
    };
    for (const Division* d : candidates) {
      const Division* p = rules.divisions.parent(*d);
      if (chosen || !p || candidates.size() < 2) break;
      if (written(p->name) || written(p->alias)) chosen = d;
    }
    if (!chosen && !candidates.empty()) chosen = candidates.front();
    if (auto it = city_of_text.find(e.name); it != city_of_text.end()) {
      auto cities = rules.divisions.by_name(it->second);
      if (cities.empty()) continue;
      chosen = nullptr;
      if (const Division* prov = rules.divisions.parent(*cities.front())) emit(*cities.front(), *prov, sentence_of(e.range.begin));
      continue;
    }
    if (!chosen || chosen->type != e.type) continue;
    Range evidence = sentence_of(e.range.begin);
    for (const Division* d = chosen; d; d = rules.divisions.parent(*d))
      if (const Division* p = rules.divisions.parent(*d)) emit(*d, *p, evidence);
  }
  return out;
}

}  // namespace doc2kg
