// GraphML for Neo4j APOC (label= on edges, :Label in a `labels` key), Gephi
// (for= on every key), networkx and igraph (typed data keys). The keys are
// vocabulary.hpp's properties, by name; ids are node_id's, text literal_text's.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <sstream>

#include "doc2kg/writer.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {

std::string xml_escape(const std::string& utf8) {
  std::string text = literal_text(utf8), out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      // Line breaks and tabs as character references: in an attribute value XML
      // normalizes them to spaces, and the escaping is the same for text and attributes.
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// GraphML has no date type: dates stay strings, and xsd:integer is GraphML's long.
const char* graphml_type(Datatype t) {
  switch (t) {
    case Datatype::Double:
      return "double";
    case Datatype::Integer:
      return "long";
    default:
      return "string";
  }
}

void key(std::ostream& out, std::string_view name, const char* domain, const char* type) {
  // id and attr.name alike, so readers keying on either see the vocabulary's names.
  out << "  <key id=\"" << name << "\" for=\"" << domain << "\" attr.name=\"" << name << "\" attr.type=\"" << type
      << "\"/>\n";
}

// GraphML has no list values: all of an edge's evidence goes in one data value,
// as a JSON array of objects keyed like the evidence properties.
std::string evidence_json(const std::vector<Evidence>& evidence) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& e : evidence) {
    w.StartObject();
    for (const PropertyDef& p : evidence_properties()) {
      w.Key(p.name.data(), static_cast<rapidjson::SizeType>(p.name.size()));
      PropertyValue v = value_of(e, p);
      if (auto s = std::get_if<std::string_view>(&v)) {
        std::string text = literal_text(*s);
        w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
      } else if (auto d = std::get_if<double>(&v)) {
        w.Double(*d);
      } else if (auto i = std::get_if<int64_t>(&v)) {
        w.Int64(*i);
      } else {
        w.Null();
      }
    }
    w.EndObject();
  }
  w.EndArray();
  return buf.GetString();
}

void data(std::ostream& out, std::string_view key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

// A property's value as GraphML data ("" when absent).
std::string lexical(const PropertyValue& v) {
  if (auto s = std::get_if<std::string_view>(&v)) return std::string(*s);
  if (auto d = std::get_if<double>(&v)) return shortest_number(*d);
  if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return "";
}

}  // namespace

void write_graphml(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  key(out, "labels", "node", "string");
  key(out, "type", "node", "string");
  for (const PropertyDef& p : node_properties()) {
    key(out, p.name, "node", graphml_type(p.type));
    if (p.slot == Slot::Aliases) key(out, "iri", "node", "string");  // after name and aliases, as before
  }
  key(out, "relation", "edge", "string");
  for (const PropertyDef& p : evidence_properties()) key(out, p.name, "edge", graphml_type(p.type));
  key(out, "evidenceCount", "edge", "int");
  key(out, "evidence", "edge", "string");
  // Nodes and edges in sorted order, so one graph always gives the same file.
  out << "  <graph id=\"doc2kg\" edgedefault=\"directed\">\n";
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    std::string id = node_id(n);
    out << "    <node id=\"" << xml_escape(id) << "\">\n";
    // APOC's import takes a node's labels from a `labels` key in ":Label" form.
    data(out, "labels", ":" + n.type);
    data(out, "type", n.type);
    for (const PropertyDef& p : node_properties()) {
      if (p.slot == Slot::Aliases) {
        if (!n.aliases.empty()) {
          std::string joined;
          // '|' between aliases, as vocabulary.hpp's Slot::Aliases says; the graph reader splits them again.
          for (const auto& a : n.aliases) joined += (joined.empty() ? "" : "|") + a;
          data(out, p.name, joined);
        }
        data(out, "iri", kNodeBaseIri + id);
        continue;
      }
      PropertyValue value = value_of(n, p);
      if (!std::holds_alternative<std::monostate>(value)) data(out, p.name, lexical(value));
    }
    out << "    </node>\n";
  }
  for (Edge e : kg.sorted_edges()) {
    const EdgeData& d = g[e];
    out << "    <edge source=\"" << xml_escape(node_id(g[boost::source(e, g)])) << "\" target=\""
        << xml_escape(node_id(g[boost::target(e, g)])) << "\" label=\"" << xml_escape(d.relation) << "\">\n";
    data(out, "relation", d.relation);
    if (!d.evidence.empty()) {
      // The first piece of evidence also in flat typed keys, for tools that cannot
      // parse the JSON; the whole list and its count follow.
      for (const PropertyDef& p : evidence_properties()) data(out, p.name, lexical(value_of(d.evidence.front(), p)));
      data(out, "evidenceCount", std::to_string(d.evidence.size()));
      data(out, "evidence", evidence_json(d.evidence));
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace doc2kg
