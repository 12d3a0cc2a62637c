// A picture of the graph: Graphviz DOT through Boost's write_graphviz, nodes
// labelled with their name and coloured by type; `mentions` left out, since
// every entity is mentioned and those edges would hide the facts. Text passes
// through literal_text (vocabulary.hpp), as in every format.
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <map>

#include "doc2kg/writer.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {
namespace {

// Not named quoted: std::quoted(std::string&) would win overload resolution by ADL.
std::string dot_string(const std::string& raw) {
  std::string s = literal_text(raw), out = "\"";
  for (char c : s) {
    if (c == '\n')
      out += "\\n";  // a line break in the label
    else
      out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  }
  return out + "\"";
}

const char* colour(const std::string& type) {
  // Related types share a hue: divisions in reds darkening with rank, Community and
  // Subdistrict in greens; a type not listed is grey.
  static const std::map<std::string, const char*> colours = {
      {"District", "#e41a1c"},     {"City", "#b2182b"},        {"Province", "#67001f"},   {"Industry", "#377eb8"},
      {"Community", "#4daf4a"},    {"Subdistrict", "#1b7837"}, {"Project", "#984ea3"},    {"Zone", "#ff7f00"},
      {"Organization", "#a65628"}, {"Honor", "#f781bf"},       {"Initiative", "#999999"}, {"Indicator", "#80b1d3"},
      {"Person", "#ffd92f"},       {"Article", "#000000"}};
  auto it = colours.find(type);
  return it == colours.end() ? "#cccccc" : it->second;
}

}  // namespace

void write_dot(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  auto facts = [&g](Edge e) { return g[e].relation != "mentions"; };
  // Entities only mentioned (no fact) would float unconnected: leave them out too.
  auto articles = [&g](Vertex v) {
    if (g[v].type == "Article") return false;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (g[*it].relation != "mentions") return true;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      if (g[*it].relation != "mentions") return true;
    return false;
  };
  boost::filtered_graph<Graph, std::function<bool(Edge)>, std::function<bool(Vertex)>> view(g, facts, articles);
  auto node_label = [&](std::ostream& os, Vertex v) {
    const NodeData& n = g[v];
    std::string label = n.name;
    if (n.value)
      label += "\n" + shortest_number(*n.value) + " " + (n.properties.count("unit") ? n.properties.at("unit") : "");
    os << "[label=" << dot_string(label) << ", color=" << dot_string(colour(n.type))
       << ", tooltip=" << dot_string(n.type) << "]";
  };
  auto edge_label = [&](std::ostream& os, Edge e) { os << "[label=" << dot_string(g[e].relation) << "]"; };
  auto graph_props = [](std::ostream& os) {
    // A CJK font by name: Graphviz's default font would draw the names as boxes.
    os << "rankdir=LR;\nnode [shape=box, style=rounded, fontname=\"Noto Sans CJK SC\"];\n"
          "edge [fontsize=9, fontname=\"Noto Sans CJK SC\"];\n";
  };
  boost::write_graphviz(out, view, node_label, edge_label, graph_props);
}

}  // namespace doc2kg
