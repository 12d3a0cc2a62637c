#include "analysis/quantity.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {
namespace {

// Numerals are the one piece of Chinese that stays in code: they are arithmetic, not vocabulary.
int digit_of(UChar c) {
  static const std::u16string_view digits = u"零一二三四五六七八九";
  if (c == u'〇') return 0;
  if (c == u'两') return 2;
  auto at = digits.find(c);
  return at == std::u16string_view::npos ? -1 : static_cast<int>(at);
}

double unit_of(UChar c) {
  switch (c) {
    case u'十':
      return 10;
    case u'百':
      return 100;
    case u'千':
      return 1000;
    case u'万':
      return 1e4;
    case u'亿':
      return 1e8;
    default:
      return 0;
  }
}

bool is_ascii_digit(UChar c) { return c >= u'0' && c <= u'9'; }

int exponent_of(double scale) { return static_cast<int>(std::lround(std::log10(scale))); }

int32_t skip_spaces(const icu::UnicodeString& s, int32_t i) {
  int32_t j = i;
  while (j < s.length() && j - i < 2 && is_figure_space(s.charAt(j))) ++j;
  return j;
}

// The longest word of any list is short; this bounds the search.
constexpr int32_t kLongestWord = 12;

// An Arabic number with an optional 万/亿/万亿 after it, kept as written so
// that scaling stays exact (1026.4亿 is exactly 102640000000).
struct Digits {
  std::string digits;
  int exponent = 0;
  bool scaled = false;  // a ten-thousand or hundred-million written
  int32_t end = 0;
};

std::optional<Digits> read_digits(const icu::UnicodeString& s, int32_t i) {
  if (i >= s.length() || !is_ascii_digit(s.charAt(i))) return std::nullopt;
  Digits d;
  while (i < s.length()) {
    UChar c = s.charAt(i);
    if (is_ascii_digit(c))
      d.digits += static_cast<char>(c);
    else if (c == u'.' && i + 1 < s.length() && is_ascii_digit(s.charAt(i + 1)) &&
             d.digits.find('.') == std::string::npos)
      d.digits += '.';
    else if (c == u',' && i + 3 < s.length() && is_ascii_digit(s.charAt(i + 1)) && is_ascii_digit(s.charAt(i + 2)) &&
             is_ascii_digit(s.charAt(i + 3)) && (i + 4 >= s.length() || !is_ascii_digit(s.charAt(i + 4))) &&
             d.digits.find('.') == std::string::npos)
      ;  // thousands separator
    else
      break;
    ++i;
  }
  int32_t j = skip_spaces(s, i);
  if (j + 1 < s.length() && s.charAt(j) == u'万' && s.charAt(j + 1) == u'亿') {
    d.exponent = 12;
    d.scaled = true;
    i = j + 2;
  } else if (j < s.length() && (s.charAt(j) == u'万' || s.charAt(j) == u'亿')) {
    d.exponent = s.charAt(j) == u'万' ? 4 : 8;
    d.scaled = true;
    i = j + 1;
  }
  d.end = i;
  return d;
}

double value_of(const Digits& d, int extra = 0) {
  return std::stod(d.digits + "e" + std::to_string(d.exponent + extra));
}

// The number at i: Arabic (as Digits) or a Chinese numeral (as a value).
struct Number {
  std::optional<Digits> arabic;
  double value = 0;
  int32_t end = 0;
  int magnitude = 0;  // the exponent of a 万/亿 that closes a Chinese numeral (八万: 4)
};

std::optional<Number> read_number(const icu::UnicodeString& s, int32_t i) {
  Number n;
  if (auto d = read_digits(s, i)) {
    n.value = value_of(*d);
    n.end = d->end;
    n.arabic = std::move(d);
    return n;
  }
  int32_t j = i;
  while (j < s.length() && (digit_of(s.charAt(j)) >= 0 || unit_of(s.charAt(j)) > 0)) ++j;
  if (j == i) return std::nullopt;
  auto v = parse_chinese_numeral(s.tempSubStringBetween(i, j));
  if (!v) return std::nullopt;
  n.value = *v;
  n.end = j;
  for (int32_t k = j; k > i && unit_of(s.charAt(k - 1)) >= 1e4; --k)
    n.magnitude += exponent_of(unit_of(s.charAt(k - 1)));
  return n;
}

// The unit at i, longest first.
std::optional<std::pair<UnitTable::const_iterator, int32_t>> read_unit(const icu::UnicodeString& s, int32_t i,
                                                                       const UnitTable& units) {
  for (int32_t n = std::min<int32_t>(8, s.length() - i); n > 0; --n) {
    auto it = units.find(s.tempSubString(i, n));
    if (it != units.end()) return std::pair{it, n};
  }
  return std::nullopt;
}

// The written unit without the 万/亿 that the table folds into it (for production units).
std::string written_unit(const icu::UnicodeString& key, double scale) {
  icu::UnicodeString w(key);
  if (scale > 1 && w.length() > 1 && unit_of(w.charAt(0)) >= 1e4) w.remove(0, 1);
  return to_utf8(w);
}

}  // namespace

bool starts_number(UChar c) { return is_ascii_digit(c) || digit_of(c) >= 0 || c == u'十' || c == u'百'; }

bool is_figure_space(UChar c) { return c == u' ' || c == 0x3000 || c == 0x00A0; }

const WordSet& required_words(const RuleSetImpl& rules, const std::string& name) {
  auto it = rules.word_lists.find(name);
  if (it == rules.word_lists.end())
    throw Error(ErrorKind::Rules, "invalid rule set " + rules.dir + ": no word list \"" + name +
                                      "\" (a lexicon of kind words that figures and periods are read with)");
  return it->second;
}

