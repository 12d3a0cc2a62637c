#pragma once
// Traditional Chinese: rules and lexicons are written in Simplified, so
// matching runs on a Simplified copy (ICU's Hant-Hans transliterator) of the
// same length; evidence still quotes the original characters.
#include <unicode/unistr.h>

namespace doc2kg {

// True when a noticeable share of the Han characters are Traditional forms.
bool is_traditional(const icu::UnicodeString& text);

// A Simplified copy, one UTF-16 unit for one, so offsets stay valid.
icu::UnicodeString to_simplified(const icu::UnicodeString& text);

}  // namespace doc2kg
