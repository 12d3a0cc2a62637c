#include "rules/words.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <type_traits>

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

// The compiled form's first and last bytes: the format and its version.
constexpr char kMagic[8] = {'d', '2', 'k', 'w', 'o', 'r', 'd', '1'};

// Fields of the compiled form's header, in the machine's byte order (the
// magic and the identity keep a file from another machine or text out).
struct Out {
  std::string bytes;
  template <typename T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put_string(const std::string& s) {
    put(static_cast<uint32_t>(s.size()));
    bytes += s;
  }
};

struct In {
  const char* data;
  size_t size, at = 0;
  template <typename T>
  bool get(T& v) {
    if (size - at < sizeof v) return false;
    std::memcpy(&v, data + at, sizeof v);
    at += sizeof v;
    return true;
  }
  bool get_string(std::string& s, uint32_t longest) {
    uint32_t n = 0;
    if (!get(n) || n > longest || size - at < n) return false;
    s.assign(data + at, n);
    at += n;
    return true;
  }
};

bool power_of_two_slots(uint64_t n) { return n >= 16 && n <= (uint64_t{1} << 30) && (n & (n - 1)) == 0; }

}  // namespace

bool WordDictionary::write_compiled(const std::string& compiled, const std::string& identity) const {
  Out out;
  out.put(kMagic);
  out.put_string(identity);
  out.put(total_);
  out.put(max_length_);
  out.put(static_cast<uint32_t>(pos_names_.size()));
  for (const auto& name : pos_names_) out.put_string(name);
  while (out.bytes.size() % 8) out.bytes += '\0';  // the tables start 8-aligned, as the mapping is used
  out.put(static_cast<uint64_t>(words_.capacity()));
  out.put(static_cast<uint64_t>(words_.size()));
  out.put(static_cast<uint64_t>(prefixes_.capacity()));
  out.put(static_cast<uint64_t>(prefixes_.size()));
  out.bytes.append(reinterpret_cast<const char*>(words_.slots()), words_.capacity() * sizeof(Slot));
  out.bytes.append(reinterpret_cast<const char*>(prefixes_.slots()), prefixes_.capacity() * sizeof(uint64_t));
  out.put(kMagic);
  // A temporary file of this process, renamed over the old one: a reader sees all of one or none.
  std::string temporary = compiled + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = true;
  for (size_t done = 0; ok && done < out.bytes.size();) {
    ssize_t n = ::write(fd, out.bytes.data() + done, out.bytes.size() - done);
    ok = n > 0;
    done += ok ? static_cast<size_t>(n) : 0;
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), compiled.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return false;
  }
  return true;
}

