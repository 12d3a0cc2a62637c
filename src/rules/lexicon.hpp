#pragma once
// A character trie over lexicon keys: one pass over the text finds every
// entry, at a cost set by the text and the longest key, not the entry count.
#include <unicode/unistr.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace doc2kg {

class Trie {
 public:
  struct Match {
    int32_t begin, end;  // UTF-16 offsets into the searched string
    int value;
  };

  // Adds key -> value; a key added twice keeps every value.
  void insert(const icu::UnicodeString& key, int value);

  // Every match (all lengths) that starts in [begin, end) and ends by `end`.
  std::vector<Match> find_all(const icu::UnicodeString& text, int32_t begin, int32_t end) const;
  size_t size() const { return nodes_.size(); }

 private:
  // First-child/next-sibling nodes, 20 bytes each (a 100x lexicon stays small);
  // the root's children, thousands of characters, behind one hash map. Values
  // of a node are a list in insertion order.
  struct Node {
    int32_t child = -1, sibling = -1;  // first child; next node with the same parent
    int32_t first = -1, last = -1;     // the node's values, a list through values_
    UChar label = 0;
  };
  struct Value {
    int value;
    int32_t next = -1;
  };
  int32_t child(int32_t node, UChar c) const;
  std::vector<Node> nodes_{1};
  std::unordered_map<UChar, int32_t> root_;
  std::vector<Value> values_;
};

}  // namespace doc2kg
