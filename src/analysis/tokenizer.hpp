#pragma once
// Tokenizer: the words of each sentence, by the rule set's word dictionary
// (rules.words, the maximum-probability segmentation of words.hpp), so that
// names start and end at word boundaries.
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg::tokenizer {

// Reads:  doc.text, doc.sentences
// Writes: doc.words (every sentence's words, in order)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace doc2kg::tokenizer
