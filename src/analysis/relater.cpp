#include "analysis/relater.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "analysis/annotated_sentence.hpp"
#include "analysis/areas.hpp"
#include "analysis/mentions.hpp"
#include "analysis/names.hpp"
#include "analysis/phrase.hpp"
#include "analysis/quantity.hpp"
#include "base/profile.hpp"
#include "base/text.hpp"
#include "document/ontology.hpp"

namespace doc2kg {
namespace {

// How far back (UTF-16 units) a reference looks for the entity it names (named_last).
constexpr int32_t kReach = 200;

struct Endpoint {
  std::string type, name;
};

class RuleMatcher {
 public:
  RuleMatcher(const Document& doc, std::vector<Span>& spans, const RuleSetImpl& rules, const RelationRule& rule,
              const AnnotatedSentence& a, const std::vector<Span>& earlier, std::vector<Range>& claimed)
      : doc_(doc), spans_(spans), rules_(rules), rule_(rule), a_(a), earlier_(earlier), claimed_(claimed) {}

  // True once run() has added a list item to the sentence's entities: the
  // annotated sentence the next rule sees must be made again.
  bool added_entities() const { return added_; }

  void run(std::vector<Fact>& out) {
    profile::Timer timer(profile::enabled() ? "rule " + rule_.id : std::string());
    UErrorCode status = U_ZERO_ERROR;
    RuleMatch m(*rule_.pattern.regex, a_.text);
    while (m.find(status) && U_SUCCESS(status)) {
      if (profile::tracing()) {
        Range r = a_.to_text(m.start(status), m.end(status));
        std::cerr << "trace " << rule_.id << ": " << doc_.quote(r) << "\n";
      }
      // A list that names new items is read once: by the first (most specific) rule
      // that reads it; a later, more general rule does not read it again differently.
      Range list_range{-1, -1};
      if (rule_.tail == "list" && rule_.list_allows_new) {
        int32_t lb = group(m, "list", false), le = group(m, "list", true);
        if (lb >= 0 && le > lb) list_range = a_.to_text(lb, le);
        bool taken = std::any_of(claimed_.begin(), claimed_.end(),
                                 [&](const Range& c) { return c.begin < list_range.end && list_range.begin < c.end; });
        if (taken) continue;
      }
      std::vector<Endpoint> tails = rule_.tail == "list" ? list_items(m) : group_entities(m, rule_.tail);
      if (tails.empty()) continue;
      if (list_range.begin >= 0) claimed_.push_back(list_range);
      std::vector<Endpoint> heads = find_head(m, tails);
      if (heads.empty()) continue;
      std::string relation = rule_.relation;
      if (relation[0] == '@') {
        icu::UnicodeString word = group_text(m, relation.substr(1));
        auto it = rules_.roles.find(word);
        relation = it == rules_.roles.end() ? "hasIndustry" : it->second;
      }
      for (const auto& head : heads)
        for (const auto& t : tails)
          if (!(t.type == head.type && t.name == head.name))
            out.push_back({head.type, head.name, relation, t.type, t.name, a_.sentence, rule_.id, rule_.confidence});
    }
    check_match_time(status, rule_.id, doc_.info.id);
  }

 private:
  int32_t group(const RuleMatch& m, const std::string& name, bool end) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = rule_.pattern.regex->group_number(from_utf8(name));
    if (n < 0) return -1;
    return end ? m.end(n, status) : m.start(n, status);
  }

  icu::UnicodeString group_text(const RuleMatch& m, const std::string& name) {
    int32_t b = group(m, name, false), e = group(m, name, true);
    if (b < 0 || e <= b) return {};
    Range r = a_.to_text(b, e);
    return doc_.text.tempSubStringBetween(r.begin, r.end);
  }

  Endpoint endpoint(int unit) const {
    const Span& s = a_.spans[a_.entity[unit]];
    return {s.type, s.name};
  }

  std::vector<Endpoint> group_entities(const RuleMatch& m, const std::string& name) {
    std::vector<Endpoint> out;
    int32_t b = group(m, name, false), e = group(m, name, true);
    for (int32_t i = std::max(b, 0); i < e; ++i)
      if (a_.entity[i] >= 0 && (rule_.tail_types.empty() || has_type(rule_.tail_types, endpoint(i).type)))
        out.push_back(endpoint(i));
    return out;
  }

