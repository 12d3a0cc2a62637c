#include "doc2kg/batch.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "base/data_file.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "read/encoding.hpp"

namespace fs = std::filesystem;

namespace doc2kg {

namespace {

bool is_jsonl_name(const fs::path& p) { return ascii_lower(p.extension().string()) == ".jsonl"; }

bool is_article_name(const fs::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  // Only known extensions inside a directory: images, PDFs and editor backups that
  // sit beside articles are not inputs. A file named on the command line always is.
  return ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" || ext == ".jsonl";
}

// One named thing to read: an article file, a JSON Lines file, or a problem.
struct Item {
  std::string path;
  bool jsonl = false;
  std::string error;
};

// Every article file below `dir`, and every subdirectory that cannot be read.
// A directory reached twice (a symbolic link back up the tree) is walked once.
void walk(const fs::path& dir, std::vector<Item>& out, std::set<std::pair<dev_t, ino_t>>& seen) {
  struct stat st;
  // By device and inode, not by path: a link reaches the same directory under another name.
  if (::stat(dir.c_str(), &st) == 0 && !seen.insert({st.st_dev, st.st_ino}).second) return;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code kind;
    if (it->is_directory(kind))
      walk(p, out, seen);
    else if (it->is_regular_file(kind) && is_article_name(p))
      out.push_back({p.generic_string(), is_jsonl_name(p), ""});
  }
  // An unreadable directory becomes a failed item, reported in its place in the
  // order, rather than ending the whole batch.
  if (ec) out.push_back({dir.generic_string(), false, "cannot read directory (" + ec.message() + ")"});
}

}  // namespace

std::string article_name(const std::string& path) {
  if (path == "-") return "stdin";
  // Normalized, so ./a.txt and a.txt name the same article (and the same node).
  std::string id = fs::path(path).lexically_normal().generic_string();
  return id.empty() || id == "." ? path : id;
}

Inputs open_inputs(const std::vector<std::string>& arguments, bool jsonl) {
  std::vector<Item> items;
  Inputs inputs;
  for (const auto& a : arguments) {
    std::error_code ec;
    if (a == "-") {
      if (inputs.reads_stdin) throw Error(ErrorKind::Usage, "- (standard input) given twice");
      items.push_back({a, jsonl, ""});
      inputs.reads_stdin = true;
    } else if (fs::is_directory(a, ec)) {
      std::vector<Item> found;
      std::set<std::pair<dev_t, ino_t>> seen;
      walk(fs::path(a), found, seen);
      // Sorted, as directory order differs between file systems: the same tree gives
      // the same output everywhere.
      std::sort(found.begin(), found.end(), [](const Item& x, const Item& y) { return x.path < y.path; });
      items.insert(items.end(), found.begin(), found.end());
    } else if (fs::exists(a, ec)) {
      items.push_back({a, jsonl || is_jsonl_name(a), ""});
    } else {
      throw Error(ErrorKind::Input, a + ": cannot open (" + (ec ? ec.message() : std::strerror(ENOENT)) + ")");
    }
  }
  if (arguments.empty() && jsonl) {
    items.push_back({"-", true, ""});
    inputs.reads_stdin = true;
  }
  bool counted = true;
  for (const auto& item : items) {
    inputs.paths.push_back(item.path);
    counted = counted && !item.jsonl;
  }
  // A JSON Lines file holds an unknown number of articles, so with any of them
  // there is no total for progress until the source is exhausted.
  if (counted) inputs.count = items.size();
  struct State {
    std::vector<Item> items;
    size_t next = 0;
    std::unique_ptr<std::ifstream> file;  // the JSON Lines file being read
    ArticleSource lines;
  };
  // Shared, as the returned function outlives this call and may be copied.
  auto state = std::make_shared<State>();
  state->items = std::move(items);
  inputs.next = [state]() -> std::optional<ArticleInput> {
    for (;;) {
      if (state->lines) {
        if (auto in = state->lines()) return in;
        state->lines = nullptr;
        state->file.reset();
      }
      if (state->next >= state->items.size()) return std::nullopt;
      const Item& item = state->items[state->next++];
      if (!item.error.empty()) return ArticleInput{item.path, item.path, "", false, item.error, {}};
      if (!item.jsonl) return ArticleInput{article_name(item.path), item.path, "", false, "", {}};
      if (item.path == "-") {
        state->lines = jsonl_source(std::cin, "stdin");
        continue;
      }
      state->file = std::make_unique<std::ifstream>(item.path, std::ios::binary);
      if (!*state->file)
        return ArticleInput{item.path, item.path, "", false, std::string("cannot open (") + std::strerror(errno) + ")",
                            {}};
      state->lines = jsonl_source(*state->file, item.path);
    }
  };
  return inputs;
}

