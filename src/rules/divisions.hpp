#pragma once
// The official division table (GB/T 2260): provinces, prefecture-level cities
// and county-level divisions with their parents, loaded from rules/, and the
// words that tell a division's name in the text from an ordinary word.
#include <unicode/unistr.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace doc2kg {

struct Division {
  std::string code, type, name, parent_code, alias;
};

// rules/divisions/mentions.tsv: where a name that could be an ordinary word
// (赵县 in 村和县里, 乐清 written without 市) is read as the division.
struct MentionWords {
  std::vector<icu::UnicodeString> before;      // right before a name: 在, 位于
  std::vector<icu::UnicodeString> after;       // right after a name: 县委, 人民政府
  std::vector<icu::UnicodeString> not_across;  // a word starting at the name's last character: 县城, 县域
  std::set<icu::UnicodeString> word_like;      // names and short forms that are ordinary words: 城区, 和平
  std::vector<icu::UnicodeString> loose_ends;  // full names ending so (城市: 上海城市 holds 海城市) need context too
  std::pair<icu::UnicodeString, icu::UnicodeString>
      dateline;  // 本报 … 讯: the short form between is the article's city
};

class DivisionTable {
 public:
  // Reads the TSV (code, type, name, parent, alias) and, if they are there,
  // mentions.tsv and subdistricts.tsv beside it; throws Error(ErrorKind::Rules) with file:line.
  void load(const std::string& path);
  const std::vector<Division>& all() const { return rows_; }
  // short_names.tsv beside the table: names in common use that the short-form rule
  // cannot derive (达茂旗 for 达尔罕茂明安联合旗), each with the row of its division.
  const std::vector<std::pair<std::string, size_t>>& other_names() const { return other_names_; }
  // Every division with this full name (市中区 has several).
  std::vector<const Division*> by_name(const std::string& name) const;
  const Division* parent(const Division& d) const;
  size_t index(const Division& d) const { return static_cast<size_t>(&d - rows_.data()); }
  bool empty() const { return rows_.empty(); }
  const MentionWords& mention_words() const { return words_; }
  // How many divisions are written so, as name or short form (河南: 河南省 and 河南蒙古族自治县).
  int written_as(const std::string& form) const {
    auto it = forms_.find(form);
    return it == forms_.end() ? 0 : it->second;
  }
  // The districts that have a 街道/镇/乡/苏木 of this name (城关镇: dozens), or none.
  std::vector<const Division*> districts_of_subdistrict(const icu::UnicodeString& name) const;
  // The length (UTF-16) of the longest subdistrict name, 0 without the table.
  int32_t longest_subdistrict() const { return longest_subdistrict_; }
  // The last characters of subdistrict names (镇, 乡, 道, 木): where a search for one may stop.
  bool ends_subdistrict(UChar c) const { return subdistrict_ends_.count(c) > 0; }

 private:
  void load_mention_words(const std::string& path);
  void load_subdistricts(const std::string& path);
  void load_other_names(const std::string& path);
  std::vector<Division> rows_;
  std::vector<std::pair<std::string, size_t>> other_names_;
  std::multimap<std::string, size_t> by_name_;
  std::map<std::string, size_t> by_code_;
  MentionWords words_;
  std::map<std::string, int> forms_;                              // name or short form -> divisions written so
  std::unordered_multimap<std::u16string, size_t> subdistricts_;  // name -> row of its district
  int32_t longest_subdistrict_ = 0;
  std::set<UChar> subdistrict_ends_;
};

}  // namespace doc2kg
