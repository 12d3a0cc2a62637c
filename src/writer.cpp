#include "doc2kg/writer.hpp"

#include <charconv>

#include "doc2kg/error.hpp"

namespace doc2kg {

std::string shortest_number(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

Format parse_format(const std::string& name) {
  if (name == "graphml") return Format::GraphML;
  if (name == "jsonld" || name == "json-ld" || name == "json") return Format::JsonLd;
  if (name == "nquads" || name == "nq") return Format::NQuads;
  if (name == "neo4j-csv") return Format::Neo4jCsv;
  if (name == "dot") return Format::Dot;
  throw Error(kExitUsage, "unknown format \"" + name + "\" (graphml, jsonld, nquads, neo4j-csv, dot)");
}

Format format_of_path(const std::string& path, Format fallback) {
  auto ends = [&](const std::string& ext) {
    return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".graphml") || ends(".xml")) return Format::GraphML;
  if (ends(".jsonld") || ends(".json")) return Format::JsonLd;
  if (ends(".nq")) return Format::NQuads;
  if (ends(".dot") || ends(".gv")) return Format::Dot;
  return fallback;
}

void write_graph(const KnowledgeGraph& graph, Format format, std::ostream& out) {
  switch (format) {
    case Format::GraphML: return write_graphml(graph, out);
    case Format::JsonLd: return write_jsonld(graph, out);
    case Format::Dot: return write_dot(graph, out);
    default: throw Error(kExitUsage, "N-Quads and Neo4j CSV are written by convert, not as one stream");
  }
}

}  // namespace doc2kg
