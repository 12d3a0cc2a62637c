#pragma once
// The phrase check: a name is a noun phrase. Whatever rule or list found a
// name (the recognizer's entity rules, the relater's new list items), it
// passes here before it becomes an entity, so that a clause fragment never
// becomes a name: 选取北沟村 is 北沟村, 确保项目 and 提振 are no names.
//
// A name starts at a word that can open a noun phrase. Its start moves past
//  - a word the name starts inside of (十亿|元村: 亿元村 is a fragment);
//  - a word of the list `name_openers`: verbs, adverbs and conjunctions that
//    open a clause (加强, 确保, 紧邻, 暨), which the dictionary's tags alone
//    cannot tell from the first syllables of a place (跃进里社区, 振兴村);
//  - a word of two or more characters whose part of speech is one of
//    `phrase.not_initial` (prepositions, conjunctions, pronouns, adverbs,
//    particles), unless a lexicon knows it as a name (正定, tagged an adverb).
// (A name that is one verb, 铸造, may be an industry: the relation rules decide.) Quoted names (“…”) pass as
// written: the quotes say where they are.
#include <string>

#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

// The noun phrase of `name` (a range of doc.text) for an entity of `type`:
// the range with its start moved as above, or an empty range when no name is
// left (under two characters). Types not in the rule set's
// `phrase.types` pass unchanged. Reads doc.text, doc.words.
Range noun_phrase(const Document& doc, const RuleSetImpl& rules, Range name, const std::string& type);

}  // namespace doc2kg
