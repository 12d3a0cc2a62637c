#include "analysis/indicators.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_set>

#include "analysis/annotated_sentence.hpp"
#include "analysis/period.hpp"
#include "analysis/quantity.hpp"
#include "base/text.hpp"
#include "document/ontology.hpp"

namespace doc2kg {
namespace {

const std::vector<std::string> kSubjectTypes = {"District", "City", "Province", "Zone", "Project", "Community", "Subdistrict"};
// Areas named inside a name are its scope, not part of it (a share "of the whole district").
const std::vector<std::string> kAreaTypes = {"District", "City", "Province"};
// Subjects whose figures after a ';' do not share the period before it.
const std::vector<std::string> kLocalTypes = {"Community", "Project", "Subdistrict"};
// Entities that end a name (a quoted initiative before a count of villages is not part of its name).
const std::vector<std::string> kNameStops = {"Initiative", "Honor", "Organization", "Person"};

bool is_break(UChar c) {
  return c == u',' || c == u';' || c == u':' || c == u'、' || c == u'。' || c == u'(' || c == u')';
}
// The end of a clause or of a sentence (width-folded text): , ; : 。 ! ?
bool is_clause_boundary(UChar c) { return c == u',' || c == u';' || c == u':' || c == u'。' || c == u'!' || c == u'?'; }
bool isalpha_ascii(UChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool is_digitish(UChar c) { return (c >= u'0' && c <= u'9') || c == u'.'; }
bool is_open_quote(UChar c) { return c == u'“'; }
bool is_close_quote(UChar c) { return c == u'”'; }

// The word lists of the rules that figures are read with (rules/lexicons/indicator_*.tsv).
struct Lists {
  const WordSet *measures, *name_prefixes, *name_suffixes, *name_fillers, *object_markers, *bare_unit_marks,
      *rank_marks, *rank_verbs, *rank_suffixes, *attributive_marks, *project_figures, *respectively, *joiners,
      *range_low, *range_high, *capacity_marks, *production_words, *company_heads, *work_verbs, *relative_names,
      *share_marks, *share_heads, *comparison_marks, *comparison_leads;
};

struct ListSlot {
  const WordSet* Lists::*member;
  const char* name;
};

const ListSlot kLists[] = {
    {&Lists::measures, "indicator_measures"},
    {&Lists::name_prefixes, "indicator_name_prefixes"},
    {&Lists::name_suffixes, "indicator_name_suffixes"},
    {&Lists::name_fillers, "indicator_name_fillers"},
    {&Lists::object_markers, "indicator_object_markers"},
    {&Lists::bare_unit_marks, "indicator_bare_unit_marks"},
    {&Lists::rank_marks, "indicator_rank_marks"},
    {&Lists::rank_verbs, "indicator_rank_verbs"},
    {&Lists::rank_suffixes, "indicator_rank_suffixes"},
    {&Lists::attributive_marks, "indicator_attributive_marks"},
    {&Lists::project_figures, "indicator_project_figures"},
    {&Lists::respectively, "indicator_respectively"},
    {&Lists::joiners, "indicator_joiners"},
    {&Lists::range_low, "indicator_range_low"},
    {&Lists::range_high, "indicator_range_high"},
    {&Lists::capacity_marks, "indicator_capacity_marks"},
    {&Lists::production_words, "indicator_production_words"},
    {&Lists::company_heads, "indicator_company_heads"},
    {&Lists::work_verbs, "indicator_work_verbs"},
    {&Lists::relative_names, "indicator_relative_names"},
    {&Lists::share_marks, "indicator_share_marks"},
    {&Lists::share_heads, "indicator_share_heads"},
    {&Lists::comparison_marks, "indicator_comparison_marks"},
    {&Lists::comparison_leads, "indicator_comparison_leads"},
};

std::string first_word(const WordSet& words) { return words.empty() ? "" : to_utf8(*words.begin()); }

bool has_word(const WordSet& words, const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); ++i)
    if (word_at(words, s, i)) return true;
  return false;
}

bool ends_with_word(const WordSet& words, const icu::UnicodeString& s) { return word_before(words, s, s.length()) > 0; }

// Names that contain one another or share half their characters (the scorer's test).
bool similar_names(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) return true;
  icu::UnicodeString ua = from_utf8(a), ub = from_utf8(b);
  std::set<UChar32> sa, sb, all;
  for (int32_t i = 0; i < ua.length(); i = ua.moveIndex32(i, 1)) sa.insert(ua.char32At(i));
  for (int32_t i = 0; i < ub.length(); i = ub.moveIndex32(i, 1)) sb.insert(ub.char32At(i));
  size_t common = 0;
  for (UChar32 c : sa) common += sb.count(c);
  all = sa;
  all.insert(sb.begin(), sb.end());
  return 2 * common >= all.size();
}

// The grammars built from a rule set's lists: once per rule set, not per article.
struct Grammars {
  QuantityGrammar quantity;
  PeriodGrammar periods;
  explicit Grammars(const RuleSetImpl& r) : quantity(QuantityGrammar::from(r)), periods(r) {}
};

const Grammars& grammars_of(const RuleSetImpl& r) {
  std::lock_guard<std::mutex> lock(r.derived_mutex);
  std::shared_ptr<const void>& slot = r.derived["indicators"];
  if (!slot) slot = std::make_shared<const Grammars>(r);
  return *static_cast<const Grammars*>(slot.get());
}

