// Neo4j bulk import (neo4j-admin database import): nodes.csv and
// relationships.csv with typed headers. Kùzu and other stores load them too.
// The columns are vocabulary.hpp's properties in table order, by name.
#include <algorithm>
#include <cctype>

#include "doc2kg/writer.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {
namespace {

std::string csv(std::string_view raw) {
  // Every text field quoted, quotes doubled (RFC 4180): a comma or line break in
  // a name never splits a row.
  std::string s = literal_text(raw), out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A label or relationship type: as it is when it is a plain name, else quoted.
std::string name_field(const std::string& s) {
  bool plain =
      !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
  return plain ? s : csv(s);
}

std::string header(const PropertyDef& p) {
  std::string h(p.name);
  // Typed headers, so the import stores numbers as numbers; an array is split on
  // ';', the import's default array delimiter.
  if (p.slot == Slot::Aliases) return h + ":string[]";
  if (p.type == Datatype::Double) return h + ":double";
  if (p.type == Datatype::Integer) return h + ":long";
  return h;
}

std::string field(const PropertyValue& v) {
  if (auto s = std::get_if<std::string_view>(&v)) return csv(*s);
  if (auto d = std::get_if<double>(&v)) return shortest_number(*d);
  if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return "";
}

}  // namespace

void write_neo4j_nodes(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << "id:ID,:LABEL";
  for (const PropertyDef& p : node_properties()) out << "," << header(p);
  out << "\n";
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    // node_id as :ID, the id every format uses, which relationships.csv refers to.
    out << csv(node_id(n)) << "," << name_field(n.type);
    for (const PropertyDef& p : node_properties()) {
      out << ",";
      if (p.slot == Slot::Aliases) {
        std::string aliases;
        for (const auto& a : n.aliases) aliases += (aliases.empty() ? "" : ";") + a;
        if (!aliases.empty()) out << csv(aliases);
      } else {
        out << field(value_of(n, p));
      }
    }
    out << "\n";
  }
}

void write_neo4j_relationships(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << ":START_ID,:END_ID,:TYPE";
  for (const PropertyDef& p : evidence_properties()) out << "," << header(p);
  out << ",evidenceCount:int\n";
  for (Edge e : kg.sorted_edges()) {
    const EdgeData& d = g[e];
    out << csv(node_id(g[boost::source(e, g)])) << "," << csv(node_id(g[boost::target(e, g)])) << ","
        << name_field(d.relation);
    for (const PropertyDef& p : evidence_properties())
      // The first piece of evidence in columns (a CSV cell holds one value), then the count.
      out << "," << (d.evidence.empty() ? "" : field(value_of(d.evidence.front(), p)));
    out << "," << d.evidence.size() << "\n";
  }
}

}  // namespace doc2kg
