#include "base/text.hpp"

#include <unicode/uchar.h>

namespace doc2kg {

size_t utf8_sequence(std::string_view s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  // The lead byte gives the length; a continuation byte (10xxxxxx) starts nothing.
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || c >= 0xF8 || i + n > s.size()) return 0;
  cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Overlong forms (C0 80 for NUL) are rejected: each length has a smallest code point.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF) return 0;
  return n;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

icu::UnicodeString fold_width(const icu::UnicodeString& s) {
  icu::UnicodeString out(s);
  for (int32_t i = 0; i < out.length(); ++i) {
    UChar c = out.charAt(i);
    // FF01..FF5E mirror ASCII 21..7E at a fixed distance, so one subtraction folds
    // them all; each stays a single UTF-16 unit, which keeps offsets aligned.
    if (c >= 0xFF01 && c <= 0xFF5E)
      out.setCharAt(i, static_cast<UChar>(c - 0xFEE0));
    else if (c == 0x3000)
      out.setCharAt(i, u' ');
    else if (c == u'「')
      out.setCharAt(i, u'“');  // Traditional texts quote with corner brackets
    else if (c == u'」')
      out.setCharAt(i, u'”');
    else if (c == u'『')
      out.setCharAt(i, u'‘');
    else if (c == u'』')
      out.setCharAt(i, u'’');
  }
  return out;
}

bool is_quote_mark(UChar32 c) {
  switch (c) {
    case u'“':
    case u'”':
    case u'‘':
    case u'’':
    case u'"':
    case u'\'':
    case u'「':
    case u'」':
    case u'『':
    case u'』':
    case u'《':
    case u'》':
      return true;
    default:
      return false;
  }
}

std::string canonical_name(const icu::UnicodeString& s) {
  icu::UnicodeString out;
  // By code point, so a character outside the BMP is classified whole, not as two surrogates.
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    int8_t category = u_charType(c);
    if (category == U_CONTROL_CHAR || category == U_FORMAT_CHAR) continue;  // invisible: never part of a name
    if (!is_quote_mark(c)) out.append(c);
  }
  out.trim();
  return to_utf8(out);
}

}  // namespace doc2kg
