#include "analysis/recognizer.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "analysis/annotated_sentence.hpp"
#include "analysis/areas.hpp"
#include "analysis/mentions.hpp"
#include "analysis/names.hpp"
#include "analysis/phrase.hpp"
#include "base/profile.hpp"
#include "base/text.hpp"

namespace doc2kg {

namespace {

void add_header_entities(Document& doc) {
  std::vector<Candidate> out;
  if (doc.info.source_range.end > doc.info.source_range.begin)
    out.push_back(
        {{doc.info.source_range, "Organization",
          canonical_name(doc.text.tempSubStringBetween(doc.info.source_range.begin, doc.info.source_range.end)),
          "header.source", 1.0},
         0});
  Range a = doc.info.author_range;
  for (int32_t i = a.begin; i < a.end;) {
    while (i < a.end && !u_isalpha(doc.text.char32At(i))) ++i;
    int32_t b = i;
    while (i < a.end && u_isalpha(doc.text.char32At(i))) ++i;
    if (i - b >= 2)
      out.push_back({{{b, i}, "Person", to_utf8(doc.text.tempSubStringBetween(b, i)), "header.author", 1.0}, 0});
  }
  for (auto& c : out) add_span(doc.entities, std::move(c.span));
}

int count_in_text(const Document& doc, const icu::UnicodeString& name) {
  int n = 0;
  for (int32_t at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + name.length())) ++n;
  return n;
}

// A zone that opens a name with a work of its own after it is that work's
// container (高新区|污水处理厂扩建工程), but not where only a phase and a head
// follow (产业园|二期项目: the park's own project), words of `name_tails`.
void zone_container(const Document& doc, const RuleSetImpl& rules, const AnnotatedSentence& a, Range name, Span& span) {
  auto unit = std::find_if(a.source.begin(), a.source.end(), [&](const Range& r) { return r.begin == name.begin; });
  if (unit == a.source.end()) return;
  int e = a.entity[unit - a.source.begin()];
  if (e < 0 || a.spans[e].type != "Zone" || a.spans[e].range.end >= name.end) return;
  icu::UnicodeString rest = doc.text.tempSubStringBetween(a.spans[e].range.end, name.end);
  for (bool cut = true; cut;) {
    cut = false;
    for (const auto& tail : rules.word_lists.at("name_tails"))
      if (rest.length() > tail.length() && rest.endsWith(tail)) {
        rest.truncate(rest.length() - tail.length());
        cut = true;
      }
  }
  if (rest.length() < 3 || rules.word_lists.at("name_tails").count(rest)) return;
  span.container_type = "Zone";
  span.container = a.spans[e].name;
}

std::vector<Candidate> run_entity_rule(const Document& doc, const RuleSetImpl& rules, const EntityRule& rule,
                                       const AnnotatedSentence& a) {
  profile::Timer timer(profile::enabled() ? "rule " + rule.id : std::string());
  std::vector<Candidate> out;
  UErrorCode status = U_ZERO_ERROR;
  RuleMatch m(*rule.pattern.regex, a.text);
  int32_t name_group = rule.pattern.regex->group_number(u"name");
  int32_t span_group = rule.pattern.regex->group_number(u"span");
  int32_t previous_end = -1;  // where this rule's previous name in the sentence ended
  while (m.find(status) && U_SUCCESS(status)) {
    // The evidence span: group "span", else group "name", else the whole match.
    int32_t evidence_group = span_group > 0 ? span_group : std::max(name_group, 0);
    int32_t sb = m.start(evidence_group, status), se = m.end(evidence_group, status);
    int32_t nb = name_group > 0 ? m.start(name_group, status) : sb;
    int32_t ne = name_group > 0 ? m.end(name_group, status) : se;
    if (sb < 0 || nb < 0 || nb >= ne || sb >= se) continue;
    Range span = a.to_text(sb, se), name = a.to_text(nb, ne);
    if (rule.trim) {
      Range trimmed = start_at_word(doc, rules, trim_name(doc, rules, name, false));
      if (span.begin == name.begin) span.begin = trimmed.begin;
      name = trimmed;
    }
    // A list of names of one type: 和 before the second is the list's (A社区和B社区),
    // while after a place of another type it may begin the name (齐贤街道和顺社区).
    bool after_same_type =
        (nb > 0 && a.entity[nb - 1] >= 0 && a.spans[a.entity[nb - 1]].type == rule.type) || name.begin == previous_end;
    if (after_same_type) {
      UErrorCode ls = U_ZERO_ERROR;  // the list separator of the rule set (和, 与, 、 …)
      RuleMatch sep(*rules.list_separator, doc.text, name.begin, name.end);
      if (sep.looking_at(ls) && U_SUCCESS(ls) && name.end - sep.end(ls) >= 2) name.begin = sep.end(ls);
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
    // Whatever the pattern took, the name is a noun phrase (phrase.hpp): 选取|北沟村, no 确保项目.
    Range phrase = noun_phrase(doc, rules, name, rule.type);
    if (phrase.begin != name.begin && span.begin == name.begin) span.begin = phrase.begin;
    name = phrase;
    if (name.end - name.begin < 2) continue;
    icu::UnicodeString name_text = doc.text.tempSubStringBetween(name.begin, name.end);
    std::string canonical = canonical_name(name_text);
    icu::UnicodeString cu = from_utf8(canonical);
    if (cu.length() < 2 || rules.in_list("generic", cu)) continue;
    if (rule.reject) {
      UErrorCode rs = U_ZERO_ERROR;
      if (RuleMatch(*rule.reject, cu).find(rs)) continue;
    }
    if (profile::tracing()) std::cerr << "trace " << rule.id << ": " << canonical << "\n";
    previous_end = name.end;
    Candidate c{{span, rule.type, canonical, rule.id, rule.confidence}, rule.priority};
    zone_container(doc, rules, a, name, c.span);
    out.push_back(std::move(c));
  }
  check_match_time(status, rule.id, doc.info.id);
  return out;
}

// The entities of the header, the lexicons and the entity rules.
void recognize_entities(Document& doc, const RuleSetImpl& rules) {
  add_header_entities(doc);
  match_lexicons(doc, rules);
  std::vector<TriggerIndex::Hits> triggered;  // by sentence: the text does not change, only its entities
  triggered.reserve(doc.sentences.size());
  for (const Range& s : doc.sentences) triggered.push_back(rules.triggers.scan(doc.text, s.begin, s.end));
  for (int phase = 1; phase <= rules.max_phase(); ++phase) {
    for (int round = 0; round < 4; ++round) {  // rules marked "repeat" build on their own output (chains)
      std::vector<Candidate> candidates;
      bool repeat = false;
      for (const Range& s : doc.sentences) {
        std::optional<AnnotatedSentence> a;  // made once, and only for a sentence some rule of the phase triggers on
        const TriggerIndex::Hits& hits = triggered[&s - doc.sentences.data()];
        for (const EntityRule& rule : rules.entity_rules) {
          if (rule.phase != phase || (round > 0 && !rule.repeat)) continue;
          repeat = repeat || rule.repeat;
          if (!hits.triggered(rule.pattern.trigger_number)) continue;
          if (!a) a = annotate(doc, s);
          for (auto& c : run_entity_rule(doc, rules, rule, *a)) {
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

}  // namespace

void recognizer::run(Document& doc, const RuleSetImpl& rules) {
  recognize_entities(doc, rules);
  mark_known_names(doc);
}

}  // namespace doc2kg
