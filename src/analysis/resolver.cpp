#include "analysis/resolver.hpp"

#include <algorithm>

#include "analysis/annotated_sentence.hpp"
#include "analysis/areas.hpp"
#include "base/text.hpp"

namespace doc2kg {

namespace {

void resolve_references(Document& doc, const RuleSetImpl& rules) {
  if (rules.references.empty()) return;
  std::vector<Span> found;
  for (const Range& p : doc.paragraphs)
    for (const auto& m : rules.reference_trie.find_all(doc.text, p.begin, p.end)) {
      const Reference& ref = rules.references[m.value];
      // the nearest entity before the reference that it can name
      auto it = std::lower_bound(doc.entities.begin(), doc.entities.end(), m.begin,
                                 [](const Span& s, int32_t pos) { return s.range.begin < pos; });
      while (it != doc.entities.begin()) {
        --it;
        if (it->type != ref.type || it->range.end > m.begin) continue;
        icu::UnicodeString name = from_utf8(it->name);
        if (!ref.suffix.isEmpty() && !name.endsWith(ref.suffix)) continue;
        found.push_back({{m.begin, m.end}, ref.type, it->name, ref.rule, 0.9});
        break;
      }
    }
  // Longest reference first where two overlap (该开发区 over 开发区内), then in order.
  std::stable_sort(found.begin(), found.end(), [](const Span& a, const Span& b) {
    return a.range.end - a.range.begin > b.range.end - b.range.begin;
  });
  for (auto& s : found) {
    auto at = std::lower_bound(doc.entities.begin(), doc.entities.end(), s.range.begin,
                               [](const Span& e, int32_t pos) { return e.range.end <= pos; });
    if (at != doc.entities.end() && at->range.begin < s.range.end) continue;  // never over a recognised name
    add_span(doc.entities, std::move(s));
  }
}

// A zone written short (武进高新区) is the zone the article names in full
// (江苏武进高新技术产业开发区): same stem, the short head standing for the long one.
void resolve_abbreviations(Document& doc, const RuleSetImpl& rules) {
  if (rules.abbreviations.empty()) return;
  std::vector<icu::UnicodeString> full;
  for (const Span& e : doc.entities)
    if (e.type == "Zone") full.push_back(from_utf8(e.name));
  for (Span& e : doc.entities) {
    if (e.type != "Zone") continue;
    icu::UnicodeString name = from_utf8(e.name);
    for (const auto& [shortened, whole] : rules.abbreviations) {
      if (!name.endsWith(shortened) || name.endsWith(whole)) continue;
      icu::UnicodeString stem = name.tempSubString(0, name.length() - shortened.length());
      if (stem.length() < 2) continue;
      for (const auto& f : full)
        if (f.endsWith(whole) && f.tempSubString(0, f.length() - whole.length()).endsWith(stem)) {
          e.name = to_utf8(f);
          break;
        }
    }
  }
}

}  // namespace

void resolver::run(Document& doc, const RuleSetImpl& rules) {
  resolve_area(doc, rules);
  resolve_references(doc, rules);
  resolve_abbreviations(doc, rules);
}

}  // namespace doc2kg
