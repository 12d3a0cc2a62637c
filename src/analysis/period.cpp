#include "analysis/period.hpp"

#include <algorithm>
#include <cstdio>

#include "analysis/quantity.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {
namespace {

std::string two(int n) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", n);
  return b;
}

std::string month(int y, int m) { return std::to_string(y) + "-" + two(m); }
std::string months(int y, int from, int to) {
  return from == to ? month(y, from) : month(y, from) + "/" + month(y, to);
}

// The word lists of the grammar and the slot each fills in the pattern below.
struct Slot {
  const char* list;
  const char* slot;
};
const Slot kSlots[] = {
    {"period_year_marks", "Y"},         // after a year
    {"period_month_marks", "M"},        // after a month
    {"period_day_marks", "D"},          // a day after a month: a date, not a month
    {"period_range_marks", "R"},        // between the first and last month of a span
    {"period_until_marks", "U"},        // "as of" before a month's or year's end
    {"period_end_marks", "E"},          // the end of a month or year
    {"period_first_half", "H1"},        // months 1-6
    {"period_second_half", "H2"},       // months 7-12
    {"period_first_marks", "F"},        // "the first" N quarters or months
    {"period_ordinal_marks", "O"},      // an ordinal before a quarter
    {"period_quarter_marks", "Q"},      // a quarter
    {"period_month_count_marks", "C"},  // a count of months
    {"period_this_year", "T"},          // the article's year
    {"period_last_year", "L"},          // the year before it
    {"period_two_years_ago", "B"},      // two years before it
    {"period_next_year", "N"},          // the year after it (targets)
    {"period_comparison_marks", "S"},   // after last year: a comparison base; alone: the period before
    {"period_whole_year", "W"},         // the whole year the text is about
    {"period_since_marks", "SI"},       // "since" a year: a span to now, no period unless it is the article's year
    {"period_none", "Z"},               // "now", "in recent years": explicitly no period
};

// One pattern for every form; the groups say which form matched. {X} is the
// alternation of slot X's words. Numbers are digits or Chinese numerals.
const char* kPattern =
    "(?:{U}\\s*)?(?:(?<sy>\\d{4})\\s*{Y}\\s*)?(?<![0-9.])(?<stock>{NUM})\\s*{M}\\s*{E}"
    "|(?:{U}\\s*)?(?<![0-9.])(?<yy>\\d{4})\\s*{Y}\\s*{E}"
    "|(?<![0-9.])(?<year>\\d{4})\\s*{Y}(?<since>{SI})?"
    "|(?<rel>(?<this>{T})|(?<last>{L})|(?<before>{B})|(?<next>{N}))(?!{S})(?<relend>{E})?"
    "|(?<ye>{Y}{E})"
    "|(?<whole>{W})"
    "|(?<!{L}|{T})(?<same>{S})"
    "|(?<![0-9.])(?:1|一)\\s*{M}?\\s*{R}\\s*(?<to>{NUM})\\s*{M}(?!\\s*[0-9]{0,2}\\s*{D})"
    "|(?<h1>{H1})|(?<h2>{H2})"
    "|{F}\\s*(?<nq>[一二三123])\\s*{Q}"
    "|{F}\\s*(?<nm>{NUM})\\s*{C}"
    "|(?:{O}\\s*)?(?<q>[一二三四1234])\\s*{Q}"
    "|(?<![0-9.])(?<m>\\d{1,2})\\s*{M}(?!\\s*[0-9]{0,2}\\s*{D}|\\s*{E})"
    "|(?<none>{Z})";

const char* kNumber = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";

icu::UnicodeString alternation(const WordSet& words) {
  std::vector<icu::UnicodeString> sorted(words.begin(), words.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.length() > b.length(); });
  icu::UnicodeString out(u"(?:");
  for (size_t k = 0; k < sorted.size(); ++k) {
    if (k) out.append(u'|');
    out.append(u"\\Q").append(sorted[k]).append(u"\\E");
  }
  if (sorted.empty()) out.append(u"(?!)");  // an empty list matches nothing
  return out.append(u")");
}

std::shared_ptr<RulePattern> compile(const icu::UnicodeString& pattern, const std::string& what) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  std::shared_ptr<RulePattern> p = RulePattern::compile(pattern, pe, status);
  if (U_FAILURE(status))
    throw Error(ErrorKind::Rules, "period grammar: bad " + what + " (" + u_errorName(status) + ") at offset " +
                                      std::to_string(pe.offset));
  return p;
}

int number_of(const icu::UnicodeString& u) {
  if (auto n = parse_number(u, 0)) return static_cast<int>(n->first);
  return 0;
}

}  // namespace