  // The items of a list slot, split at the separators: a lone entity is an
  // item as it is; with {T+}, an item with text in it becomes a new entity of
  // the slot's type (covering any shorter entity inside: 智能制造 in 智能制造装备).
  // The items of a list slot. The list is cut at every separator; parts joined
  // by a joiner (及, 与: 汽车及零部件) stay one item, except that a joiner ends
  // the list as its last conjunction (A、B及C), or where a stated count (三大)
  // needs every part.
  std::vector<Endpoint> list_items(const RuleMatch& m) {
    std::vector<Endpoint> out;
    int32_t b = group(m, "list", false), e = group(m, "list", true);
    if (b < 0) return out;
    struct Part {
      int32_t begin, end;
      bool joined;  // joined to the next part by a joiner
    };
    std::vector<Part> parts;
    UErrorCode status = U_ZERO_ERROR;
    RuleMatch sep(*rules_.list_separator, a_.text, b, e);
    int32_t start = b;
    while (sep.find(status) && U_SUCCESS(status)) {
      parts.push_back({start, sep.start(status), is_joiner(sep.start(status), sep.end(status))});
      start = sep.end(status);
    }
    parts.push_back({start, e, false});
    std::vector<std::vector<Part>> groups(1);
    for (const Part& p : parts) {
      groups.back().push_back(p);
      if (!p.joined) groups.emplace_back();
    }
    groups.pop_back();
    int count = stated_count(e);
    bool split_all =
        count > 0 && static_cast<size_t>(count) == parts.size() && count != static_cast<int>(groups.size());
    bool split_last = count > 0 ? split_all : groups.size() >= 2;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (split_all || (split_last && g + 1 == groups.size()) || !rule_.list_allows_new) {
        for (const Part& p : groups[g]) take_item(p.begin, p.end, out);
      } else {
        take_item(groups[g].front().begin, groups[g].back().end, out);
      }
    }
    return out;
  }

  bool is_joiner(int32_t begin, int32_t end) {
    if (!rules_.list_joiner) return false;
    UErrorCode status = U_ZERO_ERROR;
    return RuleMatch(*rules_.list_joiner, a_.text, begin, end).matches(status) && U_SUCCESS(status);
  }

  // The count a list states right after it (三大, 两个), or 0.
  int stated_count(int32_t list_end) {
    if (!rules_.list_count) return 0;
    UErrorCode status = U_ZERO_ERROR;
    RuleMatch c(*rules_.list_count, a_.text, list_end);
    if (!c.looking_at(status) || U_FAILURE(status)) return 0;
    int32_t g = rules_.list_count->group_number(u"n");
    if (g < 0) return 0;
    icu::UnicodeString n = c.group(g, status);
    if (U_FAILURE(status) || n.isEmpty()) return 0;
    auto v = parse_chinese_numeral(n);
    return v ? static_cast<int>(*v) : 0;
  }

  void take_item(int32_t b, int32_t e, std::vector<Endpoint>& out) {
    bool all_entities = b < e;
    for (int32_t i = b; i < e; ++i) all_entities = all_entities && a_.entity[i] >= 0;
    // 获评“A”“B”: adjacent known entities are items each; in a list that names new
    // items, adjacent entities are one name (稀土 + 新材料: 稀土新材料).
    if (all_entities && (!rule_.list_allows_new || e - b == 1)) {
      for (int32_t i = b; i < e; ++i)
        if (endpoint(i).type == rule_.list_type) out.push_back(endpoint(i));
      return;
    }
    if (!rule_.list_allows_new || b >= e) return;
    auto prefixes = rules_.list_item_prefixes.find(rule_.list_type);
    Range item = trim_name(doc_, rules_, a_.to_text(b, e), true,
                           prefixes == rules_.list_item_prefixes.end() ? std::vector<std::string>{} : prefixes->second);
    item = noun_phrase(doc_, rules_, trim_trailing_words(item), rule_.list_type);  // 瞄准|新材料; no 提振
    if (item.end - item.begin < 2) return;
    std::string name = canonical_name(doc_.text.tempSubStringBetween(item.begin, item.end));
    if (from_utf8(name).length() < 2 || rules_.in_list("generic", from_utf8(name))) return;
    if (!rule_.item_suffixes.empty() && !ends_with_word(from_utf8(name), rule_.item_suffixes)) return;
    if (const Word* w = doc_.word_at(item.begin); w && w->range.begin == item.begin) {
      const std::string& pos = rules_.words.pos_name(w->pos);
      if (rules_.item_not_initial.count(pos))
        return;  // a pronoun, preposition, adverb or particle does not start a name
    }
    if (auto reject = rules_.list_item_reject.find(rule_.list_type); reject != rules_.list_item_reject.end()) {
      UErrorCode rs = U_ZERO_ERROR;
      icu::UnicodeString text = from_utf8(name);
      if (RuleMatch(*reject->second, text).find(rs) && U_SUCCESS(rs)) return;
    }
    if (add_span(spans_, {item, rule_.list_type, name, rule_.id, rule_.confidence})) added_ = true;
    out.push_back({rule_.list_type, name});
  }

