#include "rules/pattern.hpp"

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

namespace doc2kg {
namespace {

// ICU regex syntax -> PCRE2 syntax. Copies everything but character classes
// as written; a class is parsed as ICU reads it (nested sets, -- and &&) and
// written as one PCRE2 class, with the set operations as lookaheads before it.
// Gives up (returns false) on what it does not know to translate exactly.
class Translator {
 public:
  explicit Translator(const std::u16string& p) : p_(p) {}

  bool run(std::u16string& out) {
    while (i_ < p_.size()) {
      char16_t c = p_[i_];
      if (c == u'\\') {
        if (!escape(out)) return false;
      } else if (c == u'[') {
        Set s;
        if (!parse_set(s)) return false;
        out += s.expression();
      } else {
        out += c;
        ++i_;
      }
    }
    return true;
  }

 private:
  struct Set {
    bool negated = false;
    std::u16string items;                                // the class's content
    std::vector<std::pair<bool, std::u16string>> tests;  // (excluded?, class): -- and && operands
    std::u16string cls() const { return u"[" + std::u16string(negated ? u"^" : u"") + items + u"]"; }
    // PCRE2 has no set operations: (?=[b])(?![c])[a] tests the one character the
    // class then consumes, which is ICU's [a&&[b]--[c]] exactly.
    std::u16string expression() const {
      if (tests.empty()) return cls();
      std::u16string out = u"(?:";
      for (const auto& [excluded, c] : tests) out += (excluded ? u"(?!" : u"(?=") + c + u")";
      return out + cls() + u")";
    }
  };

  // An escape at p_[i_] == '\\', copied to `to` in PCRE2's spelling.
  bool escape(std::u16string& to) {
    if (i_ + 1 >= p_.size()) return false;
    char16_t c = p_[i_ + 1];
    if (c == u'Q') {  // \Q…\E: quoted, the same in both
      size_t close = p_.find(u"\\E", i_ + 2);
      size_t stop = close == std::u16string::npos ? p_.size() : close + 2;
      to += p_.substr(i_, stop - i_);
      i_ = stop;
      return true;
    }
    if (c == u'E' || c == u'N' || c == u'X' || c == u'U') return false;  // spelled differently or absent
    if (c == u'u') {                                                     // \uhhhh
      if (i_ + 6 > p_.size()) return false;
      to += u"\\x{" + p_.substr(i_ + 2, 4) + u"}";
      i_ += 6;
      return true;
    }
    to += p_[i_++];
    to += p_[i_++];
    if ((c == u'x' || c == u'p' || c == u'P') && i_ < p_.size() && p_[i_] == u'{') {
      size_t close = p_.find(u'}', i_);
      if (close == std::u16string::npos) return false;
      std::u16string body = p_.substr(i_, close + 1 - i_);
      if ((c == u'p' || c == u'P') && body.find_first_of(u"=:") != std::u16string::npos)
        return false;  // \p{Script=Han}
      // ICU's \p{Han} is the Script property; PCRE2's is Script_Extensions (、 is
      // Han there) unless written sc:. General categories (L, Nd …) have no prefix.
      if ((c == u'p' || c == u'P') && body.size() > 4) body.insert(1, u"sc:");
      to += body;
      i_ = close + 1;
    }
    return true;
  }

  // A set at p_[i_] == '['.
  bool parse_set(Set& s) {
    ++i_;
    if (i_ < p_.size() && p_[i_] == u':') return false;  // [:Han:]
    if (i_ < p_.size() && p_[i_] == u'^') s.negated = true, ++i_;
    while (i_ < p_.size() && p_[i_] != u']') {
      char16_t c = p_[i_];
      if (c == u'[') {
        Set inner;
        // A plain nested set is a union, merged into ours; any other kind could not be.
        if (!parse_set(inner) || inner.negated || !inner.tests.empty()) return false;
        s.items += inner.items;
      } else if ((c == u'-' || c == u'&') && i_ + 1 < p_.size() && p_[i_ + 1] == c) {
        bool excluded = c == u'-';
        i_ += 2;
        if (i_ >= p_.size() || p_[i_] != u'[') return false;
        Set operand;
        if (!parse_set(operand) || !operand.tests.empty()) return false;
        s.tests.push_back({excluded, operand.cls()});
      } else if (c == u'\\') {
        if (!escape(s.items)) return false;
      } else if (c == u'$' || c == u'{' || c == u'&') {
        return false;  // ICU gives these meanings in sets that PCRE2 does not (a space is a space in both)
      } else {
        s.items += c;
        ++i_;
      }
    }
    if (i_ >= p_.size()) return false;
    ++i_;
    // Refused: a negated set with operations (its lookaheads would need inverting) and
    // an empty class, which PCRE2 would read as a class starting with ']'.
    return !(s.negated && !s.tests.empty()) && !(s.items.empty() && !s.negated);
  }

