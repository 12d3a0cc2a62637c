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
  struct Node {
    std::unordered_map<UChar, int32_t> next;
    std::vector<int> values;
  };
  std::vector<Node> nodes_{1};
};

}  // namespace doc2kg
