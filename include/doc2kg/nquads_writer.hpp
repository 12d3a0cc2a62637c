#pragma once
// N-Quads, the streaming format: each article's quads in a named graph of its
// own (the article's IRI), lines sorted within it. IRIs come from type and
// canonical name, so shards converted apart merge by plain union (sort -u),
// and the triples are the ones a JSON-LD processor reads from doc2kg's JSON-LD.
#include <ostream>
#include <string>

#include "doc2kg/graph.hpp"

namespace doc2kg {

// Writes every node, fact and piece of evidence of `graph` as quads in `graph_iri`.
void write_nquads(const KnowledgeGraph& graph, const std::string& graph_iri, std::ostream& out);

// An xsd:double in the canonical form JSON-LD gives it (22.4 -> 2.24E1).
std::string canonical_double(double v);

}  // namespace doc2kg
