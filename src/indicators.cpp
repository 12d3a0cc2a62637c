#include "doc2kg/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_set>

#include "doc2kg/annotated_sentence.hpp"
#include "doc2kg/period.hpp"
#include "doc2kg/quantity.hpp"
#include "doc2kg/text.hpp"
#include "doc2kg/writer.hpp"

namespace doc2kg {
namespace {

const std::vector<std::string> kSubjectTypes = {"District", "Zone", "Project", "Community", "Subdistrict"};
// Entities that end a name (a quoted initiative before 29个村 is not part of its name).
const std::vector<std::string> kNameStops = {"Initiative", "Honor", "Organization", "Person"};

bool is_break(UChar c) { return c == u',' || c == u';' || c == u':' || c == u'、' || c == u'。' || c == u'(' || c == u')'; }
bool isalpha_ascii(UChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool is_digitish(UChar c) { return (c >= u'0' && c <= u'9') || c == u'.'; }
bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }


class SentenceIndicators {
 public:
  SentenceIndicators(const Document& doc, const RuleSet& rules, Range sentence, int year, std::vector<IndicatorFact>& out)
      : doc_(doc), rules_(rules), a_(annotate(doc, sentence)), year_(year), out_(out) {}

  void run() {
    periods_ = find_periods(a_.text, 0, a_.text.length(), year_);
    int32_t previous_end = 0;
    std::string previous_name;
    for (int32_t i = 0; i < a_.text.length(); ++i) {
      if (a_.entity[i] >= 0) continue;
      if (a_.text.compare(i, 2, u"亿元") == 0 && i > 0 && (a_.text.charAt(i - 1) == u'破' || a_.text.charAt(i - 1) == u'超')) {
        // 突破亿元: a round hundred million
        Quantity q{1e8, "CNY", "", i, i + 2};
        IndicatorFact f = describe(q, std::max(previous_end, region_start(i)), previous_name);
        previous_end = q.end;
        i = q.end - 1;
        if (!f.name.empty()) out_.push_back(std::move(f));
        continue;
      }
      if (!(starts_number(a_.text.charAt(i)) || a_.text.compare(i, 3, u"百分之") == 0)) continue;
      if (i > 0 && a_.entity[i - 1] < 0 && (is_digitish(a_.text.charAt(i - 1)) || isalpha_ascii(a_.text.charAt(i - 1))))
        continue;  // inside a number or a code (PM2.5)
      auto q = parse_quantity(a_.text, i, rules_.units);
      if (!q) continue;
      if (q->value == 0 && q->unit != "percent") continue;
      bool chinese = !is_digitish(a_.text.charAt(i));
      if (chinese && q->unit == "count" && q->value < 10) continue;  // 一批, 两个: not figures
      if (i > 0 && a_.text.charAt(i - 1) == u'第') {  // 居全市第2位
        if (q->unit != "count") continue;
        q->unit = "rank";
      }
      IndicatorFact f = describe(*q, std::max(previous_end, region_start(i)), previous_name);
      previous_end = q->end;
      i = q->end - 1;
      if (f.name.empty()) continue;
      previous_name = f.name;
      out_.push_back(std::move(f));
    }
  }

 private:
  int32_t region_start(int32_t at) const {
    for (int32_t j = at - 1; j >= 0; --j) {
      if (a_.entity[j] < 0 && is_break(a_.text.charAt(j))) return j + 1;
      if (a_.entity[j] >= 0 && (contains(kNameStops, a_.spans[a_.entity[j]].type) ||
                                contains(kSubjectTypes, a_.spans[a_.entity[j]].type)))
        return j + 1;  // a name starts after the organisation, zone or area before it
    }
    return 0;
  }

  std::string text_of(int32_t b, int32_t e) const {
    if (b >= e) return "";
    Range r = a_.to_text(b, e);
    return to_utf8(doc_.text.tempSubStringBetween(r.begin, r.end));
  }

  // Units in [b, e) that a word of `list` covers at its end (suffix) or start,
  // compared as written: 高于全市平均水平 matches though 全市 is an entity.
  int32_t affix(const char* list, int32_t b, int32_t e, bool suffix) const {
    auto it = rules_.word_lists.find(list);
    if (it == rules_.word_lists.end()) return 0;
    int32_t best = 0;
    for (int32_t n = 1; n <= e - b && n <= 10; ++n) {
      Range r = suffix ? a_.to_text(e - n, e) : a_.to_text(b, b + n);
      if (it->second.count(doc_.text.tempSubStringBetween(r.begin, r.end))) best = n;
    }
    return best;
  }

  // The name: the clause text before the figure, without its subject, time
  // words, introducing verbs and 的; or, for 43个市级重点项目, the noun after it.
  std::string name_between(int32_t b, int32_t e) const {
    for (bool changed = true; changed && b < e;) {
      changed = false;
      if (a_.entity[b] >= 0 && contains(kSubjectTypes, a_.spans[a_.entity[b]].type)) {
        ++b;
        changed = true;
      } else if (int32_t n = affix("indicator_name_prefixes", b, e, false)) {
        b += n;
        changed = true;
      } else {
        for (const Period& p : periods_)
          if (p.begin == b && p.end <= e) {
            b = p.end;
            changed = true;
          }
      }
    }
    icu::UnicodeString name;
    for (int32_t i = b; i < e; ++i) {
      bool in_period = std::any_of(periods_.begin(), periods_.end(), [&](const Period& p) { return p.begin <= i && i < p.end; });
      if (in_period) continue;
      Range r = a_.to_text(i, i + 1);
      icu::UnicodeString piece = doc_.text.tempSubStringBetween(r.begin, r.end);
      if (piece == u"的" || piece == u" ") continue;
      name.append(piece);
    }
    return canonical_name(name);
  }

