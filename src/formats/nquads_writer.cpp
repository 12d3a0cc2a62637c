#include "formats/nquads_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace doc2kg {
namespace {

std::string iri(const std::string& s) { return "<" + s + ">"; }

// A string literal, escaped as N-Quads requires, with literal_text's replacements.
// N-Quads' ECHAR escapes for what may not appear raw; everything else, CJK
// included, goes as UTF-8, which N-Quads allows in literals.
std::string quoted(std::string_view raw) {
  std::string s = literal_text(raw);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

// A literal with its datatype as the vocabulary gives it ("" for a plain string).
std::string literal(const std::string& lexical, const std::string& datatype) {
  // A plain string takes no ^^: in RDF 1.1 it is an xsd:string already.
  return datatype.empty() ? quoted(lexical) : quoted(lexical) + "^^" + iri(datatype);
}

// The object of property `p` with value `v`: a literal, typed as the vocabulary says, or an IRI.
std::string object(const PropertyDef& p, const PropertyValue& v) {
  if (auto s = std::get_if<std::string_view>(&v)) {
    // The evidence's article is a node of the graph, so it is an IRI, not text.
    if (p.type == Datatype::Node) return iri(article_iri(*s));
    std::string lexical(*s);
    return literal(lexical, rdf_datatype(p, lexical));
  }
  // Canonical xsd:double, as JSON-LD's toRdf writes it: the N-Quads output and the
  // JSON-LD output then give the same quads.
  if (auto d = std::get_if<double>(&v)) return literal(canonical_double(*d), rdf_datatype(p, ""));
  if (auto i = std::get_if<int64_t>(&v)) return literal(std::to_string(*i), rdf_datatype(p, ""));
  return "";
}

}  // namespace

void write_nquads(const KnowledgeGraph& kg, const std::string& graph_iri, std::ostream& out) {
  const Graph& g = kg.graph();
  // Terms computed once: the predicates, and each node's id and IRI.
  static const std::string rdf_type = iri(std::string(kRdfIri) + "type"),
                           statement = iri(std::string(kRdfIri) + "Statement"),
                           subject = iri(std::string(kRdfIri) + "subject"),
                           predicate = iri(std::string(kRdfIri) + "predicate"),
                           object_p = iri(std::string(kRdfIri) + "object");
  static const std::vector<std::string> node_predicates = [] {
    std::vector<std::string> out;
    for (const PropertyDef& p : node_properties()) out.push_back(iri(std::string(p.iri)));
    return out;
  }();
  static const std::vector<std::string> evidence_predicates = [] {
    std::vector<std::string> out;
    for (const PropertyDef& p : evidence_properties()) out.push_back(iri(std::string(p.iri)));
    return out;
  }();
  // Indexed by vertex (Graph uses vecS): each edge looks its ends up, not recomputes them.
  std::vector<std::string> ids(boost::num_vertices(g)), iris(ids.size());
  for (Vertex v = 0; v < ids.size(); ++v) {
    ids[v] = node_id(g[v]);
    iris[v] = "<" + std::string(kNodeBaseIri) + ids[v] + ">";
  }
  std::vector<std::string> lines;
  const std::string graph = " " + iri(graph_iri) + " .\n";
  auto quad = [&](std::string_view s, std::string_view p, std::string_view o) {
    std::string line;
    line.reserve(s.size() + p.size() + o.size() + graph.size() + 2);
    line.append(s).append(" ").append(p).append(" ").append(o).append(graph);
    lines.push_back(std::move(line));
  };
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    const std::string& s = iris[v];
    quad(s, rdf_type, iri(type_iri(n.type)));
    const auto& properties = node_properties();
    for (size_t k = 0; k < properties.size(); ++k) {
      const PropertyDef& p = properties[k];
      if (p.slot == Slot::Aliases) {
        // One quad per alias: an RDF property simply repeats.
        for (const auto& a : n.aliases) quad(s, node_predicates[k], literal(a, rdf_datatype(p, a)));
        continue;
      }
      PropertyValue value = value_of(n, p);
      if (!std::holds_alternative<std::monostate>(value)) quad(s, node_predicates[k], object(p, value));
    }
  }
  const auto& properties = evidence_properties();
  for (Edge e : kg.sorted_edges()) {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    const std::string &s = iris[from], &o = iris[to], relation = iri(relation_iri(g[e].relation));
    quad(s, relation, o);
    // Evidence by RDF reification: one rdf:Statement per piece, named by
    // statement_id so that it is the same in every run and every format.
    for (const Evidence& ev : g[e].evidence) {
      std::string st = "<" + std::string(kNodeBaseIri) + statement_id(ids[from], g[e].relation, ids[to], ev) + ">";
      quad(st, rdf_type, statement);
      quad(st, subject, s);
      quad(st, predicate, relation);
      quad(st, object_p, o);
      for (size_t k = 0; k < properties.size(); ++k)
        quad(st, evidence_predicates[k], object(properties[k], value_of(ev, properties[k])));
    }
  }
  // Sorted, so the same graph gives the same bytes; deduplicated, as evidence that
  // differs only in what statement_id leaves out shares one statement and its quads.
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  std::string all;  // one write
  all.reserve(bytes);
  for (const auto& l : lines) all += l;
  out.write(all.data(), static_cast<std::streamsize>(all.size()));
}

}  // namespace doc2kg
