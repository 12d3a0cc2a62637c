#include "doc2kg/recognizer.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

#include "doc2kg/annotated_sentence.hpp"
#include "doc2kg/areas.hpp"
#include "doc2kg/text.hpp"

namespace doc2kg {

size_t select_candidates(Document& doc, std::vector<Candidate> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    int la = a.span.range.end - a.span.range.begin, lb = b.span.range.end - b.span.range.begin;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.span.range.begin < b.span.range.begin;
  });
  auto& spans = doc.entities;
  std::map<int32_t, int32_t> taken;  // begin -> end of accepted candidates, disjoint
  std::vector<Span> accepted;
  for (auto& c : candidates) {
    Range r = c.span.range;
    if (r.begin >= r.end) continue;
    auto next = taken.lower_bound(r.begin);
    if (next != taken.end() && next->first < r.end) continue;
    if (next != taken.begin() && std::prev(next)->second > r.begin) continue;
    // An entity already there may be covered (and replaced), never cut.
    auto it = std::lower_bound(spans.begin(), spans.end(), r.begin, [](const Span& s, int32_t pos) { return s.range.end <= pos; });
    bool cuts = false;
    for (; it != spans.end() && it->range.begin < r.end; ++it) cuts = cuts || it->range.begin < r.begin || it->range.end > r.end;
    if (cuts) continue;
    // A subdistrict or zone that opens the new name is its container (白兔镇|草莓文旅综合体).
    auto first = std::lower_bound(spans.begin(), spans.end(), r.begin, [](const Span& s, int32_t pos) { return s.range.end <= pos; });
    if (first != spans.end() && first->range.begin == r.begin && first->range.end + 2 < r.end &&
        (first->type == "Subdistrict" || first->type == "Zone") && c.span.container.empty()) {
      c.span.container_type = first->type;
      c.span.container = first->name;
    }
    taken.emplace(r.begin, r.end);
    accepted.push_back(std::move(c.span));
  }
  if (accepted.empty()) return 0;
  size_t added = accepted.size();
  // One merge: the entities no accepted span covers, and the accepted ones, by position.
  std::vector<Span> merged;
  merged.reserve(spans.size() + accepted.size());
  for (auto& s : spans) {
    auto next = taken.upper_bound(s.range.begin);
    bool covered = next != taken.begin() && std::prev(next)->second >= s.range.end;
    if (!covered) merged.push_back(std::move(s));
  }
  for (auto& s : accepted) merged.push_back(std::move(s));
  std::sort(merged.begin(), merged.end(), [](const Span& a, const Span& b) { return a.range.begin < b.range.begin; });
  spans = std::move(merged);
  return added;
}

namespace {

// Longest word of `list` that `s` starts with (or ends with), or 0.
int32_t longest_affix(const RuleSet& rules, const std::string& list, const icu::UnicodeString& s, bool suffix) {
  auto it = rules.word_lists.find(list);
  if (it == rules.word_lists.end()) return 0;
  int32_t best = 0;
  for (int32_t n = 1; n <= s.length() && n <= 8; ++n) {
    icu::UnicodeString affix = suffix ? s.tempSubString(s.length() - n) : s.tempSubString(0, n);
    if (it->second.count(affix)) best = n;
  }
  return best;
}

bool occurs(const icu::UnicodeString& hay, const icu::UnicodeString& needle) { return hay.indexOf(needle) >= 0; }

bool triggered(const CompiledPattern& p, const icu::UnicodeString& sentence) {
  if (p.triggers.empty()) return true;
  return std::any_of(p.triggers.begin(), p.triggers.end(), [&](const auto& t) { return occurs(sentence, t); });
}

int32_t group_number(const icu::RegexPattern& p, const char16_t* name) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = p.groupNumberFromName(icu::UnicodeString(name), status);
  return U_SUCCESS(status) ? n : -1;
}

void add_header_entities(Document& doc) {
  std::vector<Candidate> out;
  if (doc.info.source_range.end > doc.info.source_range.begin)
    out.push_back({{doc.info.source_range, "Organization", canonical_name(doc.text.tempSubStringBetween(
                                                               doc.info.source_range.begin, doc.info.source_range.end)),
                    "header.source", 1.0}, 0});
  Range a = doc.info.author_range;
  for (int32_t i = a.begin; i < a.end;) {
    while (i < a.end && !u_isalpha(doc.text.char32At(i))) ++i;
    int32_t b = i;
    while (i < a.end && u_isalpha(doc.text.char32At(i))) ++i;
    if (i - b >= 2) out.push_back({{{b, i}, "Person", to_utf8(doc.text.tempSubStringBetween(b, i)), "header.author", 1.0}, 0});
  }
  for (auto& c : out) add_span(doc.entities, std::move(c.span));
}

