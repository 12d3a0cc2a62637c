#pragma once
// The pipeline: an article's bytes in, its Document (document.hpp) out —
// entities, facts and indicators with their evidence — by running the
// stages in order over one Document, in the manner of spaCy's pipeline:
//
//   reader → segmenter → tokenizer → recognizer → resolver → relater
//          → containment → redundant_facts → unused_entities → indicators
//
// (each stage states what it reads and writes in its header under
// src/analysis/ and src/read/; src/pipeline.cpp is the table.)
//
//   auto rules = doc2kg::RuleSet::load(doc2kg::RuleSet::default_dir());
//   doc2kg::Document doc = doc2kg::extract(bytes, "article.txt", *rules);
//   doc2kg::add_to_graph(graph, doc);   // graph.hpp
//
// Thread safety: extract() only reads the rule set; any number of threads
// may extract at once with one shared RuleSet.
#include <cstdint>
#include <string>
#include <string_view>

#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

// Reads and analyses one article: a Document with `input` = bytes and
// `info.id` = id, through every stage. Throws Error(ErrorKind::Input) for undecodable input.
Document extract(std::string_view bytes, const std::string& id, const RuleSet& rules);
// The same for a Document the caller made: `input`, `info.id`, and the header
// fields it knows (info.title, date, author, source: the reader keeps them).
Document extract(Document doc, const RuleSet& rules);
// The stages up to and including the one named `last` ("reader", "tokenizer",
// …; the list above): what `doc2kg text` and `doc2kg words` show. Throws
// Error(ErrorKind::Usage) for a name that is no stage.
Document extract_until(std::string_view bytes, const std::string& id, const RuleSet& rules, std::string_view last);

// The name of the part of speech `id` of a Word (document.hpp) in the rule set's dictionary.
const std::string& part_of_speech(const RuleSet& rules, uint16_t id);

}  // namespace doc2kg
