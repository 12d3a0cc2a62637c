#include "doc2kg/script.hpp"

#include <unicode/translit.h>

#include <memory>
#include <vector>

#include "doc2kg/error.hpp"

namespace doc2kg {
namespace {

constexpr UChar kFirst = 0x3400, kLast = 0x9FFF;  // CJK Extension A and the Unified Ideographs

// What ICU's Hant-Hans transliterator makes of each ideograph, computed once
// (one transliteration of the whole block, ~15 ms): lookups are then a table
// read, and the copy keeps one unit for one.
const std::vector<UChar>& simplified_table() {
  static const std::vector<UChar> table = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw Error(kExitInput, "ICU transliterator Hant-Hans unavailable");
    std::vector<UChar> out(kLast - kFirst + 1);
    icu::UnicodeString all;
    for (UChar c = kFirst; c <= kLast; ++c) all.append(c);
    icu::UnicodeString mapped(all);
    t->transliterate(mapped);
    bool one_for_one = mapped.length() == all.length();
    for (UChar c = kFirst; c <= kLast; ++c) {
      if (one_for_one) {
        out[c - kFirst] = mapped.charAt(c - kFirst);
        continue;
      }
      icu::UnicodeString one(c);  // a mapping changed the length: character by character
      t->transliterate(one);
      out[c - kFirst] = one.length() == 1 ? one.charAt(0) : c;
    }
    return out;
  }();
  return table;
}

UChar simplified(UChar c) { return c >= kFirst && c <= kLast ? simplified_table()[c - kFirst] : c; }

}  // namespace

bool is_traditional(const icu::UnicodeString& text) {
  int han = 0, changed = 0;
  for (int32_t i = 0; i < text.length() && i < 4000; ++i) {
    UChar c = text.charAt(i);
    if (c < kFirst || c > kLast) continue;
    ++han;
    changed += simplified(c) != c;
  }
  return han > 0 && changed * 50 >= han;  // 2%: Simplified text changes almost nowhere
}

icu::UnicodeString to_simplified(const icu::UnicodeString& text) {
  icu::UnicodeString out(text);
  for (int32_t i = 0; i < out.length(); ++i) out.setCharAt(i, simplified(out.charAt(i)));
  return out;
}

}  // namespace doc2kg
