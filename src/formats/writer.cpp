#include "doc2kg/writer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "base/output_file.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "formats/nquads_writer.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {
namespace {

constexpr const char* kFormats = "graphml, jsonld, nquads, neo4j-csv, dot";

// N-Quads: each article's quads as it arrives, in the article's named graph.
class NQuadsWriter : public GraphWriter {
 public:
  explicit NQuadsWriter(std::ostream& out) : out_(out) {}
  void add(const Document& article) override {
    // Each article its own small graph, written at once: N-Quads needs no merging,
    // so memory stays that of one article however many are converted.
    KnowledgeGraph one;
    add_to_graph(one, article);
    write_nquads(one, article_iri(article.info.id), out_);
    if (!out_)
      throw Error(ErrorKind::Output, "write failed after article " + article.info.id);  // a full disk: stop now
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

// The other formats: one merged graph, written at the end.
class MergingWriter : public GraphWriter {
 public:
  // These formats need every article first: nodes are shared between articles,
  // and the output is sorted as a whole.
  MergingWriter(Format format, std::ostream& out) : format_(format), out_(out) {}
  void add(const Document& article) override { add_to_graph(graph_, article); }
  void finish() override { write_graph(graph_, format_, out_); }

 private:
  Format format_;
  std::ostream& out_;
  KnowledgeGraph graph_;
};

}  // namespace

GraphWriter::~GraphWriter() = default;

Format parse_format(const std::string& given) {
  std::string name = ascii_lower(given);
  if (name == "graphml") return Format::GraphML;
  // "json" means JSON-LD: it is the only JSON format written.
  if (name == "jsonld" || name == "json-ld" || name == "json") return Format::JsonLd;
  if (name == "nquads" || name == "nq") return Format::NQuads;
  if (name == "neo4j-csv") return Format::Neo4jCsv;
  if (name == "dot") return Format::Dot;
  throw Error(ErrorKind::Usage, "unknown format \"" + given + "\" (" + kFormats + ")");
}

Format format_of_path(const std::string& path, Format fallback) {
  if (path == "-") return fallback;
  std::string file = std::filesystem::path(path).filename().string();
  size_t dot = file.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == file.size()) return fallback;  // none, .hidden, "name."
  std::string ext = ascii_lower(file.substr(dot + 1));
  // Neo4j CSV is a directory, so no extension names it: it takes --format.
  if (ext == "graphml" || ext == "xml") return Format::GraphML;
  if (ext == "jsonld" || ext == "json") return Format::JsonLd;
  if (ext == "nq" || ext == "nquads") return Format::NQuads;
  if (ext == "dot" || ext == "gv") return Format::Dot;
  // An unknown extension is an error, not the fallback: out.csv holding GraphML
  // would only surprise later.
  throw Error(ErrorKind::Usage, path + ": unknown extension \"." + file.substr(dot + 1) +
                                    "\"; use .graphml, .xml, .jsonld, .json, .nq, .dot or .gv, or give --format (" +
                                    kFormats + ")");
}

void write_graph(const KnowledgeGraph& graph, Format format, std::ostream& out) {
  switch (format) {
    case Format::GraphML:
      return write_graphml(graph, out);
    case Format::JsonLd:
      return write_jsonld(graph, out);
    case Format::Dot:
      return write_dot(graph, out);
    default:
      throw Error(ErrorKind::Usage, "N-Quads and Neo4j CSV are not written as one graph to one stream");
  }
}

std::unique_ptr<GraphWriter> make_writer(Format format, std::ostream& out) {
  switch (format) {
    case Format::NQuads:
      return std::make_unique<NQuadsWriter>(out);
    case Format::GraphML:
    case Format::JsonLd:
    case Format::Dot:
      return std::make_unique<MergingWriter>(format, out);
    default:
      throw Error(ErrorKind::Usage, "--format neo4j-csv writes a directory, not one stream: give -o DIR");
  }
}

void write_graph_output(Format format, const std::string& output, const std::vector<std::string>& inputs,
                        const std::function<void(const ArticleSink& sink)>& produce) {
  if (format == Format::NQuads) {  // streamed: the output is open while the articles arrive
    write_output(output, inputs, [&](std::ostream& out) {
      auto writer = make_writer(format, out);
      produce([&](const Document& article) { writer->add(article); });
      writer->finish();
    });
    return;
  }
  if (format == Format::Neo4jCsv) {
    if (output == "-") throw Error(ErrorKind::Usage, "--format neo4j-csv writes a directory: give -o DIR");
    std::error_code exists;
    // Only an existing directory can hold an input under these names; a new one is
    // created after the conversion, so a failed run leaves nothing behind.
    if (std::filesystem::is_directory(output, exists))  // before the conversion, not after it
      for (const char* file : {"/nodes.csv", "/relationships.csv"}) check_output(output + file, inputs);
    KnowledgeGraph graph;
    produce([&](const Document& article) { add_to_graph(graph, article); });
    std::error_code ec;
    std::filesystem::create_directories(output, ec);
    if (ec) throw Error(ErrorKind::Output, output + ": cannot create directory (" + ec.message() + ")");
    write_output(output + "/nodes.csv", inputs, [&](std::ostream& out) { write_neo4j_nodes(graph, out); });
    write_output(output + "/relationships.csv", inputs,
                 [&](std::ostream& out) { write_neo4j_relationships(graph, out); });
    return;
  }
  check_output(output, inputs);  // before the conversion, not after it
  KnowledgeGraph graph;
  produce([&](const Document& article) { add_to_graph(graph, article); });
  write_output(output, inputs, [&](std::ostream& out) { write_graph(graph, format, out); });
}

}  // namespace doc2kg
