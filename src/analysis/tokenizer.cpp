#include "analysis/tokenizer.hpp"

namespace doc2kg {

void tokenizer::run(Document& doc, const RuleSetImpl& rules) {
  doc.words.clear();
  for (const Range& s : doc.sentences) {
    auto w = rules.words.segment(doc.text, s.begin, s.end);
    doc.words.insert(doc.words.end(), w.begin(), w.end());
  }
}

}  // namespace doc2kg
