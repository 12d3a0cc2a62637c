// Loads a graph and answers one entity card and one path query, timing each
// step: the doc2kg side of bench/run-query-bench.
#include <chrono>
#include <cstdio>
#include <string>

#include "doc2kg/graph_reader.hpp"
#include "doc2kg/query.hpp"

using namespace doc2kg;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: query_bench GRAPH NAME FROM TO\n");
    return 2;
  }
  auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  auto t0 = Clock::now();
  KnowledgeGraph g;
  read_graph_file(argv[1], g);
  auto t1 = Clock::now();
  EntityIndex index(g);
  Table card = entity_card(g, index.resolve_one(argv[2]), {});
  auto t2 = Clock::now();
  Table path = shortest_path(g, index.resolve_one(argv[3]), index.resolve_one(argv[4]), {});
  auto t3 = Clock::now();
  std::printf("doc2kg\t%.3f\t%.3f\t%.3f\t%.3f\t%zu\t%zu\n", seconds(t0, t1), seconds(t1, t2), seconds(t2, t3),
              seconds(t0, t3), card.rows.size(), path.rows.size());
  return 0;
}