  const std::u16string& p_;
  size_t i_ = 0;
};

// PCRE2 takes a lookbehind whose top-level branches each have one length,
// not a group of unequal branches inside it: (?<!(?:ab|c)) becomes (?<!ab|c),
// the same assertion. Applied to every lookbehind whose branches are such groups.
class LookbehindFlattener {
 public:
  explicit LookbehindFlattener(const std::u16string& p) : p_(p) {}

  std::u16string run() {
    std::u16string out;
    for (size_t i = 0; i < p_.size();) {
      if (p_.compare(i, 4, u"(?<!") == 0 || p_.compare(i, 4, u"(?<=") == 0) {
        size_t close = closing(p_, i);
        if (close == std::u16string::npos) return p_;
        std::u16string inner = LookbehindFlattener(p_.substr(i + 4, close - i - 4)).run();
        out += p_.substr(i, 4) + join(flatten(inner)) + u")";
        i = close + 1;
      } else {
        size_t next = token_end(p_, i);
        out += p_.substr(i, next - i);
        i = next;
      }
    }
    return out;
  }

  // The end of the token at p[i]: an escape (with its {…} or \Q…\E), a class, or one unit.
  // By token, so that a ( ) or | inside an escape or a class is never taken for syntax.
  static size_t token_end(const std::u16string& p, size_t i) {
    if (p[i] == u'\\') {
      if (i + 1 < p.size() && p[i + 1] == u'Q') {
        size_t e = p.find(u"\\E", i + 2);
        return e == std::u16string::npos ? p.size() : e + 2;
      }
      size_t j = i + 2;
      if (j < p.size() && p[j] == u'{' && (p[i + 1] == u'x' || p[i + 1] == u'p' || p[i + 1] == u'P')) {
        size_t e = p.find(u'}', j);
        return e == std::u16string::npos ? p.size() : e + 1;
      }
      return std::min(j, p.size());
    }
    if (p[i] == u'[') {  // a PCRE2 class: ] first is literal, escapes inside
      size_t j = i + 1;
      if (j < p.size() && p[j] == u'^') ++j;
      if (j < p.size() && p[j] == u']') ++j;
      while (j < p.size() && p[j] != u']') j = p[j] == u'\\' ? token_end(p, j) : j + 1;
      return std::min(j + 1, p.size());
    }
    return i + 1;
  }

  // The ) closing the group opened at p[i], or npos.
  static size_t closing(const std::u16string& p, size_t i) {
    int depth = 0;
    for (size_t j = i; j < p.size(); j = token_end(p, j)) {
      if (p[j] == u'(')
        ++depth;
      else if (p[j] == u')' && --depth == 0)
        return j;
    }
    return std::u16string::npos;
  }

  // The top-level branches of `s`; a branch that is one (?:…) group, nothing
  // after it, gives the group's branches instead.
  // Only a whole-branch group is opened: lifting | out of (?:ab|c)d would change it.
 private:
  static std::vector<std::u16string> flatten(const std::u16string& s) {
    std::vector<std::u16string> branches;
    size_t start = 0;
    int depth = 0;
    for (size_t j = 0; j <= s.size(); j = j < s.size() ? token_end(s, j) : j + 1) {
      if (j == s.size() || (s[j] == u'|' && depth == 0)) {
        branches.push_back(s.substr(start, j - start));
        start = j + 1;
        if (j == s.size()) break;
        continue;
      }
      if (s[j] == u'(')
        ++depth;
      else if (s[j] == u')')
        --depth;
    }
    std::vector<std::u16string> out;
    for (const auto& b : branches) {
      if (b.compare(0, 3, u"(?:") == 0 && closing(b, 0) == b.size() - 1) {
        for (auto& inner : flatten(b.substr(3, b.size() - 4))) out.push_back(std::move(inner));
      } else {
        out.push_back(b);
      }
    }
    return out;
  }

