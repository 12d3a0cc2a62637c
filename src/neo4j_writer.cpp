// Neo4j bulk import (neo4j-admin database import): nodes.csv and
// relationships.csv with typed headers. Kùzu and other stores load them too.
#include <sstream>

#include "doc2kg/writer.hpp"

namespace doc2kg {
namespace {

std::string csv(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}


std::string property(const NodeData& n, const char* key) {
  auto it = n.properties.find(key);
  return it == n.properties.end() ? "" : csv(it->second);
}

}  // namespace

void write_neo4j_nodes(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << "id:ID,:LABEL,name,aliases:string[],value:double,unit,measure,period,qualifier,investment:double,"
         "title,date,author,source\n";
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    std::string aliases;
    for (const auto& a : n.aliases) aliases += (aliases.empty() ? "" : ";") + a;
    auto investment = n.numbers.find("investment");
    out << csv(KnowledgeGraph::node_id(n)) << "," << n.type << "," << csv(n.name) << "," << (aliases.empty() ? "" : csv(aliases))
        << "," << (n.value ? shortest_number(*n.value) : "") << "," << property(n, "unit") << "," << property(n, "measure") << ","
        << property(n, "period") << "," << property(n, "qualifier") << ","
        << (investment == n.numbers.end() ? "" : shortest_number(investment->second)) << "," << property(n, "title") << ","
        << property(n, "date") << "," << property(n, "author") << "," << property(n, "source") << "\n";
  }
}

void write_neo4j_relationships(const KnowledgeGraph& kg, std::ostream& out) {
  const Graph& g = kg.graph();
  out << ":START_ID,:END_ID,:TYPE,article,sentence,begin:long,end:long,rule,confidence:double,evidenceCount:int\n";
  for (Edge e : kg.sorted_edges()) {
    const EdgeData& d = g[e];
    out << csv(KnowledgeGraph::node_id(g[boost::source(e, g)])) << "," << csv(KnowledgeGraph::node_id(g[boost::target(e, g)]))
        << "," << d.relation;
    if (d.evidence.empty()) {
      out << ",,,,,,,0\n";
      continue;
    }
    const Evidence& ev = d.evidence.front();
    out << "," << csv(ev.article) << "," << csv(ev.sentence) << "," << ev.begin << "," << ev.end << "," << csv(ev.rule) << ","
        << shortest_number(ev.confidence) << "," << d.evidence.size() << "\n";
  }
}

}  // namespace doc2kg
