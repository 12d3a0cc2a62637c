#pragma once
// A sentence as rules see it: every recognised entity collapsed into one
// placeholder character of its type, everything else as written (folded).
// Relation and late entity rules match over this, not over raw characters.
#include <vector>

#include "doc2kg/document.hpp"

namespace doc2kg {

struct AnnotatedSentence {
  Range sentence;
  icu::UnicodeString text;    // one unit per character or entity
  std::vector<Range> source;  // the document range of each unit
  std::vector<int> entity;    // index into `spans`, or -1
  std::vector<Span> spans;    // copies: rules may add entities to the document meanwhile

  // Document range of units [begin, end).
  Range to_text(int32_t begin, int32_t end) const { return {source[begin].begin, source[end - 1].end}; }
};

// The sentence over `spans` (sorted, disjoint), by default the document's entities.
AnnotatedSentence annotate(const Document& doc, Range sentence, const std::vector<Span>& spans);
inline AnnotatedSentence annotate(const Document& doc, Range sentence) { return annotate(doc, sentence, doc.entities); }

// Adds a span unless it overlaps one partly or lies inside one; spans it covers
// are replaced (the longer, later reading wins). Keeps `spans` sorted.
bool add_span(std::vector<Span>& spans, Span span);

}  // namespace doc2kg
