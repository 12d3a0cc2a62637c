#include "doc2kg/graph.hpp"

#include <gtest/gtest.h>

#include "graph/vocabulary.hpp"
#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

TEST(Graph, OneNodePerTypeAndNameAndOneEdgePerFact) {
  KnowledgeGraph g;
  Vertex a = g.node("District", "槐荫区"), b = g.node("District", "槐荫区"), c = g.node("City", "济南市");
  EXPECT_EQ(a, b);
  g.relate(a, "locatedIn", c, Evidence{"x.txt", "s1", 0, 5, "r", 1});
  g.relate(a, "locatedIn", c, Evidence{"y.txt", "s2", 3, 9, "r", 1});
  g.relate(a, "locatedIn", c, Evidence{"x.txt", "s1", 0, 5, "r", 1});  // the same evidence again
  EXPECT_EQ(boost::num_vertices(g.graph()), 2u);
  ASSERT_EQ(boost::num_edges(g.graph()), 1u);
  EXPECT_EQ(g.graph()[g.sorted_edges().front()].evidence.size(), 2u);
}

TEST(Graph, SortedOrderIsByTypeAndName) {
  KnowledgeGraph g;
  g.node("Zone", "乙");
  g.node("City", "甲");
  g.node("Zone", "甲");
  auto nodes = g.sorted_nodes();
  EXPECT_EQ(g.graph()[nodes[0]].type, "City");
  EXPECT_EQ(g.graph()[nodes[1]].name, "乙");  // UTF-8 byte order: 乙 (E4 B9 99) < 甲 (E7 94 B2)
}

TEST(Graph, ArticleMentionsEveryEntityAndFactsCarryEvidence) {
  KnowledgeGraph g;
  add_to_graph(g, run("槐荫区以医养健康为主导产业。槐荫区继续发展。", "a.txt"));
  auto article = g.find("Article", "a.txt");
  ASSERT_TRUE(article);
  auto district = g.find("District", "槐荫区");
  ASSERT_TRUE(district);
  auto [e, found] = boost::edge(*article, *district, g.graph());
  ASSERT_TRUE(found);
  EXPECT_EQ(g.graph()[e].relation, "mentions");
  auto industry = g.find("Industry", "医养健康");
  ASSERT_TRUE(industry);
  auto [f, has] = boost::edge(*district, *industry, g.graph());
  ASSERT_TRUE(has);
  const Evidence& ev = g.graph()[f].evidence.front();
  EXPECT_EQ(ev.sentence, "槐荫区以医养健康为主导产业。");
  EXPECT_EQ(ev.begin, 0);
  EXPECT_EQ(ev.end, 14);  // code points
  EXPECT_EQ(ev.rule, "industry.role.yi_wei");
}

TEST(Graph, TwoArticlesMergeIntoOneNodePerEntity) {
  KnowledgeGraph g;
  add_to_graph(g, run("槐荫区以医养健康为主导产业。", "a.txt"));
  add_to_graph(g, run("槐荫区以医养健康为主导产业。", "b.txt"));
  auto d = g.find("District", "槐荫区"), i = g.find("Industry", "医养健康");
  ASSERT_TRUE(d && i);
  auto [e, found] = boost::edge(*d, *i, g.graph());
  ASSERT_TRUE(found);
  EXPECT_EQ(g.graph()[e].evidence.size(), 2u);
}