int count_in_text(const Document& doc, const icu::UnicodeString& name) {
  int n = 0;
  for (int32_t at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + name.length())) ++n;
  return n;
}

std::vector<Candidate> run_entity_rule(const Document& doc, const RuleSet& rules, const EntityRule& rule,
                                       const AnnotatedSentence& a, const icu::UnicodeString& sentence_text) {
  std::vector<Candidate> out;
  if (!triggered(rule.pattern, sentence_text)) return out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(rule.pattern.regex->matcher(a.text, status));
  m->setTimeLimit(kMatchTimeLimit, status);
  int32_t name_group = group_number(*rule.pattern.regex, u"name");
  int32_t span_group = group_number(*rule.pattern.regex, u"span");
  int32_t previous_end = -1;  // where this rule's previous name in the sentence ended
  while (m->find(status) && U_SUCCESS(status)) {
    // The evidence span: group "span", else group "name", else the whole match.
    int32_t evidence_group = span_group > 0 ? span_group : std::max(name_group, 0);
    int32_t sb = m->start(evidence_group, status), se = m->end(evidence_group, status);
    int32_t nb = name_group > 0 ? m->start(name_group, status) : sb;
    int32_t ne = name_group > 0 ? m->end(name_group, status) : se;
    if (sb < 0 || nb < 0 || nb >= ne || sb >= se) continue;
    Range span = a.to_text(sb, se), name = a.to_text(nb, ne);
    if (rule.trim) {
      Range trimmed = start_at_word(doc, rules, trim_name(doc, rules, name, false));
      if (span.begin == name.begin) span.begin = trimmed.begin;
      name = trimmed;
    }
    // A list of names of one type: 和 before the second is the list's (A社区和B社区),
    // while after a place of another type it may begin the name (王舍人街道和美社区).
    bool after_same_type = (nb > 0 && a.entity[nb - 1] >= 0 && a.spans[a.entity[nb - 1]].type == rule.type) ||
                           name.begin == previous_end;
    if (after_same_type) {
      UErrorCode ls = U_ZERO_ERROR;  // the list separator of the rule set (和, 与, 、 …)
      std::unique_ptr<icu::RegexMatcher> sep(rules.list_separator->matcher(doc.text, ls));
      sep->region(name.begin, name.end, ls);
      if (sep->lookingAt(ls) && U_SUCCESS(ls) && name.end - sep->end(ls) >= 2) name.begin = sep->end(ls);
    }
    if (!rule.strip_leading_types.empty()) {
      int32_t unit = nb;  // the annotated unit where the name starts
      while (unit < ne && a.entity[unit] >= 0 && a.source[unit].begin == name.begin) {
        const Span& e = a.spans[a.entity[unit]];
        bool full = to_utf8(doc.text.tempSubStringBetween(e.range.begin, e.range.end)) == e.name;
        if (!full || std::find(rule.strip_leading_types.begin(), rule.strip_leading_types.end(), e.type) ==
                         rule.strip_leading_types.end())
          break;
        name.begin = e.range.end;
        if (span.begin < name.begin) span.begin = name.begin;
        ++unit;
      }
    }
    if (name.end - name.begin < 2) continue;
    icu::UnicodeString name_text = doc.text.tempSubStringBetween(name.begin, name.end);
    std::string canonical = canonical_name(name_text);
    icu::UnicodeString cu = from_utf8(canonical);
    if (cu.length() < 2 || rules.in_list("generic", cu)) continue;
    if (rule.reject) {
      UErrorCode rs = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> rm(rule.reject->matcher(cu, rs));
      if (rm->find(rs)) continue;
    }
    if (std::getenv("DOC2KG_TRACE")) std::cerr << "trace " << rule.id << ": " << canonical << "\n";
    previous_end = name.end;
    out.push_back({{span, rule.type, canonical, rule.id, rule.confidence}, rule.priority});
  }
  check_match_time(status, rule.id, doc.info.id);
  return out;
}


}  // namespace

Range start_at_word(const Document& doc, const RuleSet& rules, Range name) {
  auto text = [&](const Word& w) { return doc.text.tempSubStringBetween(w.range.begin, w.range.end); };
  bool cut = false;  // a word was cut off: a one-character function word after it is not part of the name
  // Right after a recognised name the boundary is known, whatever the words say (召镇|巴音嘎查).
  auto after = std::lower_bound(doc.entities.begin(), doc.entities.end(), name.begin,
                                [](const Span& s, int32_t pos) { return s.range.end < pos; });
  if (after != doc.entities.end() && after->range.end == name.begin) return name;
  while (name.end - name.begin > 2) {
    const Word* w = doc.word_at(name.begin);
    if (!w || w->range.end >= name.end) break;
    const std::string& pos = rules.words.pos_name(w->pos);
    bool inside = w->range.begin < name.begin;  // 社|区和楚村镇: a name does not start inside a word
    // A function word: 目前|万隆社区. One character alone (和) often starts a
    // name the dictionary does not know (和美社区), so only after a cut.
    bool function_word = rules.item_not_initial.count(pos) > 0 && (w->range.end - w->range.begin > 1 || cut);
    bool container = rules.in_list("container_heads", text(*w));  // 乡|椿树垭村: the head of the place before
    if (!inside && !function_word && !container) break;
    name.begin = w->range.end;
    cut = true;
  }
  return name;
}

