#pragma once
// Questions over a KnowledgeGraph: an entity's card, the shortest connection
// between two entities (Boost.Graph breadth-first search), triple patterns
// with variables, and counts. Answers are tables any printer can show.
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc2kg/graph.hpp"

namespace doc2kg {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

struct QueryFilter {
  std::vector<std::string> relations;  // empty: all but `mentions` (unless asked for)
  std::vector<std::string> types;      // of the other end
  bool out = true, in = true;
  bool evidence = false;
  std::map<std::string, std::string> variable_types;  // c -> Community
};

// Finds entities by canonical name, alias, Type/name id or full IRI.
class EntityIndex {
 public:
  explicit EntityIndex(const KnowledgeGraph& graph);
  std::vector<Vertex> resolve(const std::string& name) const;
  // The one entity `name` means; throws Error(kExitUsage) listing the candidates
  // when it is ambiguous, and Error(kExitNothingFound) when nothing has the name.
  Vertex resolve_one(const std::string& name) const;

 private:
  const KnowledgeGraph& graph_;
  std::unordered_multimap<std::string, Vertex> by_name_;
};

std::string describe(const NodeData& n);  // 槐荫区 (District)

Table entity_card(const KnowledgeGraph& graph, Vertex v, const QueryFilter& filter);
// The chain of (entity, relation, direction) from `from` to `to`; empty if unconnected.
Table shortest_path(const KnowledgeGraph& graph, Vertex from, Vertex to, const QueryFilter& filter);
// 'PATTERN [. PATTERN]...' where a PATTERN is 'S RELATION O' and ?x is a variable.
Table match_patterns(const KnowledgeGraph& graph, const EntityIndex& index, const std::string& patterns,
                     const QueryFilter& filter);
Table graph_stats(const KnowledgeGraph& graph);

enum class TableFormat { Aligned, Tsv, Json };
void print_table(const Table& table, TableFormat format, std::ostream& out);

}  // namespace doc2kg
