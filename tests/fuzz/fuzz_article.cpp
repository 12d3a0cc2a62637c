// libFuzzer: any bytes through the reader and the whole pipeline; every
// output must stay well-formed (GraphML parses as XML, JSON-LD as JSON,
// N-Quads lines end in " ."). doc2kg::Error is a fine answer; a crash is not.
#include <libxml/parser.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <sstream>

#include "doc2kg/error.hpp"
#include "doc2kg/nquads_writer.hpp"
#include "doc2kg/pipeline.hpp"
#include "doc2kg/writer.hpp"

using namespace doc2kg;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto rules = RuleSet::load(DOC2KG_SOURCE_DIR "/rules");
  KnowledgeGraph g;
  try {
    add_to_graph(g, extract(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt", *rules));
  } catch (const Error&) {
    return 0;
  }
  std::ostringstream graphml, jsonld, nquads;
  write_graphml(g, graphml);
  write_jsonld(g, jsonld);
  write_nquads(g, "https://doc2kg.org/id/Article/fuzz.txt", nquads);
  std::string x = graphml.str();
  xmlDocPtr d = xmlReadMemory(x.data(), static_cast<int>(x.size()), "f.graphml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (!d) std::abort();
  xmlFreeDoc(d);
  rapidjson::Document j;
  std::string js = jsonld.str();
  j.Parse(js.c_str(), js.size());
  if (j.HasParseError()) std::abort();
  std::istringstream lines(nquads.str());
  for (std::string l; std::getline(lines, l);)
    if (l.size() < 2 || l.compare(l.size() - 2, 2, " .") != 0) std::abort();
  return 0;
}
