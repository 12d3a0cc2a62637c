#include "doc2kg/graph.hpp"

#include <algorithm>

namespace doc2kg {

Vertex KnowledgeGraph::node(const std::string& type, const std::string& name, const std::string& key) {
  auto id = std::make_pair(type, key.empty() ? name : key);
  if (auto it = nodes_.find(id); it != nodes_.end()) return it->second;
  Vertex v = boost::add_vertex(graph_);
  graph_[v].type = type;
  graph_[v].name = name;
  graph_[v].key = id.second;
  nodes_.emplace(id, v);
  return v;
}

std::optional<Vertex> KnowledgeGraph::find(const std::string& type, const std::string& name) const {
  auto it = nodes_.find({type, name});
  if (it == nodes_.end()) return std::nullopt;
  return it->second;
}

void KnowledgeGraph::add_alias(Vertex v, const std::string& alias) {
  auto& aliases = graph_[v].aliases;
  if (alias == graph_[v].name || std::find(aliases.begin(), aliases.end(), alias) != aliases.end()) return;
  aliases.insert(std::upper_bound(aliases.begin(), aliases.end(), alias), alias);
}

Edge KnowledgeGraph::relate(Vertex from, const std::string& relation, Vertex to, std::optional<Evidence> evidence) {
  auto key = std::make_tuple(from, relation, to);
  Edge e;
  if (auto it = edges_.find(key); it != edges_.end()) {
    e = it->second;
  } else {
    e = boost::add_edge(from, to, EdgeData{relation, {}}, graph_).first;
    edges_.emplace(key, e);
  }
  if (evidence) {
    auto& ev = graph_[e].evidence;
    auto at = std::lower_bound(ev.begin(), ev.end(), *evidence);
    if (at == ev.end() || *evidence < *at) ev.insert(at, *evidence);
  }
  return e;
}

std::vector<Vertex> KnowledgeGraph::sorted_nodes() const {
  std::vector<Vertex> out;
  for (const auto& [key, v] : nodes_) out.push_back(v);
  return out;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
  std::vector<std::pair<std::tuple<std::string, std::string, std::string, std::string, std::string>, Edge>> keyed;
  for (const auto& [key, e] : edges_) {
    const auto& s = graph_[std::get<0>(key)];
    const auto& t = graph_[std::get<2>(key)];
    keyed.push_back({{s.type, s.key, std::get<1>(key), t.type, t.key}, e});
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Edge> out;
  for (auto& k : keyed) out.push_back(k.second);
  return out;
}

std::string KnowledgeGraph::node_id(const NodeData& n) {
  // Percent-encode what an IRI path segment may not hold; keep CJK as is.
  std::string out = n.type + "/";
  for (unsigned char c : n.key.empty() ? n.name : n.key) {
    if (c <= 0x20 || c == 0x7F || std::string_view("<>\"{}|\\^`%/?#[]").find(static_cast<char>(c)) != std::string_view::npos) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace doc2kg
