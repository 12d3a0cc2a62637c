#pragma once
// Questions over a KnowledgeGraph: an entity's card, the shortest connection
// between two entities (Boost.Graph breadth-first search), triple patterns
// with variables, and counts. Answers are tables any printer can show.
//
//   EntityIndex index(graph);
//   QueryFilter f;
//   f.relations = {"leadingIndustry"};
//   print_table(entity_card(graph, index.resolve_one("槐荫区"), f), TableFormat::Json, std::cout);
//   match_patterns(graph, index, "?d leadingIndustry ?i . ?c locatedIn ?d", {});
//
// Relation and type names are checked: one that neither the ontology
// (ontology.hpp) nor the graph knows is a usage error, not an empty answer.
//
// Thread safety: reentrant; the graph is only read.
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc2kg/graph.hpp"

namespace doc2kg {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as `columns`
  // Per column (or empty: none), whether its cells are numbers: JSON prints
  // them as numbers and an empty cell as null; the other formats as text.
  std::vector<bool> numeric;
};

// A relation asked for matches the edges stated with it or with one of its
// sub-relations (hasIndustry: leadingIndustry, characteristicIndustry, …), as
// the graph does not repeat a hasIndustry that a more specific relation states.
struct QueryFilter {
  std::vector<std::string> relations;  // empty: all but `mentions` (unless asked for)
  std::vector<std::string> types;      // of the other end
  bool out = true, in = true;
  bool evidence = false;
  std::map<std::string, std::string> variable_types;  // c -> Community
};

// Throws Error(ErrorKind::Usage) for a relation in `filter.relations` or a type in
// `filter.types`/`filter.variable_types` that neither the ontology nor
// `graph` has: "unknown relation leadingIndustri (known: locatedIn, …)".
// The query functions below check their filter this way.
void check_filter(const KnowledgeGraph& graph, const QueryFilter& filter);

// Finds entities by canonical name, alias, Type/name id or full IRI.
class EntityIndex {
 public:
  explicit EntityIndex(const KnowledgeGraph& graph);
  std::vector<Vertex> resolve(const std::string& name) const;
  // The one entity `name` means; throws Error(ErrorKind::Usage) listing the candidates
  // when it is ambiguous, and Error(ErrorKind::NotFound) when nothing has the name.
  Vertex resolve_one(const std::string& name) const;

 private:
  const KnowledgeGraph& graph_;
  std::unordered_multimap<std::string, Vertex> by_name_;
};

std::string describe(const NodeData& n);  // 槐荫区 (District)

// The relations of `v` the filter wants: direction (-> or <-), relation, type and
// name of the other end; where the other end is an Indicator, also its
// measure, value (numeric), unit and period (columns present only then); and
// with filter.evidence the evidence.
Table entity_card(const KnowledgeGraph& graph, Vertex v, const QueryFilter& filter);
// The chain of (entity, relation, direction) from `from` to `to`; empty if unconnected.
Table shortest_path(const KnowledgeGraph& graph, Vertex from, Vertex to, const QueryFilter& filter);
// 'PATTERN [. PATTERN]...' where a PATTERN is 'S RELATION O' and ?x is a
// variable; a column per variable, a row per distinct binding. Patterns join
// on shared variables; a constant relation matches its sub-relations too (as
// QueryFilter::relations), a variable ?r binds the relation as stated.
// Throws Error(ErrorKind::Usage) for a malformed pattern or a constant relation
// check_filter would refuse.
Table match_patterns(const KnowledgeGraph& graph, const EntityIndex& index, const std::string& patterns,
                     const QueryFilter& filter);
// Nodes by type, edges by relation, and totals (nodes, edges, articles,
// evidence): columns what, name, count (numeric).
Table graph_stats(const KnowledgeGraph& graph);

enum class TableFormat { Aligned, Tsv, Json };
void print_table(const Table& table, TableFormat format, std::ostream& out);

}  // namespace doc2kg
