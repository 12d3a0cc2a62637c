// libFuzzer: any bytes as a graph file (GraphML, JSON-LD or N-Quads, told by
// content; FUZZ_EXTENSION names the seed kind only). Reading gives a graph or
// doc2kg::Error, never a crash; what is read writes back as well-formed
// GraphML and JSON-LD (well_formed.hpp), and what doc2kg writes in each format
// reads back without an error.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "doc2kg/error.hpp"
#include "doc2kg/graph_reader.hpp"
#include "doc2kg/writer.hpp"
#include "formats/nquads_writer.hpp"
#include "well_formed.hpp"

using namespace doc2kg;

namespace {

// Aborts (a finding) when doc2kg cannot read what it wrote.
void read_back(const std::string& written) {
  std::istringstream in(written);
  KnowledgeGraph g;
  try {
    read_graph(in, "written", g);
  } catch (const Error&) {
    std::abort();
  }
}

}  // namespace

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
  for (Format f : {Format::GraphML, Format::JsonLd}) {
    std::ostringstream out;
    write_graph(g, f, out);
    read_back(out.str());
  }
  std::ostringstream quads;
  write_nquads(g, article_iri("fuzz.txt"), quads);
  if (boost::num_vertices(g.graph()) > 0) read_back(quads.str());  // an empty graph writes no quads
  return 0;
}
