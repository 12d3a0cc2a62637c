#pragma once
// Reads graphs that doc2kg wrote (GraphML, JSON-LD or N-Quads) back into a
// KnowledgeGraph; several files merge into one graph. The format is told by
// the content, not the name. Ids, IRIs and property names are
// vocabulary.hpp's, so every format reads back to the same graph.
//
//   KnowledgeGraph g;
//   read_graph_file("a.graphml", g);      // GraphML
//   read_graph_file("b.nq", g);           // N-Quads, merged into the same graph
//   read_graph(std::cin, "stdin", g);     // any of the three from a stream
//
// Every reader streams: GraphML through libxml2's SAX2 parser (no DTD, no
// network, no entity expansion), JSON-LD through RapidJSON's iterative SAX
// reader (no document tree, no recursion), N-Quads line by line. Memory is
// the graph's plus one bounded value (10 MB) or line (16 MB), whatever the
// file; nesting deeper than 64 JSON levels (a JSON-LD file, GraphML's
// `evidence` value) is an error, not a crash.
//
// Thread safety: reentrant; one call per KnowledgeGraph at a time.
#include <istream>
#include <string>

#include "doc2kg/graph.hpp"

namespace doc2kg {

// Adds the graph in the file `path` to `into`. Throws Error(ErrorKind::Input)
// naming the file and where in it (line and column or byte offset) for a
// file that cannot be opened, is empty, is none of the three formats, or is
// malformed; what was read before the problem stays in `into`.
void read_graph_file(const std::string& path, KnowledgeGraph& into);

// The same for the bytes of `in` (read to its end, once, front to back: a
// pipe will do); `name` stands for the file in error messages ("stdin").
void read_graph(std::istream& in, const std::string& name, KnowledgeGraph& into);

}  // namespace doc2kg
