#pragma once
// Tokenizer: the words of each sentence, by the rule set's word dictionary
// (rules.words, the maximum-probability segmentation of words.hpp), so that
// names start and end at word boundaries.
#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg::tokenizer {

// Reads:  doc.text, doc.sentences
// Writes: doc.words (every sentence's words, in order)
void run(Document& doc, const RuleSet& rules);

}  // namespace doc2kg::tokenizer
