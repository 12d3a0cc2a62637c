// libFuzzer: any bytes as a graph file (GraphML or JSON-LD, told by content,
// FUZZ_FORMAT picks the seed kind only). Reading gives a graph or
// doc2kg::Error; what is read writes back as well-formed GraphML and JSON-LD.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "doc2kg/error.hpp"
#include "doc2kg/graph_reader.hpp"
#include "well_formed.hpp"

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
  check_writers(g);
  return 0;
}
