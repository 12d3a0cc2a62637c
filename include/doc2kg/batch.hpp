#pragma once
// Many articles, one graph: opens the inputs a user names (files, directories,
// JSON Lines, stdin), converts them on N threads, and hands results over in
// input order, so the output is the same bytes whatever N is. A bad article
// is reported and skipped; progress goes to a callback (the CLI draws it).
//
//   Inputs in = open_inputs({"corpus/", "more.jsonl"}, false);
//   convert_batch(in.next, rules, 4, on_article, on_failure, on_progress);
//
// Thread-safety: convert_batch calls `next` and every callback from one thread
// at a time (the callbacks from the calling thread).
#include <cstddef>
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
  std::string error;   // why this input cannot be an article (a malformed JSON line, an unreadable directory)
  ArticleInfo header;  // the fields a JSON line gives (title, date, source, author), known to the reader
};

// Articles one at a time, in order; nullopt when there are no more. Pulled as
// the workers need them, so a corpus on stdin is never held whole.
using ArticleSource = std::function<std::optional<ArticleInput>()>;

// The most threads convert_batch runs; -j above it is a usage error.
inline constexpr unsigned kMaxJobs = 1024;

// What a list of command-line inputs holds.
struct Inputs {
  ArticleSource next;
  std::optional<size_t> count;     // the number of articles, when known before reading (no JSON Lines)
  std::vector<std::string> paths;  // every file read ("-" for stdin): outputs must not overwrite them
  bool reads_stdin = false;
};

// The inputs as named:
//  - a file is one article (text or web page), a *.jsonl file (any case) JSON Lines;
//  - a directory: every *.txt, *.text, *.html, *.htm and *.jsonl below it (any case),
//    in sorted path order; a subdirectory that cannot be read is an input whose
//    `error` says why, reported and counted like a bad article;
//  - "-" is standard input: one article, or JSON Lines when `jsonl` is set.
// With `jsonl` set every file input is JSON Lines whatever its name, and no
// inputs at all means standard input.
// An article's id is its path as named, lexically normalised (corpus/a/news.txt,
// whether named alone or found below corpus/), "stdin" for standard input, a
// JSON line's "id": so articles with one base name in two folders stay two,
// and shards converted apart name articles as one run does.
// Throws Error(ErrorKind::Input) for an input that does not exist.
Inputs open_inputs(const std::vector<std::string>& arguments, bool jsonl);

// The name of the article read from `path` (as above): the path lexically
// normalised (./corpus/a.txt -> corpus/a.txt), "stdin" for "-".
std::string article_name(const std::string& path);

// JSON Lines: {"id": ..., "text": ..., "title"?, "date"?, "source"?, "author"?} a line, read
// as needed; a malformed line (bad JSON, nesting deeper than kMaxJsonDepth)
// becomes an input whose `error` names the line (WHERE:LINE). A line is parsed
// by events keeping only the top level's fields: memory stays within the line.
// A line over kMaxJsonLine bytes is reported and ends the source (what follows
// it cannot be told apart from the rest of that line: /dev/zero has no end).
ArticleSource jsonl_source(std::istream& in, const std::string& where);
inline constexpr size_t kMaxJsonLine = 64u << 20;
inline constexpr int kMaxJsonDepth = 64;

struct BatchProgress {
  size_t done = 0, failed = 0;
  std::optional<size_t> total;  // known once every input has been read (or given by Inputs::count)
  double seconds = 0;
};

struct BatchSummary {
  size_t converted = 0, failed = 0;
  double seconds = 0;
};

// Converts every input with `jobs` threads (1 to kMaxJobs; fewer when the
// system refuses threads); `on_article` gets each success in input order,
// `on_failure` each article that could not be read (id, reason), `on_progress`
// (if set) the count after each article. `total` seeds BatchProgress::total.
BatchSummary convert_batch(const ArticleSource& next_input, const RuleSet& rules, unsigned jobs,
                           const std::function<void(const Document&)>& on_article,
                           const std::function<void(const std::string&, const std::string&)>& on_failure,
                           const std::function<void(const BatchProgress&)>& on_progress = nullptr,
                           std::optional<size_t> total = std::nullopt);

}  // namespace doc2kg
