#include "doc2kg/lexicon.hpp"

namespace doc2kg {

void Trie::insert(const icu::UnicodeString& key, int value) {
  int32_t node = 0;
  for (int32_t i = 0; i < key.length(); ++i) {
    UChar c = key.charAt(i);
    auto it = nodes_[node].next.find(c);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      int32_t created = static_cast<int32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace(c, created);
      node = created;
    } else {
      node = it->second;
    }
  }
  nodes_[node].values.push_back(value);
}

std::vector<Trie::Match> Trie::find_all(const icu::UnicodeString& text, int32_t begin, int32_t end) const {
  std::vector<Match> out;
  for (int32_t start = begin; start < end; ++start) {
    int32_t node = 0;
    for (int32_t i = start; i < end; ++i) {
      auto it = nodes_[node].next.find(text.charAt(i));
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      for (int v : nodes_[node].values) out.push_back({start, i + 1, v});
    }
  }
  return out;
}

}  // namespace doc2kg