namespace {

// One JSON line read by events, keeping only the top level's fields: no tree,
// no recursion, memory bounded by the line, nesting bounded by kMaxJsonDepth.
class RecordHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RecordHandler> {
 public:
  std::map<std::string, std::string> strings;  // top-level string (and integer "id") values
  std::set<std::string> present;               // every top-level key
  bool object = false, too_deep = false;

  bool StartObject() {
    if (depth_ == 0) object = true;
    return enter();
  }
  bool EndObject(rapidjson::SizeType) { return leave(); }
  bool StartArray() { return enter(); }
  bool EndArray(rapidjson::SizeType) { return leave(); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == 1) key_.assign(s, n), present.insert(key_);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == 1) strings[key_].assign(s, n);
    return true;
  }
  bool Int64(int64_t v) { return integer(std::to_string(v)); }
  bool Int(int v) { return integer(std::to_string(v)); }
  bool Uint(unsigned v) { return integer(std::to_string(v)); }
  bool Uint64(uint64_t v) { return integer(std::to_string(v)); }
  bool Default() { return true; }

 private:
  bool integer(const std::string& v) {
    if (depth_ == 1 && key_ == "id") strings[key_] = v;
    return true;
  }
  bool enter() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep = true;
    return false;
  }
  bool leave() { return --depth_, true; }
  int depth_ = 0;
  std::string key_;
};

ArticleInput parse_jsonl_line(const std::string& line, const std::string& where) {
  RecordHandler record;
  rapidjson::Reader reader;
  // StopWhenDone, so that text after the object is found and reported below
  // instead of being a generic parse error.
  rapidjson::StringStream in(line.c_str());
  rapidjson::ParseResult ok =
      reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag>(in, record);
  ArticleInput bad{where, "", "", true, "", {}};
  if (record.too_deep) {
    bad.error =
        "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at column " + std::to_string(ok.Offset() + 1);
    return bad;
  }
  if (!ok || line.find_first_not_of(" \t\r", in.Tell()) != std::string::npos) {
    bad.error = std::string("invalid JSON at column ") + std::to_string((ok ? in.Tell() : ok.Offset()) + 1) + ": " +
                (ok ? "text after the object" : rapidjson::GetParseError_En(ok.Code()));
    return bad;
  }
  auto field = [&](const char* k) {
    auto it = record.strings.find(k);
    return it == record.strings.end() ? std::string() : it->second;
  };
  // "id" may be an integer (many exports number their records); "text" must be a string.
  if (!record.object || !record.present.count("id") || !record.strings.count("text")) {
    bad.error = "expected an object with \"id\" and \"text\"";
    return bad;
  }
  std::string id = field("id");
  if (id.empty()) {
    bad.error = "\"id\" must be a non-empty string or an integer";
    return bad;
  }
  ArticleInput in_article{id, "", field("text"), true, "", {}};
  in_article.header.title = field("title");  // known fields: the reader takes them as they are (reader.hpp)
  in_article.header.date = field("date");
  in_article.header.source = field("source");
  in_article.header.author = field("author");
  return in_article;
}

}  // namespace

ArticleSource jsonl_source(std::istream& in, const std::string& where) {
  auto line_number = std::make_shared<int>(0);  // -1: the source has ended at a runaway line
  return [&in, where, line_number]() -> std::optional<ArticleInput> {
    std::string line;
    for (;;) {
      if (*line_number < 0) return std::nullopt;
      LineRead r = read_line(in, line, kMaxJsonLine);
      if (r == LineRead::End) return std::nullopt;
      std::string at = where + ":" + std::to_string(++*line_number);
      if (r == LineRead::TooLong) {
        // The rest of a runaway line may never end (/dev/zero), so the file ends here,
        // with the lines before it converted and this one reported.
        *line_number = -1;
        return ArticleInput{
            at,
            "",
            "",
            true,
            "line longer than " + std::to_string(kMaxJsonLine >> 20) + " MiB; the rest of " + where + " is not read",
            {}};
      }
      if (line.find_first_not_of(" \t\r") != std::string::npos) return parse_jsonl_line(line, at);
    }
  };
}

