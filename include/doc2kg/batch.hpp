#pragma once
// Many articles, one graph: gathers inputs (files, directories, JSON Lines),
// converts them on N threads, and hands results over in input order, so the
// output is the same bytes whatever N is. A bad article is reported and skipped.
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "doc2kg/pipeline.hpp"

namespace doc2kg {

struct ArticleInput {
  std::string id;    // the article's name in the graph
  std::string path;  // read from here ("-": stdin), unless `text` is given
  std::string text;  // the article itself (JSON Lines)
  bool has_text = false;
  std::string error;  // why this input cannot be an article (a malformed JSON line)
  ArticleInfo header;  // the header a JSON line gives with a date (title, date, source), else empty
};

// Articles one at a time, in order; nullopt when there are no more. Pulled as
// the workers need them, so a corpus on stdin is never held whole.
using ArticleSource = std::function<std::optional<ArticleInput>()>;

// Files as given, directories searched recursively for *.txt (sorted), "-" for stdin.
std::vector<ArticleInput> gather_inputs(const std::vector<std::string>& arguments);
ArticleSource from_list(std::vector<ArticleInput> inputs);

// JSON Lines: {"id": ..., "text": ..., "title"?, "date"?, "source"?} a line, read
// as needed; a malformed line becomes an input whose `error` names the line.
ArticleSource jsonl_source(std::istream& in, const std::string& where);

// First every article of `a`, then of `b`.
ArticleSource concat(ArticleSource a, ArticleSource b);

struct BatchSummary {
  size_t converted = 0, failed = 0;
  double seconds = 0;
};

// Converts every input with `jobs` threads; `on_article` gets each success in
// input order, `on_failure` each article that could not be read (id, reason).
BatchSummary convert_batch(const ArticleSource& next_input, const RuleSet& rules, unsigned jobs,
                           const std::function<void(const Document&)>& on_article,
                           const std::function<void(const std::string&, const std::string&)>& on_failure,
                           bool progress);

}  // namespace doc2kg
