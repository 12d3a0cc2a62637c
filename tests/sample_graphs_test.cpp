// graphs/ must hold what doc2kg makes of the sample article now: regenerate
// with the README's first command when this fails.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "doc2kg/writer.hpp"
#include "read/reader.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

namespace {

KnowledgeGraph sample() {
  KnowledgeGraph g;
  add_to_graph(g, run(read_file(DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.txt"), "huaiyin-2023-06-29.txt"));
  return g;
}

}  // namespace

TEST(SampleGraphs, GraphMLIsUpToDate) {
  std::ostringstream now;
  write_graphml(sample(), now);
  EXPECT_TRUE(now.str() == read_file(DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.graphml"))
      << "graphs/ is stale: run the README's first command";
}

TEST(SampleGraphs, JsonLdIsUpToDate) {
  std::ostringstream now;
  write_jsonld(sample(), now);
  EXPECT_TRUE(now.str() == read_file(DOC2KG_SOURCE_DIR "/graphs/huaiyin-2023-06-29.jsonld"))
      << "graphs/ is stale: run the README's first command";
}

TEST(SampleGraphs, TheRepeatedBodyAddsNoEvidence) {
  KnowledgeGraph g = sample();
  for (auto e : g.sorted_edges()) EXPECT_EQ(g.graph()[e].evidence.size(), 1u) << g.graph()[e].relation;
}
