#include "doc2kg/script.hpp"

#include <unicode/translit.h>

#include <memory>

#include "doc2kg/error.hpp"

namespace doc2kg {
namespace {

// One transliterator per thread: ICU transliterators are not safe to share.
icu::Transliterator& hant_to_hans() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw Error(kExitInput, "ICU transliterator Hant-Hans unavailable");
    return made;
  }();
  return *t;
}

bool is_han(UChar c) { return c >= 0x4E00 && c <= 0x9FFF; }

}  // namespace

bool is_traditional(const icu::UnicodeString& text) {
  icu::UnicodeString sample = text.tempSubString(0, 4000);
  icu::UnicodeString simplified(sample);
  hant_to_hans().transliterate(simplified);
  if (simplified.length() != sample.length()) return true;
  int han = 0, changed = 0;
  for (int32_t i = 0; i < sample.length(); ++i) {
    if (!is_han(sample.charAt(i))) continue;
    ++han;
    changed += sample.charAt(i) != simplified.charAt(i);
  }
  return han > 0 && changed * 50 >= han;  // 2%: Simplified text changes almost nowhere
}

icu::UnicodeString to_simplified(const icu::UnicodeString& text) {
  icu::UnicodeString whole(text);
  hant_to_hans().transliterate(whole);
  if (whole.length() == text.length()) return whole;
  icu::UnicodeString out(text);  // a mapping changed the length somewhere: go character by character
  for (int32_t i = 0; i < out.length(); ++i) {
    if (!is_han(out.charAt(i))) continue;
    icu::UnicodeString one(out.charAt(i));
    hant_to_hans().transliterate(one);
    if (one.length() == 1) out.setCharAt(i, one.charAt(0));
  }
  return out;
}

}  // namespace doc2kg