BatchSummary convert_batch(const ArticleSource& next_input, const RuleSet& rules, unsigned jobs,
                           const std::function<void(const Document&)>& on_article,
                           const std::function<void(const std::string&, const std::string&)>& on_failure,
                           const std::function<void(const BatchProgress&)>& on_progress,
                           std::optional<size_t> known_total) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  jobs = std::clamp(jobs, 1u, kMaxJobs);
  struct Result {
    std::string id;
    // Results wait in `done`, keyed by input index, until all before them are handed on:
    // the output is in input order whatever order the threads finish in.
    std::optional<Document> extraction;
    std::string error;
  };
  // Two locks: `input` for reading the next input (which may wait on stdin),
  // `mutex` for the results, so that waiting for input never holds up the
  // consumer writing what is done.
  std::mutex input, mutex;
  std::condition_variable ready, room;
  std::map<size_t, Result> done;   // finished but not yet handed over
  size_t taken = 0;                // inputs read (under `input`)
  bool exhausted = false;          // no more inputs (under `input`)
  std::atomic<size_t> started{0};  // the same, for the window check
  size_t handed = 0;
  std::optional<size_t> total;     // known once the source is exhausted
  bool stop = false;               // the consumer failed: workers leave
  const size_t window = jobs * 8;  // bounded memory: workers wait when far ahead of the consumer
  auto finish_source = [&](size_t count) {
    std::lock_guard lock(mutex);
    total = count;
    ready.notify_all();
    room.notify_all();
  };
  auto work = [&] {
    for (;;) {
      {
        std::unique_lock lock(mutex);
        // A worker takes no new input while the consumer is a window behind, so a slow
        // output never lets finished documents pile up in memory.
        room.wait(lock, [&] { return stop || total || started.load() < handed + window; });
        if (stop || total) return;
      }
      ArticleInput in;
      size_t i;
      {
        std::lock_guard lock(input);
        if (exhausted) return;
        std::optional<ArticleInput> next;
        try {
          next = next_input();               // read in order, one at a time
        } catch (const std::exception& e) {  // the source broke: this is reported, what was read converted
          next = ArticleInput{"input", "", "", false, std::string("cannot read further: ") + e.what(), {}};
          exhausted = true;
        }
        if (!next) {
          exhausted = true;
          finish_source(taken);
          return;
        }
        in = std::move(*next);
        i = taken++;
        started = taken;
        if (exhausted) finish_source(taken);
      }
      Result r{in.id, std::nullopt, in.error};
      if (r.error.empty()) {
        try {
          Document doc;
          // The file is read here, in the worker, not under `input`: reading overlaps.
          doc.input = in.has_text ? std::move(in.text) : read_file(in.path);
          doc.info = std::move(in.header);
          doc.info.id = in.id;
          r.extraction = extract(std::move(doc), rules);
        } catch (const std::exception& e) {
          r.error = e.what();
        }
      }
      std::lock_guard lock(mutex);
      done.emplace(i, std::move(r));
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) {
    try {
      threads.emplace_back(work);
    } catch (const std::system_error&) {  // the system has fewer threads to give: run with those
      if (threads.empty()) throw;
      break;
    }
  }
  BatchSummary summary;
  auto stop_workers = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
      room.notify_all();
    }
    for (auto& t : threads) t.join();
  };
  try {
    for (;;) {
      Result r;
      {
        std::unique_lock lock(mutex);
        // The consumer is this thread: on_article and on_failure run one at a time, in order,
        // so callers need no locking of their own.
        ready.wait(lock, [&] { return done.count(handed) > 0 || (total && handed == *total); });
        if (total && handed == *total) break;
        r = std::move(done[handed]);
        done.erase(handed);
      }
      if (r.extraction) {
        on_article(*r.extraction);
        ++summary.converted;
      } else {
        on_failure(r.id, r.error);
        ++summary.failed;
      }
      BatchProgress p;
      {
        std::lock_guard lock(mutex);
        ++handed;
        p.total = total ? total : known_total;
        room.notify_all();
      }
      if (on_progress) {
        p.done = handed;
        p.failed = summary.failed;
        p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        on_progress(p);
      }
    }
  } catch (...) {  // an output that cannot be written: no thread is left running
    stop_workers();
    throw;
  }
  stop_workers();
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace doc2kg
