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
      for (const auto& p : found) out.push_back({fs::relative(p, a).generic_string(), p.string(), "", false});
    } else {
      std::string id = a == "-" ? "stdin" : fs::path(a).filename().string();
      out.push_back({id, a, "", false});
    }
  }
  return out;
}

std::vector<ArticleInput> read_jsonl(std::istream& in, const std::string& where) {
  std::vector<ArticleInput> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    rapidjson::Document d;
    d.Parse(line.c_str(), line.size());
    auto fail = [&](const std::string& what) {
      throw Error(kExitInput, where + ":" + std::to_string(n) + ": " + what);
    };
    if (d.HasParseError())
      fail(std::string("invalid JSON at column ") + std::to_string(d.GetErrorOffset() + 1) + ": " +
           rapidjson::GetParseError_En(d.GetParseError()));
    if (!d.IsObject() || !d.HasMember("id") || !d.HasMember("text") || !d["text"].IsString())
      fail("expected an object with \"id\" and \"text\"");
    auto field = [&](const char* k) {
      return d.HasMember(k) && d[k].IsString() ? std::string(d[k].GetString(), d[k].GetStringLength()) : std::string();
    };
    std::string id = d["id"].IsString() ? field("id") : d["id"].IsInt64() ? std::to_string(d["id"].GetInt64()) : "";
    if (id.empty()) fail("\"id\" must be a non-empty string or an integer");
    std::string title = field("title"), date = field("date"), source = field("source");
    // The header form the reader knows, when the line gives a date.
    std::string text = date.empty() ? (title.empty() ? "" : title + "\n") + field("text")
                                    : (title.empty() ? "-" : title) + "\n" + date + "\n作者:\n来源:" + source + "\n\n" + field("text");
    out.push_back({id, "", std::move(text), true});
  }
  return out;
}

BatchSummary convert_batch(const std::vector<ArticleInput>& inputs, const RuleSet& rules, unsigned jobs,
                           const std::function<void(const Extraction&)>& on_article,
                           const std::function<void(const std::string&, const std::string&)>& on_failure,
                           bool progress) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(inputs.size(), 1))));
  struct Result {
    std::optional<Extraction> extraction;
    std::string error;
  };
  std::mutex mutex;
  std::condition_variable ready, room;
  std::map<size_t, Result> done;  // finished but not yet handed over
  std::atomic<size_t> next{0};
  size_t handed = 0;
  const size_t window = jobs * 8;  // bounded memory: workers wait when far ahead of the consumer
  auto work = [&] {
    for (;;) {
      size_t i = next++;
      if (i >= inputs.size()) return;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return i < handed + window; });
      }
      Result r;
      try {
        const ArticleInput& in = inputs[i];
        r.extraction = extract(in.has_text ? in.text : read_file(in.path), in.id, rules);
      } catch (const std::exception& e) {
        r.error = e.what();
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
  for (; handed < inputs.size();) {
    Result r;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return done.count(handed) > 0; });
      r = std::move(done[handed]);
      done.erase(handed);
    }
    if (r.extraction) {
      on_article(*r.extraction);
      ++summary.converted;
    } else {
      on_failure(inputs[handed].id, r.error);
      ++summary.failed;
    }
    {
      std::lock_guard lock(mutex);
      ++handed;
      room.notify_all();
    }
    if (tty) {
      double s = std::chrono::duration<double>(Clock::now() - start).count();
      double rate = handed / std::max(s, 1e-9);
      std::fprintf(stderr, "\r[%zu/%zu] %.1f articles/s, %.0f s left   ", handed, inputs.size(), rate,
                   (inputs.size() - handed) / std::max(rate, 1e-9));
    }
  }
  for (auto& t : threads) t.join();
  if (tty) std::fprintf(stderr, "\n");
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace doc2kg
