#pragma once
// N-Quads, the streaming format: each article's quads in a named graph of its
// own (the article's IRI), lines sorted within it. IRIs come from type and
// canonical name (vocabulary.hpp), so shards converted apart merge by plain
// union (sort -u), and the triples are the ones a JSON-LD processor reads from
// doc2kg's JSON-LD, typed literals included (xsd:double, xsd:integer, and
// xsd:date/gYearMonth/gYear for dates and periods whose lexical form is one).
//
// Thread safety: reentrant; `out` is written by one thread.
#include <ostream>
#include <string>

#include "doc2kg/graph.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {

// Writes every node, fact and piece of evidence of `graph` as quads in
// `graph_iri` (an article's: article_iri(id)). Every IRI written is valid
// (is_valid_iri) and literals pass through literal_text.
void write_nquads(const KnowledgeGraph& graph, const std::string& graph_iri, std::ostream& out);

}  // namespace doc2kg