  static std::u16string join(const std::vector<std::u16string>& branches) {
    std::u16string out;
    for (size_t k = 0; k < branches.size(); ++k) out += (k ? u"|" : u"") + branches[k];
    return out;
  }

  const std::u16string& p_;
};

// `p` (PCRE2 syntax) without the lookbehinds that only restrict where it
// matches: those not inside a negative assertion. What is left matches
// wherever `p` does, and possibly more, so it can rule a text out.
std::u16string without_lookbehinds(const std::u16string& p) {
  std::u16string out;
  std::vector<bool> negative;  // per open group: a negative assertion
  auto inside_negative = [&] { return std::find(negative.begin(), negative.end(), true) != negative.end(); };
  for (size_t i = 0; i < p.size();) {
    bool behind = p.compare(i, 4, u"(?<!") == 0 || p.compare(i, 4, u"(?<=") == 0;
    if (behind && !inside_negative()) {
      size_t close = LookbehindFlattener::closing(p, i);
      if (close == std::u16string::npos) return std::u16string();
      i = close + 1;
      continue;
    }
    if (p[i] == u'(') negative.push_back(p.compare(i, 3, u"(?!") == 0 || p.compare(i, 4, u"(?<!") == 0);
    if (p[i] == u')' && !negative.empty()) negative.pop_back();
    size_t next = LookbehindFlattener::token_end(p, i);
    out += p.substr(i, next - i);
    i = next;
  }
  return out;
}

// A search's limits, one per thread: PCRE2's match limit stands for ICU's
// time limit, and the JIT gets a stack of its own for long sentences.
struct MatchContext {
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_jit_stack* stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
  MatchContext() {
    pcre2_set_match_limit(context, kMatchLimit);
    pcre2_jit_stack_assign(context, nullptr, stack);
  }
  ~MatchContext() {
    pcre2_jit_stack_free(stack);
    pcre2_match_context_free(context);
  }
  // About as much work as ICU's kMatchTimeLimit (rules.hpp) allows.
  static constexpr uint32_t kMatchLimit = 10'000'000;
};

pcre2_match_context* match_context() {
  // Per thread: a JIT stack serves one match at a time, and batch runs threads.
  thread_local MatchContext c;
  return c.context;
}

// True when s[begin, end) holds no unpaired surrogate (PCRE2, which sees only
// that region, may then skip its UTF check).
bool well_formed(const icu::UnicodeString& s, int32_t begin, int32_t end) {
  const char16_t* b = s.getBuffer();
  for (int32_t i = begin, n = end; i < n; ++i) {
    if (U16_IS_LEAD(b[i]) && i + 1 < n && U16_IS_TRAIL(b[i + 1]))
      ++i;
    else if (U16_IS_SURROGATE(b[i]))
      return false;
  }
  return true;
}

}  // namespace

std::u16string RulePattern::to_pcre2(const icu::UnicodeString& pattern) {
  std::u16string p(pattern.getBuffer(), pattern.length()), out;
  return Translator(p).run(out) ? LookbehindFlattener(out).run() : std::u16string();
}

std::unique_ptr<RulePattern> RulePattern::compile(const icu::UnicodeString& pattern, UParseError& error,
                                                  UErrorCode& status, Engine engine) {
  std::unique_ptr<RulePattern> p(new RulePattern());
  // ICU always compiles the pattern: it reports syntax errors, resolves group
  // names, and runs whatever PCRE2 cannot (see RuleMatch).
  p->icu_.reset(icu::RegexPattern::compile(pattern, 0, error, status));
  if (U_FAILURE(status)) return nullptr;
  static const bool icu_only = [] {  // DOC2KG_ENGINE=icu: every pattern on ICU (to compare, or to fall back)
    const char* e = std::getenv("DOC2KG_ENGINE");
    return e && std::string(e) == "icu";
  }();
  std::u16string translated = icu_only || engine == Engine::Icu ? std::u16string() : to_pcre2(pattern);
  if (translated.empty()) return p;
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code_ptr = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()), translated.size(),
                                       PCRE2_UTF | PCRE2_UCP, &code, &offset, nullptr);
  if (!code_ptr) {  // a construct PCRE2 refuses (a variable-length lookbehind): ICU runs it, behind a filter
    std::u16string filter = without_lookbehinds(translated);
    if (!filter.empty())
      p->filter_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(filter.data()), filter.size(), PCRE2_UTF | PCRE2_UCP,
                                 &code, &offset, nullptr);
    if (p->filter_) (void)pcre2_jit_compile(p->filter_, PCRE2_JIT_COMPLETE);
    return p;
  }
  // Without JIT support (an unusual platform) pcre2_match interprets the code: slower, the same matches.
  (void)pcre2_jit_compile(code_ptr, PCRE2_JIT_COMPLETE);
  uint32_t groups = 0;
  pcre2_pattern_info(code_ptr, PCRE2_INFO_CAPTURECOUNT, &groups);
  static const icu::UnicodeString kEmpty;
  UErrorCode count_status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> counter(p->icu_->matcher(kEmpty, count_status));
  if (U_FAILURE(count_status) ||
      static_cast<int32_t>(groups) != counter->groupCount()) {  // numbering must agree: else stay on ICU
    pcre2_code_free(code_ptr);
    return p;
  }
  p->code_ = code_ptr;
  return p;
}

