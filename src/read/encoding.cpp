// Bytes in: read_file, detect_encoding and decode of encoding.hpp.
#include "read/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <system_error>

#include "base/text.hpp"
#include "doc2kg/error.hpp"

namespace doc2kg {
namespace {

std::string reason(int error) { return std::error_code(error, std::generic_category()).message(); }

Error too_large(const std::string& name) {
  return Error(ErrorKind::Input,
               name + ": larger than " + std::to_string(kMaxArticleBytes >> 20) + " MiB, not an article");
}

// Strict UTF-8 check (no overlongs, no surrogates); returns the offset of the first bad byte or npos.
size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = utf8_sequence(s, i, cp);
    if (n == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n;
  }
  return std::string_view::npos;
}

// A UTF-16 code unit that Chinese news text is made of: ASCII letters, digits,
// tabs and line ends, CJK punctuation, ideographs, full-width forms, dashes and quotes.
bool common_unit(uint32_t u) {
  return u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u < 0x7F) || u == 0xB7 || (u >= 0x2010 && u <= 0x2027) ||
         (u >= 0x2030 && u <= 0x205E) || (u >= 0x3000 && u <= 0x303F) || (u >= 0x4E00 && u <= 0x9FFF) ||
         (u >= 0xFF01 && u <= 0xFF5E);
}

// UTF-16 without a BOM, from the first 64 KiB: mostly-ASCII text shows zero
// bytes at the odd (LE) or even (BE) positions only; Chinese text has few
// zero bytes but reads as common code units in one byte order and as
// Hangul, private use and surrogates in the other. "" when neither holds.
std::string guess_utf16(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 1 << 16) & ~size_t{1}, units = n / 2;
  if (units < 2) return "";
  size_t zero_even = 0, zero_odd = 0, le = 0, be = 0;
  for (size_t i = 0; i < n; i += 2) {
    auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    zero_even += b0 == 0;
    zero_odd += b1 == 0;
    le += common_unit(b0 | b1 << 8);
    be += common_unit(b1 | b0 << 8);
  }
  if (zero_odd * 4 > units && zero_even * 8 <= zero_odd) return "UTF-16LE";
  if (zero_even * 4 > units && zero_odd * 8 <= zero_even) return "UTF-16BE";
  if (le * 10 >= units * 8 && (le - std::min(le, be)) * 10 >= units * 3) return "UTF-16LE";
  if (be * 10 >= units * 8 && (be - std::min(be, le)) * 10 >= units * 3) return "UTF-16BE";
  return "";
}

// Chinese text that is neither UTF-8 nor UTF-16: Big5 when ICU's charset
// detector (which weighs the most frequent characters of each encoding) is
// surer of Big5 than of GB18030, else GB18030 (a superset of GBK and GB2312,
// far more common; Big5 bytes are valid GB18030 too, so only frequencies tell).
std::string guess_chinese(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  int32_t big5 = 0, gb = 0;
  for (int32_t k = 0; U_SUCCESS(status) && k < count; ++k) {
    std::string_view name = ucsdet_getName(matches[k], &status);
    int32_t confidence = ucsdet_getConfidence(matches[k], &status);
    if (name == "Big5") big5 = std::max(big5, confidence);
    if (name == "GB18030") gb = std::max(gb, confidence);
  }
  return U_SUCCESS(status) && big5 >= 50 && big5 > gb ? "Big5" : "GB18030";
}

}  // namespace

std::string read_file(const std::string& path) {
  const std::string name = path == "-" ? "stdin" : path;
  constexpr size_t kChunk = 1 << 16;
  std::string out;
  // At most kMaxArticleBytes + 1 bytes: one more than the limit tells that it is passed.
  auto room = [&] { return std::min(kChunk, kMaxArticleBytes + 1 - out.size()); };
  if (path == "-") {
    std::streambuf* in = std::cin.rdbuf();
    char buffer[kChunk];
    for (std::streamsize n;
         out.size() <= kMaxArticleBytes && (n = in->sgetn(buffer, static_cast<std::streamsize>(room()))) > 0;)
      out.append(buffer, static_cast<size_t>(n));
  } else {
    errno = 0;
    std::unique_ptr<std::FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file) throw Error(ErrorKind::Input, path + ": cannot open (" + reason(errno) + ")");
    char buffer[kChunk];
    while (out.size() <= kMaxArticleBytes) {
      size_t n = std::fread(buffer, 1, room(), file.get());
      out.append(buffer, n);
      if (n == 0) break;
    }
    if (std::ferror(file.get())) throw Error(ErrorKind::Input, path + ": read failed (" + reason(errno) + ")");
  }
  if (out.size() > kMaxArticleBytes) throw too_large(name);
  return out;
}

std::string detect_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "UTF-8";
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  size_t bad = first_invalid_utf8(bytes);
  bool nul = bytes.find('\0') != std::string_view::npos;
  if (bad == std::string_view::npos && !nul) return "UTF-8";
  if (std::string utf16 = guess_utf16(bytes); !utf16.empty()) return utf16;
  if (bad == std::string_view::npos) return "UTF-8";  // with NUL bytes: decode() calls it binary
  // Chinese UTF-8 that breaks later (a truncated download, one bad byte) is
  // broken UTF-8, not GB18030: GB18030 text fails the UTF-8 check at once.
  size_t multibyte = 0;
  for (size_t i = 0; i < bad; ++i) multibyte += (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0;
  if (multibyte >= 3) return "UTF-8";
  return guess_chinese(bytes);
}

icu::UnicodeString decode(std::string_view bytes, const std::string& where) {
  std::string encoding = detect_encoding(bytes);
  if (encoding == "UTF-8") {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    size_t bad = first_invalid_utf8(bytes);
    if (bad != std::string_view::npos)
      throw Error(ErrorKind::Input, where + ": invalid UTF-8 at byte " + std::to_string(bad));
  } else if (encoding.rfind("UTF-16", 0) == 0 && (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))) {
    bytes.remove_prefix(2);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) throw Error(ErrorKind::Input, where + ": cannot open converter for " + encoding);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString out;
  int32_t capacity = static_cast<int32_t>(bytes.size()) + 16;
  UChar* buffer = out.getBuffer(capacity);
  UChar* target = buffer;
  const char* source = bytes.data();
  ucnv_toUnicode(conv.get(), &target, buffer + capacity, &source, bytes.data() + bytes.size(), nullptr, true, &status);
  out.releaseBuffer(static_cast<int32_t>(target - buffer));
  if (U_FAILURE(status))
    throw Error(ErrorKind::Input,
                where + ": not valid " + encoding + " at byte " + std::to_string(source - bytes.data()));
  // Binary files decode as something: reject text with NUL or many control characters.
  int32_t controls = 0;
  for (int32_t i = 0; i < out.length(); ++i) {
    UChar c = out.charAt(i);
    if (c == 0)
      throw Error(ErrorKind::Input, where + ": binary data (NUL character at position " + std::to_string(i) + ")");
    if (c < 0x20 && c != u'\n' && c != u'\r' && c != u'\t') ++controls;
  }
  if (controls > 8 && controls * 100 > out.length())
    throw Error(ErrorKind::Input, where + ": binary data (" + std::to_string(controls) + " control characters)");
  icu::UnicodeString trimmed(out);
  if (trimmed.trim().isEmpty()) throw Error(ErrorKind::Input, where + ": empty article (no text)");
  return out;
}

}  // namespace doc2kg
