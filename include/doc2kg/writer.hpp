#pragma once
// Graph writers, one per format, behind one interface: a GraphWriter receives
// the converted articles in input order and writes the graph in its format
// (N-Quads article by article, the others merged and written at finish()).
// write_graph_output() puts one on an output path with write_output's
// guarantees (output_file.hpp): written whole or not at all, never over an
// input. The names, IRIs and datatypes every writer uses: vocabulary.hpp.
//
//   Format f = parse_format("graphml");                 // or format_of_path(output, Format::JsonLd)
//   write_graph_output(f, "out.graphml", inputs, [&](const ArticleSink& sink) {
//     convert_batch(source, rules, jobs, sink, on_failure, progress);
//   });
//   write_graph(graph, Format::JsonLd, std::cout);      // a graph already built, to a stream
//
// Thread safety: the stream writers are reentrant; write_graph_output runs in
// one thread at a time (as write_output does); a GraphWriter is used by one
// thread at a time.
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "doc2kg/document.hpp"
#include "doc2kg/graph.hpp"

namespace doc2kg {

enum class Format { GraphML, JsonLd, NQuads, Neo4jCsv, Dot };

// "graphml", "jsonld" (also "json-ld", "json"), "nquads" ("nq"), "neo4j-csv", "dot",
// in any case; throws Error(ErrorKind::Usage) naming the formats otherwise.
Format parse_format(const std::string& name);
// From the extension, in any case: .graphml/.xml, .jsonld/.json, .nq/.nquads,
// .dot/.gv; `fallback` for "-" and a name without extension. Throws
// Error(ErrorKind::Usage) naming the extension and the formats for any other
// extension (-o x.ttl): the caller gives --format to write such a name.
Format format_of_path(const std::string& path, Format fallback);

// Receives the converted articles in input order and writes the graph in one format.
class GraphWriter {
 public:
  virtual ~GraphWriter();
  // One converted article (pipeline.hpp's extract()); articles come in input order.
  virtual void add(const Document& article) = 0;
  // Writes what is left (the merged graph for every format but N-Quads). Call once, after the last add().
  virtual void finish() = 0;
};

// A writer of `format` to `out`, which must outlive it. N-Quads write each
// article's quads at add(), the others at finish(). Neo4j CSV is two files:
// throws Error(ErrorKind::Usage) (use write_graph_output with a directory).
std::unique_ptr<GraphWriter> make_writer(Format format, std::ostream& out);

// What a producer hands each converted article to (convert_batch's on_article).
using ArticleSink = std::function<void(const Document&)>;

// Writes the graph of the articles `produce` hands to its sink, in `format`,
// to `output` ("-" is stdout; for neo4j-csv a directory, made if missing,
// holding nodes.csv and relationships.csv). Output goes through write_output
// (output_file.hpp): atomic, never over one of `inputs`; for N-Quads the file
// is open while `produce` runs (streamed), for the others it is written after
// `produce` returns. Whatever `produce` throws propagates and nothing is
// written. Throws Error(ErrorKind::Usage) for neo4j-csv to "-" (before `produce`
// runs) and Error(ErrorKind::Output) when the output cannot be written.
void write_graph_output(Format format, const std::string& output, const std::vector<std::string>& inputs,
                        const std::function<void(const ArticleSink& sink)>& produce);

// One graph, one stream.
void write_graphml(const KnowledgeGraph& graph, std::ostream& out);
void write_jsonld(const KnowledgeGraph& graph, std::ostream& out);
void write_dot(const KnowledgeGraph& graph, std::ostream& out);
// Neo4j bulk import: the two files of `neo4j-admin database import`.
void write_neo4j_nodes(const KnowledgeGraph& graph, std::ostream& out);
void write_neo4j_relationships(const KnowledgeGraph& graph, std::ostream& out);
// GraphML, JSON-LD or DOT; throws Error(ErrorKind::Usage) for N-Quads (each article's
// quads go in its own named graph: write_nquads, or a GraphWriter) and Neo4j CSV (two files).
void write_graph(const KnowledgeGraph& graph, Format format, std::ostream& out);

// Text safe for XML 1.0 and for every consumer: what literal_text (vocabulary.hpp)
// replaces becomes U+FFFD, markup characters and line breaks character references.
std::string xml_escape(const std::string& utf8);

}  // namespace doc2kg
