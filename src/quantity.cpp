#include "doc2kg/quantity.hpp"

#include <cmath>
#include <string_view>

namespace doc2kg {
namespace {

int digit_of(UChar c) {
  static const std::u16string_view digits = u"零一二三四五六七八九";
  if (c == u'〇') return 0;
  if (c == u'两') return 2;
  auto at = digits.find(c);
  return at == std::u16string_view::npos ? -1 : static_cast<int>(at);
}

double unit_of(UChar c) {
  switch (c) {
    case u'十': return 10;
    case u'百': return 100;
    case u'千': return 1000;
    case u'万': return 1e4;
    case u'亿': return 1e8;
    default: return 0;
  }
}

bool is_ascii_digit(UChar c) { return c >= u'0' && c <= u'9'; }

}  // namespace

bool starts_number(UChar c) { return is_ascii_digit(c) || digit_of(c) >= 0 || c == u'十' || c == u'百'; }

std::optional<double> parse_chinese_numeral(const icu::UnicodeString& s) {
  if (s.isEmpty()) return std::nullopt;
  double total = 0, section = 0, digit = -1;
  for (int32_t i = 0; i < s.length(); ++i) {
    UChar c = s.charAt(i);
    if (int d = digit_of(c); d >= 0) {
      digit = d;
      continue;
    }
    double u = unit_of(c);
    if (u == 0) return std::nullopt;
    if (u >= 1e4) {  // 万 and 亿 scale everything before them
      section = (section + std::max(digit, 0.0)) * u;
      if (u == 1e8) {
        total = (total + section);
        section = 0;
      } else {
        total += section;
        section = 0;
      }
    } else {
      section += (digit < 0 ? 1 : digit) * u;  // 十 alone is 10
    }
    digit = -1;
  }
  return total + section + std::max(digit, 0.0);
}

std::optional<Quantity> parse_quantity(const icu::UnicodeString& s, int32_t at, const UnitTable& units) {
  Quantity q;
  q.begin = at;
  int32_t i = at;
  double value = 0;
  std::string decimal;  // the Arabic number as written, for exact scaling by the unit
  int decimal_exponent = 0;
  bool percent_words = false;
  if (s.compare(i, 3, u"百分之") == 0) {  // 百分之六十
    percent_words = true;
    i += 3;
  }
  if (i < s.length() && is_ascii_digit(s.charAt(i))) {
    std::string digits;
    while (i < s.length()) {
      UChar c = s.charAt(i);
      if (is_ascii_digit(c)) digits += static_cast<char>(c);
      else if (c == u'.' && i + 1 < s.length() && is_ascii_digit(s.charAt(i + 1)) && digits.find('.') == std::string::npos)
        digits += '.';
      else if (c == u',' && i + 3 < s.length() && is_ascii_digit(s.charAt(i + 1)) && is_ascii_digit(s.charAt(i + 2)) &&
               is_ascii_digit(s.charAt(i + 3)) && (i + 4 >= s.length() || !is_ascii_digit(s.charAt(i + 4))))
        ;  // thousands separator
      else break;
      ++i;
    }
    int exponent = 0;  // 万/亿 scale in the decimal exponent, so 1026.4亿 is exactly 102640000000
    if (i < s.length() && s.charAt(i) == u'万' && i + 1 < s.length() && s.charAt(i + 1) == u'亿') {
      exponent = 12;
      i += 2;
    } else if (i < s.length() && (s.charAt(i) == u'万' || s.charAt(i) == u'亿')) {
      exponent = s.charAt(i) == u'万' ? 4 : 8;
      ++i;
    }
    decimal = digits;
    decimal_exponent = exponent;
    value = std::stod(digits + "e" + std::to_string(exponent));
  } else {
    int32_t j = i;
    while (j < s.length() && (digit_of(s.charAt(j)) >= 0 || unit_of(s.charAt(j)) > 0)) ++j;
    if (j == i) return std::nullopt;
    auto v = parse_chinese_numeral(s.tempSubStringBetween(i, j));
    if (!v) return std::nullopt;
    value = *v;
    i = j;
  }
  if (percent_words) {
    q.value = value;
    q.unit = "percent";
    q.end = i;
    return q;
  }
  // 1600余人, 3900余家: an approximate count
  if (i < s.length() && (s.charAt(i) == u'余' || s.charAt(i) == u'多')) {
    q.qualifier = s.charAt(i) == u'余' ? "余" : "多";
    ++i;
  }
  // 三成 -> 30 percent
  if (i < s.length() && s.charAt(i) == u'成' && value < 10 && value == std::floor(value)) {
    q.value = value * 10;
    q.unit = "percent";
    q.end = i + 1;
    return q;
  }
  for (int32_t n = std::min<int32_t>(8, s.length() - i); n > 0; --n) {  // longest unit first
    auto it = units.find(s.tempSubString(i, n));
    if (it == units.end()) continue;
    int extra = static_cast<int>(std::lround(std::log10(it->second.scale)));
    q.value = decimal.empty() ? value * it->second.scale
                              : std::stod(decimal + "e" + std::to_string(decimal_exponent + extra));
    q.unit = it->second.unit;
    q.end = i + n;
    return q;
  }
  return std::nullopt;
}

}  // namespace doc2kg
