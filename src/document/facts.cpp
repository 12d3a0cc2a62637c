#include "doc2kg/facts.hpp"

#include <unordered_set>

#include "base/numbers.hpp"

namespace doc2kg {

std::string IndicatorFact::key() const {
  return subject_type + "/" + subject + "/" + name + "/" + measure + "/" + shortest_number(value) + unit + "/" + period;
}

void add_facts(std::vector<Fact>& facts, std::vector<Fact> more) {
  // Fields joined by 0x1F, which no name holds, so distinct facts never share a key;
  // the evidence's start is in it, so a fact stated in two places keeps both.
  auto key = [](const Fact& f) {
    return f.head_type + "\x1f" + f.head + "\x1f" + f.relation + "\x1f" + f.tail_type + "\x1f" + f.tail + "\x1f" +
           std::to_string(f.evidence.begin);
  };
  std::unordered_set<std::string> seen;
  for (const Fact& f : facts) seen.insert(key(f));
  for (auto& f : more)
    if (seen.insert(key(f)).second) facts.push_back(std::move(f));
}

}  // namespace doc2kg
