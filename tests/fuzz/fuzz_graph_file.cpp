// libFuzzer: any bytes as a graph file (GraphML or JSON-LD, told by content,
// FUZZ_FORMAT picks the seed kind only). Reading gives a graph or
// doc2kg::Error; what is read writes back as well-formed GraphML and JSON-LD.
#include <libxml/parser.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "doc2kg/error.hpp"
#include "doc2kg/graph_reader.hpp"
#include "doc2kg/writer.hpp"

using namespace doc2kg;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/doc2kg-fuzz-" + std::to_string(::getpid()) + FUZZ_EXTENSION;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  KnowledgeGraph g;
  try {
    read_graph_file(path, g);
  } catch (const Error&) {
    return 0;
  }
  std::ostringstream graphml, jsonld;
  write_graphml(g, graphml);
  write_jsonld(g, jsonld);
  std::string x = graphml.str();
  xmlDocPtr d = xmlReadMemory(x.data(), static_cast<int>(x.size()), "f.graphml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (!d) std::abort();
  xmlFreeDoc(d);
  rapidjson::Document j;
  std::string js = jsonld.str();
  j.Parse(js.c_str(), js.size());
  if (j.HasParseError()) std::abort();
  return 0;
}
