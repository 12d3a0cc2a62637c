#pragma once
// Segmenter: paragraphs -> sentences (ICU sentence breaks, plus Chinese
// full stops that ICU misses when half-width punctuation is mixed in).
#include "doc2kg/document.hpp"

namespace doc2kg {

// Fills doc.sentences from doc.paragraphs.
void segment_sentences(Document& doc);

// True for the characters that end a clause inside a sentence: ， , ； ; ： :
bool is_clause_break(UChar32 c);

}  // namespace doc2kg
