#pragma once
// Recognizer: finds entity mentions. Lexicons first (one trie pass), then the
// entity rules phase by phase over annotated sentences; overlapping candidates
// are settled by one policy: longest first, then priority, then earliest.
#include <string>
#include <vector>

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

// Strips words of the list `trim_prefixes` from the front of a name range (and
// `trim_suffixes` from its end when `suffixes`), returning the shortened range.
Range trim_name(const Document& doc, const RuleSet& rules, Range name, bool suffixes);

void recognize_entities(Document& doc, const RuleSet& rules);

// Marks further mentions of names already recognised in the article.
void mark_known_names(Document& doc);

// Picks the article's own district and resolves 全区/本市/该县... to it.
void resolve_area(Document& doc, const RuleSet& rules);

}  // namespace doc2kg