  // Drops words that cannot end a name from the end of an item (金属镁|做成,
  // 氢能|则|被|确定): verbs, prepositions, adverbs, conjunctions, particles,
  // unless the word is a known ending of names of the type (种植, 加工).
  Range trim_trailing_words(Range item) const {
    auto keep = rules_.list_item_suffixes.find(rule_.list_type);
    while (item.end - item.begin > 2) {
      const Word* w = doc_.word_at(item.end - 1);
      if (!w || w->range.end != item.end || w->range.begin <= item.begin) break;
      const std::string& pos = rules_.words.pos_name(w->pos);
      if (!rules_.item_not_final.count(pos)) break;
      // A verb ends a name (量子|计算) unless a function word comes before it (氢能|则|被|确定).
      if (pos == "v") {
        const Word* before = doc_.word_at(w->range.begin - 1);
        if (!before || before->range.begin < item.begin ||
            !rules_.item_not_initial.count(rules_.words.pos_name(before->pos)))
          break;
      }
      if (keep != rules_.list_item_suffixes.end() &&
          ends_with_word(doc_.text.tempSubStringBetween(item.begin, item.end), keep->second))
        break;
      item.end = w->range.begin;
    }
    return item;
  }

  // `name` ends with a word of `list` that is not all of it (康养 in 文旅康养).
  bool ends_with_word(const icu::UnicodeString& name, const std::string& list) const {
    return longest_affix(rules_, list, name, true, name.length() - 1) > 0;
  }

  // The heads of a match. A named group: its first entity of a head type.
  // "subject": the nearest entity of a subject type before the match in its
  // sentence (not crossing a ';'), with the entities of its type listed just
  // before it (春晖社区、秋实社区获评…); a reference (该社区) is the entity the
  // resolver made it. With no subject before the match, an entity of a head type inside it
  // before the list serves, else the holder its tails' names call for (word
  // lists "holder_heads.<TailType>.<Type>": a 村 title goes to the village named
  // last, a 县 title to the article's district; a title with no such head, as
  // 村里的工坊被命名为“…非遗工坊”, to nobody), else the article's district.
  std::vector<Endpoint> find_head(const RuleMatch& m, const std::vector<Endpoint>& tails) {
    UErrorCode status = U_ZERO_ERROR;
    if (rule_.head == "area") {
      if (doc_.area.empty()) return {};
      return {{"District", doc_.area}};
    }
    if (rule_.head != "subject") {
      for (const auto& f : group_entities(m, rule_.head))
        if (rule_.head_types.empty() || has_type(rule_.head_types, f.type)) return {f};
      return {};
    }
    int32_t start = m.start(status);
    for (int32_t i = start - 1; i >= 0; --i) {
      if (a_.text.charAt(i) == u';') break;  // parallel clauses each have their own subject
      if (a_.entity[i] < 0) continue;
      Endpoint p = endpoint(i);
      if (!has_type(rule_.subject_types, p.type)) continue;
      if (!has_type(rule_.head_types, p.type)) return {};
      // A district does not hold a village's or a town's title: the holder is a place
      // not recognised after it (长兴镇 with only 长兴 known; 全区有12个村获评…示范村).
      if (p.type == "District")
        for (const auto& t : tails)
          if (std::string h = holder_type(t); h == "Community" || h == "Subdistrict") return {};
      return listed_before(i);
    }
    int32_t list_start = group(m, "list", false);
    for (int32_t i = start; i < (list_start < 0 ? m.end(status) : list_start); ++i)
      if (a_.entity[i] >= 0 && has_type(rule_.head_types, endpoint(i).type)) return {endpoint(i)};
    for (int32_t i = start; i < m.end(status); ++i)  // 光伏…是本市的两大优势产业
      if (a_.entity[i] >= 0 && has_type(rule_.head_types, endpoint(i).type) && endpoint(i).name == doc_.area)
        return {endpoint(i)};
    if (auto holder = holder_by_heads(tails, start)) {
      if (holder->empty()) return {};
      if ((*holder)[0].type != "District" || !doc_.area.empty()) return *holder;
    }
    if (doc_.area.empty() || !has_type(rule_.head_types, "District")) return {};
    return {Endpoint{"District", doc_.area}};
  }

