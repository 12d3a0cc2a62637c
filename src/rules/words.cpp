#include "rules/words.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

#include "base/data_file.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"

namespace doc2kg {
namespace {

bool is_ascii_alnum(UChar c) {
  return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}
bool is_digit(UChar c) { return c >= u'0' && c <= u'9'; }

// End of the ASCII letter/digit run at `i` (a point between digits belongs to it).
int32_t ascii_run_end(const icu::UnicodeString& text, int32_t i, int32_t end) {
  while (i < end && (is_ascii_alnum(text.charAt(i)) || (text.charAt(i) == u'.' && i + 1 < end && i > 0 &&
                                                        is_digit(text.charAt(i - 1)) && is_digit(text.charAt(i + 1)))))
    ++i;
  return i;
}

constexpr double kTypicalFrequency = 1000;  // a user word's weight when the dictionary has no frequency for it

}  // namespace

uint16_t WordDictionary::intern_pos(const std::string& name) {
  auto [it, fresh] = pos_ids_.emplace(name, static_cast<uint16_t>(pos_names_.size()));
  if (fresh) pos_names_.push_back(name);
  return it->second;
}

int WordDictionary::pos_id(const std::string& name) const {
  auto it = pos_ids_.find(name);
  return it == pos_ids_.end() ? -1 : it->second;
}

void WordDictionary::load(const std::string& path) {
  words_.reserve(words_.size() + 400000);  // jieba's dictionary: 349k words, ~1M prefixes
  prefixes_.reserve(1000000);
  for_each_entry(path, "word dictionary", [&](const std::string& line, int n) {
    size_t a = line.find(' ');
    size_t b = a == std::string::npos ? std::string::npos : line.find(' ', a + 1);
    std::string word = line.substr(0, a);
    std::string freq =
        a == std::string::npos ? "" : line.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
    std::string pos = b == std::string::npos ? "x" : line.substr(b + 1);
    char* stop = nullptr;
    double f = std::strtod(freq.c_str(), &stop);
    if (word.empty() || freq.empty() || stop == freq.c_str() || f < 0 || word.size() > 200)
      throw Error(ErrorKind::Rules,
                  path + ":" + std::to_string(n) + ":1: expected \"word frequency [part of speech]\"");
    add(from_utf8(word), f, pos);
  });
}

void WordDictionary::HashSet64::reserve(size_t n) {
  size_t capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(capacity, 0);
  size_ = 0;
  for (uint64_t k : old)
    if (k) insert(k);
}

void WordDictionary::HashSet64::insert(uint64_t key) {
  if (2 * (size_ + 1) > slots_.size()) reserve(std::max<size_t>(size_ + 1, slots_.size()));
  uint64_t k = stored(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = (k * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    if (slots_[i] == k) return;
    if (slots_[i] == 0) {
      slots_[i] = k;
      ++size_;
      return;
    }
  }
}

bool WordDictionary::HashSet64::contains(uint64_t key) const {
  if (slots_.empty()) return false;
  uint64_t k = stored(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = (k * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    if (slots_[i] == k) return true;
    if (slots_[i] == 0) return false;
  }
}

void WordDictionary::add(const icu::UnicodeString& word, double freq, const std::string& pos) {
  if (word.isEmpty()) return;
  uint64_t key = kEmpty;
  for (int32_t i = 0; i < word.length(); ++i) {
    if (i > 0) prefixes_.insert(key);
    key = extend(key, word.charAt(i));
  }
  auto [it, fresh] = words_.try_emplace(key);
  Entry& e = it->second;
  if (freq > 0 || e.freq == 0) {
    double f = freq > 0 ? freq : std::max(e.freq, kTypicalFrequency);
    total_ += f - e.freq;
    e.freq = f;
  }
  if (!pos.empty() || fresh) e.pos = intern_pos(pos.empty() ? "nz" : pos);
  max_length_ = std::max(max_length_, word.length());
}

uint64_t WordDictionary::hash_of(const icu::UnicodeString& word) {
  uint64_t h = kEmpty;
  for (int32_t i = 0; i < word.length(); ++i) h = extend(h, word.charAt(i));
  return h;
}

bool WordDictionary::contains(const icu::UnicodeString& word) const { return words_.count(hash_of(word)) > 0; }

std::vector<Word> WordDictionary::segment(const icu::UnicodeString& text, int32_t begin, int32_t end) const {
  int32_t n = end - begin;
  if (n <= 0) return {};
  const double log_total = std::log(std::max(total_, 1.0));
  // best[i]: the log probability of the best segmentation of [begin+i, end); next[i]: its first word's end.
  std::vector<double> best(n + 1, 0.0);
  std::vector<int32_t> next(n + 1, n);
  std::vector<uint16_t> pos(n + 1, 0);
  const UChar* s = text.getBuffer() + begin;
  for (int32_t i = n - 1; i >= 0; --i) {
    if (is_ascii_alnum(s[i])) {
      int32_t e = ascii_run_end(text, begin + i, end) - begin;
      if (i == 0 || !is_ascii_alnum(s[i - 1])) {  // the run is one word
        best[i] = -log_total + best[e];
        next[i] = e;
        pos[i] = is_digit(s[i]) ? static_cast<uint16_t>(pos_id("m") < 0 ? 0 : pos_id("m")) : 0;
      }
      continue;
    }
    best[i] = -log_total + best[i + 1];  // an unknown character alone (frequency 1)
    next[i] = i + 1;
    pos[i] = 0;
    int32_t limit = std::min(n, i + max_length_);
    uint64_t key = kEmpty;
    for (int32_t j = i + 1; j <= limit; ++j) {
      key = extend(key, s[j - 1]);
      auto it = words_.find(key);
      if (j < limit && it == words_.end() && !prefixes_.contains(key)) break;  // no word goes on from here
      if (it == words_.end()) continue;
      double p = std::log(std::max(it->second.freq, 1.0)) - log_total + best[j];
      if (j == i + 1 ? p >= best[i] : p > best[i]) {
        best[i] = p;
        next[i] = j;
        pos[i] = it->second.pos;
      }
    }
  }
  std::vector<Word> out;
  for (int32_t i = 0; i < n; i = next[i]) out.push_back({{begin + i, begin + next[i]}, pos[i]});
  return out;
}

}  // namespace doc2kg
