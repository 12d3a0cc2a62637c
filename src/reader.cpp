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

// ---- Dates: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 二〇二四年三月五日 ----
// The marks (年, 月, 日 …) are the date_* word lists; numerals stay here.

bool is_ascii_digit(UChar c) { return c >= u'0' && c <= u'9'; }

int han_digit(UChar c) {
  static const char16_t kDigits[] = u"〇一二三四五六七八九";
  if (c == u'零' || c == u'○') return 0;
  for (int d = 0; d < 10; ++d)
    if (c == kDigits[d]) return d;
  return -1;
}

// Up to `max` ASCII digits at i; -1 if none.
int read_number(const icu::UnicodeString& s, int32_t& i, int max) {
  int v = 0, n = 0;
  while (i < s.length() && n < max && is_ascii_digit(s.charAt(i))) v = v * 10 + (s.charAt(i++) - u'0'), ++n;
  return n == 0 || (i < s.length() && is_ascii_digit(s.charAt(i))) ? -1 : v;
}

// 三, 十, 十二, 二十, 三十一 at i; -1 if none.
int read_han_number(const icu::UnicodeString& s, int32_t& i) {
  int tens = 0, units = -1;
  if (i < s.length() && han_digit(s.charAt(i)) > 0 && i + 1 < s.length() && s.charAt(i + 1) == u'十') {
    tens = han_digit(s.charAt(i));
    i += 2;
  } else if (i < s.length() && s.charAt(i) == u'十') {
    tens = 1;
    ++i;
  }
  if (i < s.length() && han_digit(s.charAt(i)) > 0) units = han_digit(s.charAt(i++));
  if (tens == 0 && units < 0) return -1;
  return tens * 10 + std::max(units, 0);
}

void skip_spaces(const icu::UnicodeString& s, int32_t& i) {
  while (i < s.length() && u_isWhitespace(s.charAt(i))) ++i;
}

bool take(const icu::UnicodeString& s, int32_t& i, UChar c) {
  if (i < s.length() && s.charAt(i) == c) return ++i, true;
  return false;
}

// The longest word of `words` at i: skipped, true; else false.
bool take(const icu::UnicodeString& s, int32_t& i, const WordList& words) {
  int32_t n = words.at(s, i);
  return i += n, n > 0;
}

