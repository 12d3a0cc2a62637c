#pragma once
// Relater: the relation rules over annotated sentences (rules/relations.json).
// A rule's list slot written {T+} may name new entities (an industry the
// lexicons do not know); where the text repeats such a name elsewhere it is
// marked there too, and the rules run again over the sentences that changed,
// so that a name introduced by one sentence's list is known in the others.
#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg::relater {

// Reads:  doc.text, doc.paragraphs, doc.sentences, doc.words, doc.entities,
//         doc.area, doc.info.id
// Writes: doc.facts (appends the facts stated, each once per sentence),
//         doc.entities (new list items and their further mentions)
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace doc2kg::relater