RulePattern::~RulePattern() {
  pcre2_code_free(code_);
  pcre2_code_free(filter_);
}

int32_t RulePattern::group_number(const icu::UnicodeString& name) const {
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = icu_->groupNumberFromName(name, status);
  return U_SUCCESS(status) ? n : -1;
}

RuleMatch::RuleMatch(const RulePattern& pattern, const icu::UnicodeString& text, int32_t begin, int32_t end)
    : pattern_(pattern),
      text_(text),
      begin_(std::clamp(begin, 0, text.length())),
      end_(end < 0 ? text.length() : std::clamp(end, begin_, text.length())) {
  // PCRE2 runs with PCRE2_NO_UTF_CHECK, undefined on a lone surrogate: such text goes to ICU.
  if (pattern.code_ && well_formed(text, begin_, end_)) {
    data_ = pcre2_match_data_create_from_pattern(pattern.code_, nullptr);
  } else if (pattern.filter_ && well_formed(text, begin_, end_) && filter_start(0) < 0) {
    done_ = true;  // the pattern without its lookbehinds finds nothing here: neither would ICU
  } else {
    // With the filter, and the whole text as the region, each search starts where the
    // filter next matches (find_from): no match of the pattern starts before it.
    skip_ = pattern.filter_ && begin_ == 0 && end_ == text.length() && well_formed(text, 0, end_);
    UErrorCode status = U_ZERO_ERROR;
    icu_.reset(pattern.icu_->matcher(text, status));
    icu_->setTimeLimit(kMatchTimeLimit, status);
    if (begin_ > 0 || end_ < text.length()) icu_->region(begin_, end_, status);
  }
}

RuleMatch::~RuleMatch() { pcre2_match_data_free(data_); }

int32_t RuleMatch::filter_start(size_t from) const {
  pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
  int rc = pcre2_match(pattern_.filter_, reinterpret_cast<PCRE2_SPTR>(text_.getBuffer() + begin_),
                       static_cast<size_t>(end_ - begin_), from, PCRE2_NO_UTF_CHECK, data, match_context());
  int32_t at = rc >= 0 ? static_cast<int32_t>(pcre2_get_ovector_pointer(data)[0]) : static_cast<int32_t>(from);
  pcre2_match_data_free(data);
  return rc == PCRE2_ERROR_NOMATCH ? -1 : at;  // a limit reached: no skipping, ICU decides
}