const std::vector<std::string>& period_word_lists() {
  static const std::vector<std::string> lists = [] {
    std::vector<std::string> out;
    for (const Slot& s : kSlots) out.push_back(s.list);
    return out;
  }();
  return lists;
}

PeriodGrammar::PeriodGrammar(const RuleSetImpl& rules) {
  icu::UnicodeString pattern = from_utf8(kPattern);
  pattern.findAndReplace(u"{NUM}", from_utf8(kNumber));
  for (const Slot& s : kSlots)
    pattern.findAndReplace(from_utf8(std::string("{") + s.slot + "}"), alternation(required_words(rules, s.list)));
  pattern_ = compile(pattern, "pattern");
  icu::UnicodeString year = u"(20\\d{2})\\s*";
  year.append(alternation(required_words(rules, "period_year_marks")));
  year_ = compile(year, "year pattern");
}

int PeriodGrammar::reference_year(const std::string& iso_date, const icu::UnicodeString& text) const {
  if (iso_date.size() >= 4) return std::stoi(iso_date.substr(0, 4));
  UErrorCode status = U_ZERO_ERROR;
  RuleMatch m(*year_, text);
  if (m.find(status)) return std::stoi(to_utf8(m.group(1, status)));
  return 0;
}

std::vector<Period> PeriodGrammar::find(const icu::UnicodeString& s, int32_t begin, int32_t end, int year,
                                        int carried) const {
  UErrorCode status = U_ZERO_ERROR;
  RuleMatch m(*pattern_, s, begin, end);
  std::vector<Period> out;
  int current = year;  // a stated year carries to what follows in the sentence (its first half...)
  bool stated = false;
  auto group = [&](const char16_t* name) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = pattern_->group_number(icu::UnicodeString(name));
    if (n < 0 || m.start(n, st) < 0) return icu::UnicodeString();
    return m.group(n, st);
  };
  while (m.find(status) && U_SUCCESS(status)) {
    Period period{"", m.start(status), m.end(status)};
    if (auto stock = group(u"stock"); !stock.isEmpty()) {
      if (auto sy = group(u"sy"); !sy.isEmpty()) current = number_of(sy), stated = true;
      int n = number_of(stock);
      if (current == 0 || n < 1 || n > 12) continue;
      period.iso = month(current, n);
    } else if (auto yy = group(u"yy"); !yy.isEmpty()) {
      current = number_of(yy);
      stated = true;
      period.iso = month(current, 12);
    } else if (auto y = group(u"year"); !y.isEmpty()) {
      current = number_of(y);
      stated = true;
      // "since 2022" in a 2023 article: a span to now without calendar bounds
      period.iso = group(u"since").isEmpty() || current == year ? std::to_string(current) : "";
    } else if (!group(u"rel").isEmpty()) {
      if (year == 0) continue;
      stated = true;
      current = !group(u"last").isEmpty()     ? year - 1
                : !group(u"before").isEmpty() ? year - 2
                : !group(u"next").isEmpty()   ? year + 1
                                              : year;
      period.iso = group(u"relend").isEmpty() ? std::to_string(current) : month(current, 12);
    } else if (current == 0) {
      continue;  // a month with no year to put it in
    } else if (!group(u"same").isEmpty()) {
      auto last = std::find_if(out.rbegin(), out.rend(), [](const Period& p) { return !p.iso.empty(); });
      if (last == out.rend()) continue;
      period.iso = last->iso;  // "in the same period": the period just stated
    } else if (!group(u"whole").isEmpty()) {
      period.iso = std::to_string(stated || !carried ? current : carried);  // "Last year, ... For the whole year, ..."
    } else if (!group(u"ye").isEmpty()) {
      period.iso = month(current, 12);
    } else if (auto to = group(u"to"); !to.isEmpty()) {
      int n = number_of(to);
      if (n < 1 || n > 12) continue;
      period.iso = months(current, 1, n);
    } else if (!group(u"h1").isEmpty()) {
      period.iso = months(current, 1, 6);
    } else if (!group(u"h2").isEmpty()) {
      period.iso = months(current, 7, 12);
    } else if (auto nq = group(u"nq"); !nq.isEmpty()) {
      period.iso = months(current, 1, 3 * number_of(nq));
    } else if (auto nm = group(u"nm"); !nm.isEmpty()) {
      int n = number_of(nm);
      if (n < 1 || n > 12) continue;
      period.iso = months(current, 1, n);
    } else if (auto q = group(u"q"); !q.isEmpty()) {
      int k = number_of(q);
      period.iso = months(current, 3 * k - 2, 3 * k);
    } else if (auto mo = group(u"m"); !mo.isEmpty()) {
      int n = number_of(mo);
      if (n < 1 || n > 12) continue;
      period.iso = month(current, n);
    }  // else "now": no period
    out.push_back(period);
  }
  return out;
}

}  // namespace doc2kg