// A paragraph this short without a full stop is a title or a section heading.
constexpr int32_t kFocusHeading = 30;

// What every sentence of one article is read with.
struct Context {
  const Document& doc;
  const RuleSetImpl& rules;
  Lists lists{};
  const QuantityGrammar& quantity;
  const PeriodGrammar& periods;
  int year = 0;
  std::vector<Range> speech;  // quoted speech: its figures are one speaker's, not statistics
  std::vector<std::pair<int32_t, std::string>> focus;  // by paragraph start: the Subdistrict it is about, or ""

  Context(const Document& d, const RuleSetImpl& r)
      : doc(d), rules(r), quantity(grammars_of(r).quantity), periods(grammars_of(r).periods) {
    for (const ListSlot& s : kLists) lists.*s.member = &required_words(r, s.name);
    year = periods.reference_year(doc.info.date, doc.text);
    find_speech();
    find_focus();
  }

  // The town or street (Subdistrict) a text or a section is about: the one that opens
  // its title or a section heading ("X镇入选…"), or, without one, the first area its first
  // paragraph names ("…, X街道紧紧围绕Y区…"). Figures without a subject of their own are
  // its, not the district's. A heading that opens with the district hands them back.
  void find_focus() {
    bool first = true;
    for (const Range& p : doc.paragraphs) {
      const Span* opening = nullptr;
      const Span* next = nullptr;  // the entity right after it (X镇Y村: the village is what it is about)
      for (const Span& e : doc.entities) {
        if (e.range.begin < p.begin || e.range.begin >= p.end) continue;
        if (opening) {
          next = &e;
          break;
        }
        if (e.type == "Subdistrict" || e.type == "District" || e.type == "City") opening = &e;
      }
      icu::UnicodeString text = doc.text.tempSubStringBetween(p.begin, p.end);
      bool heading = p.end - p.begin <= kFocusHeading && text.indexOf(u'。') < 0;
      if (opening && (heading ? opening->range.begin == p.begin : first)) {
        bool town = opening->type == "Subdistrict" && !bare_level(*opening) &&
                    !(next && next->range.begin == opening->range.end);
        // A line of a list ("X镇…有茶园3200亩") states a figure; a heading that hands the text to a town does not.
        // A year ("2024年工作总结") is no figure.
        if (town && heading)
          for (int32_t i = 0; i < text.length() && town; ++i) {
            int32_t e = i;
            while (e < text.length() && u_isdigit(text.charAt(e))) ++e;
            town = e == i || (e < text.length() && text.charAt(e) == u'年');
            i = std::max(i, e);
          }
        if (town || opening->type != "Subdistrict") focus.push_back({p.begin, town ? opening->name : ""});
      }
      if (opening || !heading) first = false;
    }
  }

  // A reference written as a bare level (街道, 镇): its name is the level, not a place.
  bool bare_level(const Span& s) const {
    return s.range.end - s.range.begin <= 2 &&
           to_utf8(doc.text.tempSubStringBetween(s.range.begin, s.range.end)) == s.name;
  }

  // The focus at an offset: a Subdistrict's name, or "" for the article's district.
  std::string focus_at(int32_t offset) const {
    std::string out;
    for (const auto& f : focus)
      if (f.first <= offset) out = f.second;
    return out;
  }

  // A quote that holds a clause (a comma or a full stop inside) is someone
  // speaking; a quote without one is a name (of a brand, a programme). A quote left open
  // at the end of its paragraph runs to it.
  void find_speech() {
    for (const Range& p : doc.paragraphs) {
      int32_t open = -1;
      bool clause = false;
      for (int32_t i = p.begin; i < p.end; ++i) {
        UChar c = doc.text.charAt(i);
        if (is_open_quote(c)) {
          open = i;
          clause = false;
        } else if (is_close_quote(c) && open >= 0) {
          if (clause) speech.push_back({open, i + 1});
          open = -1;
        } else if (open >= 0 && (c == u',' || c == u'。' || c == u'!' || c == u'?')) {
          clause = true;
        }
      }
      if (open >= 0 && clause) speech.push_back({open, p.end});
    }
  }

  bool in_speech(int32_t offset) const {
    return std::any_of(speech.begin(), speech.end(),
                       [&](const Range& r) { return r.begin <= offset && offset < r.end; });
  }
};

// A sentence this short without figures is a heading or a lead line.
constexpr int32_t kHeadingLength = 24;

// The time the text is about: a year, and the period figures without one of their own take.
struct Carried {
  int year = 0;
  std::string iso;
};

// A ranking: the growth ranks Nth in the city, or Nth among the M districts (indicator_rank_*).
struct Rank {
  int32_t stop = 0;  // where the name ends: the ranking verb or the scope before it
  int32_t mark = 0;  // the ordinal mark (indicator_rank_marks)
  int32_t number = 0, end = 0;
  double value = 0;
};

// Where a figure of this sentence is, for pairing "respectively" lists afterwards.
struct Placed {
  size_t fact = 0;
  int32_t begin = 0, end = 0;
  bool respectively = false;  // indicator_respectively before it in its clause
  bool borrowed = false;      // its name came from the figure before
  bool range = false;
  int subject_unit = -1;  // the unit of its subject entity, -1 for the article's area
};

struct Subject {
  std::string type, name;
  int unit = -1;
  bool drop = false;  // a company's figure: no indicator
};

