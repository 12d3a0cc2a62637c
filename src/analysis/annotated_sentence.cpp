#include "analysis/annotated_sentence.hpp"

#include <algorithm>

#include "rules/rule_set.hpp"

namespace doc2kg {

AnnotatedSentence annotate(const Document& doc, Range sentence, const std::vector<Span>& spans) {
  AnnotatedSentence a;
  a.sentence = sentence;
  auto it = std::lower_bound(spans.begin(), spans.end(), sentence.begin,
                             [](const Span& s, int32_t pos) { return s.range.begin < pos; });
  int32_t pos = sentence.begin;
  while (pos < sentence.end) {
    if (it != spans.end() && it->range.begin == pos && it->range.end <= sentence.end) {
      a.text.append(placeholder(it->type));
      a.source.push_back(it->range);
      a.entity.push_back(static_cast<int>(a.spans.size()));
      a.spans.push_back(*it);
      pos = it->range.end;
      ++it;
      continue;
    }
    if (it != spans.end() && it->range.begin < pos) {  // a span crossing the sentence start
      ++it;
      continue;
    }
    a.text.append(doc.text.charAt(pos));
    a.source.push_back({pos, pos + 1});
    a.entity.push_back(-1);
    ++pos;
  }
  return a;
}

bool add_span(std::vector<Span>& spans, Span span) {
  if (span.range.begin >= span.range.end) return false;
  // Spans are sorted and disjoint: only the neighbours of the new range can touch it.
  auto first = std::lower_bound(spans.begin(), spans.end(), span.range.begin,
                                [](const Span& s, int32_t pos) { return s.range.end <= pos; });
  auto last = first;
  for (; last != spans.end() && last->range.begin < span.range.end; ++last)
    if (last->range.begin < span.range.begin || last->range.end > span.range.end) return false;  // partial overlap
  // Those it covers are replaced: the longer, later reading wins.
  auto at = spans.erase(first, last);
  spans.insert(at, std::move(span));
  return true;
}

}  // namespace doc2kg
