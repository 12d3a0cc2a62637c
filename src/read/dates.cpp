// Dates as the readers read them: dates.hpp, and first_date of reader_words.hpp.
#include "read/dates.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "base/text.hpp"

namespace doc2kg::readers {

bool is_ascii_digit(UChar c) { return c >= u'0' && c <= u'9'; }

int han_digit(UChar c) {
  static const char16_t kDigits[] = u"〇一二三四五六七八九";
  if (c == u'零' || c == u'○') return 0;
  for (int d = 0; d < 10; ++d)
    if (c == kDigits[d]) return d;
  return -1;
}

int read_number(const icu::UnicodeString& s, int32_t& i, int max) {
  int v = 0, n = 0;
  while (i < s.length() && n < max && is_ascii_digit(s.charAt(i))) v = v * 10 + (s.charAt(i++) - u'0'), ++n;
  return n == 0 || (i < s.length() && is_ascii_digit(s.charAt(i))) ? -1 : v;
}

// 三, 十, 十二, 二十, 三十一 at i; -1 if none.
static int read_han_number(const icu::UnicodeString& s, int32_t& i) {
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

static void skip_spaces(const icu::UnicodeString& s, int32_t& i) {
  while (i < s.length() && u_isWhitespace(s.charAt(i))) ++i;
}

bool take(const icu::UnicodeString& s, int32_t& i, UChar c) {
  if (i < s.length() && s.charAt(i) == c) return ++i, true;
  return false;
}

bool take(const icu::UnicodeString& s, int32_t& i, const WordList& words) {
  int32_t n = words.at(s, i);
  return i += n, n > 0;
}

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

bool find_date(const icu::UnicodeString& s, int32_t from, int32_t to, const ReaderVocabulary& v, std::string& iso) {
  for (int32_t i = from; i < to; ++i)
    if (parse_date_at(s, i, v, iso) > 0) return true;
  return false;
}

bool only_time_after(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v) {
  while (i < end) {
    UChar c = s.charAt(i);
    if (u_isWhitespace(c) || c == u'(' || c == u')' || c == u'【' || c == u'】' || c == u'[' || c == u']') {
      ++i;
    } else if (take(s, i, v.weekday_words)) {  // 星期五, 周日
      if (i >= end) return false;
      if (han_digit(s.charAt(i)) >= 1)
        ++i;
      else if (!take(s, i, v.weekday_names))
        return false;
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

std::string field_date(const icu::UnicodeString& value, const ReaderVocabulary& v) {
  icu::UnicodeString s = fold_width(value);
  s.trim();
  std::string iso;
  int32_t end = parse_date_at(s, 0, v, iso);
  return end > 0 && only_time_after(s, end, s.length(), v) ? iso : "";
}

}  // namespace doc2kg::readers

namespace doc2kg {

std::string first_date(const icu::UnicodeString& s, const ReaderVocabulary& words, int32_t from, int32_t to) {
  std::string iso;
  if (to < 0 || to > s.length()) to = s.length();
  return readers::find_date(s, std::max(from, 0), to, words, iso) ? iso : "";
}

}  // namespace doc2kg