// A full date (year, month, day) starting at `i`: its end, and `iso`; -1 if there is none.
int32_t parse_date_at(const icu::UnicodeString& s, int32_t i, const ReaderVocabulary& v, std::string& iso) {
  if (i > 0 && (is_ascii_digit(s.charAt(i - 1)) || han_digit(s.charAt(i - 1)) >= 0)) return -1;
  int y = -1, m = -1, d = -1;
  if (i < s.length() && is_ascii_digit(s.charAt(i))) {
    int32_t j = i;
    if (j + 4 > s.length()) return -1;
    y = read_number(s, j, 4);
    if (y < 0 || j - i != 4) return -1;
    skip_spaces(s, j);
    if (j >= s.length()) return -1;
    if (take(s, j, v.year_marks)) {
      skip_spaces(s, j);
      m = read_number(s, j, 2);
      skip_spaces(s, j);
      if (!take(s, j, v.month_marks)) return -1;
      skip_spaces(s, j);
      d = read_number(s, j, 2);
      skip_spaces(s, j);
      if (!take(s, j, v.day_marks)) return -1;
    } else if (UChar sep = s.charAt(j++); sep == u'-' || sep == u'/' || sep == u'.') {
      m = read_number(s, j, 2);
      if (!take(s, j, sep)) return -1;
      d = read_number(s, j, 2);
    } else {
      return -1;
    }
    i = j;
  } else {
    int32_t j = i;
    y = 0;
    for (int k = 0; k < 4; ++k, ++j) {
      int digit = j < s.length() ? han_digit(s.charAt(j)) : -1;
      if (digit < 0) return -1;
      y = y * 10 + digit;
    }
    if (!take(s, j, v.year_marks)) return -1;
    m = read_han_number(s, j);
    if (!take(s, j, v.month_marks)) return -1;
    d = read_han_number(s, j);
    if (!take(s, j, v.day_marks)) return -1;
    i = j;
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  iso = buf;
  return i;
}

// The first full date in s[from, to).
bool find_date(const icu::UnicodeString& s, int32_t from, int32_t to, const ReaderVocabulary& v, std::string& iso) {
  for (int32_t i = from; i < to; ++i)
    if (parse_date_at(s, i, v, iso) > 0) return true;
  return false;
}

// What may follow a date on its line: a time, a weekday, brackets: (星期五)上午10:00, 09:15, 20时30分.
bool only_time_after(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v) {
  while (i < end) {
    UChar c = s.charAt(i);
    if (u_isWhitespace(c) || c == u'(' || c == u')' || c == u'【' || c == u'】' || c == u'[' || c == u']') {
      ++i;
    } else if (take(s, i, v.weekday_words)) {  // 星期五, 周日
      if (i >= end) return false;
      if (han_digit(s.charAt(i)) >= 1) ++i;
      else if (!take(s, i, v.weekday_names)) return false;
    } else if (take(s, i, v.day_parts)) {  // 上午
    } else if (is_ascii_digit(c)) {
      if (read_number(s, i, 2) < 0) return false;
      if (take(s, i, u':')) {
        if (read_number(s, i, 2) < 0) return false;
        if (take(s, i, u':') && read_number(s, i, 2) < 0) return false;
      } else if (take(s, i, v.hour_marks)) {  // 20时30分
        int32_t j = i;
        if (read_number(s, j, 2) >= 0 && take(s, j, v.minute_marks)) i = j;
      } else {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

// ---- Header fields: 来源：X, 作者：Y, 发布时间：2024-04-22 09:15, 浏览次数：1286 ----
// Labels are matched on the Simplified, width-folded text (：｜ are : |); they
// are the header_* word lists.

enum class Label { kNone, kSource, kAuthor, kDate, kOther };

Label label_kind(const icu::UnicodeString& label, const ReaderVocabulary& v) {
  if (label.isEmpty() || label.length() > 6) return Label::kNone;
  // 来源, 信息来源: a short label ending with a source label ending.
  if (v.source_labels.contains(label) || (v.source_label_endings.ends(label) && label.length() <= 4)) return Label::kSource;
  if (v.author_labels.contains(label)) return Label::kAuthor;
  if (v.date_labels.contains(label) || (v.date_label_endings.ends(label) && label.length() <= 5)) return Label::kDate;
  if (v.ignored_labels.contains(label)) return Label::kOther;  // page furniture that shares the header lines
  return Label::kNone;
}

// The label of "来源:X" at i (up to the colon), or kNone; `value` is set after the colon.
Label label_at(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v, int32_t& value) {
  int32_t colon = i;
  while (colon < end && colon - i <= 6 && s.charAt(colon) != u':') ++colon;
  if (colon >= end || s.charAt(colon) != u':') return Label::kNone;
  int32_t e = colon;
  while (e > i && u_isWhitespace(s.charAt(e - 1))) --e;
  value = colon + 1;
  return label_kind(s.tempSubStringBetween(i, e), v);
}

// "记者 张三" (or 通讯员 李四) without a colon: a name, letters and spaces, follows.
// Returns the kind (kAuthor for header_reporters, kOther for header_ignored_reporters)
// and where the name starts.
Label reporter_at(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v, int32_t& name) {
  int32_t j = i;
  Label kind = take(s, j, v.reporters)           ? Label::kAuthor
               : take(s, j, v.ignored_reporters) ? Label::kOther
                                                 : Label::kNone;
  if (kind == Label::kNone) return kind;
  while (j < end && u_isWhitespace(s.charAt(j))) ++j;
  name = j;
  for (; j < end && j - name <= 12; ++j)
    if (!u_isalpha(s.charAt(j)) && s.charAt(j) != u'·') break;
  return j - name >= 2 ? kind : Label::kNone;
}

// What one header line says. Offsets are into the line's text.
struct HeaderLine {
  bool meta = false;  // the line only carries header fields (it states nothing to analyse)
  std::string date;
  bool source = false, author = false;  // a 来源/作者 field is there (its value may be empty)
  Range source_value, author_value;
  bool source_pending = false;  // "来源:" ends the line: its value is the next line
};

void trim(const icu::UnicodeString& s, int32_t& b, int32_t& e) {
  while (b < e && u_isWhitespace(s.charAt(b))) ++b;
  while (e > b && u_isWhitespace(s.charAt(e - 1))) --e;
}

// A field of a header line: "来源:X", "发布时间:2024-04-22 09:15", "2024-02-20", "记者 张三".
bool read_field(const icu::UnicodeString& s, int32_t b, int32_t e, bool last, const ReaderVocabulary& v, HeaderLine& h) {
  trim(s, b, e);
  if (b == e) return true;
  std::string iso;
  int32_t value = 0;
  switch (label_at(s, b, e, v, value)) {
    case Label::kSource:
      trim(s, value, e);
      if (!h.source) h.source = true, h.source_value = {value, e}, h.source_pending = last && value == e;
      return true;
    case Label::kAuthor:
      trim(s, value, e);
      if (!h.author) h.author = true, h.author_value = {value, e};
      return true;
    case Label::kDate: {
      trim(s, value, e);
      if (value == e) return true;
      int32_t end = parse_date_at(s, value, v, iso);
      if (end < 0 || !only_time_after(s, end, e, v)) return false;
      if (h.date.empty()) h.date = iso;
      return true;
    }
    case Label::kOther:
      return true;
    case Label::kNone:
      break;
  }
  if (int32_t end = parse_date_at(s, b, v, iso); end > 0) {  // a date standing alone
    if (!only_time_after(s, end, e, v)) return false;
    if (h.date.empty()) h.date = iso;
    return true;
  }
  if (Label kind = reporter_at(s, b, e, v, value); kind != Label::kNone) {  // 记者 张三
    for (int32_t j = value; j < e; ++j)
      if (!u_isalpha(s.charAt(j)) && !u_isWhitespace(s.charAt(j)) && s.charAt(j) != u'·') return false;
    if (kind == Label::kAuthor && !h.author) h.author = true, h.author_value = {value, e};
    return true;
  }
  return false;
}

// Fields are split at | 丨, tabs, runs of two spaces, and at a single space before a label, a date or 记者/通讯员.
bool starts_field(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v) {
  std::string iso;
  int32_t value = 0;
  return label_at(s, i, end, v, value) != Label::kNone || parse_date_at(s, i, v, iso) > 0 ||
         reporter_at(s, i, end, v, value) != Label::kNone;
}

bool read_field_line(const icu::UnicodeString& s, const ReaderVocabulary& v, HeaderLine& h) {
  int32_t n = s.length(), b = 0;
  for (int32_t i = 0; i <= n; ++i) {
    bool cut = false;
    int32_t next = i + 1;
    if (i == n) {
      cut = true;
    } else {
      UChar c = s.charAt(i);
      if (c == u'|' || c == u'\u4E28' /* 丨, written as a bar */ || c == u'│' || c == u'\t') {
        cut = true;
      } else if (u_isWhitespace(c)) {
        int32_t j = i;
        while (j < n && u_isWhitespace(s.charAt(j))) ++j;
        cut = j - i >= 2 || starts_field(s, j, n, v);
        next = j;
      }
    }
    if (!cut) continue;
    if (!read_field(s, b, i, i == n, v, h)) return false;
    b = next;
    i = next - 1;
  }
  return true;
}

// WeChat: "原创 作者 账号 2024-01-08 20:15 四川", or without 原创 but then with the time.
bool read_wechat_line(const icu::UnicodeString& s, const ReaderVocabulary& v, HeaderLine& h) {
  std::vector<Range> tokens;
  for (int32_t i = 0; i < s.length();) {
    while (i < s.length() && u_isWhitespace(s.charAt(i))) ++i;
    int32_t b = i;
    while (i < s.length() && !u_isWhitespace(s.charAt(i))) ++i;
    if (i > b) tokens.push_back({b, i});
  }
  size_t k = 0;
  bool original = !tokens.empty() && v.original_marks.contains(s.tempSubStringBetween(tokens[0].begin, tokens[0].end));
  if (original) ++k;
  size_t first_name = k;
  std::string iso;
  for (; k < tokens.size(); ++k)
    if (parse_date_at(s, tokens[k].begin, v, iso) == tokens[k].end) break;
  size_t names = k - first_name;
  if (k == tokens.size() || names > 2 || (names == 0 && !original)) return false;
  for (size_t t = first_name; t < k; ++t) {
    icu::UnicodeString name = s.tempSubStringBetween(tokens[t].begin, tokens[t].end);
    int32_t value = 0;
    if (name.length() > 20 || name.indexOf(u':') >= 0 || is_ascii_digit(name.charAt(0)) ||
        label_kind(name, v) != Label::kNone || label_at(s, tokens[t].begin, tokens[t].end, v, value) != Label::kNone)
      return false;
  }
  size_t rest = k + 1;
  bool time = false;
  if (rest < tokens.size()) {
    int32_t i = tokens[rest].begin;
    if (read_number(s, i, 2) >= 0 && take(s, i, u':') && read_number(s, i, 2) >= 0 &&
        (!take(s, i, u':') || read_number(s, i, 2) >= 0) && i == tokens[rest].end)
      time = true, ++rest;
  }
  if (rest < tokens.size() && tokens[rest].end - tokens[rest].begin <= 8) ++rest;  // the place it was posted from
  if (rest != tokens.size() || (!original && !time)) return false;
  h.date = iso;
  if (names >= 1) h.source = true, h.source_value = tokens[k - 1];
  if (names == 2) h.author = true, h.author_value = tokens[first_name];
  return true;
}

HeaderLine read_header_line(const icu::UnicodeString& s, const ReaderVocabulary& v) {
  HeaderLine h;
  if (s.length() > 200) return h;  // a paragraph, not a header line
  if (read_wechat_line(s, v, h) || read_field_line(s, v, (h = HeaderLine{}))) h.meta = true;
  else h = HeaderLine{};
  return h;
}

// A title (or subtitle) line: short, not a sentence of the body.
bool title_like(const icu::UnicodeString& s) { return s.length() <= 80 && s.indexOf(u'。') < 0; }

bool is_subtitle(const icu::UnicodeString& s) { return s.startsWith(u"—") || s.startsWith(u"-"); }

// The header: title line(s), a date, 作者, 来源, in any order among the first
// lines (field lines, a date line, a WeChat line), or else a block of title
// lines closed by a blank line. Sets doc.info, adds the title lines to the
// paragraphs (titles state facts too) and returns the index of the body's first line.
constexpr size_t kScan = 6;  // the header is among the first non-empty lines

// From line `from` on, among `scan` non-empty lines. After a known header
// (`after_known`) only field lines count, the fields already set win.
size_t read_header(Document& doc, const std::vector<Line>& lines, const ReaderVocabulary& v, size_t from = 0,
                   size_t scan = kScan, bool after_known = false) {
  constexpr size_t kTitleBlock = 4;  // lines of a header without any field line
  struct Entry {
    size_t line;
    bool blank_before;
    HeaderLine h;
  };
  // "来源:" alone on its line: the next line is its value.
  auto classify = [&](size_t i, const Entry* previous, bool blank_before) {
    Entry e{i, blank_before, read_header_line(lines[i].text, v)};
    const icu::UnicodeString& t = lines[i].text;
    if (!e.h.meta && previous && previous->h.source_pending && !blank_before && t.length() <= 40 && title_like(t)) {
      e.h.meta = e.h.source = true;
      e.h.source_value = {0, t.length()};
    }
    return e;
  };
  std::vector<Entry> head;
  bool blank = false;
  for (size_t i = from; i < lines.size() && head.size() < scan; ++i) {
    if (lines[i].text.isEmpty()) {
      blank = true;
      continue;
    }
    head.push_back(classify(i, head.empty() ? nullptr : &head.back(), blank));
    blank = false;
  }
  // Field lines, with title lines before, between or (without a blank line) after them.
  size_t end = 0;
  bool fields = false;
  for (size_t j = 0; j < head.size(); ++j) {
    if (head[j].h.meta) {
      end = j + 1;
      fields = true;
      continue;
    }
    if (after_known || !title_like(lines[head[j].line].text) || (fields && head[j].blank_before)) break;
  }
  if (after_known && !fields) return from;
  if (fields) {  // more field lines right after
    for (size_t i = head[end - 1].line + 1; i < lines.size() && !lines[i].text.isEmpty(); ++i) {
      Entry e = classify(i, &head[end - 1], false);
      if (!e.h.meta) break;
      head.resize(end);
      head.push_back(e);
      ++end;
    }
  } else {  // no field line: title lines, then a blank line, then the body
    while (end < head.size() && (end == 0 || !head[end].blank_before)) ++end;
    if (end == head.size() || end > kTitleBlock) return 0;
    for (size_t j = 0; j < end; ++j)
      if (!title_like(lines[head[j].line].text)) return 0;
  }
  head.resize(end);

  bool title_done = false;
  std::vector<size_t> text_lines;
  for (size_t j = 0; j < head.size(); ++j) {
    const Line& line = lines[head[j].line];
    const HeaderLine& h = head[j].h;
    if (!h.meta) {
      // The title: the first run of title lines; without field lines, the first line and its ——subtitles.
      bool title = fields ? !title_done : (j == 0 || (is_subtitle(line.text) && !title_done));
      if (title) {
        if (!doc.info.title.empty()) doc.info.title += " ";
        doc.info.title += to_utf8(line.text);
      } else if (!doc.info.title.empty()) {
        title_done = true;
      }
      text_lines.push_back(head[j].line);
      doc.paragraphs.push_back(line.range);
      continue;
    }
    if (!doc.info.title.empty()) title_done = true;
    if (doc.info.date.empty()) doc.info.date = h.date;
    Range at{line.range.begin, line.range.begin};
    if (h.source && h.source_value.end > h.source_value.begin && doc.info.source.empty()) {
      doc.info.source_range = {at.begin + h.source_value.begin, at.begin + h.source_value.end};
      doc.info.source = doc.quote(doc.info.source_range);
    }
    if (h.author && h.author_value.end > h.author_value.begin && doc.info.author.empty()) {
      doc.info.author_range = {at.begin + h.author_value.begin, at.begin + h.author_value.end};
      doc.info.author = doc.quote(doc.info.author_range);
    }
  }
  // A date written in a title line (——2024年1月8日在…会议上) when no field gives one.
  for (size_t i : text_lines)
    if (doc.info.date.empty()) find_date(lines[i].text, 0, lines[i].text.length(), v, doc.info.date);
  return head.back().line + 1;
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

namespace {

// The header the caller knows (doc.info's title, date, author, source): its
// lines, without labels, then a blank line, then the body.
struct KnownHeader {
  std::string title, date, author, source;
  bool any() const { return !title.empty() || !date.empty() || !author.empty() || !source.empty(); }
};

// One line of the header: line breaks inside a value become spaces, blanks around it go.
std::string header_line(const std::string& value) {
  icu::UnicodeString u = from_utf8(value);
  for (int32_t i = 0; i < u.length(); ++i)
    if (u.charAt(i) == u'\n' || u.charAt(i) == u'\r') u.setCharAt(i, u' ');
  return to_utf8(u.trim());
}

// The known date as ISO: a DATE (above), with at most a time after it; else "".
std::string known_date(const std::string& value, const ReaderVocabulary& v) {
  icu::UnicodeString s = fold_width(from_utf8(header_line(value)));
  std::string iso;
  int32_t end = parse_date_at(s, 0, v, iso);
  return end > 0 && only_time_after(s, end, s.length(), v) ? iso : "";
}

// Sets the known fields and their ranges; returns the index of the body's first line.
size_t read_known_header(Document& doc, const std::vector<Line>& lines, const KnownHeader& known,
                         const ReaderVocabulary& v) {
  size_t i = 0;
  auto next = [&](const std::string& value) -> const Line* {
    if (value.empty() || i >= lines.size()) return nullptr;
    return &lines[i++];
  };
  const Line* t = next(known.title);
  if (t) {  // a title line, analysed like any
    doc.info.title = to_utf8(t->text);
    doc.paragraphs.push_back(t->range);
  }
  if (const Line* a = next(known.author); a && a->range.end > a->range.begin) {
    doc.info.author_range = a->range;
    doc.info.author = doc.quote(a->range);
  }
  if (const Line* s = next(known.source); s && s->range.end > s->range.begin) {
    doc.info.source_range = s->range;
    doc.info.source = doc.quote(s->range);
  }
  doc.info.date = known_date(known.date, v);
  // Field lines of the text's own right after it (a JSON line's text with its
  // 作者: line) give what the known header leaves empty: among the first two
  // non-empty lines, what a header of title, date, author and source lines
  // leaves of the lines scanned, and the field lines right after them.
  size_t body = read_header(doc, lines, v, i, kScan - 4, true);
  if (doc.info.date.empty() && t) find_date(t->text, 0, t->text.length(), v, doc.info.date);
  return body;
}

void append_normalized(icu::UnicodeString& out, const icu::UnicodeString& decoded) {
  // CRLF and lone CR become LF, so every byte form of an article has the same offsets.
  for (int32_t i = 0; i < decoded.length(); ++i) {
    UChar c = decoded.charAt(i);
    if (c == u'\r') {
      if (i + 1 < decoded.length() && decoded.charAt(i + 1) == u'\n') continue;
      c = u'\n';
    }
    if (c == 0xFEFF) continue;  // a BOM left inside (concatenated files)
    out.append(c);
  }
}

// The reader into `doc`, whose info.id names the article and whose info's
// title, date, author and source are the header when the caller knows it.
void read_into(Document& doc, std::string_view bytes, const ReaderVocabulary& v) {
  const std::string id = doc.info.id;
  KnownHeader known{header_line(doc.info.title), header_line(doc.info.date), header_line(doc.info.author),
                    header_line(doc.info.source)};
  doc.info = ArticleInfo{};
  doc.info.id = id;
  doc.original.remove();
  doc.supplementary.clear();
  doc.paragraphs.clear();
  std::string from_page;
  if (looks_like_html(bytes)) {  // by content: a saved page is often named .txt or nothing
    PageArticle page = html_to_article(bytes, id, v);
    if (!known.any() && !page.date.empty()) {  // a page with a date gives its header
      known = {header_line(page.title), page.date, header_line(page.author), header_line(page.source)};
      from_page = std::move(page.text);
    } else {  // else its title is the first line of its text, read as any article's
      from_page = (page.title.empty() || known.any() ? "" : page.title + "\n") + page.text;
    }
    bytes = from_page;
  }
  // The known header's lines, a blank line, the body.
  std::string head;
  for (const std::string* value : {&known.title, &known.author, &known.source})
    if (!value->empty()) head += *value + "\n";
  if (!head.empty()) head += "\n";
  if (!head.empty() && bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    append_normalized(doc.original, from_utf8(head));  // the header alone
  } else {
    icu::UnicodeString decoded = decode(bytes, id);
    append_normalized(doc.original, from_utf8(head));
    append_normalized(doc.original, decoded);
  }
  for (int32_t i = 0; i + 1 < doc.original.length(); ++i)
    if (U16_IS_LEAD(doc.original.charAt(i)) && U16_IS_TRAIL(doc.original.charAt(i + 1))) doc.supplementary.push_back(i);
  doc.text = fold_width(is_traditional(doc.original) ? to_simplified(doc.original) : doc.original);
  std::vector<Line> lines = split_lines(doc.text);

  size_t body_start = known.any() ? read_known_header(doc, lines, known, v) : read_header(doc, lines, v);
  std::set<icu::UnicodeString> seen;
  for (size_t i = body_start; i < lines.size(); ++i) {
    if (lines[i].text.isEmpty()) continue;
    if (!seen.insert(lines[i].text).second) continue;  // a verbatim repeat states nothing new
    doc.paragraphs.push_back(lines[i].range);
  }
}

}  // namespace

WordList::WordList(const std::set<icu::UnicodeString>& words) : words_(&words) {
  for (const auto& w : words) longest_ = std::max(longest_, w.length());
}

int32_t WordList::at(const icu::UnicodeString& s, int32_t at) const {
  if (!words_ || at < 0) return 0;
  for (int32_t n = std::min(longest_, s.length() - at); n > 0; --n)
    if (words_->count(s.tempSubString(at, n))) return n;
  return 0;
}

bool WordList::ends(const icu::UnicodeString& s) const {
  if (!words_) return false;
  for (int32_t n = std::min(longest_, s.length()); n > 0; --n)
    if (words_->count(s.tempSubString(s.length() - n, n))) return true;
  return false;
}

const std::set<icu::UnicodeString>& WordList::words() const {
  static const std::set<icu::UnicodeString> none;
  return words_ ? *words_ : none;
}

namespace {

// Each field of ReaderVocabulary and the id of its word list.
const std::pair<WordList ReaderVocabulary::*, const char*> kReaderLists[] = {
    {&ReaderVocabulary::source_labels, "header_source_labels"},
    {&ReaderVocabulary::source_label_endings, "header_source_label_endings"},
    {&ReaderVocabulary::author_labels, "header_author_labels"},
    {&ReaderVocabulary::date_labels, "header_date_labels"},
    {&ReaderVocabulary::date_label_endings, "header_date_label_endings"},
    {&ReaderVocabulary::ignored_labels, "header_ignored_labels"},
    {&ReaderVocabulary::reporters, "header_reporters"},
    {&ReaderVocabulary::ignored_reporters, "header_ignored_reporters"},
    {&ReaderVocabulary::original_marks, "header_original_marks"},
    {&ReaderVocabulary::year_marks, "date_year_marks"},
    {&ReaderVocabulary::month_marks, "date_month_marks"},
    {&ReaderVocabulary::day_marks, "date_day_marks"},
    {&ReaderVocabulary::weekday_words, "date_weekday_words"},
    {&ReaderVocabulary::weekday_names, "date_weekday_names"},
    {&ReaderVocabulary::day_parts, "date_day_parts"},
    {&ReaderVocabulary::hour_marks, "date_hour_marks"},
    {&ReaderVocabulary::minute_marks, "date_minute_marks"},
    {&ReaderVocabulary::page_furniture, "page_furniture"},
    {&ReaderVocabulary::page_furniture_inside, "page_furniture_inside"},
    {&ReaderVocabulary::page_byline_source_labels, "page_byline_source_labels"},
    {&ReaderVocabulary::page_byline_author_labels, "page_byline_author_labels"},
    {&ReaderVocabulary::page_byline_author_ends, "page_byline_author_ends"},
};

}  // namespace

ReaderVocabulary ReaderVocabulary::from(const RuleSet& rules) {
  ReaderVocabulary v;
  for (const auto& [field, id] : kReaderLists) {
    auto it = rules.word_lists.find(id);
    if (it == rules.word_lists.end())
      throw Error(kExitRules, "invalid rule set " + rules.dir + ": no word list \"" + id +
                                  "\" (a lexicon of kind words that the reader reads headers, dates and web pages with)");
    v.*field = WordList(it->second);
  }
  return v;
}

const std::vector<std::string>& reader_word_lists() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& [field, id] : kReaderLists) out.push_back(id);
    return out;
  }();
  return ids;
}

std::string first_date(const icu::UnicodeString& s, const ReaderVocabulary& words, int32_t from, int32_t to) {
  std::string iso;
  if (to < 0 || to > s.length()) to = s.length();
  return find_date(s, std::max(from, 0), to, words, iso) ? iso : "";
}

void reader::run(Document& doc, const RuleSet& rules) {
  std::string bytes = std::move(doc.input);
  doc.input = std::string();
  read_into(doc, bytes, ReaderVocabulary::from(rules));
}

Document read_article(std::string_view bytes, const std::string& id, const RuleSet& rules) {
  Document doc;
  doc.info.id = id;
  read_into(doc, bytes, ReaderVocabulary::from(rules));
  return doc;
}

}  // namespace doc2kg
