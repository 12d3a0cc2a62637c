#pragma once
// Recognizer: finds entity mentions. The header's source and author first,
// then the lexicons (one trie pass, areas.hpp), then the entity rules phase by
// phase over annotated sentences, then further mentions of the names found;
// overlapping candidates are settled by one policy (mentions.hpp). Name
// boundaries: names.hpp.
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg::recognizer {

// Reads:  doc.text, doc.paragraphs, doc.sentences, doc.words,
//         doc.info.source_range, doc.info.author_range
// Writes: doc.entities (header, lexicon and rule entities; area words such as
//         全区 as placeholder spans named "@…", which the resolver settles)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace doc2kg::recognizer
