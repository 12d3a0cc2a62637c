#include "doc2kg/writer.hpp"

#include "doc2kg/error.hpp"

namespace doc2kg {

Format parse_format(const std::string& name) {
  if (name == "graphml") return Format::GraphML;
  if (name == "jsonld" || name == "json-ld" || name == "json") return Format::JsonLd;
  throw Error(kExitUsage, "unknown format \"" + name + "\" (graphml, jsonld)");
}

Format format_of_path(const std::string& path, Format fallback) {
  auto ends = [&](const std::string& ext) {
    return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".graphml") || ends(".xml")) return Format::GraphML;
  if (ends(".jsonld") || ends(".json")) return Format::JsonLd;
  return fallback;
}

void write_graph(const KnowledgeGraph& graph, Format format, std::ostream& out) {
  if (format == Format::GraphML) write_graphml(graph, out);
  else write_jsonld(graph, out);
}

}  // namespace doc2kg
