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
  // Adds or retags a word. freq 0 keeps a known word's frequency, else gives a
  // typical one; an empty pos keeps a known word's part of speech, else "nz".
  void add(const icu::UnicodeString& word, double freq, const std::string& pos);

  // The words of text[begin, end): dictionary words by maximum probability;
  // runs of ASCII letters and digits (and a decimal point inside digits) are one
  // word ("x" for letters, "m" for digits); anything else unknown is one character ("x").
  std::vector<Word> segment(const icu::UnicodeString& text, int32_t begin, int32_t end) const;

  const std::string& pos_name(uint16_t id) const { return pos_names_[id]; }
  // The id of a part of speech, or -1 if no word has it.
  int pos_id(const std::string& name) const;
  size_t size() const { return words_.size(); }
  bool contains(const icu::UnicodeString& word) const;

 private:
  struct Entry {
    double freq = 0;
    uint16_t pos = 0;
  };
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
  class HashSet64 {
   public:
    void insert(uint64_t key);
    bool contains(uint64_t key) const;
    void reserve(size_t n);

   private:
    static uint64_t stored(uint64_t key) { return key == 0 ? 1 : key; }  // 0 marks an empty slot
    std::vector<uint64_t> slots_;
    size_t size_ = 0;
  };
  std::unordered_map<uint64_t, Entry> words_;
  HashSet64 prefixes_;
  std::vector<std::string> pos_names_{"x"};
  std::unordered_map<std::string, uint16_t> pos_ids_{{"x", 0}};
  double total_ = 0;
  int32_t max_length_ = 1;
};

}  // namespace doc2kg
