// libFuzzer: any bytes as JSON Lines (convert --jsonl): every line becomes an
// article or an input with a reason, never a crash; what converts is written
// well-formed in every format (well_formed.hpp).
#include <cstdlib>
#include <sstream>

#include "doc2kg/batch.hpp"
#include "doc2kg/error.hpp"
#include "well_formed.hpp"

using namespace doc2kg;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto rules = RuleSet::load(DOC2KG_SOURCE_DIR "/rules");
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ArticleSource next = jsonl_source(in, "fuzz.jsonl");
  KnowledgeGraph g;
  while (auto article = next()) {
    if (!article->error.empty()) {
      if (article->id.rfind("fuzz.jsonl:", 0) != 0) std::abort();  // a bad line is named by its line
      continue;
    }
    try {
      Document doc;
      doc.input = std::move(article->text);
      doc.info = std::move(article->header);
      doc.info.id = article->id;
      add_to_graph(g, extract(std::move(doc), *rules));
    } catch (const Error&) {
    }
  }
  check_writers(g);
  return 0;
}