int32_t word_at(const WordSet& words, const icu::UnicodeString& s, int32_t at, int32_t end) {
  if (end < 0 || end > s.length()) end = s.length();
  if (at >= end) return 0;
  for (int32_t n = std::min({kLongestWord, words.longest(), end - at}); n > 0; --n)
    if (words.contains(WordSet::view(s, at, n))) return n;
  return 0;
}

int32_t word_before(const WordSet& words, const icu::UnicodeString& s, int32_t end, int32_t begin) {
  for (int32_t n = std::min({kLongestWord, words.longest(), end - begin}); n > 0; --n)
    if (words.contains(WordSet::view(s, end - n, n))) return n;
  return 0;
}

const std::vector<std::string>& quantity_word_lists() {
  static const std::vector<std::string> lists = {"quantity_percent_prefixes", "quantity_approx_infixes",
                                                 "quantity_approx_suffixes", "quantity_tenths", "quantity_range_marks"};
  return lists;
}

QuantityGrammar QuantityGrammar::from(const RuleSetImpl& rules) {
  QuantityGrammar g;
  g.units = &rules.units;
  g.percent_prefixes = &required_words(rules, "quantity_percent_prefixes");
  g.approx_infixes = &required_words(rules, "quantity_approx_infixes");
  g.approx_suffixes = &required_words(rules, "quantity_approx_suffixes");
  g.tenths = &required_words(rules, "quantity_tenths");
  g.range_marks = &required_words(rules, "quantity_range_marks");
  return g;
}

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
      total += section;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * u;  // 十 alone is 10
    }
    digit = -1;
  }
  return total + section + std::max(digit, 0.0);
}

std::optional<std::pair<double, int32_t>> parse_number(const icu::UnicodeString& s, int32_t at) {
  auto n = read_number(s, at);
  if (!n) return std::nullopt;
  return std::pair{n->value, n->end};
}

namespace {

// One quantity without a range: the number, its unit, and the scale the unit row adds.
std::optional<Quantity> parse_single(const icu::UnicodeString& s, int32_t at, const QuantityGrammar& g,
                                     std::optional<Number>* number_out, double* unit_scale) {
  Quantity q;
  q.begin = at;
  int32_t i = at;
  bool percent_words = false;
  if (int32_t n = word_at(*g.percent_prefixes, s, i)) {  // "per cent of" written before the number
    percent_words = true;
    i += n;
  }
  auto number = read_number(s, i);
  if (!number) return std::nullopt;
  *number_out = number;
  *unit_scale = 1;
  i = number->end;
  if (percent_words) {
    q.value = number->value;
    q.unit = "percent";
    q.written_unit = "%";
    q.end = i;
    return q;
  }
  if (int32_t n = word_at(*g.approx_infixes, s, i)) {  // "1600-odd people": an approximate count
    q.qualifier = to_utf8(s.tempSubString(i, n));
    i += n;
  }
  if (int32_t n = word_at(*g.tenths, s, i); n && number->value < 10 && number->value == std::floor(number->value)) {
    q.value = number->value * 10;  // three tenths -> 30 percent
    *unit_scale = 10;
    q.unit = "percent";
    q.written_unit = to_utf8(s.tempSubString(i, n));
    q.end = i + n;
    return q;
  }
  i = skip_spaces(s, i);
  auto unit = read_unit(s, i, *g.units);
  if (!unit) return std::nullopt;
  const auto& [it, n] = *unit;
  *unit_scale = it->second.scale;
  q.value =
      number->arabic ? value_of(*number->arabic, exponent_of(it->second.scale)) : number->value * it->second.scale;
  q.unit = it->second.unit;
  q.written_unit = written_unit(it->first, it->second.scale);
  q.end = i + n;
  if (int32_t m = word_at(*g.approx_suffixes, s, q.end)) {  // "500 or more", "about 6%"
    if (q.qualifier.empty()) q.qualifier = to_utf8(s.tempSubString(q.end, m));
    q.end += m;
  }
  return q;
}

}  // namespace

std::optional<Quantity> parse_quantity(const icu::UnicodeString& s, int32_t at, const QuantityGrammar& g) {
  // "9万 to 10万 tonnes", "1.5 to 2亿 yuan": a range whose unit is written once, after its upper bound.
  if (word_at(*g.percent_prefixes, s, at) == 0)
    if (auto low = read_number(s, at)) {
      int32_t j = skip_spaces(s, low->end);
      if (int32_t n = word_at(*g.range_marks, s, j)) {
        int32_t k = skip_spaces(s, j + n);
        std::optional<Number> high;
        double scale = 1;
        if (k < s.length() && starts_number(s.charAt(k)))
          if (auto upper = parse_single(s, k, g, &high, &scale)) {
            if (low->arabic) {
              // the lower bound without 万/亿 is in the magnitude of the upper one (3 to 5万 tonnes)
              int exponent = low->arabic->scaled ? low->arabic->exponent
                             : high->arabic      ? high->arabic->exponent
                                                 : high->magnitude;
              low->value = std::stod(low->arabic->digits + "e" + std::to_string(exponent + exponent_of(scale)));
            } else {
              // 五 to 八万 mu: a Chinese lower bound without 万/亿 is in the magnitude of the upper one
              int magnitude = high->arabic ? high->arabic->exponent : high->magnitude;
              low->value *= scale * (low->magnitude == 0 ? std::pow(10.0, magnitude) : 1.0);
            }
            upper->begin = at;
            upper->range = true;
            upper->low = low->value;
            return upper;
          }
      }
    }
  std::optional<Number> number;
  double scale = 1;
  return parse_single(s, at, g, &number, &scale);
}

}  // namespace doc2kg
