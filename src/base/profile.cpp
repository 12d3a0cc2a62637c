#include "base/profile.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <vector>

namespace doc2kg::profile {
namespace {

// The report is printed by the destructor of a function-local static, at exit.
struct Totals {
  std::mutex mutex;
  std::map<std::string, double> seconds;
  ~Totals() {
    std::vector<std::pair<std::string, double>> rows(seconds.begin(), seconds.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [what, s] : rows) std::fprintf(stderr, "profile\t%.3f\t%s\n", s, what.c_str());
  }
};

Totals& totals() {
  static Totals t;
  return t;
}

}  // namespace

bool enabled() {
  // "0" and "" count as off, so DOC2KG_PROFILE=0 disables as one would expect.
  static const bool on = [] {
    const char* v = std::getenv("DOC2KG_PROFILE");
    return v && *v && std::string(v) != "0";
  }();
  return on;
}

bool tracing() {
  static const bool on = std::getenv("DOC2KG_TRACE") != nullptr;
  return on;
}

void add(const std::string& what, double seconds) {
  Totals& t = totals();
  // Batch runs documents on several threads; all of them add to the same totals.
  std::lock_guard<std::mutex> lock(t.mutex);
  t.seconds[what] += seconds;
}

}  // namespace doc2kg::profile
