#pragma once
// The pipeline: the whole extraction as an ordered list of stages, in the
// manner of spaCy's pipeline components. A stage is a function
// run(Document&, const RuleSet&), declared in its own header with what it
// reads and what it writes; extract() puts an article's bytes into a Document
// and runs every stage over it in order. add_to_graph() adds the result to a
// KnowledgeGraph.
//
//   reader       reader.hpp       bytes -> header, text, paragraphs
//   segmenter    segmenter.hpp    paragraphs -> sentences
//   tokenizer    tokenizer.hpp    sentences -> words
//   recognizer   recognizer.hpp   entities (header, lexicons, entity rules, known names)
//   resolver     resolver.hpp     the article's area; area words and references
//   relater      relater.hpp      facts of the relation rules (and new list items)
//   containment  containment.hpp  locatedIn facts the text implies
//   redundant_facts, unused_entities   pruning.hpp
//   indicators   indicators.hpp   statistical figures
#include <span>
#include <string>
#include <string_view>

#include "doc2kg/document.hpp"
#include "doc2kg/graph.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

struct Stage {
  std::string_view name;
  void (*run)(Document& doc, const RuleSet& rules);
};

// The stages, in the order extract() runs them.
std::span<const Stage> stages();

// Reads and analyses one article: a Document with `input` = bytes and
// `info.id` = id, through every stage. Throws Error(ErrorKind::Input) for undecodable input.
Document extract(std::string_view bytes, const std::string& id, const RuleSet& rules);
// The same for a Document the caller made: `input`, `info.id`, and the header
// fields it knows (info.title, date, author, source; see reader.hpp).
Document extract(Document doc, const RuleSet& rules);

// Adds the article node, its entities (with `mentions`), its facts and indicators.
void add_to_graph(KnowledgeGraph& graph, const Document& doc);

}  // namespace doc2kg
