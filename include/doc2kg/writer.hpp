#pragma once
// Graph writers, one per format, behind one function; the CLI picks the
// format from --format or the output's extension.
#include <ostream>
#include <string>

#include "doc2kg/graph.hpp"

namespace doc2kg {

enum class Format { GraphML, JsonLd, NQuads, Neo4jCsv, Dot };

// "graphml", "jsonld" (also "json-ld", "json"), "nquads" ("nq"), "neo4j-csv", "dot";
// throws Error(kExitUsage) otherwise.
Format parse_format(const std::string& name);
// From the extension: .graphml/.xml, .jsonld/.json, .nq, .dot; `fallback` otherwise.
Format format_of_path(const std::string& path, Format fallback);

void write_graphml(const KnowledgeGraph& graph, std::ostream& out);
void write_jsonld(const KnowledgeGraph& graph, std::ostream& out);
void write_dot(const KnowledgeGraph& graph, std::ostream& out);
// Neo4j bulk import: the two files of `neo4j-admin database import`.
void write_neo4j_nodes(const KnowledgeGraph& graph, std::ostream& out);
void write_neo4j_relationships(const KnowledgeGraph& graph, std::ostream& out);
// GraphML, JSON-LD or DOT (N-Quads stream article by article, Neo4j CSV is two files).
void write_graph(const KnowledgeGraph& graph, Format format, std::ostream& out);

// The shortest text that reads back as the same double (0.9, 2000000000, 22.4).
std::string shortest_number(double v);

// Text safe for XML 1.0 and for every consumer: characters XML forbids become U+FFFD.
std::string xml_escape(const std::string& utf8);

// The project's vocabulary and the base of node IRIs.
inline constexpr const char* kVocabIri = "https://doc2kg.org/vocab#";
inline constexpr const char* kNodeBaseIri = "https://doc2kg.org/id/";

}  // namespace doc2kg