Range trim_name(const Document& doc, const RuleSet& rules, Range name, bool suffixes,
                const std::vector<std::string>& more_prefixes) {
  // A name starts after the last verb that cannot be part of one (合作建设|光通信器件生产线项目).
  if (auto breaks = rules.word_lists.find("name_breaks"); breaks != rules.word_lists.end()) {
    icu::UnicodeString s = doc.text.tempSubStringBetween(name.begin, name.end);
    int32_t cut = 0;
    for (const auto& word : breaks->second)
      for (int32_t at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1))
        cut = std::max(cut, at + word.length());
    name.begin += std::min(cut, s.length());
  }
  // Lead-in words of the type (做强, 聚力) end what comes before them: the name starts after the last one.
  for (const auto& list : more_prefixes) {
    auto words = rules.word_lists.find(list);
    if (words == rules.word_lists.end()) continue;
    icu::UnicodeString s = doc.text.tempSubStringBetween(name.begin, name.end);
    int32_t cut = 0;
    for (const auto& word : words->second)
      for (int32_t at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1))
        if (s.length() - (at + word.length()) >= 2) cut = std::max(cut, at + word.length());
    name.begin += cut;
  }
  for (bool changed = true; changed && name.end > name.begin;) {
    changed = false;
    icu::UnicodeString s = doc.text.tempSubStringBetween(name.begin, name.end);
    int32_t n = longest_affix(rules, "trim_prefixes", s, false);
    for (const auto& list : more_prefixes) n = std::max(n, longest_affix(rules, list, s, false));
    if (n > 0) {
      name.begin += n;
      changed = true;
    } else if (suffixes) {
      if (int32_t k = longest_affix(rules, "trim_suffixes", s, true)) {
        name.end -= k;
        changed = true;
      }
    }
  }
  return name;
}

void recognize_entities(Document& doc, const RuleSet& rules) {
  add_header_entities(doc);
  match_lexicons(doc, rules);
  for (int phase = 1; phase <= rules.max_phase(); ++phase) {
    for (int round = 0; round < 4; ++round) {  // rules marked "repeat" build on their own output (chains)
      std::vector<Candidate> candidates;
      bool repeat = false;
      for (const Range& s : doc.sentences) {
        AnnotatedSentence a = annotate(doc, s);
        icu::UnicodeString sentence_text = doc.text.tempSubStringBetween(s.begin, s.end);
        for (const EntityRule& rule : rules.entity_rules) {
          if (rule.phase != phase || (round > 0 && !rule.repeat)) continue;
          repeat = repeat || rule.repeat;
          for (auto& c : run_entity_rule(doc, rules, rule, a, sentence_text)) {
            if (rule.min_count > 1 && count_in_text(doc, from_utf8(c.span.name)) < rule.min_count) continue;
            candidates.push_back(std::move(c));
          }
        }
      }
      size_t added = select_candidates(doc, std::move(candidates));
      if (!repeat || added == 0) break;
    }
  }
}

void mark_known_names(Document& doc) {
  Trie names;
  std::vector<const Span*> origin;
  std::set<std::pair<std::string, std::string>> seen;
  for (const Span& s : doc.entities) {
    if (s.name.empty() || s.name[0] == '@' || s.type == "Indicator") continue;
    if (!seen.insert({s.type, s.name}).second) continue;
    icu::UnicodeString n = doc.text.tempSubStringBetween(s.range.begin, s.range.end);
    if (n.length() < 2) continue;
    names.insert(n, static_cast<int>(origin.size()));
    origin.push_back(&s);
  }
  std::vector<Candidate> candidates;
  for (const Range& p : doc.paragraphs)
    for (const auto& m : names.find_all(doc.text, p.begin, p.end)) {
      const Span& o = *origin[m.value];
      candidates.push_back({{{m.begin, m.end}, o.type, o.name, o.rule, o.confidence}, 0});
    }
  // only where nothing is recognised yet
  std::erase_if(candidates, [&](const Candidate& c) {
    auto it = std::lower_bound(doc.entities.begin(), doc.entities.end(), c.span.range.begin,
                               [](const Span& s, int32_t pos) { return s.range.end <= pos; });
    return it != doc.entities.end() && it->range.begin < c.span.range.end;
  });
  select_candidates(doc, std::move(candidates));
}

}  // namespace doc2kg