class SentenceIndicators {
 public:
  // `carried`: the time the text is about before this sentence; updated to the one after it.
  SentenceIndicators(const Context& c, Range sentence, Carried& carried, std::vector<IndicatorFact>& out)
      : c_(c),
        L_(c.lists),
        a_(annotate(c.doc, sentence)),
        carried_(carried),
        before_(carried),
        out_(out),
        first_(out.size()) {}

  void run() {
    periods_ = c_.periods.find(a_.text, 0, a_.text.length(), c_.year, carried_.year);
    // "N times last year's", "up on last year": a time after a comparison word
    // (indicator_comparison_marks) is the base, not the figure's period.
    for (const Period& p : periods_) {
      int32_t k = p.begin;
      while (k > 0 && !span(k - 1) && is_figure_space(a_.text.charAt(k - 1))) --k;
      base_.push_back(k > 0 && word_before(*L_.comparison_marks, a_.text, k) > 0);
    }
    find_ranks();
    int32_t previous_end = 0;
    std::string previous_name;
    for (int32_t i = 0; i < a_.text.length(); ++i) {
      if (a_.entity[i] >= 0 || c_.in_speech(a_.source[i].begin)) continue;
      if (const Rank* r = rank_at(i)) {
        add_rank(*r, previous_end, previous_name);
        previous_end = r->end;
        i = r->end - 1;
        continue;
      }
      if (inside_rank(i)) continue;  // "among the 11 districts": the scope of a ranking
      UChar c = a_.text.charAt(i);
      if (!starts_number(c) && !word_at(*c_.quantity.percent_prefixes, a_.text, i)) {
        if (auto q = bare_unit(i)) {  // "passed the hundred-million mark": a round figure
          add(*q, std::max(previous_end, region_start(i)), previous_name);
          previous_end = q->end;
          i = q->end - 1;
        }
        continue;
      }
      if (i > 0 && a_.entity[i - 1] < 0 && (is_digitish(a_.text.charAt(i - 1)) || isalpha_ascii(a_.text.charAt(i - 1))))
        continue;  // inside a number or a code (PM2.5)
      auto q = parse_quantity(a_.text, i, c_.quantity);
      if (!q) continue;
      if (q->value == 0 && q->unit != "percent") continue;
      bool chinese = !is_digitish(c) && !word_at(*c_.quantity.percent_prefixes, a_.text, i);
      if (chinese && q->unit == "count" && q->value < 10) continue;  // "a batch", "two of": not figures
      if (word_before(*L_.rank_marks, a_.text, i)) continue;         // "the 2nd batch": an ordinal, not a figure
      add(*q, std::max(previous_end, region_start(i)), previous_name);
      previous_end = q->end;
      i = q->end - 1;
    }
    pair_respectively();
    // A time that opens the sentence ("In 2023, the district...", "In the first
    // quarter, ...") is what the text goes on about; in a heading ("the year 2023
    // just past", "I. Review of 2023") any time is. A single month is an event's
    // date (a meeting, a ground-breaking), not a reporting period.
    bool heading = out_.size() == first_ && a_.text.length() <= kHeadingLength;
    for (size_t k = 0; k < periods_.size(); ++k) {
      const Period& p = periods_[k];
      if (base_[k]) continue;
      bool opens = p.begin == 0 || (p.begin == 1 && !span(0) && is_quote_mark(a_.text.charAt(0)));
      if (p.iso.empty() || !(opens || heading)) continue;
      carried_.year = std::stoi(p.iso.substr(0, 4));
      if (p.iso.size() == 4 || p.iso.find('/') != std::string::npos) carried_.iso = p.iso;
    }
  }

 private:
  icu::UnicodeString written(int32_t b, int32_t e) const {
    if (b >= e) return {};
    Range r = a_.to_text(b, e);
    return c_.doc.text.tempSubStringBetween(r.begin, r.end);
  }

  // True when the annotated unit `unit` is not the first character of its word (签|约).
  bool inside_word(int32_t unit) const {
    if (span(unit)) return false;
    int32_t at = a_.to_text(unit, unit + 1).begin;
    const Word* w = c_.doc.word_at(at);
    return w && w->range.begin < at;
  }

  const Span* span(int32_t unit) const { return a_.entity[unit] >= 0 ? &a_.spans[a_.entity[unit]] : nullptr; }

  // Units in [b, e) that a word of `list` covers at its end (suffix) or start,
  // compared as written: "above the city average" matches though "the city" is an entity.
  int32_t affix(const WordSet& list, int32_t b, int32_t e, bool suffix) const {
    int32_t best = 0;
    for (int32_t n = 1; n <= e - b && n <= 12; ++n)
      if (list.count(suffix ? written(e - n, e) : written(b, b + n))) best = n;
    return best;
  }

  // The end of the text before unit j, quote marks and spaces left out (implement the "X" project).
  int32_t before_entity(int32_t j) const {
    while (j > 0 && a_.entity[j - 1] < 0 &&
           (is_quote_mark(a_.text.charAt(j - 1)) || is_figure_space(a_.text.charAt(j - 1))))
      --j;
    return j;
  }

