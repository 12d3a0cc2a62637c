#include "analysis/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include <memory>

#include "doc2kg/error.hpp"

namespace doc2kg {

namespace {
constexpr int32_t kMaxSentence = 2000;  // UTF-16 units; real sentences are far shorter
}  // namespace

bool is_clause_break(UChar32 c) {
  return c == u',' || c == u';' || c == u':' || c == u'，' || c == u'；' || c == u'：';
}

void segmenter::run(Document& doc, const RuleSetImpl&) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) throw Error(ErrorKind::Input, "ICU sentence break iterator unavailable");
  doc.sentences.clear();
  for (const Range& p : doc.paragraphs) {
    icu::UnicodeString para = doc.text.tempSubStringBetween(p.begin, p.end);
    breaks->setText(para);
    int32_t start = breaks->first();
    for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE; start = end, end = breaks->next()) {
      int32_t b = start, e = end;
      while (b < e && u_isWhitespace(para.charAt(b))) ++b;
      while (e > b && u_isWhitespace(para.charAt(e - 1))) --e;
      // A "sentence" longer than any real one (a page without full stops, a 50 MB
      // line) is cut at clause breaks, so rules and scans stay linear in the text.
      while (e - b > kMaxSentence) {
        int32_t cut = b + kMaxSentence;
        for (int32_t i = cut; i > b + kMaxSentence / 2; --i)
          if (is_clause_break(para.charAt(i - 1))) {
            cut = i;
            break;
          }
        if (U16_IS_LEAD(para.charAt(cut - 1))) --cut;  // never between the halves of a surrogate pair
        doc.sentences.push_back({p.begin + b, p.begin + cut});
        b = cut;
      }
      if (b < e) doc.sentences.push_back({p.begin + b, p.begin + e});
    }
  }
}

}  // namespace doc2kg
