#include "doc2kg/annotated_sentence.hpp"

#include <algorithm>

#include "doc2kg/rules.hpp"

namespace doc2kg {

AnnotatedSentence annotate(const Document& doc, Range sentence) {
  AnnotatedSentence a;
  a.sentence = sentence;
  auto it = std::lower_bound(doc.entities.begin(), doc.entities.end(), sentence.begin,
                             [](const Span& s, int32_t pos) { return s.range.begin < pos; });
  int32_t pos = sentence.begin;
  while (pos < sentence.end) {
    if (it != doc.entities.end() && it->range.begin == pos && it->range.end <= sentence.end) {
      a.text.append(placeholder(it->type));
      a.source.push_back(it->range);
      a.entity.push_back(static_cast<int>(a.spans.size()));
      a.spans.push_back(*it);
      pos = it->range.end;
      ++it;
      continue;
    }
    if (it != doc.entities.end() && it->range.begin < pos) {  // a span crossing the sentence start
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

bool add_span(Document& doc, Span span) {
  auto& spans = doc.entities;
  if (span.range.begin >= span.range.end) return false;
  for (const Span& s : spans) {
    bool overlaps = s.range.begin < span.range.end && span.range.begin < s.range.end;
    bool covered = span.range.begin <= s.range.begin && s.range.end <= span.range.end;
    if (overlaps && !covered) return false;
  }
  std::erase_if(spans, [&](const Span& s) { return span.range.begin <= s.range.begin && s.range.end <= span.range.end; });
  auto at = std::lower_bound(spans.begin(), spans.end(), span.range.begin,
                             [](const Span& s, int32_t pos) { return s.range.begin < pos; });
  spans.insert(at, std::move(span));
  return true;
}

}  // namespace doc2kg
