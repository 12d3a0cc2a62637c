#include "rules/lexicon.hpp"

namespace doc2kg {

int32_t Trie::child(int32_t node, UChar c) const {
  if (node == 0) {
    // Node 0 is the root. Its children (every first character of every key) are
    // many, so they sit in a hash map; deeper nodes have few, in a sibling list.
    auto it = root_.find(c);
    return it == root_.end() ? -1 : it->second;
  }
  for (int32_t k = nodes_[node].child; k >= 0; k = nodes_[k].sibling)
    if (nodes_[k].label == c) return k;
  return -1;
}

void Trie::insert(const icu::UnicodeString& key, int value) {
  int32_t node = 0;
  for (int32_t i = 0; i < key.length(); ++i) {
    UChar c = key.charAt(i);
    int32_t next = child(node, c);
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      Node n;
      n.label = c;
      if (node == 0) {
        root_.emplace(c, next);
      } else {
        // At the front of the list: constant time, and lookup does not depend on order.
        n.sibling = nodes_[node].child;
        nodes_[node].child = next;
      }
      nodes_.push_back(n);
    }
    node = next;
  }
  // Appended at the tail, so a key inserted twice gives its values in insertion order.
  int32_t v = static_cast<int32_t>(values_.size());
  values_.push_back({value});
  if (nodes_[node].last >= 0)
    values_[nodes_[node].last].next = v;
  else
    nodes_[node].first = v;
  nodes_[node].last = v;
}

std::vector<Trie::Match> Trie::find_all(const icu::UnicodeString& text, int32_t begin, int32_t end) const {
  std::vector<Match> out;
  // From every start, walk as deep as the text allows, reporting each key met on
  // the way: nested and overlapping entries all come out, and the caller chooses.
  for (int32_t start = begin; start < end; ++start) {
    int32_t node = 0;
    for (int32_t i = start; i < end; ++i) {
      node = child(node, text.charAt(i));
      if (node < 0) break;
      for (int32_t v = nodes_[node].first; v >= 0; v = values_[v].next) out.push_back({start, i + 1, values_[v].value});
    }
  }
  return out;
}

}  // namespace doc2kg
