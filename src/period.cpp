#include "doc2kg/period.hpp"

#include <unicode/regex.h>

#include <cstdio>
#include <memory>

#include "doc2kg/text.hpp"

namespace doc2kg {
namespace {

std::string two(int n) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", n);
  return b;
}

std::string month(int y, int m) { return std::to_string(y) + "-" + two(m); }
std::string months(int y, int from, int to) { return from == to ? month(y, from) : month(y, from) + "/" + month(y, to); }

int chinese_digit(UChar c) {
  switch (c) {
    case u'一': return 1;
    case u'二': return 2;
    case u'三': return 3;
    case u'四': return 4;
    default: return 0;
  }
}

// One pattern for every form; the groups say which form matched.
const char16_t* kPattern =
    u"(?<year>\\d{4})年|(?<rel>今年|去年(?!同期)|上年(?!同期)|前年|当年)|(?:1|一)\\s*[-—~至到]\\s*(?<to>\\d{1,2})月(?:份)?(?![0-9]*日)"
    u"|截至(?:\\d{4}年)?(?<stock>\\d{1,2})月(?:底|末)|(?<half>上半年|下半年)|(?<first>前)(?<nq>[一二三])季度"
    u"|(?:第)?(?<q>[一二三四])季度|(?<m>\\d{1,2})月(?:份)?(?![0-9]*日|底|末)|(?<none>目前|当前|截至目前|近年来|日前)";

}  // namespace

int reference_year(const std::string& iso_date, const icu::UnicodeString& text) {
  if (iso_date.size() >= 4) return std::stoi(iso_date.substr(0, 4));
  UErrorCode status = U_ZERO_ERROR;
  icu::RegexMatcher m(u"(20\\d{2})年", text, 0, status);
  if (m.find(status)) return std::stoi(to_utf8(m.group(1, status)));
  return 0;
}

std::vector<Period> find_periods(const icu::UnicodeString& s, int32_t begin, int32_t end, int year) {
  // Compiled once: a RegexPattern is immutable, each call makes its own matcher.
  static const std::unique_ptr<icu::RegexPattern> p = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::RegexPattern>(icu::RegexPattern::compile(icu::UnicodeString(kPattern), 0, status));
  }();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(s, status));
  m->region(begin, end, status);
  std::vector<Period> out;
  int current = year;  // 2022年…上半年: a stated year carries to what follows
  auto group = [&](const char16_t* name) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = p->groupNumberFromName(icu::UnicodeString(name), st);
    if (U_FAILURE(st) || m->start(n, st) < 0) return icu::UnicodeString();
    return m->group(n, st);
  };
  auto number = [](const icu::UnicodeString& u) { return std::stoi(to_utf8(u)); };
  while (m->find(status) && U_SUCCESS(status)) {
    Period period{"", m->start(status), m->end(status)};
    if (auto y = group(u"year"); !y.isEmpty()) {
      current = number(y);
      period.iso = std::to_string(current);
    } else if (auto rel = group(u"rel"); !rel.isEmpty()) {
      if (year == 0) continue;
      current = (rel == u"去年" || rel == u"上年") ? year - 1 : rel == u"前年" ? year - 2 : year;
      period.iso = std::to_string(current);
    } else if (current == 0) {
      continue;  // a month with no year to put it in
    } else if (auto to = group(u"to"); !to.isEmpty()) {
      period.iso = months(current, 1, number(to));
    } else if (auto stock = group(u"stock"); !stock.isEmpty()) {
      period.iso = month(current, number(stock));
    } else if (auto half = group(u"half"); !half.isEmpty()) {
      period.iso = half == u"上半年" ? months(current, 1, 6) : months(current, 7, 12);
    } else if (auto nq = group(u"nq"); !nq.isEmpty()) {
      period.iso = months(current, 1, 3 * chinese_digit(nq.charAt(0)));
    } else if (auto q = group(u"q"); !q.isEmpty()) {
      int k = chinese_digit(q.charAt(0));
      period.iso = months(current, 3 * k - 2, 3 * k);
    } else if (auto mo = group(u"m"); !mo.isEmpty()) {
      int n = number(mo);
      if (n < 1 || n > 12) continue;
      period.iso = month(current, n);
    }  // else 目前/当前: no period
    out.push_back(period);
  }
  return out;
}

}  // namespace doc2kg
