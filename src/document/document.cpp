// Document's lookups (doc2kg/document.hpp): the text as written, offsets as
// code points, and the sentence or word at an offset, each a binary search
// over lists the stages keep sorted.
#include "doc2kg/document.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace doc2kg {

std::string Document::quote(Range r) const { return to_utf8(original.tempSubStringBetween(r.begin, r.end)); }

int64_t Document::code_point_offset(int32_t utf16) const {
  // A pair starting at p ends at p + 2; those wholly before `utf16` (p <= utf16 - 2)
  // each took two units for one code point.
  return utf16 - (std::lower_bound(supplementary.begin(), supplementary.end(), utf16 - 1) - supplementary.begin());
}

Range Document::sentence_at(int32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](int32_t o, const Range& r) { return o < r.begin; });
  if (it != sentences.begin() && std::prev(it)->begin <= offset && offset < std::prev(it)->end) return *std::prev(it);
  return {offset, offset};
}

const Word* Document::word_at(int32_t offset) const {
  auto it = std::upper_bound(words.begin(), words.end(), offset,
                             [](int32_t pos, const Word& w) { return pos < w.range.begin; });
  if (it == words.begin()) return nullptr;
  --it;
  return offset < it->range.end ? &*it : nullptr;
}

}  // namespace doc2kg