  // An entity after one of these words (indicator_object_markers, indicator_work_verbs) is an
  // object or a modifier of its clause ("share of the district", "started in X").
  bool is_object(int32_t j) const {
    int32_t k = before_entity(j);
    // "A and B": the second of two joined entities of one type is as much a subject as the first.
    if (int32_t n = affix(*L_.joiners, 0, k, true);
        n && k - n > 0 && span(k - n - 1) && span(j) && span(k - n - 1)->type == span(j)->type)
      return is_object(k - n - 1);
    return affix(*L_.object_markers, 0, k, true) > 0 || affix(*L_.work_verbs, 0, k, true) > 0;
  }

  bool in_period(int32_t i) const {
    return std::any_of(periods_.begin(), periods_.end(), [&](const Period& p) { return p.begin <= i && i < p.end; });
  }

  int32_t region_start(int32_t at) const {
    for (int32_t j = at - 1; j >= 0; --j) {
      const Span* s = span(j);
      if (!s && is_break(a_.text.charAt(j))) return j + 1;
      if (s && (has_type(kNameStops, s->type) || (has_type(kSubjectTypes, s->type) && !is_object(j))))
        return j + 1;  // a name starts after the organisation, zone or area before it
    }
    return 0;
  }

  // The name: the clause text before the figure, without its subject, time
  // words, introducing verbs, areas and fillers; or, for "43 key projects", the noun after it.
  std::string name_between(int32_t b, int32_t e) const {
    while (e > b && !span(e - 1) && is_figure_space(a_.text.charAt(e - 1))) --e;
    for (bool changed = true; changed && b < e;) {
      changed = false;
      if (const Span* s = span(b);
          s && (has_type(kAreaTypes, s->type) || (has_type(kSubjectTypes, s->type) && !is_object(b)))) {
        ++b;
        changed = true;
      } else if (!s && (is_figure_space(a_.text.charAt(b)) || is_quote_mark(a_.text.charAt(b)))) {
        ++b;
        changed = true;
      } else if (int32_t n = affix(*L_.name_prefixes, b, e, false)) {
        b += n;
        changed = true;
      } else {
        for (const Period& p : periods_)
          if (p.begin == b && p.end <= e && p.end > b) {
            b = p.end;
            changed = true;
          }
      }
    }
    icu::UnicodeString name;
    for (int32_t i = b; i < e; ++i) {
      if (in_period(i)) continue;
      if (const Span* s = span(i); s && has_type(kAreaTypes, s->type)) continue;
      if (int32_t n = span(i) ? 0 : word_at(*L_.name_fillers, a_.text, i, e)) {
        i += n - 1;
        continue;
      }
      icu::UnicodeString piece = written(i, i + 1);
      if (piece.length() == 1 && u_isspace(piece.charAt(0))) continue;
      name.append(piece);
    }
    for (int32_t n; (n = word_before(*L_.name_suffixes, name, name.length())) > 0 && n < name.length();)
      name.truncate(name.length() - n);
    return canonical_name(name);
  }

  std::string name_after(int32_t from) const {
    int32_t e = from;
    while (e < a_.text.length() && a_.entity[e] < 0 && !is_break(a_.text.charAt(e)) &&
           !starts_number(a_.text.charAt(e))) {
      if (affix(*L_.measures, from, e, true) > 0 && e - from > 2) break;
      ++e;
    }
    if (int32_t m = affix(*L_.measures, from, e, true); m > 0 && e - m > from) e -= m;
    return name_between(from, std::min<int32_t>(e, from + 12));
  }

  // "passed a hundred million yuan", "over ten thousand people": a scaled unit with no number.
  std::optional<Quantity> bare_unit(int32_t i) const {
    if (!word_before(*L_.bare_unit_marks, a_.text, i)) return std::nullopt;
    for (int32_t n = std::min<int32_t>(8, a_.text.length() - i); n > 1; --n) {
      auto it = c_.rules.units.find(a_.text.tempSubString(i, n));
      if (it != c_.rules.units.end() && it->second.scale >= 1e4)
        return Quantity{it->second.scale, it->second.unit, "", "", i, i + n};
    }
    return std::nullopt;
  }

  // Rankings: an ordinal mark and a number, with a ranking verb in the clause before or a
  // rank suffix after (indicator_rank_marks, _verbs, _suffixes).
  void find_ranks() {
    for (int32_t i = 0; i < a_.text.length(); ++i) {
      if (span(i)) continue;
      int32_t n = word_at(*L_.rank_marks, a_.text, i);
      if (!n) continue;
      int32_t j = i + n;
      while (j < a_.text.length() && is_figure_space(a_.text.charAt(j))) ++j;
      if (j >= a_.text.length() || !starts_number(a_.text.charAt(j))) continue;
      auto number = parse_number(a_.text, j);
      if (!number || number->first < 1) continue;
      int32_t end = number->second;
      int32_t k = end;
      while (k < a_.text.length() && is_figure_space(a_.text.charAt(k))) ++k;
      int32_t suffix = span(k < a_.text.length() ? k : 0) ? 0 : word_at(*L_.rank_suffixes, a_.text, k);
      if (suffix) end = k + suffix;
      int32_t clause = i;
      while (clause > 0 && (span(clause - 1) || !is_clause_boundary(a_.text.charAt(clause - 1)))) --clause;
      int32_t verb = -1;
      for (int32_t p = clause; p < i; ++p) {
        if (span(p)) continue;
        if (int32_t m = word_at(*L_.rank_verbs, a_.text, p, i)) {
          verb = p;
          p += m - 1;
        }
      }
      if (verb < 0 && !suffix) continue;
      // The name ends at the ranking verb, or at the scope before it ("growth, among the 11 districts, ranks 3rd").
      int32_t stop = verb < 0 ? i : verb;
      for (int32_t p = clause; p < stop; ++p) {
        const Span* s = span(p);
        if ((s && has_type(kAreaTypes, s->type) && is_object(p)) ||
            (!s && word_at(*L_.object_markers, a_.text, p, stop) && p > clause)) {
          stop = p;
          break;
        }
      }
      ranks_.push_back({stop, i, j, end, number->first});
      i = end - 1;
    }
  }

