#include "doc2kg/nquads_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "doc2kg/writer.hpp"

namespace doc2kg {
namespace {

const std::string kSchema = "https://schema.org/";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string iri(const std::string& s) { return "<" + s + ">"; }
std::string node(const NodeData& n) { return iri(kNodeBaseIri + KnowledgeGraph::node_id(n)); }
std::string vocab(const std::string& term) { return iri(kVocabIri + term); }

std::string literal(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {  // other controls as \u escapes
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string typed(const std::string& lexical, const char* type) { return "\"" + lexical + "\"^^" + iri(kXsd + type); }

// The same terms the JSON-LD context maps: schema.org where it has them.
std::string type_iri(const std::string& type) {
  if (type == "Article" || type == "Person" || type == "Organization") return iri(kSchema + type);
  return vocab(type);
}

std::string property_iri(const std::string& key) {
  if (key == "title") return iri(kSchema + "headline");
  if (key == "date") return iri(kSchema + "datePublished");
  if (key == "author") return iri(kSchema + "author");
  if (key == "unit") return iri(kSchema + "unitText");
  return vocab(key);
}

std::string relation_iri(const std::string& relation) {
  return relation == "mentions" ? iri(kSchema + "mentions") : vocab(relation);
}

}  // namespace

std::string canonical_double(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15E", v);  // 2.240000000000000E+01
  std::string s(buf);
  size_t e = s.find('E');
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  while (mantissa.size() > 3 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') mantissa.pop_back();
  int x = std::stoi(exponent);
  return mantissa + "E" + std::to_string(x);
}

void write_nquads(const KnowledgeGraph& kg, const std::string& graph_iri, std::ostream& out) {
  const Graph& g = kg.graph();
  std::vector<std::string> lines;
  std::string graph = " " + iri(graph_iri) + " .\n";
  auto quad = [&](const std::string& s, const std::string& p, const std::string& o) { lines.push_back(s + " " + p + " " + o + graph); };
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    std::string s = node(n);
    quad(s, iri(kRdf + "type"), type_iri(n.type));
    quad(s, iri(kSchema + "name"), literal(n.name));
    for (const auto& a : n.aliases) quad(s, iri(kSchema + "alternateName"), literal(a));
    for (const auto& [k, value] : n.properties) quad(s, property_iri(k), literal(value));
    if (n.value) quad(s, iri(kSchema + "value"), typed(canonical_double(*n.value), "double"));
    for (const auto& [k, value] : n.numbers) quad(s, vocab(k), typed(canonical_double(value), "double"));
  }
  for (Edge e : kg.sorted_edges()) {
    const NodeData &from = g[boost::source(e, g)], &to = g[boost::target(e, g)];
    quad(node(from), relation_iri(g[e].relation), node(to));
    for (const Evidence& ev : g[e].evidence) {
      std::string st = iri(kNodeBaseIri + kg.statement_id(e, ev));
      NodeData article;
      article.type = "Article";
      article.name = ev.article;
      quad(st, iri(kRdf + "type"), iri(kRdf + "Statement"));
      quad(st, iri(kRdf + "subject"), node(from));
      quad(st, iri(kRdf + "predicate"), relation_iri(g[e].relation));
      quad(st, iri(kRdf + "object"), node(to));
      quad(st, vocab("article"), node(article));
      quad(st, vocab("sentence"), literal(ev.sentence));
      quad(st, vocab("startOffset"), typed(std::to_string(ev.begin), "integer"));
      quad(st, vocab("endOffset"), typed(std::to_string(ev.end), "integer"));
      quad(st, vocab("rule"), literal(ev.rule));
      quad(st, vocab("confidence"), typed(canonical_double(ev.confidence), "double"));
    }
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  for (const auto& l : lines) out << l;
}

}  // namespace doc2kg
