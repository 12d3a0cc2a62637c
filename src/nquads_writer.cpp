#include "doc2kg/nquads_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace doc2kg {
namespace {

std::string iri(const std::string& s) { return "<" + s + ">"; }

// A string literal, escaped as N-Quads requires, with literal_text's replacements.
std::string quoted(std::string_view raw) {
  std::string s = literal_text(raw);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

// A literal with its datatype as the vocabulary gives it ("" for a plain string).
std::string literal(const std::string& lexical, const std::string& datatype) {
  return datatype.empty() ? quoted(lexical) : quoted(lexical) + "^^" + iri(datatype);
}

// The object of property `p` with value `v`: a literal, typed as the vocabulary says, or an IRI.
std::string object(const PropertyDef& p, const PropertyValue& v) {
  if (auto s = std::get_if<std::string_view>(&v)) {
    if (p.type == Datatype::Node) return iri(article_iri(*s));
    std::string lexical(*s);
    return literal(lexical, rdf_datatype(p, lexical));
  }
  if (auto d = std::get_if<double>(&v)) return literal(canonical_double(*d), rdf_datatype(p, ""));
  if (auto i = std::get_if<int64_t>(&v)) return literal(std::to_string(*i), rdf_datatype(p, ""));
  return "";
}

}  // namespace

void write_nquads(const KnowledgeGraph& kg, const std::string& graph_iri, std::ostream& out) {
  const Graph& g = kg.graph();
  const std::string rdf_type = iri(std::string(kRdfIri) + "type");
  std::vector<std::string> lines;
  std::string graph = " " + iri(graph_iri) + " .\n";
  auto quad = [&](const std::string& s, const std::string& p, const std::string& o) { lines.push_back(s + " " + p + " " + o + graph); };
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    std::string s = iri(node_iri(n));
    quad(s, rdf_type, iri(type_iri(n.type)));
    for (const PropertyDef& p : node_properties()) {
      if (p.slot == Slot::Aliases) {
        for (const auto& a : n.aliases) quad(s, iri(std::string(p.iri)), literal(a, rdf_datatype(p, a)));
        continue;
      }
      PropertyValue value = value_of(n, p);
      if (!std::holds_alternative<std::monostate>(value)) quad(s, iri(std::string(p.iri)), object(p, value));
    }
  }
  const std::string statement = iri(std::string(kRdfIri) + "Statement"), subject = iri(std::string(kRdfIri) + "subject"),
                    predicate = iri(std::string(kRdfIri) + "predicate"), object_p = iri(std::string(kRdfIri) + "object");
  for (Edge e : kg.sorted_edges()) {
    const NodeData &from = g[boost::source(e, g)], &to = g[boost::target(e, g)];
    std::string s = iri(node_iri(from)), o = iri(node_iri(to)), relation = iri(relation_iri(g[e].relation));
    quad(s, relation, o);
    for (const Evidence& ev : g[e].evidence) {
      std::string st = iri(kNodeBaseIri + statement_id(from, g[e].relation, to, ev));
      quad(st, rdf_type, statement);
      quad(st, subject, s);
      quad(st, predicate, relation);
      quad(st, object_p, o);
      for (const PropertyDef& p : evidence_properties()) quad(st, iri(std::string(p.iri)), object(p, value_of(ev, p)));
    }
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  for (const auto& l : lines) out << l;
}

}  // namespace doc2kg
