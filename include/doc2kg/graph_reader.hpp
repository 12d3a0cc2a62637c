#pragma once
// Reads graphs that doc2kg wrote (GraphML or JSON-LD) back into a
// KnowledgeGraph; several files merge into one graph. Real parsers: libxml2's
// streaming reader for GraphML (no network, no external entities), RapidJSON
// for JSON-LD.
#include <string>

#include "doc2kg/graph.hpp"

namespace doc2kg {

// Adds the graph in `path` to `into`; the format is told by the content.
// Throws Error(kExitInput) naming the file and the line/offset of a problem.
void read_graph_file(const std::string& path, KnowledgeGraph& into);

// Node ids as written (District/槐荫区, percent-encoded) -> (type, key).
std::pair<std::string, std::string> split_node_id(const std::string& id);

}  // namespace doc2kg
