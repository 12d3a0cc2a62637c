#pragma once
// Many articles, one graph: gathers inputs (files, directories, JSON Lines),
// converts them on N threads, and hands results over in input order, so the
// output is the same bytes whatever N is. A bad article is reported and skipped.
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "doc2kg/pipeline.hpp"

namespace doc2kg {

struct ArticleInput {
  std::string id;    // the article's name in the graph
  std::string path;  // read from here ("-": stdin), unless `text` is given
  std::string text;  // the article itself (JSON Lines)
  bool has_text = false;
};

// Files as given, directories searched recursively for *.txt (sorted), "-" for stdin.
std::vector<ArticleInput> gather_inputs(const std::vector<std::string>& arguments);

// JSON Lines: {"id": ..., "text": ..., "title"?, "date"?, "source"?} a line.
// Throws Error(kExitInput) naming the line of a malformed object.
std::vector<ArticleInput> read_jsonl(std::istream& in, const std::string& where);

struct BatchSummary {
  size_t converted = 0, failed = 0;
  double seconds = 0;
};

// Converts every input with `jobs` threads; `on_article` gets each success in
// input order, `on_failure` each article that could not be read (id, reason).
BatchSummary convert_batch(const std::vector<ArticleInput>& inputs, const RuleSet& rules, unsigned jobs,
                           const std::function<void(const Extraction&)>& on_article,
                           const std::function<void(const std::string&, const std::string&)>& on_failure,
                           bool progress);

}  // namespace doc2kg
