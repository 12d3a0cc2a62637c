#include "rules/triggers.hpp"

namespace doc2kg {

int TriggerIndex::add(const std::vector<icu::UnicodeString>& triggers) {
  int n = rules_++;
  bool always = triggers.empty();
  for (const auto& t : triggers) {
    if (t.isEmpty()) always = true;  // "" occurs in every text
    trie_.insert(t, n);
  }
  if (always) always_.push_back(n);
  return n;
}

TriggerIndex::Hits TriggerIndex::scan(const icu::UnicodeString& text, int32_t begin, int32_t end) const {
  Hits hits;
  hits.bits_.assign(static_cast<size_t>(rules_ + 63) / 64, 0);
  auto set = [&](int rule) { hits.bits_[rule / 64] |= uint64_t{1} << (rule % 64); };
  for (int rule : always_) set(rule);
  for (const auto& m : trie_.find_all(text, begin, end)) set(m.value);
  return hits;
}

}  // namespace doc2kg
