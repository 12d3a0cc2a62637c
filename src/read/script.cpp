#include "read/script.hpp"

#include <opencc.h>  // opencc::SimpleConverter
#include <unicode/translit.h>

#include <exception>
#include <memory>
#include <vector>

#include "base/text.hpp"
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
    if (U_FAILURE(status)) throw Error(ErrorKind::Input, "ICU transliterator Hant-Hans unavailable");
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

// The characters OpenCC's dictionaries are made of: phrases never span anything else.
bool is_han(UChar32 c) {
  return (c >= kFirst && c <= kLast) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

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

icu::UnicodeString to_simplified_by_character(const icu::UnicodeString& text) {
  icu::UnicodeString out(text);
  for (int32_t i = 0; i < out.length(); ++i) out.setCharAt(i, simplified(out.charAt(i)));
  return out;
}

struct Simplifier::Impl {
  std::unique_ptr<opencc::SimpleConverter> converter;
};

Simplifier::Simplifier(const std::string& opencc_config)
    : impl_([&] {
        auto impl = std::make_unique<Impl>();
        try {
          impl->converter = std::make_unique<opencc::SimpleConverter>(opencc_config);
        } catch (const std::exception& e) {
          throw Error(ErrorKind::Input,
                      "cannot load OpenCC configuration \"" + opencc_config +
                          "\", needed for Traditional Chinese (Debian: apt-get install libopencc-data): " + e.what());
        }
        return impl;
      }()) {}

Simplifier::~Simplifier() = default;

icu::UnicodeString Simplifier::convert(const icu::UnicodeString& text) const {
  icu::UnicodeString out(text);
  for (int32_t i = 0; i < text.length();) {
    if (!is_han(text.char32At(i))) {
      i = text.moveIndex32(i, 1);
      continue;
    }
    int32_t begin = i;
    while (i < text.length() && is_han(text.char32At(i))) i = text.moveIndex32(i, 1);
    icu::UnicodeString run = text.tempSubStringBetween(begin, i);
    icu::UnicodeString converted = from_utf8(impl_->converter->Convert(to_utf8(run)));
    // Character by character beside the original: a form of another length
    // (a supplementary-plane character for a BMP one, or back) keeps the
    // table's form; if OpenCC ever changed the number of characters, the
    // whole run does.
    bool aligned = converted.countChar32() == run.countChar32();
    for (int32_t a = 0, b = 0; a < run.length(); a = run.moveIndex32(a, 1)) {
      UChar32 from = run.char32At(a), to = from;
      if (aligned) {
        to = converted.char32At(b);
        b = converted.moveIndex32(b, 1);
      }
      if (!aligned || U16_LENGTH(to) != U16_LENGTH(from))
        to = U16_LENGTH(from) == 1 ? simplified(static_cast<UChar>(from)) : from;
      if (U16_LENGTH(to) == 1)
        out.setCharAt(begin + a, static_cast<UChar>(to));
      else
        out.replace(begin + a, 2, to);
    }
  }
  return out;
}

icu::UnicodeString to_simplified(const icu::UnicodeString& text) {
  static const Simplifier t2s("t2s.json");
  return t2s.convert(text);
}

}  // namespace doc2kg
