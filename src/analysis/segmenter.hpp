#pragma once
// Segmenter: paragraphs -> sentences (ICU sentence breaks, plus Chinese
// full stops that ICU misses when half-width punctuation is mixed in).
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

namespace segmenter {

// Reads:  doc.text, doc.paragraphs
// Writes: doc.sentences (in order, disjoint, none longer than 2000 UTF-16 units)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace segmenter

// True for the characters that end a clause inside a sentence: ， , ； ; ： :
bool is_clause_break(UChar32 c);

}  // namespace doc2kg