bool WordDictionary::map_compiled(const std::string& compiled, const std::string& identity) {
  if (words_.size() > 0 || prefixes_.size() > 0) return false;  // only a whole dictionary, into an empty one
  int fd = ::open(compiled.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  void* at = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 64)  // a regular file: no FIFO to hang on
    at = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (at == MAP_FAILED) return false;
  size_t size = static_cast<size_t>(st.st_size);
  std::shared_ptr<const void> mapping(at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  In in{static_cast<const char*>(at), size};
  char magic[8];
  std::string made_from;
  double total = 0;
  int32_t max_length = 0;
  uint32_t pos_count = 0;
  if (!in.get(magic) || std::memcmp(magic, kMagic, 8) != 0 || !in.get_string(made_from, 1 << 20) ||
      made_from != identity || !in.get(total) || !std::isfinite(total) || !in.get(max_length) || max_length < 1 ||
      max_length > 4096 || !in.get(pos_count) || pos_count < 1 || pos_count > 65535)
    return false;
  std::vector<std::string> pos_names(pos_count);
  for (auto& name : pos_names)
    if (!in.get_string(name, 256)) return false;
  in.at = (in.at + 7) / 8 * 8;
  uint64_t word_slots = 0, words = 0, prefix_slots = 0, prefixes = 0;
  // Each table a power of two of slots, at most half used, and the file exactly
  // as long as they say: lookups then stay inside the mapping (find() also stops
  // after one pass over a table, whatever its keys).
  if (!in.get(word_slots) || !in.get(words) || !in.get(prefix_slots) || !in.get(prefixes) ||
      !power_of_two_slots(word_slots) || !power_of_two_slots(prefix_slots) || 2 * words > word_slots ||
      2 * prefixes > prefix_slots || size - in.at != word_slots * sizeof(Slot) + prefix_slots * sizeof(uint64_t) + 8 ||
      std::memcmp(in.data + size - 8, kMagic, 8) != 0)
    return false;
  const char* tables = in.data + in.at;
  words_.view(reinterpret_cast<const Slot*>(tables), word_slots, words);
  prefixes_.view(reinterpret_cast<const uint64_t*>(tables + word_slots * sizeof(Slot)), prefix_slots, prefixes);
  mapping_ = std::move(mapping);
  pos_names_ = std::move(pos_names);
  pos_ids_.clear();
  for (size_t i = 0; i < pos_names_.size(); ++i) pos_ids_.emplace(pos_names_[i], static_cast<uint16_t>(i));
  total_ = total;
  max_length_ = max_length;
  return true;
}

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
  prefixes_.reserve(prefixes_.size() + 1000000);
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

template <typename T>
uint64_t& WordDictionary::Table<T>::key_of(T& slot) {
  if constexpr (std::is_same_v<T, uint64_t>)
    return slot;
  else
    return slot.key;
}

template <typename T>
void WordDictionary::Table<T>::view(const T* slots, size_t capacity, size_t size) {
  slots_.clear();
  view_ = slots;
  view_capacity_ = capacity;
  size_ = size;
}

template <typename T>
void WordDictionary::Table<T>::own() {
  if (!view_) return;
  slots_.assign(view_, view_ + view_capacity_);
  view_ = nullptr;
}

template <typename T>
void WordDictionary::Table<T>::reserve(size_t n) {
  own();
  size_t capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<T> old = std::move(slots_);
  slots_.assign(capacity, T{});
  size_ = 0;
  for (const T& slot : old)
    if (key_of(slot)) *emplace(key_of(slot)).first = slot;
}

template <typename T>
std::pair<T*, bool> WordDictionary::Table<T>::emplace(uint64_t key) {
  own();
  if (2 * (size_ + 1) > slots_.size()) reserve(std::max<size_t>(size_ + 1, slots_.size()));
  uint64_t k = stored(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = (k * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    if (key_of(slots_[i]) == k) return {&slots_[i], false};
    if (key_of(slots_[i]) == 0) {
      key_of(slots_[i]) = k;
      ++size_;
      return {&slots_[i], true};
    }
  }
}

template <typename T>
const T* WordDictionary::Table<T>::find(uint64_t key) const {
  size_t n = capacity();
  if (n == 0) return nullptr;
  const T* s = slots();
  uint64_t k = stored(key);
  size_t mask = n - 1;
  size_t i = (k * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
  for (size_t probes = 0; probes < n; ++probes, i = (i + 1) & mask) {  // one pass at most, whatever the slots hold
    if (key_of(s[i]) == k) return &s[i];
    if (key_of(s[i]) == 0) return nullptr;
  }
  return nullptr;
}

void WordDictionary::add(const icu::UnicodeString& word, double freq, const std::string& pos) {
  if (word.isEmpty()) return;
  uint64_t key = kEmpty;
  for (int32_t i = 0; i < word.length(); ++i) {
    if (i > 0) prefixes_.emplace(key);
    key = extend(key, word.charAt(i));
  }
  auto [e, fresh] = words_.emplace(key);
  if (freq > 0 || e->freq == 0) {
    double f = freq > 0 ? freq : std::max(e->freq, kTypicalFrequency);
    total_ += f - e->freq;
    e->freq = f;
    e->log_freq = std::log(std::max(f, 1.0));
  }
  if (!pos.empty() || fresh) e->pos = intern_pos(pos.empty() ? "nz" : pos);
  max_length_ = std::max(max_length_, word.length());
}

uint64_t WordDictionary::hash_of(const icu::UnicodeString& word) {
  uint64_t h = kEmpty;
  for (int32_t i = 0; i < word.length(); ++i) h = extend(h, word.charAt(i));
  return h;
}

bool WordDictionary::contains(const icu::UnicodeString& word) const { return words_.find(hash_of(word)) != nullptr; }

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
      const Slot* w = words_.find(key);
      if (j < limit && !w && !prefixes_.find(key)) break;  // no word goes on from here
      if (!w) continue;
      double p = w->log_freq - log_total + best[j];
      if (j == i + 1 ? p >= best[i] : p > best[i]) {
        best[i] = p;
        next[i] = j;
        pos[i] = w->pos;
      }
    }
  }
  std::vector<Word> out;
  for (int32_t i = 0; i < n; i = next[i]) out.push_back({{begin + i, begin + next[i]}, pos[i]});
  return out;
}

}  // namespace doc2kg
