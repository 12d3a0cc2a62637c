#pragma once
// Mentions: how entity spans enter Document::entities. Every pass that finds
// names (lexicons, entity rules, known names) proposes candidates and one
// overlap policy settles them: longest first, then priority, then earliest.
#include <cstddef>
#include <vector>

#include "doc2kg/document.hpp"

namespace doc2kg {

// A candidate span with the priority that breaks ties between equal lengths.
struct Candidate {
  Span span;
  int priority = 0;
};

// The overlap policy: keeps the longest candidates, then the higher priority,
// then the earlier; adds the survivors to doc.entities (replacing the spans they
// cover, never cutting one) and returns how many it added. A subdistrict or
// zone that opens an added name becomes its container.
size_t select_candidates(Document& doc, std::vector<Candidate> candidates);

// Marks further mentions of names already recognised in the article, where
// nothing is recognised yet. Reads doc.text, doc.paragraphs, doc.entities;
// writes doc.entities. Returns how many it added.
size_t mark_known_names(Document& doc);

}  // namespace doc2kg
