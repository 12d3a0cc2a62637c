// GraphML for Neo4j APOC (label= on edges, :Label in a `labels` key), Gephi
// (for= on every key), networkx and igraph (typed data keys).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <sstream>

#include "doc2kg/text.hpp"
#include "doc2kg/writer.hpp"

namespace doc2kg {

std::string xml_escape(const std::string& utf8) {
  icu::UnicodeString s = from_utf8(utf8);
  std::string out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                   (c >= 0x10000 && c <= 0x10FFFF);
    if (!allowed) c = 0xFFFD;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out += to_utf8(icu::UnicodeString(c));
    }
  }
  return out;
}

namespace {

struct Key {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

const Key kKeys[] = {
    {"labels", "node", "labels", "string"},     {"type", "node", "type", "string"},
    {"name", "node", "name", "string"},         {"aliases", "node", "aliases", "string"},
    {"iri", "node", "iri", "string"},           {"title", "node", "title", "string"},
    {"date", "node", "date", "string"},         {"author", "node", "author", "string"},
    {"source", "node", "source", "string"},     {"value", "node", "value", "double"},
    {"unit", "node", "unit", "string"},         {"measure", "node", "measure", "string"},
    {"period", "node", "period", "string"},     {"qualifier", "node", "qualifier", "string"},
    {"investment", "node", "investment", "double"},
    {"relation", "edge", "relation", "string"}, {"article", "edge", "article", "string"},
    {"sentence", "edge", "sentence", "string"}, {"begin", "edge", "begin", "long"},
    {"end", "edge", "end", "long"},             {"rule", "edge", "rule", "string"},
    {"confidence", "edge", "confidence", "double"}, {"evidenceCount", "edge", "evidenceCount", "int"},
    {"evidence", "edge", "evidence", "string"},
};

std::string evidence_json(const std::vector<Evidence>& evidence) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& e : evidence) {
    w.StartObject();
    w.Key("article"); w.String(e.article.c_str());
    w.Key("sentence"); w.String(e.sentence.c_str());
    w.Key("begin"); w.Int64(e.begin);
    w.Key("end"); w.Int64(e.end);
    w.Key("rule"); w.String(e.rule.c_str());
    w.Key("confidence"); w.Double(e.confidence);
    w.EndObject();
  }
  w.EndArray();
  return buf.GetString();
}


void data(std::ostream& out, const char* key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

}  // namespace

void write_graphml(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys)
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name << "\" attr.type=\"" << k.type
        << "\"/>\n";
  out << "  <graph id=\"doc2kg\" edgedefault=\"directed\">\n";
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    std::string id = KnowledgeGraph::node_id(n);
    out << "    <node id=\"" << xml_escape(id) << "\">\n";
    data(out, "labels", ":" + n.type);
    data(out, "type", n.type);
    data(out, "name", n.name);
    if (!n.aliases.empty()) {
      std::string joined;
      for (const auto& a : n.aliases) joined += (joined.empty() ? "" : "|") + a;
      data(out, "aliases", joined);
    }
    data(out, "iri", kNodeBaseIri + id);
    for (const auto& [k, v] : n.properties) data(out, k.c_str(), v);
    if (n.value) data(out, "value", shortest_number(*n.value));
    for (const auto& [k, v] : n.numbers) data(out, k.c_str(), shortest_number(v));
    out << "    </node>\n";
  }
  for (Edge e : kg.sorted_edges()) {
    const EdgeData& d = g[e];
    out << "    <edge source=\"" << xml_escape(KnowledgeGraph::node_id(g[boost::source(e, g)])) << "\" target=\""
        << xml_escape(KnowledgeGraph::node_id(g[boost::target(e, g)])) << "\" label=\"" << xml_escape(d.relation) << "\">\n";
    data(out, "relation", d.relation);
    if (!d.evidence.empty()) {
      const Evidence& first = d.evidence.front();
      data(out, "article", first.article);
      data(out, "sentence", first.sentence);
      data(out, "begin", std::to_string(first.begin));
      data(out, "end", std::to_string(first.end));
      data(out, "rule", first.rule);
      data(out, "confidence", shortest_number(first.confidence));
      data(out, "evidenceCount", std::to_string(d.evidence.size()));
      data(out, "evidence", evidence_json(d.evidence));
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace doc2kg
