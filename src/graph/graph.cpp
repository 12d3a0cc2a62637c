#include "doc2kg/graph.hpp"

#include <algorithm>

namespace doc2kg {

Vertex KnowledgeGraph::node(const std::string& type, const std::string& name, const std::string& key) {
  // Identity is (type, key), the key being the name unless given: an Indicator's
  // name is shared by many figures, so it passes a key of its own.
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
  // Sorted and unique, so outputs list aliases the same whatever order articles came in.
  if (alias == graph_[v].name || std::find(aliases.begin(), aliases.end(), alias) != aliases.end()) return;
  aliases.insert(std::upper_bound(aliases.begin(), aliases.end(), alias), alias);
}

Edge KnowledgeGraph::relate(Vertex from, const std::string& relation, Vertex to, std::optional<Evidence> evidence) {
  auto [interned, added] = relations_.emplace(relation, relations_.size());
  // One edge per (from, relation, to): a fact stated again only adds evidence.
  FactKey key{from, to, interned->second};
  Edge e;
  if (auto it = edges_.find(key); it != edges_.end()) {
    e = it->second;
  } else {
    e = boost::add_edge(from, to, EdgeData{relation, {}}, graph_).first;
    edges_.emplace(key, e);
  }
  if (evidence) {
    auto& ev = graph_[e].evidence;
    // Sorted and without duplicates: converting an article twice adds nothing, and
    // the order does not depend on the order of the inputs.
    auto at = std::lower_bound(ev.begin(), ev.end(), *evidence);
    if (at == ev.end() || *evidence < *at) ev.insert(at, *evidence);
  }
  return e;
}

std::vector<Vertex> KnowledgeGraph::sorted_nodes() const {
  // Boost's order is insertion order, which follows the inputs; writers go through
  // these sorted lists so that one graph always prints the same bytes.
  std::vector<Vertex> out;
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) out.push_back(*it);
  std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) {
    return std::tie(graph_[a].type, graph_[a].key) < std::tie(graph_[b].type, graph_[b].key);
  });
  return out;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
  std::vector<Edge> out;
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) out.push_back(*it);
  auto key = [&](Edge e) {
    const NodeData &s = graph_[boost::source(e, graph_)], &t = graph_[boost::target(e, graph_)];
    return std::tie(s.type, s.key, graph_[e].relation, t.type, t.key);
  };
  std::sort(out.begin(), out.end(), [&](Edge a, Edge b) { return key(a) < key(b); });
  return out;
}

}  // namespace doc2kg
