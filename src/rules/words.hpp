#pragma once
// Words: a dictionary with frequencies and parts of speech, and the
// maximum-probability segmentation over it (the DAG + dynamic programming of
// jieba and cppjieba), so that names start and end at word boundaries.
//
//   WordDictionary d;
//   d.load("dict.txt");                  // lines "word freq pos" (jieba's format)
//   d.add(u"汽车零部件", 0, "industry");  // user words: 0 = a typical frequency
//   std::vector<Word> w = d.segment(text, begin, end);
//
// A dictionary is filled once (load/add), then only read: segment() is safe
// to call from several threads at once.
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc2kg/document.hpp"

namespace doc2kg {

class WordDictionary {
 public:
  // Adds the lines of a jieba-format file ("word freq [pos]", blanks between).
  // Throws Error(ErrorKind::Rules) naming file:line for a malformed line.
  void load(const std::string& path);
  // The compiled form: the whole dictionary saved to `compiled` with
  // `identity` (what it was made from: the caller's description of its text
  // files and added words), written to a temporary file and renamed so that
  // no reader sees half of one. map_compiled makes an empty dictionary the one
  // saved there, mapped in place (pages are read as lookups touch them), when
  // `identity` matches; a missing, stale, foreign or damaged file is refused
  // (false), never trusted: the caller builds the dictionary from its text. A
  // mapped dictionary can still be added to (its tables are then copied).
  bool map_compiled(const std::string& compiled, const std::string& identity);
  bool write_compiled(const std::string& compiled, const std::string& identity) const;
  // Adds or retags a word. freq 0 keeps a known word's frequency, else gives a
  // typical one; an empty pos keeps a known word's part of speech, else "nz".
  void add(const icu::UnicodeString& word, double freq, const std::string& pos);

  // The words of text[begin, end): dictionary words by maximum probability;
  // runs of ASCII letters and digits (and a decimal point inside digits) are one
  // word ("x" for letters, "m" for digits); anything else unknown is one character ("x").
  std::vector<Word> segment(const icu::UnicodeString& text, int32_t begin, int32_t end) const;

  const std::string& pos_name(uint16_t id) const { return pos_names_[id < pos_names_.size() ? id : 0]; }
  // The id of a part of speech, or -1 if no word has it.
  int pos_id(const std::string& name) const;
  size_t size() const { return words_.size(); }
  bool contains(const icu::UnicodeString& word) const;

 private:
  uint16_t intern_pos(const std::string& name);

  // Keys are 64-bit hashes of the UTF-16 text, extended one character at a time,
  // so that a scan from one position looks up each prefix without building a
  // string; `prefixes_` holds the hash of every proper prefix of a word, so the
  // scan stops where no word continues.
  static uint64_t extend(uint64_t hash, UChar c) { return (hash ^ c) * 0x100000001b3ULL; }
  static constexpr uint64_t kEmpty = 0xcbf29ce484222325ULL;
  static uint64_t hash_of(const icu::UnicodeString& word);
  // 64-bit keys in one array, open addressing with linear probing: 8 bytes a
  // key at most half full, where a node-based set takes ~40 (a large lexicon's
  // keys add millions of prefixes).
  // A word's slot in the word table: its frequency (and the log of it, used by
  // segment()) and part of speech. Every byte is a field, so that a table is
  // saved as it is in memory.
  struct Slot {
    uint64_t key = 0;  // 0: empty
    double freq = 0, log_freq = 0;
    uint16_t pos = 0, unused16 = 0;
    uint32_t unused32 = 0;
  };
  // Open addressing with linear probing, at most half full: the prefixes' set
  // (T = uint64_t) and the words' table (T = Slot) alike. Its slots are its own,
  // or a view of a mapped compiled file until the first emplace copies them.
  template <typename T>
  class Table {
   public:
    // The slot of `key`, nullptr when absent.
    const T* find(uint64_t key) const;
    // The slot of `key`, made (zeroed, keyed) when absent; true when made.
    std::pair<T*, bool> emplace(uint64_t key);
    void reserve(size_t n);
    void view(const T* slots, size_t capacity, size_t size);
    size_t size() const { return size_; }
    size_t capacity() const { return view_ ? view_capacity_ : slots_.size(); }
    const T* slots() const { return view_ ? view_ : slots_.data(); }

   private:
    void own();  // copies viewed slots into slots_
    static uint64_t& key_of(T& slot);
    static uint64_t key_of(const T& slot) { return key_of(const_cast<T&>(slot)); }
    static uint64_t stored(uint64_t key) { return key == 0 ? 1 : key; }  // 0 marks an empty slot
    std::vector<T> slots_;  // a power of two of them
    const T* view_ = nullptr;
    size_t view_capacity_ = 0, size_ = 0;
  };
  Table<Slot> words_;
  Table<uint64_t> prefixes_;
  std::shared_ptr<const void> mapping_;  // the compiled file the tables view, if any
  std::vector<std::string> pos_names_{"x"};
  std::unordered_map<std::string, uint16_t> pos_ids_{{"x", 0}};
  double total_ = 0;
  int32_t max_length_ = 1;
};

}  // namespace doc2kg
