#include "rules/divisions.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/data_file.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"

namespace doc2kg {

void DivisionTable::load(const std::string& path) {
  for_each_entry(path, "division table", [&](const std::string& line, int n) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() < 4 || (cols[1] != "Province" && cols[1] != "City" && cols[1] != "District"))
      throw Error(ErrorKind::Rules,
                  path + ":" + std::to_string(n) + ":1: expected code, Province|City|District, name, parent[, alias]");
    Division d{cols[0], cols[1], cols[2], cols[3], cols.size() > 4 ? cols[4] : ""};
    // Each division counts once per form: an alias equal to its name is not a second form.
    ++forms_[d.name];
    if (!d.alias.empty() && d.alias != d.name) ++forms_[d.alias];
    // Names repeat across provinces, so by name is a multimap; codes are unique.
    by_name_.emplace(d.name, rows_.size());
    by_code_.emplace(d.code, rows_.size());
    rows_.push_back(std::move(d));
  });
  // Companion tables beside this one: optional, so a rule set without them still loads.
  auto mentions = std::filesystem::path(path).parent_path() / "mentions.tsv";
  if (std::filesystem::exists(mentions)) load_mention_words(mentions.string());
  auto subdistricts = std::filesystem::path(path).parent_path() / "subdistricts.tsv";
  if (std::filesystem::exists(subdistricts)) load_subdistricts(subdistricts.string());
  auto other_names = std::filesystem::path(path).parent_path() / "short_names.tsv";
  if (std::filesystem::exists(other_names)) load_other_names(other_names.string());
}

void DivisionTable::load_other_names(const std::string& path) {
  for_each_entry(path, "short name table", [&](const std::string& line, int n) {
    // written form TAB full name, the full name checked now: one division of that name, or an error with its line.
    auto tab = line.find('\t');
    std::string written = line.substr(0, tab), full = tab == std::string::npos ? "" : line.substr(tab + 1);
    auto [b, e] = by_name_.equal_range(full);
    if (written.empty() || b == e || std::next(b) != e)
      throw Error(ErrorKind::Rules, path + ":" + std::to_string(n) +
                                        ":1: expected a written form and the full name of one division of the table");
    ++forms_[written];
    other_names_.emplace_back(written, b->second);
  });
}

void DivisionTable::load_subdistricts(const std::string& path) {
  for_each_entry(path, "subdistrict table", [&](const std::string& line, int n) {
    // code TAB name TAB district code, the code checked now: a typo is an error with
    // its line, not a subdistrict that silently never resolves.
    auto a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    auto district = b == std::string::npos ? by_code_.end() : by_code_.find(line.substr(b + 1));
    if (district == by_code_.end() || rows_[district->second].type != "District")
      throw Error(ErrorKind::Rules,
                  path + ":" + std::to_string(n) + ":1: expected code, name, district code of divisions.tsv");
    icu::UnicodeString name = from_utf8(line.substr(a + 1, b - a - 1));
    subdistricts_.emplace(std::u16string(name.getBuffer(), static_cast<size_t>(name.length())), district->second);
    // These bound a search for subdistrict names: window length, and where one can end.
    longest_subdistrict_ = std::max(longest_subdistrict_, name.length());
    subdistrict_ends_.insert(name.charAt(name.length() - 1));
  });
}

std::vector<const Division*> DivisionTable::districts_of_subdistrict(const icu::UnicodeString& name) const {
  std::vector<const Division*> out;
  auto [b, e] = subdistricts_.equal_range(std::u16string(name.getBuffer(), static_cast<size_t>(name.length())));
  for (auto it = b; it != e; ++it) out.push_back(&rows_[it->second]);
  return out;
}

void DivisionTable::load_mention_words(const std::string& path) {
  for_each_entry(path, "mention words", [&](const std::string& line, int n) {
    auto tab = line.find('\t');
    std::string kind = line.substr(0, tab), word = tab == std::string::npos ? "" : line.substr(tab + 1);
    icu::UnicodeString w = from_utf8(word);
    if (w.isEmpty() || w.indexOf(u'\t') >= 0)
      throw Error(ErrorKind::Rules, path + ":" + std::to_string(n) + ":1: expected kind TAB word");
    if (kind == "before")
      words_.before.push_back(w);
    else if (kind == "after")
      words_.after.push_back(w);
    else if (kind == "not_across")
      words_.not_across.push_back(w);
    else if (kind == "word")
      words_.word_like.insert(w);
    else if (kind == "loose_end")
      words_.loose_ends.push_back(w);
    // Two words, opening and closing, split at the first space.
    else if (kind == "dateline" && w.indexOf(u' ') > 0)
      words_.dateline = {w.tempSubString(0, w.indexOf(u' ')), w.tempSubString(w.indexOf(u' ') + 1)};
    else
      throw Error(ErrorKind::Rules, path + ":" + std::to_string(n) + ":1: unknown kind \"" + kind +
                                        "\" (before, after, not_across, word, loose_end, dateline \"OPEN CLOSE\")");
  });
}

std::vector<const Division*> DivisionTable::by_name(const std::string& name) const {
  std::vector<const Division*> out;
  auto [b, e] = by_name_.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(&rows_[it->second]);
  return out;
}

const Division* DivisionTable::parent(const Division& d) const {
  auto it = by_code_.find(d.parent_code);
  return it == by_code_.end() ? nullptr : &rows_[it->second];
}

}  // namespace doc2kg
