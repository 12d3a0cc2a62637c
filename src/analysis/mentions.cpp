#include "analysis/mentions.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "rules/lexicon.hpp"

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
    auto it = std::lower_bound(spans.begin(), spans.end(), r.begin,
                               [](const Span& s, int32_t pos) { return s.range.end <= pos; });
    bool cuts = false;
    for (; it != spans.end() && it->range.begin < r.end; ++it)
      cuts = cuts || it->range.begin < r.begin || it->range.end > r.end;
    if (cuts) continue;
    // A subdistrict that opens the new name is its container (长安镇|高端装备综合体).
    auto first = std::lower_bound(spans.begin(), spans.end(), r.begin,
                                  [](const Span& s, int32_t pos) { return s.range.end <= pos; });
    if (first != spans.end() && first->range.begin == r.begin && first->range.end + 2 < r.end &&
        first->type == "Subdistrict" && c.span.container.empty()) {
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

size_t mark_known_names(Document& doc) {
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
  return select_candidates(doc, std::move(candidates));
}

}  // namespace doc2kg