  const Rank* rank_at(int32_t i) const {
    for (const Rank& r : ranks_)
      if (r.number == i) return &r;
    return nullptr;
  }

  bool inside_rank(int32_t i) const {
    return std::any_of(ranks_.begin(), ranks_.end(), [&](const Rank& r) { return r.stop <= i && i < r.end; });
  }

  void add_rank(const Rank& r, int32_t previous_end, std::string& previous_name) {
    IndicatorFact f;
    f.value = r.value;
    f.unit = "rank";
    f.evidence = a_.sentence;
    f.rule = "indicator.rank";
    int32_t region = std::max(previous_end, region_start(r.stop));
    f.name = name_between(region, r.stop);
    if ((f.name.empty() || L_.relative_names->count(from_utf8(f.name))) && !previous_name.empty())
      f.name = previous_name + f.name;  // "its growth ranks first": the growth of the figure before
    if (f.name.empty()) return;
    icu::UnicodeString measure = written(r.stop, r.number);
    measure.findAndReplace(u" ", u"");
    f.measure = canonical_name(measure);
    Quantity q{r.value, "rank", "", "", r.stop, r.end};
    Subject s = subject(r.stop, q, f.name);
    if (s.drop) return;
    f.subject_type = s.type;
    f.subject = s.name;
    f.period = period(q, f);
    push(std::move(f), {0, r.number, r.end, false, false, false, s.unit});
  }

  // The text of [b, e), spaces aside, is one word and a verb ("arranged", "built").
  bool only_a_verb(int32_t b, int32_t e) const {
    while (b < e && !span(b) && (is_figure_space(a_.text.charAt(b)) || in_period(b))) ++b;
    while (e > b && !span(e - 1) && is_figure_space(a_.text.charAt(e - 1))) --e;
    if (b >= e || span(b)) return false;
    Range r = a_.to_text(b, e);
    const Word* w = c_.doc.word_at(r.begin);
    if (!w || w->range.begin != r.begin || w->range.end != r.end) return false;
    const std::string& pos = c_.rules.words.pos_name(w->pos);
    return pos == "v" || pos == "vn";
  }

  // "growth", "share of the city": a name that says what it is of only with the name before it.
  bool relative(const icu::UnicodeString& name) const {
    if (L_.relative_names->count(name)) return true;
    int32_t m = word_at(*L_.share_marks, name, 0);
    return m > 0 && m < name.length() && word_before(*L_.share_heads, name, name.length(), m) > 0;
  }

  void push(IndicatorFact f, Placed p) {
    p.fact = out_.size();
    out_.push_back(std::move(f));
    placed_.push_back(p);
  }

  void add(const Quantity& q, int32_t region, std::string& previous_name) {
    IndicatorFact f;
    f.value = q.value;
    f.unit = q.unit;
    f.qualifier = q.qualifier;
    f.evidence = a_.sentence;
    f.rule = "indicator.figure";
    int32_t name_end = q.begin;
    while (name_end > region && !span(name_end - 1) && is_figure_space(a_.text.charAt(name_end - 1))) --name_end;
    icu::UnicodeString measure;
    for (int k = 0; k < 3; ++k) {  // comparison base + verb, target + verb, year-on-year + respectively + verb
      int32_t m = affix(*L_.measures, region, name_end, true);
      if (!m || inside_word(name_end - m)) break;  // 签约20个: 约 ends the word 签约, it is no measure
      measure = written(name_end - m, name_end) + measure;
      name_end -= m;
    }
    f.measure = to_utf8(measure);
    // A company's own figure (a workshop's orders): not the area's, nor are the figures after it.
    icu::UnicodeString plain;
    for (int32_t i = region; i < name_end; ++i)
      if (!span(i)) plain.append(a_.text.charAt(i));
    if (has_word(*L_.company_heads, plain)) {
      company_at_ = std::max(company_at_, q.begin);
      return;
    }
    bool borrowed = false;
    f.name = name_between(region, name_end);
    if (from_utf8(f.name).countChar32() < 2 && q.unit == "count") {  // "has 47 firms": what is counted follows
      f.name = name_after(q.end);
      f.rule = "indicator.count_of";
    } else if (q.unit == "count" &&
               only_a_verb(region, name_end)) {  // "arranged 12 key projects": the verb and what it counts
      if (std::string after = name_after(q.end); !after.empty()) {
        f.name += after;
        f.rule = "indicator.count_of";
      }
    }
    // "growth above the city's average by 0.5 points", "its fall narrowed on last year's": the comparison
    // is the measure; what it compares is the name before it, else the figure before's.
    if (icu::UnicodeString n = from_utf8(f.name); !n.isEmpty()) {
      for (int32_t k = 0; k < n.length(); ++k) {
        if (int32_t w = std::max(word_at(*L_.relative_names, n, k), word_at(*L_.share_heads, n, k))) {
          k += w - 1;  // 比重, 占比: a name's word, not a comparison
          continue;
        }
        if (int32_t m = word_at(*L_.comparison_leads, n, k); m && k + m <= n.length()) {
          f.measure = to_utf8(n.tempSubString(k)) + f.measure;
          f.name = to_utf8(n.tempSubString(0, k));
          f.rule = "indicator.comparison";
          break;
        }
      }
    }
    if (f.name.empty()) {
      f.name = previous_name;
      f.rule = "indicator.same_name";
      borrowed = true;
    } else if (!previous_name.empty() && relative(from_utf8(f.name))) {
      f.name = previous_name + f.name;  // "growth above the city's", "share of the city": of the figure before
    }
    if (f.name.empty()) return;
    // Production and capacity keep their unit as written (sets, vehicles: indicator_production_words).
    if (q.unit == "count" && !q.written_unit.empty() && has_word(*L_.production_words, from_utf8(f.name)))
      f.unit = q.written_unit;
    Subject s = subject(q.begin, q, f.name);
    if (s.drop) return;
    f.subject_type = s.type;
    f.subject = s.name;
    f.period = period(q, f);
    bool respectively = has_word(*L_.respectively, written(region, q.begin));
    previous_name = f.name;
    if (q.range) {  // "90,000 to 100,000 tonnes": two indicators, its bounds
      IndicatorFact low = f;
      low.value = q.low;
      low.measure = first_word(*L_.range_low);
      f.measure = first_word(*L_.range_high);
      push(std::move(low), {0, q.begin, q.end, false, borrowed, true, s.unit});
      push(std::move(f), {0, q.begin, q.end, false, borrowed, true, s.unit});
      return;
    }
    push(std::move(f), {0, q.begin, q.end, respectively, borrowed, false, s.unit});
  }

