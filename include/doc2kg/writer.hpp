#pragma once
// Graph writers, one per format, behind one function; the CLI picks the
// format from --format or the output's extension.
#include <ostream>
#include <string>

#include "doc2kg/graph.hpp"

namespace doc2kg {

enum class Format { GraphML, JsonLd };

// "graphml" / "jsonld" (also "json-ld", "json"); throws Error(kExitUsage) otherwise.
Format parse_format(const std::string& name);
// From the extension: .graphml/.xml -> GraphML, .jsonld/.json -> JSON-LD; `fallback` otherwise.
Format format_of_path(const std::string& path, Format fallback);

void write_graphml(const KnowledgeGraph& graph, std::ostream& out);
void write_jsonld(const KnowledgeGraph& graph, std::ostream& out);
void write_graph(const KnowledgeGraph& graph, Format format, std::ostream& out);

// Text safe for XML 1.0 and for every consumer: characters XML forbids become U+FFFD.
std::string xml_escape(const std::string& utf8);

// The project's vocabulary and the base of node IRIs.
inline constexpr const char* kVocabIri = "https://doc2kg.org/vocab#";
inline constexpr const char* kNodeBaseIri = "https://doc2kg.org/id/";

}  // namespace doc2kg