  std::string name_after(int32_t from) const {
    int32_t e = from;
    while (e < a_.text.length() && a_.entity[e] < 0 && !is_break(a_.text.charAt(e)) && !starts_number(a_.text.charAt(e))) {
      if (affix("indicator_measures", from, e, true) > 0 && e - from > 2) break;
      ++e;
    }
    if (int32_t m = affix("indicator_measures", from, e, true); m > 0 && e - m > from) e -= m;
    return name_between(from, std::min<int32_t>(e, from + 12));
  }

  IndicatorFact describe(const Quantity& q, int32_t region, const std::string& previous_name) const {
    IndicatorFact f;
    f.value = q.value;
    f.unit = q.unit;
    f.qualifier = q.qualifier;
    f.evidence = a_.sentence;
    f.rule = "indicator.figure";
    int32_t name_end = q.unit == "rank" ? q.begin - 1 : q.begin;  // 居全市第2位: the name ends before 第
    if (int32_t m = affix("indicator_measures", region, name_end, true)) {
      f.measure = to_utf8(a_.text.tempSubStringBetween(name_end - m, name_end));
      name_end -= m;
      if (int32_t m2 = affix("indicator_measures", region, name_end, true)) {  // 同比 + 增长 + 达到 …
        f.measure = to_utf8(a_.text.tempSubStringBetween(name_end - m2, name_end)) + f.measure;
        name_end -= m2;
      }
    }
    f.name = name_between(region, name_end);
    if (f.name.empty() && q.unit == "count") {
      f.name = name_after(q.end);
      f.rule = "indicator.count_of";
    }
    if (f.name.empty()) {
      f.name = previous_name;
      f.rule = "indicator.same_name";
    }
    subject(q, f);
    f.period = period(q, f);
    return f;
  }

  void subject(const Quantity& q, IndicatorFact& f) const {
    // 总投资20亿元的…项目: the figure describes the project named after it.
    if (q.end + 1 < a_.text.length() && a_.text.charAt(q.end) == u'的' && a_.entity[q.end + 1] >= 0) {
      const Span& s = a_.spans[a_.entity[q.end + 1]];
      if (s.type == "Project" || s.type == "Zone") {
        f.subject_type = s.type;
        f.subject = s.name;
        return;
      }
    }
    // 签约…项目,总投资18亿元: an investment or output belongs to the project named before it.
    bool project_figure = f.name.find("投资") != std::string::npos || f.name.find("产值") != std::string::npos;
    for (int32_t j = q.begin - 1; j >= 0; --j) {
      if (a_.entity[j] < 0) continue;
      const Span& s = a_.spans[a_.entity[j]];
      if (!contains(kSubjectTypes, s.type)) continue;
      if (project_figure && s.type != "Project") {
        bool project_before = false;
        for (int32_t k = j - 1; k >= 0 && !(a_.entity[k] < 0 && a_.text.charAt(k) == u';'); --k)
          project_before = project_before || (a_.entity[k] >= 0 && a_.spans[a_.entity[k]].type == "Project");
        if (project_before) continue;
      }
      if (project_figure && s.type == "Project") {
        f.subject_type = s.type;
        f.subject = s.name;
        return;
      }
      if (affix("indicator_object_markers", 0, j, true) > 0) continue;
      f.subject_type = s.type;
      f.subject = s.name;
      return;
    }
    f.subject_type = "District";
    f.subject = doc_.area;
  }

  // The nearest time expression before the figure, if it governs it: it opens
  // the sentence, or no ';' separates them. A project's investment has none.
  std::string period(const Quantity& q, const IndicatorFact& f) const {
    if (f.subject_type == "Project" && f.name.find("投资") != std::string::npos) return "";
    const Period* best = nullptr;
    for (const Period& p : periods_)
      if (p.end <= q.begin) best = &p;
    if (!best) return "";
    bool opens = best->begin == 0;
    for (const Period& p : periods_)
      if (&p != best && p.end == best->begin && p.begin == 0) opens = true;  // 今年1-9月
    if (!opens)
      for (int32_t j = best->end; j < q.begin; ++j)
        if (a_.entity[j] < 0 && a_.text.charAt(j) == u';') return "";
    return best->iso;
  }

  const Document& doc_;
  const RuleSet& rules_;
  AnnotatedSentence a_;
  int year_;
  std::vector<IndicatorFact>& out_;
  std::vector<Period> periods_;
};

}  // namespace

std::string IndicatorFact::key() const {
  return subject_type + "/" + subject + "/" + name + "/" + measure + "/" + shortest_number(value) + unit + "/" + period;
}

std::vector<IndicatorFact> extract_indicators(const Document& doc, const RuleSet& rules) {
  std::vector<IndicatorFact> out;
  int year = reference_year(doc.info.date, doc.text);
  for (const Range& s : doc.sentences) SentenceIndicators(doc, rules, s, year, out).run();
  std::vector<IndicatorFact> unique;
  std::unordered_set<std::string> seen;
  for (auto& f : out)
    if (!f.subject.empty() && seen.insert(f.key()).second) unique.push_back(std::move(f));
  return unique;
}

}  // namespace doc2kg