  // The district a reference such as "the whole district/county" stands for: the nearest
  // one the paragraph names before it at that level (the district just named),
  // else the one the reference was resolved to.
  Subject area_reference(const Span& s, int unit) const {
    Subject out{s.type, s.name, unit, false};
    const Document& doc = c_.doc;
    icu::UnicodeString form = doc.text.tempSubStringBetween(s.range.begin, s.range.end);
    icu::UnicodeString name = from_utf8(s.name);
    if (s.type != "District" || form.isEmpty() || name.startsWith(form)) return out;
    UChar level = form.charAt(form.length() - 1);
    int32_t paragraph = 0;
    for (const Range& p : doc.paragraphs)
      if (p.begin <= s.range.begin && s.range.begin < p.end) paragraph = p.begin;
    auto it = std::lower_bound(doc.entities.begin(), doc.entities.end(), s.range.begin,
                               [](const Span& e, int32_t at) { return e.range.begin < at; });
    while (it != doc.entities.begin()) {
      --it;
      if (it->range.begin < paragraph) break;
      if (it->type != "District") continue;
      icu::UnicodeString f = doc.text.tempSubStringBetween(it->range.begin, it->range.end);
      icu::UnicodeString n = from_utf8(it->name);
      if (!n.startsWith(f) || n.isEmpty() || n.charAt(n.length() - 1) != level) continue;
      out.name = it->name;
      return out;
    }
    return out;
  }

  // "implements the X project, renovating 38 estates": the object of a work verb is what the very
  // next clause is about, when that clause names no subject or time of its own.
  bool next_clause_of(int32_t j, int32_t at) const {
    int breaks = 0;
    for (int32_t k = j + 1; k < at; ++k) {
      if (span(k)) return false;
      UChar c = a_.text.charAt(k);
      if (c == u';' || c == u'。') return false;
      if (is_clause_boundary(c)) ++breaks;
    }
    if (breaks != 1) return false;
    return std::none_of(periods_.begin(), periods_.end(), [&](const Period& p) { return p.begin > j && p.begin < at; });
  }

  Subject take(int32_t j) const {
    const Span& s = *span(j);
    if (has_type(kAreaTypes, s.type)) return area_reference(s, j);
    if (s.type == "Subdistrict" && c_.bare_level(s)) {  // "the street's tax revenue": the one the text is about
      Subject d = default_subject();
      d.unit = j;
      return d;
    }
    return {s.type, s.name, j, false};
  }

