#include "doc2kg/reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>

#include <fstream>
#include <iostream>
#include <algorithm>
#include <memory>
#include <sstream>
#include <set>

#include "doc2kg/error.hpp"
#include "doc2kg/html_reader.hpp"
#include "doc2kg/script.hpp"
#include "doc2kg/text.hpp"

namespace doc2kg {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Strict UTF-8 check (no overlongs, no surrogates); returns the offset of the first bad byte or npos.
size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 0;
    if (n == 0 || i + n >= s.size()) return i;  // not a lead byte, or truncated
    uint32_t cp = c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

// Share of zero bytes at even and odd positions: UTF-16 without a BOM shows them.
std::string guess_utf16(std::string_view s) {
  size_t even = 0, odd = 0, n = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  for (size_t i = 0; i < n; i += 2) {
    even += s[i] == 0;
    odd += s[i + 1] == 0;
  }
  if (n >= 4 && odd * 4 > n / 2 && even == 0) return "UTF-16LE";
  if (n >= 4 && even * 4 > n / 2 && odd == 0) return "UTF-16BE";
  return "";
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(kExitInput, path + ": cannot open");
  ss << in.rdbuf();
  if (in.bad()) throw Error(kExitInput, path + ": read failed");
  return ss.str();
}

std::string detect_encoding(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) return "UTF-8";
  if (starts_with(bytes, "\xFF\xFE")) return "UTF-16LE";
  if (starts_with(bytes, "\xFE\xFF")) return "UTF-16BE";
  std::string utf16 = guess_utf16(bytes);
  if (!utf16.empty()) return utf16;
  size_t bad = first_invalid_utf8(bytes);
  if (bad == std::string_view::npos) return "UTF-8";
  // Chinese UTF-8 that breaks later (a truncated download, one bad byte) is
  // broken UTF-8, not GB18030: GB18030 text fails the UTF-8 check at once.
  size_t multibyte = 0;
  for (size_t i = 0; i < bad; ++i) multibyte += (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0;
  if (multibyte >= 3) return "UTF-8";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  std::string name = (U_SUCCESS(status) && match) ? ucsdet_getName(match, &status) : "";
  // Chinese text that is not UTF-8 is GB18030 (a superset of GBK and GB2312) far more often than not.
  if (name.rfind("UTF-16", 0) == 0) return name;
  return "GB18030";
}

icu::UnicodeString decode(std::string_view bytes, const std::string& where) {
  std::string encoding = detect_encoding(bytes);
  if (encoding == "UTF-8") {
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    size_t bad = first_invalid_utf8(bytes);
    if (bad != std::string_view::npos)
      throw Error(kExitInput, where + ": invalid UTF-8 at byte " + std::to_string(bad));
  } else if (encoding != "GB18030" && bytes.size() >= 2 &&
             (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF"))) {
    bytes.remove_prefix(2);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) throw Error(kExitInput, where + ": cannot open converter for " + encoding);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString out;
  int32_t capacity = static_cast<int32_t>(bytes.size()) + 16;
  UChar* buffer = out.getBuffer(capacity);
  UChar* target = buffer;
  const char* source = bytes.data();
  ucnv_toUnicode(conv.get(), &target, buffer + capacity, &source, bytes.data() + bytes.size(), nullptr, true, &status);
  out.releaseBuffer(static_cast<int32_t>(target - buffer));
  if (U_FAILURE(status))
    throw Error(kExitInput, where + ": not valid " + encoding + " at byte " + std::to_string(source - bytes.data()));
  // Binary files decode as something: reject text with NUL or many control characters.
  int32_t controls = 0;
  for (int32_t i = 0; i < out.length(); ++i) {
    UChar c = out.charAt(i);
    if (c == 0) throw Error(kExitInput, where + ": binary data (NUL character at position " + std::to_string(i) + ")");
    if (c < 0x20 && c != u'\n' && c != u'\r' && c != u'\t') ++controls;
  }
  if (controls > 8 && controls * 100 > out.length())
    throw Error(kExitInput, where + ": binary data (" + std::to_string(controls) + " control characters)");
  icu::UnicodeString trimmed(out);
  if (trimmed.trim().isEmpty()) throw Error(kExitInput, where + ": empty article (no text)");
  return out;
}

namespace {

struct Line {
  Range range;
  icu::UnicodeString text;  // trimmed
};

std::vector<Line> split_lines(const icu::UnicodeString& s) {
  std::vector<Line> lines;
  int32_t start = 0;
  for (int32_t i = 0; i <= s.length(); ++i) {
    if (i == s.length() || s.charAt(i) == u'\n') {
      // trim the range itself so evidence offsets point at text, not at blanks
      int32_t b = start, e = i;
      while (b < e && u_isWhitespace(s.charAt(b))) ++b;
      while (e > b && u_isWhitespace(s.charAt(e - 1))) --e;
      lines.push_back({{b, e}, s.tempSubStringBetween(b, e)});
      start = i + 1;
    }
  }
  return lines;
}

bool is_date_line(const icu::UnicodeString& line, std::string& iso) {
  std::string s = to_utf8(line);
  int y = 0, m = 0, d = 0;
  char sep1 = 0, sep2 = 0;
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &consumed) == 5 &&
      consumed == static_cast<int>(s.size()) && sep1 == sep2 && (sep1 == '-' || sep1 == '/' || sep1 == '.') &&
      m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    iso = buf;
    return true;
  }
  return false;
}

// "作者:王健" -> true with value "王健" and its range.
bool header_field(const Line& line, const icu::UnicodeString& label, Range& value) {
  if (!line.text.startsWith(label)) return false;
  int32_t i = label.length();
  if (i >= line.text.length() || (line.text.charAt(i) != u':' && line.text.charAt(i) != u'：')) return false;
  ++i;
  while (i < line.text.length() && u_isWhitespace(line.text.charAt(i))) ++i;
  value = {line.range.begin + i, line.range.end};
  return true;
}

}  // namespace

