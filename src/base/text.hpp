#pragma once
// Conversions between UTF-8 and ICU strings, and the width folding that lets
// rules written with ASCII punctuation match full-width text.
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace doc2kg {

std::string to_utf8(const icu::UnicodeString& s);
icu::UnicodeString from_utf8(std::string_view s);

// The code point at s[i] and its length in bytes; 0 when the bytes there are
// not well-formed UTF-8 (overlong, beyond U+10FFFF, cut short). Encoded
// surrogates decode as themselves: a caller that needs them invalid checks.
size_t utf8_sequence(std::string_view s, size_t i, char32_t& cp);

// ASCII letters in lower case, other bytes as they are: for file extensions,
// format names, HTML names and charset labels, which are ASCII-case-insensitive.
std::string ascii_lower(std::string_view s);

// Full-width ASCII variants (，１Ａ（) become ASCII, U+3000 a space, corner
// brackets 「」『』 the quotes “”‘’ that rules are written with.
// One UTF-16 unit in, one out: offsets stay valid between the two copies.
icu::UnicodeString fold_width(const icu::UnicodeString& s);

// Characters removed from canonical names (quote marks).
bool is_quote_mark(UChar32 c);

// Removes quote marks and surrounding white space: “数据惠民”工程 -> 数据惠民工程.
std::string canonical_name(const icu::UnicodeString& s);

}  // namespace doc2kg
