#pragma once
// The whole extraction: bytes -> Document with entities -> facts, and the
// step that adds an article's entities and facts to a KnowledgeGraph.
#include <string>
#include <string_view>
#include <vector>

#include "doc2kg/document.hpp"
#include "doc2kg/graph.hpp"
#include "doc2kg/indicators.hpp"
#include "doc2kg/relater.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

struct Extraction {
  Document doc;
  std::vector<Fact> facts;
  std::vector<IndicatorFact> indicators;
};

// Reads and analyses one article. Throws Error(kExitInput) for undecodable input.
Extraction extract(std::string_view bytes, const std::string& id, const RuleSet& rules);

// Adds the article node, its entities (with `mentions`) and its facts.
void add_to_graph(KnowledgeGraph& graph, const Extraction& x);

}  // namespace doc2kg
