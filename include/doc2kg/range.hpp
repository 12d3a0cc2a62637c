#pragma once
// Range: where something is in an article. Offsets are UTF-16 indices into
// Document::text (and Document::original, which has the same length), half-open.
#include <cstdint>

namespace doc2kg {

struct Range {
  int32_t begin = 0;
  int32_t end = 0;
};

}  // namespace doc2kg
