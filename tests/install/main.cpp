// The README's library example ("Installing and using the library") as a
// program: an article's file in, its graph as GraphML on stdout.
#include <fstream>
#include <iostream>
#include <sstream>

#include "doc2kg/graph.hpp"
#include "doc2kg/pipeline.hpp"
#include "doc2kg/rules.hpp"
#include "doc2kg/writer.hpp"

int main(int argc, char** argv) {
  if (argc != 3) return std::cerr << "usage: user RULES ARTICLE\n", 2;
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();

  auto rules = doc2kg::RuleSet::load(argv[1]);
  doc2kg::KnowledgeGraph graph;
  doc2kg::add_to_graph(graph, doc2kg::extract(text.str(), "article.txt", *rules));
  doc2kg::write_graph(graph, doc2kg::Format::GraphML, std::cout);
}
