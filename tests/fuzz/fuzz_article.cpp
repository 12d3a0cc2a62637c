// libFuzzer: any bytes through the reader and the whole pipeline; every
// output must stay well-formed (GraphML parses as XML, JSON-LD as JSON,
// N-Quads lines end in " ."). doc2kg::Error is a fine answer; a crash is not.
#include <cstdlib>
#include <sstream>

#include "doc2kg/error.hpp"
#include "doc2kg/pipeline.hpp"
#include "formats/nquads_writer.hpp"
#include "well_formed.hpp"

using namespace doc2kg;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto rules = RuleSet::load(DOC2KG_SOURCE_DIR "/rules");
  KnowledgeGraph g;
  try {
    add_to_graph(g, extract(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt", *rules));
  } catch (const Error&) {
    return 0;
  }
  check_writers(g);
  std::ostringstream nquads;
  write_nquads(g, "https://doc2kg.org/id/Article/fuzz.txt", nquads);
  std::istringstream lines(nquads.str());
  for (std::string l; std::getline(lines, l);)
    if (l.size() < 2 || l.compare(l.size() - 2, 2, " .") != 0) std::abort();
  return 0;
}