  Subject subject(int32_t from, const Quantity& q, const std::string& name) const {
    // "the X project with a total investment of 2 billion": the figure describes the project named after it.
    if (int32_t n = word_at(*L_.attributive_marks, a_.text, q.end); n && q.end + n < a_.text.length())
      if (const Span* s = span(q.end + n); s && (s->type == "Project" || s->type == "Zone")) return take(q.end + n);
    // "signed the X project, total investment 1.8 billion": an investment belongs to the project named before it.
    bool project_figure = has_word(*L_.project_figures, from_utf8(name));
    bool past_semicolon = false;  // a zone, project or community is the subject of its own clauses only
    int parenthesis = 0;          // "(the city grew 5.8%)": an aside's places are not the subject after it
    for (int32_t j = from - 1; j >= 0; --j) {
      if (company_at_ >= 0 && j < company_at_) return {"", "", -1, true};
      const Span* s = span(j);
      if (!s && a_.text.charAt(j) == u';') past_semicolon = true;
      if (!s && a_.text.charAt(j) == u')') ++parenthesis;
      if (!s && a_.text.charAt(j) == u'(' && parenthesis > 0) {
        --parenthesis;
        // "X village (formerly Y village)": the name before the aside is the one it stands for.
        continue;
      }
      if (parenthesis > 0) continue;
      if (!s || c_.in_speech(a_.source[j].begin) || inside_rank(j)) continue;
      if (s->type == "Organization") {
        // A company that is the clause's subject: its own figure (households it employs).
        if (!is_object(j) && ends_with_word(*L_.company_heads, from_utf8(s->name))) return {"", "", -1, true};
        continue;
      }
      if (!has_type(kSubjectTypes, s->type)) continue;
      // "X village (formerly Y village)": a former name in parentheses stands for the name before it.
      if (j >= 2 && a_.text.charAt(j - 1) == u'(' && span(j - 2) && span(j - 2)->type == s->type) {
        j -= 2;
        s = span(j);
      }
      if (past_semicolon && !has_type(kAreaTypes, s->type)) continue;
      bool work_object = affix(*L_.work_verbs, 0, before_entity(j), true) > 0;
      if (project_figure && s->type == "Project" && (!work_object || next_clause_of(j, from))) return take(j);
      if (is_object(j)) {
        if (work_object && next_clause_of(j, from)) return take(j);
        continue;
      }
      if (project_figure && has_type(kAreaTypes, s->type)) {
        bool project_before = false;
        for (int32_t k = j - 1; k >= 0 && !(!span(k) && a_.text.charAt(k) == u';'); --k)
          project_before = project_before || (span(k) && span(k)->type == "Project");
        if (project_before) continue;
      }
      return take(j);
    }
    if (company_at_ >= 0 && company_at_ < from) return {"", "", -1, true};
    return default_subject();
  }

  // The article's area, or the town or street the text or its section is about.
  Subject default_subject() const {
    if (std::string f = c_.focus_at(a_.sentence.begin); !f.empty()) return {"Subdistrict", f, -1, false};
    return {"District", c_.doc.area, -1, false};
  }

  // The subject is what the figures of the text are about, when no place is named with them.
  bool is_focus(const IndicatorFact& f) const {
    return has_type(kAreaTypes, f.subject_type) || (f.subject_type == "Subdistrict" && f.subject == c_.focus_at(a_.sentence.begin));
  }

  // The nearest time expression before the figure, if it governs it: it opens
  // the sentence, or no ';' separates them. A project's investment has none.
  std::string period(const Quantity& q, const IndicatorFact& f) const {
    if (f.subject_type == "Project" && has_word(*L_.project_figures, from_utf8(f.name))) return "";
    const Period* best = nullptr;
    for (size_t k = 0; k < periods_.size(); ++k)
      if (periods_[k].end <= q.begin && !base_[k]) best = &periods_[k];
    // "In the first quarter, the economy started well. The district's GDP...": an area's figure without a time
    // of its own is of the time the text is about (a zone's or a village's may be a stock).
    if (!best) return is_focus(f) ? before_.iso : "";
    // "from 2020's 12 firms to 47": a period that modifies a figure governs that figure only.
    if (word_at(*L_.attributive_marks, a_.text, best->end))
      for (const Placed& p : placed_)
        if (p.begin > best->end && p.begin < q.begin) return "";
    // A ';' ends its reach when a community, project or town follows it
    // ("in 2022 the village earned...; the community served..."): their figures carry their own times.
    bool semicolon = false;
    for (int32_t j = best->end; j < q.begin; ++j) {
      const Span* s = span(j);
      if (!s && a_.text.charAt(j) == u';')
        semicolon = true;
      else if (semicolon && s && has_type(kLocalTypes, s->type) && !is_object(j))
        return "";
    }
    return best->iso;
  }

  // "Respectively": the figures of a list joined by indicator_joiners pair, in order,
  // with the subjects joined before them ("projects A and B, investing 4.5 and 2.8
  // billion respectively") or with the figures named before them ("visitors ..., tourism
  // revenue ..., up a% and b% respectively").
  void pair_respectively() {
    for (size_t g = 0; g < placed_.size();) {
      size_t e = g + 1;
      while (e < placed_.size() && !placed_[e].range && joined(placed_[e - 1].end, placed_[e].begin)) ++e;
      size_t n = e - g;
      if (n >= 2 && placed_[g].respectively && !placed_[g].range) {
        std::vector<int> chain;  // the subjects joined by indicator_joiners, in order
        for (int j = placed_[g].subject_unit; j >= 0;) {
          chain.insert(chain.begin(), j);
          int k = j - 1;
          while (k >= 0 && !span(k) && is_figure_space(a_.text.charAt(k))) --k;
          int32_t w = k >= 0 && !span(k) ? word_before(*L_.joiners, a_.text, k + 1) : 0;
          int prev = w ? k - w : -1;
          if (prev < 0 || !span(prev) || span(prev)->type != span(j)->type) break;
          j = prev;
        }
        if (chain.size() == n) {
          for (size_t k = 0; k < n; ++k) {
            Subject s = take(chain[k]);
            out_[placed_[g + k].fact].subject_type = s.type;
            out_[placed_[g + k].fact].subject = s.name;
          }
        } else if (placed_[g].borrowed && placed_[g].fact >= first_ + n) {
          std::vector<std::string> names;
          for (size_t k = placed_[g].fact - n; k < placed_[g].fact; ++k) names.push_back(out_[k].name);
          for (size_t k = 0; k < n; ++k) out_[placed_[g + k].fact].name = names[k];
        }
      }
      g = e;
    }
  }