  // The entity at unit `i` and those of its type listed right before it (A、B和C).
  std::vector<Endpoint> listed_before(int32_t i) {
    std::vector<Endpoint> out{endpoint(i)};
    UErrorCode status = U_ZERO_ERROR;
    for (int32_t k = i;;) {
      int32_t j = k - 1;
      while (j >= 0 && a_.entity[j] < 0 && k - j <= 3) --j;
      if (j < 0 || j + 1 >= k || a_.entity[j] < 0 || endpoint(j).type != out[0].type) break;
      if (!RuleMatch(*rules_.list_separator, a_.text, j + 1, k).matches(status) || U_FAILURE(status)) break;
      out.push_back(endpoint(j));
      k = j;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // The entity of `type` named last before unit `before`: in this sentence, else in
  // the sentences before it, at most kReach characters back.
  std::optional<Endpoint> named_last(const std::string& type, int32_t before) const {
    for (int32_t i = before - 1; i >= 0; --i)
      if (a_.entity[i] >= 0 && endpoint(i).type == type) return endpoint(i);
    int32_t from =
        (before < static_cast<int32_t>(a_.source.size()) ? a_.source[before].begin : a_.sentence.begin) - kReach;
    for (auto it = earlier_.rbegin(); it != earlier_.rend() && it->range.begin >= from; ++it)
      if (it->type == type && it->range.begin < a_.sentence.begin &&
          it->rule.rfind("header.", 0) != 0)  // not the outlet
        return Endpoint{it->type, it->name};
    return std::nullopt;
  }

  // The type of holder a tail's name calls for: the list "holder_heads.<TailType>.<Type>"
  // with the longest word that the name ends with (示范区: District, 园区: Zone), or "".
  std::string holder_type(const Endpoint& t) const {
    std::string prefix = "holder_heads." + t.type + ".", type;
    int32_t longest = 0;
    icu::UnicodeString name = from_utf8(t.name);
    for (auto it = rules_.word_lists.lower_bound(prefix);
         it != rules_.word_lists.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
      for (const auto& word : it->second)
        if (word.length() > longest && name.endsWith(word)) {
          longest = word.length();
          type = it->first.substr(prefix.size());
        }
    return type;
  }

  // The holder a subjectless statement's tails call for: the first tail whose name
  // ends with a word of a list "holder_heads.<TailType>.<Type>" (the longest such
  // word decides) is held by the <Type> named last (a District: the article's).
  // Empty optional: no such lists for these tails; empty vector: none fits.
  std::optional<std::vector<Endpoint>> holder_by_heads(const std::vector<Endpoint>& tails, int32_t before) const {
    bool listed = false;
    for (const auto& t : tails) {
      std::string prefix = "holder_heads." + t.type + ".";
      auto first = rules_.word_lists.lower_bound(prefix);
      listed = listed || (first != rules_.word_lists.end() && first->first.compare(0, prefix.size(), prefix) == 0);
      std::string type = holder_type(t);
      if (type.empty() || !has_type(rule_.head_types, type)) continue;
      if (type == "District") return std::vector<Endpoint>{{"District", doc_.area}};
      if (auto named = named_last(type, before)) return std::vector<Endpoint>{*named};
      return std::vector<Endpoint>{};
    }
    if (!listed) return std::nullopt;
    return std::vector<Endpoint>{};
  }

  const Document& doc_;
  std::vector<Span>& spans_;  // the sentence's entities: new list items go here
  bool added_ = false;        // a list item was added to spans_
  const RuleSetImpl& rules_;
  const RelationRule& rule_;
  const AnnotatedSentence& a_;
  const std::vector<Span>& earlier_;
  std::vector<Range>& claimed_;  // lists of this sentence already read by an earlier rule  // the entities of the
                                 // sentences before this one, in order
};

}  // namespace

namespace {

bool same_span(const Span& a, const Span& b) {
  return a.range.begin == b.range.begin && a.range.end == b.range.end && a.type == b.type && a.name == b.name &&
         a.rule == b.rule;
}

// For each sentence, whether the entities from the end of the sentence before
// it to its own end differ between `before` and `after` (both sorted).
std::vector<char> changed_sentences(const std::vector<Range>& sentences, const std::vector<Span>& before,
                                    const std::vector<Span>& after) {
  std::vector<char> changed(sentences.size(), 0);
  auto b = before.begin(), a = after.begin();
  for (size_t i = 0; i < sentences.size(); ++i) {
    auto be = b, ae = a;
    while (be != before.end() && be->range.begin < sentences[i].end) ++be;
    while (ae != after.end() && ae->range.begin < sentences[i].end) ++ae;
    changed[i] = !std::equal(b, be, a, ae, same_span);
    b = be, a = ae;
  }
  return changed;
}

// Applies the relation rules to the sentences that `selected` picks (given the
// sentences this pass has changed so far), in order, appending their facts to
// `facts`; returns which sentences' entities the rules changed (new list items).
// Each sentence works on its own entities (new list items land there), and
// the document's list is rebuilt once: no insertion into a long vector per item.
std::vector<char> relate(Document& doc, const RuleSetImpl& rules, std::vector<Fact>& facts,
                         const std::function<bool(size_t, const std::vector<char>&)>& selected) {
  std::vector<char> changed(doc.sentences.size(), 0);
  std::vector<Span> rebuilt;
  rebuilt.reserve(doc.entities.size());
  auto next = doc.entities.begin();
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Range& s = doc.sentences[i];
    for (; next != doc.entities.end() && next->range.begin < s.begin; ++next) rebuilt.push_back(std::move(*next));
    std::vector<Span> local;
    for (; next != doc.entities.end() && next->range.begin < s.end; ++next) local.push_back(std::move(*next));
    if (selected(i, changed)) {
      std::vector<Span> before = local;
      TriggerIndex::Hits hits = rules.triggers.scan(doc.text, s.begin, s.end);
      std::vector<Range> claimed;
      std::optional<AnnotatedSentence> a;  // made when a rule first needs it, again after a rule adds list items
      for (const RelationRule& rule : rules.relation_rules) {
        if (!hits.triggered(rule.pattern.trigger_number)) continue;
        if (!a) a = annotate(doc, s, local);
        RuleMatcher matcher(doc, local, rules, rule, *a, rebuilt, claimed);
        matcher.run(facts);
        if (matcher.added_entities()) a.reset();
      }
      changed[i] = !std::equal(before.begin(), before.end(), local.begin(), local.end(), same_span);
    }
    for (auto& span : local) rebuilt.push_back(std::move(span));
  }
  for (; next != doc.entities.end(); ++next) rebuilt.push_back(std::move(*next));
  doc.entities = std::move(rebuilt);
  return changed;
}

}  // namespace

void relater::run(Document& doc, const RuleSetImpl& rules) {
  std::vector<Fact> facts;
  std::vector<char> listed = relate(doc, rules, facts, [](size_t, const std::vector<char>&) { return true; });
  add_facts(doc.facts, std::move(facts));
  // A name that a list introduced is known wherever the text repeats it, and
  // the rules run again where what they see has changed: a sentence with new
  // list items (a rule before the list's may read them) or newly marked names,
  // and a sentence less than kReach after a changed one (its references look
  // back that far). Elsewhere they would state the same facts again.
  std::vector<Span> before = doc.entities;
  mark_known_names(doc);
  std::vector<char> marked = changed_sentences(doc.sentences, before, doc.entities);
  facts.clear();
  relate(doc, rules, facts, [&](size_t i, const std::vector<char>& changed) {
    if (listed[i] || marked[i]) return true;
    for (size_t j = i; j-- > 0 && doc.sentences[j].end > doc.sentences[i].begin - kReach;)
      if (marked[j] || changed[j]) return true;
    return false;
  });
  add_facts(doc.facts, std::move(facts));
}

}  // namespace doc2kg