std::string Document::quote(Range r) const { return to_utf8(original.tempSubStringBetween(r.begin, r.end)); }

int64_t Document::code_point_offset(int32_t utf16) const {
  return utf16 - (std::lower_bound(supplementary.begin(), supplementary.end(), utf16 - 1) - supplementary.begin());
}

Range Document::sentence_at(int32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset, [](int32_t o, const Range& r) { return o < r.begin; });
  if (it != sentences.begin() && std::prev(it)->begin <= offset && offset < std::prev(it)->end) return *std::prev(it);
  return {offset, offset};
}

Document read_article(std::string_view bytes, const std::string& id) {
  std::string from_page;
  if (looks_like_html(bytes)) {  // by content: a saved page is often named .txt or nothing
    from_page = html_to_article(bytes, id);
    bytes = from_page;
  }
  icu::UnicodeString decoded = decode(bytes, id);
  Document doc;
  doc.info.id = id;
  // CRLF and lone CR become LF, so every byte form of an article has the same offsets.
  for (int32_t i = 0; i < decoded.length(); ++i) {
    UChar c = decoded.charAt(i);
    if (c == u'\r') {
      if (i + 1 < decoded.length() && decoded.charAt(i + 1) == u'\n') continue;
      c = u'\n';
    }
    if (c == 0xFEFF) continue;  // a BOM left inside (concatenated files)
    doc.original.append(c);
  }
  for (int32_t i = 0; i + 1 < doc.original.length(); ++i)
    if (U16_IS_LEAD(doc.original.charAt(i)) && U16_IS_TRAIL(doc.original.charAt(i + 1))) doc.supplementary.push_back(i);
  doc.text = fold_width(is_traditional(doc.original) ? to_simplified(doc.original) : doc.original);
  std::vector<Line> lines = split_lines(doc.text);

  // Header: title line(s), a date line among the first lines, then 作者/来源 up to a blank line.
  size_t body_start = 0, date_line = lines.size();
  for (size_t i = 0, seen = 0; i < lines.size() && seen < 6; ++i) {
    if (lines[i].text.isEmpty()) continue;
    ++seen;
    if (is_date_line(lines[i].text, doc.info.date)) {
      date_line = i;
      break;
    }
  }
  if (date_line < lines.size()) {
    for (size_t i = 0; i < date_line; ++i) {
      if (lines[i].text.isEmpty()) continue;
      if (!doc.info.title.empty()) doc.info.title += " ";
      doc.info.title += to_utf8(lines[i].text);
      doc.paragraphs.push_back(lines[i].range);  // titles state facts too
    }
    size_t i = date_line + 1;
    bool source_pending = false;
    for (; i < lines.size() && !lines[i].text.isEmpty(); ++i) {
      Range value;
      if (header_field(lines[i], u"作者", value)) {
        doc.info.author = doc.quote(value);
        doc.info.author_range = value;
      } else if (header_field(lines[i], u"来源", value)) {
        doc.info.source = doc.quote(value);
        doc.info.source_range = value;
        source_pending = value.begin == value.end;
      } else if (source_pending) {
        doc.info.source = to_utf8(lines[i].text);
        doc.info.source_range = lines[i].range;
        source_pending = false;
      } else {
        break;  // no blank line after the header: the body starts here
      }
    }
    body_start = i;
  }
  std::set<icu::UnicodeString> seen;
  for (size_t i = body_start; i < lines.size(); ++i) {
    if (lines[i].text.isEmpty()) continue;
    if (!seen.insert(lines[i].text).second) continue;  // a verbatim repeat states nothing new
    doc.paragraphs.push_back(lines[i].range);
  }
  return doc;
}

}  // namespace doc2kg
