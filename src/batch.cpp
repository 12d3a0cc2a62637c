#include "doc2kg/batch.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "doc2kg/error.hpp"
#include "doc2kg/reader.hpp"

namespace fs = std::filesystem;

namespace doc2kg {

std::vector<ArticleInput> gather_inputs(const std::vector<std::string>& arguments) {
  std::vector<ArticleInput> out;
  for (const auto& a : arguments) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(a, fs::directory_options::skip_permission_denied, ec))
        if (e.is_regular_file() && e.path().extension() == ".txt") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      for (const auto& p : found) out.push_back({fs::relative(p, a).generic_string(), p.string(), "", false, "", {}});
    } else {
      std::string id = a == "-" ? "stdin" : fs::path(a).filename().string();
      out.push_back({id, a, "", false, "", {}});
    }
  }
  return out;
}

ArticleSource from_list(std::vector<ArticleInput> inputs) {
  auto list = std::make_shared<std::vector<ArticleInput>>(std::move(inputs));
  auto next = std::make_shared<size_t>(0);
  return [list, next]() -> std::optional<ArticleInput> {
    if (*next >= list->size()) return std::nullopt;
    return std::move((*list)[(*next)++]);
  };
}

ArticleSource concat(ArticleSource a, ArticleSource b) {
  return [a, b]() -> std::optional<ArticleInput> {
    if (auto x = a()) return x;
    return b();
  };
}

namespace {

ArticleInput parse_jsonl_line(const std::string& line, const std::string& where) {
  rapidjson::Document d;
  d.Parse(line.c_str(), line.size());
  ArticleInput bad{where, "", "", true, "", {}};
  if (d.HasParseError()) {
    bad.error = std::string("invalid JSON at column ") + std::to_string(d.GetErrorOffset() + 1) + ": " +
                rapidjson::GetParseError_En(d.GetParseError());
    return bad;
  }
  if (!d.IsObject() || !d.HasMember("id") || !d.HasMember("text") || !d["text"].IsString()) {
    bad.error = "expected an object with \"id\" and \"text\"";
    return bad;
  }
  auto field = [&](const char* k) {
    return d.HasMember(k) && d[k].IsString() ? std::string(d[k].GetString(), d[k].GetStringLength()) : std::string();
  };
  std::string id = d["id"].IsString() ? field("id") : d["id"].IsInt64() ? std::to_string(d["id"].GetInt64()) : "";
  if (id.empty()) {
    bad.error = "\"id\" must be a non-empty string or an integer";
    return bad;
  }
  std::string title = field("title"), date = field("date");
  ArticleInput in{id, "", field("text"), true, "", {}};
  if (!date.empty()) {  // the header, given to the reader as it is (reader.hpp)
    in.header.title = title;
    in.header.date = date;
    in.header.source = field("source");
  } else if (!title.empty()) {  // no date: the title is the text's first line
    in.text = title + "\n" + in.text;
  }
  return in;
}

}  // namespace

ArticleSource jsonl_source(std::istream& in, const std::string& where) {
  auto line_number = std::make_shared<int>(0);
  return [&in, where, line_number]() -> std::optional<ArticleInput> {
    std::string line;
    while (std::getline(in, line)) {
      ++*line_number;
      if (line.find_first_not_of(" \t\r") != std::string::npos)
        return parse_jsonl_line(line, where + ":" + std::to_string(*line_number));
    }
    return std::nullopt;
  };
}

BatchSummary convert_batch(const ArticleSource& next_input, const RuleSet& rules, unsigned jobs,
                           const std::function<void(const Document&)>& on_article,
                           const std::function<void(const std::string&, const std::string&)>& on_failure,
                           bool progress) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  jobs = std::max(1u, jobs);
  struct Result {
    std::string id;
    std::optional<Document> extraction;
    std::string error;
  };
  std::mutex mutex;
  std::condition_variable ready, room;
  std::map<size_t, Result> done;  // finished but not yet handed over
  size_t taken = 0, handed = 0;
  std::optional<size_t> total;     // known once the source is exhausted
  const size_t window = jobs * 8;  // bounded memory: workers wait when far ahead of the consumer
  auto work = [&] {
    for (;;) {
      ArticleInput in;
      size_t i;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return total || taken < handed + window; });
        if (total) return;
        auto next = next_input();  // read in order, one at a time
        if (!next) {
          total = taken;
          ready.notify_all();
          room.notify_all();
          return;
        }
        in = std::move(*next);
        i = taken++;
      }
      Result r{in.id, std::nullopt, in.error};
      if (r.error.empty()) {
        try {
          Document doc;
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
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  BatchSummary summary;
  bool tty = progress && ::isatty(2);
  for (;;) {
    Result r;
    {
      std::unique_lock lock(mutex);
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
    size_t known;
    {
      std::lock_guard lock(mutex);
      ++handed;
      known = total ? *total : 0;
      room.notify_all();
    }
    if (tty) {
      double s = std::chrono::duration<double>(Clock::now() - start).count();
      double rate = handed / std::max(s, 1e-9);
      if (known) std::fprintf(stderr, "\r[%zu/%zu] %.1f articles/s, %.0f s left   ", handed, known, rate, (known - handed) / std::max(rate, 1e-9));
      else std::fprintf(stderr, "\r[%zu] %.1f articles/s   ", handed, rate);
    }
  }
  for (auto& t : threads) t.join();
  if (tty) std::fprintf(stderr, "\n");
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace doc2kg