bool RuleMatch::find_from_filter(UErrorCode& status) {
  size_t length = static_cast<size_t>(end_ - begin_);
  if (done_ || next_ > length) return false;
  int32_t at = filter_start(next_);
  if (at < 0 || !icu_->find(at, status)) {
    done_ = true;
    return false;
  }
  // As find(): after an empty match the next search starts one character on.
  int32_t b = icu_->start(status), e = icu_->end(status);
  next_ = static_cast<size_t>(e);
  if (e == b) next_ = e + (static_cast<size_t>(e) + 1 < length && U16_IS_LEAD(text_.charAt(e)) ? 2 : 1);
  return U_SUCCESS(status);
}

bool RuleMatch::find(UErrorCode& status) {
  if (U_FAILURE(status)) return false;
  if (icu_) return skip_ ? find_from_filter(status) : icu_->find(status);
  if (!data_) return false;  // ruled out by the filter
  matched_ = false;
  size_t length = static_cast<size_t>(end_ - begin_);  // the region is the subject: bounds as ICU's, opaque
  if (done_ || next_ > length) return false;
  int rc = pcre2_match(pattern_.code_, reinterpret_cast<PCRE2_SPTR>(text_.getBuffer() + begin_), length, next_,
                       PCRE2_NO_UTF_CHECK, data_, match_context());
  if (rc < 0) {
    done_ = true;
    return failed(rc, status);
  }
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data_);
  matched_ = true;
  next_ = ov[1];
  if (ov[1] == ov[0]) {  // as ICU: after an empty match the next search starts one character on
    // Over both halves of a surrogate pair: a search never starts inside a character.
    next_ = ov[1] + (ov[1] + 1 < length && U16_IS_LEAD(text_.charAt(begin_ + ov[1])) ? 2 : 1);
  }
  return true;
}

bool RuleMatch::failed(int rc, UErrorCode& status) {
  // Every resource limit becomes ICU's time-out: one status for callers, either engine.
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
      rc == PCRE2_ERROR_HEAPLIMIT)
    status = U_REGEX_TIME_OUT;
  else if (rc != PCRE2_ERROR_NOMATCH)
    status = U_REGEX_INTERNAL_ERROR;
  return false;
}

bool RuleMatch::anchored(bool whole, UErrorCode& status) {
  if (U_FAILURE(status)) return false;
  if (icu_) return whole ? icu_->matches(status) : icu_->lookingAt(status);
  if (!data_) return false;  // ruled out by the filter
  // Anchoring at match time runs PCRE2's interpreter, not the JIT: these are the
  // short list patterns (separators, counts), where that costs nothing.
  int rc = pcre2_match(pattern_.code_, reinterpret_cast<PCRE2_SPTR>(text_.getBuffer() + begin_),
                       static_cast<size_t>(end_ - begin_), 0,
                       PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED | (whole ? PCRE2_ENDANCHORED : 0), data_, match_context());
  matched_ = rc >= 0;
  return matched_ || failed(rc, status);
}

int32_t RuleMatch::bound(int32_t group, bool end, UErrorCode& status) const {
  if (icu_) return end ? icu_->end(group, status) : icu_->start(group, status);
  if (!matched_ || group < 0 || static_cast<uint32_t>(group) >= pcre2_get_ovector_count(data_)) {
    if (U_SUCCESS(status)) status = matched_ ? U_INDEX_OUTOFBOUNDS_ERROR : U_REGEX_INVALID_STATE;
    return -1;
  }
  PCRE2_SIZE at = pcre2_get_ovector_pointer(data_)[2 * group + (end ? 1 : 0)];
  return at == PCRE2_UNSET ? -1 : begin_ + static_cast<int32_t>(at);
}

icu::UnicodeString RuleMatch::group(int32_t group, UErrorCode& status) const {
  if (icu_) return icu_->group(group, status);
  int32_t b = start(group, status), e = end(group, status);
  if (b < 0 || e < b) return icu::UnicodeString();
  return text_.tempSubStringBetween(b, e);
}

}  // namespace doc2kg