  // Only a joining word (indicator_joiners) between two figures.
  bool joined(int32_t end, int32_t begin) const {
    int32_t b = end, e = begin;
    while (b < e && !span(b) && is_figure_space(a_.text.charAt(b))) ++b;
    while (e > b && !span(e - 1) && is_figure_space(a_.text.charAt(e - 1))) --e;
    if (b >= e) return false;
    for (int32_t k = b; k < e; ++k)
      if (span(k)) return false;
    return word_at(*L_.joiners, a_.text, b, e) == e - b;
  }

  const Context& c_;
  const Lists& L_;
  AnnotatedSentence a_;
  Carried& carried_;
  const Carried before_;
  std::vector<IndicatorFact>& out_;
  size_t first_;
  std::vector<Period> periods_;
  std::vector<bool> base_;  // by period: a comparison base ("last year's"), not a time of a figure
  std::vector<Rank> ranks_;
  std::vector<Placed> placed_;
  int32_t company_at_ = -1;
};

// "Annual output of 400,000 t olefins project": the capacity a project's name states.
void capacities(const Context& c, std::vector<IndicatorFact>& out) {
  for (const Span& s : c.doc.entities) {
    if (s.type != "Project") continue;
    icu::UnicodeString form = c.doc.text.tempSubStringBetween(s.range.begin, s.range.end);
    for (int32_t i = 0; i < form.length(); ++i) {
      int32_t n = word_at(*c.lists.capacity_marks, form, i);
      if (!n || i + n >= form.length() || !starts_number(form.charAt(i + n))) continue;
      auto q = parse_quantity(form, i + n, c.quantity);
      if (!q || q->unit == "CNY" || q->unit == "percent") continue;
      IndicatorFact f;
      f.subject_type = s.type;
      f.subject = s.name;
      f.name = to_utf8(form.tempSubString(i, n));
      f.value = q->value;
      f.unit = q->unit == "count" && !q->written_unit.empty() ? q->written_unit : q->unit;
      f.evidence = c.doc.sentence_at(s.range.begin);
      f.rule = "indicator.capacity_in_name";
      out.push_back(std::move(f));
      break;
    }
  }
}

// The title: the first paragraph, when it is the header's title.
Range title_range(const Document& doc) {
  if (doc.info.title.empty() || doc.paragraphs.empty()) return {};
  const Range& p = doc.paragraphs.front();
  // Compared as rules read text: width-folded (and in Simplified characters, as the title is).
  std::string first = canonical_name(doc.text.tempSubStringBetween(p.begin, p.end));
  std::string title = canonical_name(fold_width(from_utf8(doc.info.title)));
  return first.find(title) != std::string::npos || title.find(first) != std::string::npos ? p : Range{};
}

}  // namespace

std::vector<std::string> indicator_word_lists() {
  std::vector<std::string> out;
  for (const ListSlot& s : kLists) out.push_back(s.name);
  for (const auto& l : quantity_word_lists()) out.push_back(l);
  for (const auto& l : period_word_lists()) out.push_back(l);
  out.push_back("investment_names");
  return out;
}

namespace {

std::vector<IndicatorFact> extract(const Document& doc, const RuleSetImpl& rules) {
  Context c(doc, rules);
  std::vector<IndicatorFact> out;
  // A time stated in a paragraph carries through it; one stated in a paragraph
  // without figures (a heading such as "I. Review of 2023") through the paragraphs after it.
  Carried heading, carried;
  size_t paragraph = 0, figures = 0;
  for (const Range& s : doc.sentences) {
    size_t at = paragraph;
    while (at < doc.paragraphs.size() && doc.paragraphs[at].end <= s.begin) ++at;
    if (at != paragraph) {
      if (figures == out.size()) heading = carried;
      paragraph = at;
      figures = out.size();
      carried = heading;
    }
    SentenceIndicators(c, s, carried, out).run();
  }
  capacities(c, out);
  // A headline figure restates one of the body ("up over a tenth" beside "up 11.6%").
  Range title = title_range(doc);
  auto in_title = [&](const IndicatorFact& f) {
    return title.end > title.begin && f.evidence.begin < title.end && f.evidence.end > title.begin;
  };
  std::vector<bool> restated(out.size(), false);
  for (size_t i = 0; i < out.size(); ++i)
    restated[i] = in_title(out[i]) && std::any_of(out.begin(), out.end(), [&](const IndicatorFact& b) {
                    return !in_title(b) && b.subject == out[i].subject && b.unit == out[i].unit &&
                           similar_names(b.name, out[i].name);
                  });
  std::vector<IndicatorFact> unique;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < out.size(); ++i)
    if (!restated[i] && !out[i].subject.empty() && seen.insert(out[i].key()).second)
      unique.push_back(std::move(out[i]));
  return unique;
}

}  // namespace

void indicators::run(Document& doc, const RuleSetImpl& rules) {
  doc.indicators = extract(doc, rules);
  const auto& investment = required_words(rules, "investment_names");
  for (IndicatorFact& f : doc.indicators) {
    if (f.subject_type != "Project" || f.unit != "CNY") continue;
    icu::UnicodeString name = from_utf8(f.name);
    f.investment =
        std::any_of(investment.begin(), investment.end(), [&](const auto& w) { return name.indexOf(w) >= 0; });
  }
}

}  // namespace doc2kg
