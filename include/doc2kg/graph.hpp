#pragma once
// The knowledge graph: a Boost adjacency_list with bundled properties behind a
// type that keeps one node per (type, canonical name) and one edge per fact,
// so adding article after article merges them. How nodes are named in outputs
// (ids, IRIs) and which properties they have: vocabulary.hpp.
//
// Thread safety: a KnowledgeGraph is a plain value; concurrent reads are
// safe, any write needs exclusive access.
#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "doc2kg/document.hpp"

namespace doc2kg {

struct Evidence {
  std::string article;         // article id
  std::string sentence;        // the sentence text as written
  int64_t begin = 0, end = 0;  // code-point offsets of the sentence in the article
  std::string rule;
  double confidence = 1.0;
  bool operator<(const Evidence& o) const {
    return std::tie(article, begin, end, rule) < std::tie(o.article, o.begin, o.end, o.rule);
  }
};

struct NodeData {
  std::string type, name;
  std::string key;  // identity within the type: the name, or for an Indicator its subject, name, value…
  std::vector<std::string> aliases;
  std::map<std::string, std::string> properties;  // title, date, source, author; indicator fields
  std::optional<double> value;                    // Indicator value
  std::map<std::string, double> numbers;          // numeric properties: a Project's investment
};

struct EdgeData {
  std::string relation;
  std::vector<Evidence> evidence;  // sorted, one per stating sentence
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeData>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

class KnowledgeGraph {
 public:
  // The node of (type, key), made if new; `key` defaults to the name.
  Vertex node(const std::string& type, const std::string& name, const std::string& key = "");
  std::optional<Vertex> find(const std::string& type, const std::string& key) const;
  void add_alias(Vertex v, const std::string& alias);
  // Adds the fact, or the evidence to the fact already there.
  Edge relate(Vertex from, const std::string& relation, Vertex to, std::optional<Evidence> evidence = std::nullopt);

  const Graph& graph() const { return graph_; }
  Graph& graph() { return graph_; }
  // Nodes ordered by (type, name) and edges by (from, relation, to): writers emit
  // in this order, so the same input always gives the same bytes.
  std::vector<Vertex> sorted_nodes() const;
  std::vector<Edge> sorted_edges() const;

 private:
  struct FactKey {
    Vertex from, to;
    size_t relation;  // index into relations_
    bool operator==(const FactKey&) const = default;
  };
  struct FactHash {
    size_t operator()(const FactKey& k) const {
      return (k.from * 0x9E3779B97F4A7C15ULL) ^ (k.to * 0xC2B2AE3D27D4EB4FULL) ^ (k.relation << 7);
    }
  };
  struct NodeHash {
    size_t operator()(const std::pair<std::string, std::string>& k) const {
      return std::hash<std::string>()(k.first) * 31 + std::hash<std::string>()(k.second);
    }
  };
  Graph graph_;
  std::unordered_map<std::pair<std::string, std::string>, Vertex, NodeHash> nodes_;
  std::unordered_map<std::string, size_t> relations_;  // few names, interned: facts hash on integers
  std::unordered_map<FactKey, Edge, FactHash> edges_;
};

// Adds one article's Document (pipeline.hpp's extract()) to the graph: its
// Article node, its entities (each with a `mentions` edge from the article),
// its facts and its indicators, each fact with the sentence that states it.
void add_to_graph(KnowledgeGraph& graph, const Document& doc);

}  // namespace doc2kg
