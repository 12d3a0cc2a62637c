#pragma once
// Recognizer: finds entity mentions. Lexicons first (one trie pass), then the
// entity rules phase by phase over annotated sentences; overlapping candidates
// are settled by one policy: longest first, then priority, then earliest.
#include <string>
#include <vector>

#include "doc2kg/areas.hpp"
#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

// A candidate span with the priority that breaks ties between equal lengths.
struct Candidate {
  Span span;
  int priority = 0;
};

// The overlap policy: keeps the longest candidates, then the higher priority,
// then the earlier; adds the survivors to doc.entities (replacing the spans they
// cover) and returns how many it added.
size_t select_candidates(Document& doc, std::vector<Candidate> candidates);

// Strips words of the list `trim_prefixes` (and of the word lists `more_prefixes`) from the front of a name range, and `trim_suffixes` from its end when
// `suffixes`, returning the shortened range.
Range trim_name(const Document& doc, const RuleSet& rules, Range name, bool suffixes,
                const std::vector<std::string>& more_prefixes = {});

// Moves the start of a name found by its suffix to a word of its own: not inside
// a word (社|区和楚村镇), not at a function word (list `item_not_initial`, or a
// one-character verb: 有|行政村), not at the head of the place before it (list
// `container_heads`: 乡|椿树垭村). Needs doc.words; keeps at least two characters.
Range start_at_word(const Document& doc, const RuleSet& rules, Range name);

void recognize_entities(Document& doc, const RuleSet& rules);

// Marks further mentions of names already recognised in the article.
void mark_known_names(Document& doc);

// match_lexicons and resolve_area (the article's district): doc2kg/areas.hpp.

}  // namespace doc2kg
