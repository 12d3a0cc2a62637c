#pragma once
// Names: how a name's boundaries are found. A rule or a list finds where a
// name roughly is; these move its start and end to where the name itself
// begins and ends, by the words of the text and the rule set's word lists.
// Shared by the recognizer (entity rules) and the relater (list items).
#include <string>
#include <vector>

#include "doc2kg/document.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

// The length of the longest word of the word list `list` that `s` starts with
// (or, with `suffix`, ends with), at most `longest` characters; 0 if none.
int32_t longest_affix(const RuleSetImpl& rules, const std::string& list, const icu::UnicodeString& s, bool suffix,
                      int32_t longest = 8);

// What a lexicon holds `word` whole as: a name (a division's short form such as
// 正定, an industry: a word of a name, whatever the dictionary tags it), a
// reference (全区, 该县: canonical "@…", resolved later), or nothing.
enum class LexiconWord { None, Name, Reference };
LexiconWord lexicon_word(const RuleSetImpl& rules, const icu::UnicodeString& word);

// True when a recognised entity ends exactly at `pos`: a name starting there has a known
// boundary, whatever the words say (长乐镇|巴彦嘎查, 镇巴 being a word). Reads doc.entities.
bool right_after_entity(const Document& doc, int32_t pos);

// Strips words of the list `trim_prefixes` (and of the word lists `more_prefixes`) from the front of a name range, and
// `trim_suffixes` from its end when `suffixes`, returning the shortened range. A name also starts after the last word
// of the list `name_breaks` in it (合作建设|激光雷达模组生产线项目). Reads doc.text.
Range trim_name(const Document& doc, const RuleSetImpl& rules, Range name, bool suffixes,
                const std::vector<std::string>& more_prefixes = {});

// Moves the start of a name found by its suffix to a word of its own: not inside
// a word (社|区和柳店镇), not at a function word (list `item_not_initial`, or a
// one-character verb: 有|行政村), not at the head of the place before it (list
// `container_heads`: 乡|青杉坪村). Needs doc.words; keeps at least two characters.
// Reads doc.text, doc.words, doc.entities (right after a recognised name the start stays).
Range start_at_word(const Document& doc, const RuleSetImpl& rules, Range name);

}  // namespace doc2kg
