#pragma once
// A rule's pattern, compiled once and matched on the hot path. Rule files are
// written in ICU regular-expression syntax (rules/README.md); a pattern runs on
// PCRE2 with its JIT compiler (16-bit code units, UTF, Unicode properties:
// the same UTF-16 offsets as ICU) when it has a PCRE2 form, else on ICU's
// RegexMatcher. ICU's set operations are translated ([[A]--[B]] becomes
// (?:(?![B])[A]), [[A][B]] the class of both); a pattern PCRE2 still refuses
// (a lookbehind of variable length, (?<!x{0,4})) stays on ICU, behind a PCRE2
// prefilter (the pattern without its lookbehinds). Both engines
// are backtracking, leftmost-first and number groups alike, so a rule finds
// the same matches on either: tests/pattern_test.cpp runs every rule of the
// project's rules on both and compares.
//
//   auto p = RulePattern::compile(u"(?<name>[[\\p{Han}]--[的]]{2,4})区", error, status);
//   RuleMatch m(*p, sentence);
//   while (m.find(status)) use(m.start(p->group_number(u"name"), status), m.end(...));
//
// Thread-safety: a RulePattern is immutable after compile and shared by all
// threads; a RuleMatch belongs to one thread.
#include <unicode/parseerr.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

struct pcre2_real_code_16;
struct pcre2_real_match_data_16;

namespace doc2kg {

// ICU's matcher work limit for one search in one sentence (about a second):
// a pattern that backtracks catastrophically stops with a clear error. PCRE2
// searches stop after a comparable amount of work (pattern.cpp).
inline constexpr int32_t kMatchTimeLimit = 1000;

class RulePattern {
 public:
  enum class Engine { Fastest, Icu };
  // Compiles `pattern` (ICU syntax) for PCRE2 where it can (Engine::Icu, or
  // DOC2KG_ENGINE=icu in the environment: ICU only, to compare or to fall
  // back). On a syntax error returns nullptr with `status` and `error` as ICU's
  // RegexPattern::compile sets them.
  static std::unique_ptr<RulePattern> compile(const icu::UnicodeString& pattern, UParseError& error, UErrorCode& status,
                                              Engine engine = Engine::Fastest);
  ~RulePattern();
  RulePattern(const RulePattern&) = delete;
  RulePattern& operator=(const RulePattern&) = delete;

  // The number of the group named `name`, or -1 when there is none.
  int32_t group_number(const icu::UnicodeString& name) const;
  // True when the pattern runs on PCRE2 (else on ICU).
  bool compiled_by_pcre2() const { return code_ != nullptr; }
  const icu::RegexPattern& icu() const { return *icu_; }

  // The pattern in PCRE2's syntax, "" when it has none: ICU set operations
  // rewritten (exposed for tests).
  static std::u16string to_pcre2(const icu::UnicodeString& pattern);

 private:
  RulePattern() = default;
  friend class RuleMatch;
  std::unique_ptr<icu::RegexPattern> icu_;
  pcre2_real_code_16* code_ = nullptr;
  // For a pattern on ICU: the PCRE2 pattern without its lookbehinds, which
  // matches wherever the pattern does (and more). Where it finds nothing, ICU
  // is not asked: most sentences hold none of a rule's words.
  pcre2_real_code_16* filter_ = nullptr;
};

// The matches of one pattern in one text, left to right, as ICU's find():
// after an empty match the search moves on by one character. A search that
// runs over the matcher's limit (kMatchTimeLimit's PCRE2 equivalent) sets
// `status` to U_REGEX_TIME_OUT, for check_match_time (rules.hpp).
class RuleMatch {
 public:
  // Searches text[begin, end) (end -1: to the end), with ICU's default region
  // bounds: ^ and $ match at its ends and lookarounds do not see past them.
  RuleMatch(const RulePattern& pattern, const icu::UnicodeString& text, int32_t begin = 0, int32_t end = -1);
  ~RuleMatch();
  RuleMatch(const RuleMatch&) = delete;
  RuleMatch& operator=(const RuleMatch&) = delete;

  bool find(UErrorCode& status);
  // ICU's lookingAt(): a match that starts where the region starts.
  bool looking_at(UErrorCode& status) { return anchored(false, status); }
  // ICU's matches(): a match of the whole region.
  bool matches(UErrorCode& status) { return anchored(true, status); }
  // Offsets of group `group` (0: the whole match) in the last match, -1 when
  // the group did not take part.
  int32_t start(int32_t group, UErrorCode& status) const { return bound(group, false, status); }
  int32_t end(int32_t group, UErrorCode& status) const { return bound(group, true, status); }
  int32_t start(UErrorCode& status) const { return start(0, status); }
  int32_t end(UErrorCode& status) const { return end(0, status); }
  icu::UnicodeString group(int32_t group, UErrorCode& status) const;

 private:
  int32_t bound(int32_t group, bool end, UErrorCode& status) const;
  bool anchored(bool whole, UErrorCode& status);
  // Where the filter's next match from `from` starts (region offsets); -1 when none.
  int32_t filter_start(size_t from) const;
  bool find_from_filter(UErrorCode& status);
  // Sets `status` from a failed pcre2_match's code; false.
  bool failed(int rc, UErrorCode& status);
  const RulePattern& pattern_;
  const icu::UnicodeString& text_;
  int32_t begin_, end_;
  std::unique_ptr<icu::RegexMatcher> icu_;
  pcre2_real_match_data_16* data_ = nullptr;
  size_t next_ = 0;  // where the next search starts
  bool matched_ = false, done_ = false;
  bool skip_ = false;  // ICU searches start where the filter next matches
};

}  // namespace doc2kg
