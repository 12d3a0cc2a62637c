#pragma once
// Time spent per stage and per rule, for finding where conversion goes: set
// DOC2KG_PROFILE=1 and the totals go to stderr when the program ends (sorted,
// in seconds). Costs nothing measurable when unset. Thread-safe.
// DOC2KG_TRACE=1 prints what each rule matched.
#include <chrono>
#include <string>
#include <utility>

namespace doc2kg::profile {

bool enabled();
// DOC2KG_TRACE set: every rule match is printed to stderr (read once).
bool tracing();
// Adds `seconds` to the total of `what` ("stage recognizer", "rule zone.suffix").
void add(const std::string& what, double seconds);

// Times a scope: Timer t(enabled() ? "stage relater" : ""); an empty name times nothing.
class Timer {
 public:
  explicit Timer(std::string what) : what_(std::move(what)), start_(std::chrono::steady_clock::now()) {}
  ~Timer() {
    if (!what_.empty()) add(what_, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  }
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

 private:
  std::string what_;  // empty: not timing
  std::chrono::steady_clock::time_point start_;
};

}  // namespace doc2kg::profile
