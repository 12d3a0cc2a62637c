#include "rules/rule_set.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/data_file.hpp"
#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "document/ontology.hpp"

namespace fs = std::filesystem;

namespace doc2kg {

UChar placeholder(const std::string& type) { return static_cast<UChar>(0xE000 + type_index(type)); }

std::string placeholder_type(UChar c) {
  int i = c - 0xE000;
  if (i < 0 || i >= static_cast<int>(entity_types().size())) return "";
  return entity_types()[i];
}

void check_match_time(UErrorCode status, const std::string& rule_id, const std::string& article) {
  if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW)
    throw Error(ErrorKind::Rules, article + ": rule " + rule_id +
                                      ": its pattern exceeded the matcher's time limit "
                                      "(catastrophic backtracking?); fix the pattern, e.g. avoid nested repetition");
}

bool RuleSetImpl::in_list(const std::string& list, const icu::UnicodeString& word) const {
  auto it = word_lists.find(list);
  return it != word_lists.end() && it->second.count(word) > 0;
}

int RuleSetImpl::max_phase() const {
  int m = 0;
  for (const auto& r : entity_rules) m = std::max(m, r.phase);
  return m;
}

RuleSet::~RuleSet() = default;

std::string RuleSet::default_dir() {
  if (const char* env = std::getenv("DOC2KG_RULES"); env && *env) return env;
  std::error_code ec;
  // An installed binary finds its rules beside it: PREFIX/bin/doc2kg -> PREFIX/share/doc2kg/rules.
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = self.parent_path().parent_path() / "share" / "doc2kg" / "rules";
    if (fs::exists(installed / "README.md", ec)) return installed.string();
  }
  if (fs::exists(DOC2KG_SOURCE_RULES_DIR, ec)) return DOC2KG_SOURCE_RULES_DIR;
  return DOC2KG_INSTALLED_RULES_DIR;
}

namespace {

std::set<std::string> to_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

std::string line_col(const std::string& text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

struct Loader {
  Loader(RuleSetImpl& r, const std::vector<RequiredWordList>& required) : rules(r), required(required) {}
  RuleSetImpl& rules;
  const std::vector<RequiredWordList>& required;
  std::vector<std::string> problems;
  std::vector<icu::UnicodeString> user_words;  // lexicon keys, joined to the word lexicon at the end
  std::vector<fs::path> dictionaries;           // lexicons of kind "dictionary", read at the end
  struct NamedEntry {
    std::string where, lexicon, key;  // file:line, lexicon id, the name
  };
  std::vector<NamedEntry> named;  // entries of lexicons whose type the phrase check covers
  std::string separator = "、";   // punctuation only: the words are the rule set's (list.separator)
  std::map<std::string, std::string> new_items;
  std::string joiner, count;  // list settings (regexes)
  std::set<std::string> ids;
  struct ListReference {  // a word list that the list settings name
    size_t source;
    std::string setting, list;
  };
  std::vector<ListReference> list_references;

  struct Source {
    std::string path, text;
    rapidjson::Document json;
  };
  std::vector<Source> sources;

  void problem(const Source& s, const std::string& id, const std::string& message) {
    size_t at = id.empty() ? 0 : s.text.find("\"" + id + "\"");
    problems.push_back(s.path + ":" + line_col(s.text, at == std::string::npos ? 0 : at) + ": " +
                       (id.empty() ? "" : "rule " + id + ": ") + message);
  }

  std::string str(const rapidjson::Value& v, const char* key, const std::string& fallback = "") {
    auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : fallback;
  }

  std::vector<std::string> strings(const Source& s, const std::string& id, const rapidjson::Value& v, const char* key) {
    std::vector<std::string> out;
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return out;
    if (!it->value.IsArray()) {
      problem(s, id, std::string("\"") + key + "\" must be an array of strings");
      return out;
    }
    for (const auto& x : it->value.GetArray()) {
      if (x.IsString())
        out.push_back(x.GetString());
      else
        problem(s, id, std::string("\"") + key + "\" must be an array of strings");
    }
    return out;
  }

  void check_types(const Source& s, const std::string& id, const std::vector<std::string>& types) {
    for (const auto& t : types)
      if (!is_entity_type(t)) problem(s, id, "unknown entity type \"" + t + "\" (see ONTOLOGY.md)");
  }

  void check_keys(const Source& s, const std::string& id, const rapidjson::Value& v, std::set<std::string> allowed) {
    allowed.insert("comment");
    for (const auto& m : v.GetObject())
      if (!allowed.count(m.name.GetString()))
        problem(s, id, std::string("unknown field \"") + m.name.GetString() + "\"");
  }

  // Expands entity slots ({Industry}, {District|Zone}, {Industry*}, {Industry+}) into
  // ICU regex over annotated sentences; `origin[i]` is the written offset of expanded char i.
  icu::UnicodeString expand(const Source& s, const std::string& id, const icu::UnicodeString& written,
                            std::vector<int32_t>& origin, std::string* list_type, bool* list_new) {
    icu::UnicodeString out;
    auto emit = [&](const icu::UnicodeString& piece, int32_t at) {
      out.append(piece);
      origin.insert(origin.end(), piece.length(), at);
    };
    for (int32_t i = 0; i < written.length();) {
      UChar c = written.charAt(i);
      if (c == u'\\' && i + 1 < written.length()) {
        // \p{Han}, \x{E000}, \N{...}: the braces belong to the escape, not to a slot
        UChar e = written.charAt(i + 1);
        int32_t end = i + 2;
        if ((e == u'p' || e == u'P' || e == u'x' || e == u'N') && end < written.length() &&
            written.charAt(end) == u'{') {
          int32_t close = written.indexOf(u'}', end);
          end = close < 0 ? written.length() : close + 1;
        }
        emit(written.tempSubStringBetween(i, end), i);
        i = end;
        continue;
      }
      int32_t close = c == u'{' ? written.indexOf(u'}', i) : -1;
      if (close > i + 2 && written.charAt(i + 1) == u'=') {  // {=list}: any word of a word list, longest first
        std::string name = to_utf8(written.tempSubStringBetween(i + 2, close));
        auto it = rules.word_lists.find(name);
        if (it == rules.word_lists.end()) {
          problem(s, id, "{=" + name + "}: no word list \"" + name + "\" (a lexicon of kind words)");
        } else {
          std::vector<icu::UnicodeString> words(it->second.begin(), it->second.end());
          std::stable_sort(words.begin(), words.end(),
                           [](const auto& a, const auto& b) { return a.length() > b.length(); });
          icu::UnicodeString alt(u"(?:");
          for (size_t k = 0; k < words.size(); ++k) {
            if (k) alt.append(u'|');
            for (int32_t j = 0; j < words[k].length(); ++j) {
              UChar w = words[k].charAt(j);
              if (u_strchr(u"\\^$.|?*+()[]{}", w)) alt.append(u'\\');
              alt.append(w);
            }
          }
          emit(alt.append(u")"), i);
        }
        i = close + 1;
        continue;
      }
      if (close < 0 || i + 1 >= written.length() || !u_isupper(written.charAt(i + 1))) {
        emit(icu::UnicodeString(c), i);
        ++i;
        continue;
      }
      std::string body = to_utf8(written.tempSubStringBetween(i + 1, close));
      char repeat = body.back() == '*' || body.back() == '+' ? body.back() : 0;
      if (repeat) body.pop_back();
      icu::UnicodeString cls("[");
      std::vector<std::string> types;
      std::stringstream ss(body);
      for (std::string t; std::getline(ss, t, '|');) types.push_back(t);
      check_types(s, id, types);
      for (const auto& t : types)
        if (is_entity_type(t))
          cls.append(u"\\x{")
              .append(icu::UnicodeString::fromUTF8([&] {
                char b[8];
                std::snprintf(b, sizeof b, "%04X", placeholder(t));
                return std::string(b);
              }()))
              .append(u"}");
      cls.append(u"]");
      if (!repeat) {
        emit(cls, i);
      } else {
        if (list_type && !list_type->empty()) problem(s, id, "only one list slot ({T*} or {T+}) per rule");
        if (list_type) *list_type = types.front();
        icu::UnicodeString sep = from_utf8(separator), item = cls;
        if (repeat == '+') {
          auto it = new_items.find(types.front());
          if (it == new_items.end())
            problem(s, id, "no \"new_items\" pattern for type " + types.front() + " (needed by {" + body + "+})");
          else {  // an item is new text, a known entity, or both joined (智能制造 + 装备, 泛 + 半导体);
                  // one reading per text (never new + new) so that long runs cannot backtrack without end
            icu::UnicodeString fresh = from_utf8(it->second);
            item = icu::UnicodeString(u"(?:")
                       .append(cls)
                       .append(u"(?:")
                       .append(cls)
                       .append(u"|")
                       .append(fresh)
                       .append(
                           u")?"
                           u"?|")
                       .append(fresh)
                       .append(u"(?:")
                       .append(cls)
                       .append(
                           u")?"
                           u"?)");  // lazy: ")?" "?"
          }
          if (list_new) *list_new = true;
        }
        icu::UnicodeString list(u"(?<list>");
        list.append(item).append(u"(?:").append(sep).append(repeat == '*' ? u"?" : u"").append(item).append(u")*)");
        emit(list, i);
      }
      i = close + 1;
    }
    return out;
  }

  bool compile(const Source& s, const std::string& id, const rapidjson::Value& v, CompiledPattern& out,
               std::string* list_type = nullptr, bool* list_new = nullptr) {
    std::string written = str(v, "pattern");
    if (written.empty()) {
      problem(s, id, "missing \"pattern\"");
      return false;
    }
    icu::UnicodeString w = from_utf8(written);
    std::vector<int32_t> origin;
    icu::UnicodeString expanded = expand(s, id, w, origin, list_type, list_new);
    UParseError pe{};
    UErrorCode status = U_ZERO_ERROR;
    out.regex = RulePattern::compile(expanded, pe, status);
    if (U_FAILURE(status)) {
      int32_t at = pe.offset >= 0 && pe.offset < static_cast<int32_t>(origin.size()) ? origin[pe.offset] : w.length();
      problem(s, id,
              std::string("bad regex (") + u_errorName(status) + ") at pattern offset " + std::to_string(at) + ": " +
                  to_utf8(w.tempSubString(0, at)) + " <-- here");
      return false;
    }
    for (const auto& t : strings(s, id, v, "triggers")) {
      if (t.size() > 3 && t.rfind("{=", 0) == 0 && t.back() == '}') {  // every word of a word list
        auto list = rules.word_lists.find(t.substr(2, t.size() - 3));
        if (list == rules.word_lists.end())
          problem(s, id, "trigger " + t + ": no such word list");
        else
          out.triggers.insert(out.triggers.end(), list->second.begin(), list->second.end());
        continue;
      }
      out.triggers.push_back(from_utf8(t));
    }
    out.file = s.path;
    return true;
  }

  void take_id(const Source& s, const std::string& id) {
    if (id.empty())
      problem(s, "", "a rule without \"id\"");
    else if (!ids.insert(id).second)
      problem(s, id, "duplicate id");
  }

  // The word dictionary: its text files in order, then every lexicon key as a
  // user word. Made once and kept compiled, mapped at the next start when made
  // from the same files (path, size, modification time) and the same words:
  // beside the rule set (DIR/.compiled/), or where that cannot be written, in the
  // user's cache directory. DOC2KG_COMPILED=0 keeps none (every start builds it).
  void build_words() {
    auto fnv = [](uint64_t h, uint32_t unit) { return (h ^ unit) * 0x100000001b3ULL; };  // FNV-1a, one unit
    std::error_code ec;
    std::string identity;
    for (const auto& text : dictionaries)
      identity += fs::absolute(text, ec).string() + "\t" + std::to_string(fs::file_size(text, ec)) + "\t" +
                  std::to_string(fs::last_write_time(text, ec).time_since_epoch().count()) + "\n";
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t n = 0;
    for (const auto& w : user_words)
      if (w.length() > 1) {
        ++n;
        for (int32_t i = 0; i <= w.length(); ++i) h = fnv(h, i < w.length() ? w.charAt(i) : 0xFFFF);
      }
    identity += "user words\t" + std::to_string(n) + "\t" + std::to_string(h) + "\n";
    std::vector<fs::path> places;
    if (const char* off = std::getenv("DOC2KG_COMPILED"); !dictionaries.empty() && (!off || std::string(off) != "0")) {
      places.push_back(fs::path(rules.dir) / ".compiled");
      const char* cache = std::getenv("XDG_CACHE_HOME");
      const char* home = std::getenv("HOME");
      if (cache && *cache == '/')
        places.push_back(fs::path(cache) / "doc2kg");
      else if (home && *home == '/')
        places.push_back(fs::path(home) / ".cache" / "doc2kg");
    }
    uint64_t d = 0xcbf29ce484222325ULL;  // one file per rule set, wherever the compiled forms are kept
    for (char c : fs::absolute(rules.dir, ec).string()) d = fnv(d, static_cast<unsigned char>(c));
    char file[40];
    std::snprintf(file, sizeof file, "words-%016llx.compiled", static_cast<unsigned long long>(d));
    for (const auto& place : places)
      if (rules.words.map_compiled((place / file).string(), identity)) return;
    size_t before = problems.size();
    for (const auto& text : dictionaries) {
      try {
        rules.words.load(text.string());
      } catch (const Error& e) {
        problems.push_back(e.what());
      }
    }
    // doc2kg's own lexicons join the word lexicon (after it, whatever the order of files):
    // a name in a lexicon is one word, whatever the dictionary says of its parts.
    for (const auto& w : user_words)
      if (w.length() > 1) rules.words.add(w, 0, "");
    if (problems.size() != before) return;
    for (const auto& place : places) {
      fs::create_directories(place, ec);
      if (rules.words.write_compiled((place / file).string(), identity)) return;
    }
  }

  void load_lexicon(const Source& s, const rapidjson::Value& v) {
    std::string id = str(v, "id"), kind = str(v, "kind"), file = str(v, "file");
    take_id(s, id);
    check_keys(s, id, v, {"id", "kind", "file", "type", "confidence", "priority", "segment"});
    bool segment = v.HasMember("segment") && v["segment"].IsBool() && v["segment"].GetBool();
    fs::path path = fs::path(rules.dir) / file;  // an absolute file stays as it is
    if (file.empty() || !fs::exists(path)) {
      problem(s, id, "lexicon file \"" + file + "\" not found");
      return;
    }
    if (kind == "divisions") {
      try {
        rules.divisions.load(path.string());
      } catch (const Error& e) {
        problems.push_back(e.what());
      }
      for (size_t i = 0; i < rules.divisions.all().size(); ++i) {
        const Division& d = rules.divisions.all()[i];
        add_entry(d.name, {d.type, d.name, id, 1.0, 10, static_cast<int>(i), false});
        if (!d.alias.empty()) add_entry(d.alias, {d.type, d.name, id, 0.9, 5, static_cast<int>(i), true});
      }
      // A name in common use (达茂旗) counts wherever it is written, as a full name does.
      for (const auto& [written, row] : rules.divisions.other_names()) {
        const Division& d = rules.divisions.all()[row];
        add_entry(written, {d.type, d.name, id, 0.9, 9, static_cast<int>(row), false});
      }
      return;
    }
    if (kind == "dictionary") {
      dictionaries.push_back(path);  // read with the user words, at the end (build_words)
      return;
    }
    std::string type = str(v, "type");
    if (kind == "entities")
      check_types(s, id, {type});
    else if (kind != "words" && kind != "roles" && kind != "units" && kind != "references" && kind != "abbreviations")
      problem(s, id,
              "unknown lexicon kind \"" + kind +
                  "\" (entities, words, roles, units, references, abbreviations, divisions, dictionary)");
    double confidence = v.HasMember("confidence") && v["confidence"].IsNumber() ? v["confidence"].GetDouble() : 1.0;
    int priority = v.HasMember("priority") && v["priority"].IsInt() ? v["priority"].GetInt() : 0;
    if (kind == "words" || kind == "roles") rules.word_lists[id];  // a list, even with no words
    try {
      for_each_entry(path.string(), "lexicon", [&](const std::string& line, int n) {
        take_line(id, kind, type, path, line, n, confidence, priority, segment);
      });
    } catch (const Error& e) {
      problems.push_back(e.what());
    }
  }

  // One entry of a lexicon file (line `n` of `path`), by the lexicon's kind.
  void take_line(const std::string& id, const std::string& kind, const std::string& type, const fs::path& path,
                 const std::string& line, int n, double confidence, int priority, bool segment) {
    std::string key = line.substr(0, line.find('\t'));
    std::string value = line.find('\t') == std::string::npos ? "" : line.substr(line.find('\t') + 1);
    if (kind == "words") {
      rules.word_lists[id].insert(from_utf8(key));
      if (segment) user_words.push_back(from_utf8(key));  // "segment": its words are words of the text
    } else if (kind == "units") {
      std::string unit = value.substr(0, value.find('\t'));
      std::string scale = value.find('\t') == std::string::npos ? "1" : value.substr(value.find('\t') + 1);
      char* end = nullptr;
      double factor = std::strtod(scale.c_str(), &end);
      if (unit.empty() || end == scale.c_str())
        problems.push_back(path.string() + ":" + std::to_string(n) + ":1: expected written unit, unit, scale");
      rules.units[from_utf8(key)] = {unit, factor};
    } else if (kind == "abbreviations") {
      if (value.empty())
        problems.push_back(path.string() + ":" + std::to_string(n) + ":1: expected short form TAB full form");
      else
        rules.abbreviations.push_back({from_utf8(key), from_utf8(value)});
    } else if (kind == "references") {
      std::string ref_type = value.substr(0, value.find('\t'));
      std::string suffix = value.find('\t') == std::string::npos ? "" : value.substr(value.find('\t') + 1);
      if (!is_entity_type(ref_type))
        problems.push_back(path.string() + ":" + std::to_string(n) +
                           ":1: expected word, entity type[, name ending]; unknown type \"" + ref_type + "\"");
      rules.reference_trie.insert(from_utf8(key), static_cast<int>(rules.references.size()));
      rules.references.push_back({ref_type, from_utf8(suffix), id});
    } else if (kind == "roles") {
      rules.word_lists[id].insert(from_utf8(key));  // {=id} in a pattern: any role word
      if (!is_relation(value))
        problems.push_back(path.string() + ":" + std::to_string(n) + ":1: unknown relation \"" + value + "\"");
      rules.roles[from_utf8(key)] = value;
    } else {
      add_entry(key, {type, value.empty() ? key : value, id, confidence, priority, -1, false});
      if (rules.phrase_types.count(type)) named.push_back({path.string() + ":" + std::to_string(n), id, key});
    }
  }

  // A lexicon name of a checked type that opens with a clause opener could never be a rule's
  // output (the phrase check, analysis/phrase.hpp, would cut it): the list or the entry is wrong.
  void check_names_pass_the_phrase_check() {
    auto openers = rules.word_lists.find("name_openers");
    if (openers == rules.word_lists.end()) return;
    for (const auto& [where, id, key] : named) {
      icu::UnicodeString name = from_utf8(key);
      for (const auto& opener : openers->second)
        if (name.length() > opener.length() && name.startsWith(opener)) {
          problems.push_back(where + ":1: lexicon " + id + ": \"" + key + "\" opens with \"" + to_utf8(opener) +
                             "\" of name_openers, so the phrase check would cut it from any rule's name");
          break;
        }
    }
  }

  void add_entry(const std::string& key, LexiconEntry e) {
    user_words.push_back(from_utf8(key));
    rules.lexicon.insert(from_utf8(key), static_cast<int>(rules.lexicon_entries.size()));
    rules.lexicon_entries.push_back(std::move(e));
  }

  void load_entity_rule(const Source& s, const rapidjson::Value& v) {
    EntityRule r;
    r.id = str(v, "id");
    take_id(s, r.id);
    check_keys(s, r.id, v,
               {"id", "type", "pattern", "phase", "priority", "confidence", "triggers", "trim", "reject", "min_count",
                "repeat", "strip_leading_types"});
    r.strip_leading_types = strings(s, r.id, v, "strip_leading_types");
    check_types(s, r.id, r.strip_leading_types);
    r.type = str(v, "type");
    check_types(s, r.id, {r.type});
    if (v.HasMember("phase"))
      r.phase = v["phase"].IsInt() ? v["phase"].GetInt() : (problem(s, r.id, "\"phase\" must be an integer"), 1);
    if (v.HasMember("priority") && v["priority"].IsInt()) r.priority = v["priority"].GetInt();
    if (v.HasMember("confidence") && v["confidence"].IsNumber()) r.confidence = v["confidence"].GetDouble();
    if (v.HasMember("min_count") && v["min_count"].IsInt()) r.min_count = v["min_count"].GetInt();
    r.trim = v.HasMember("trim") && v["trim"].IsBool() && v["trim"].GetBool();
    r.repeat = v.HasMember("repeat") && v["repeat"].IsBool() && v["repeat"].GetBool();
    if (std::string reject = str(v, "reject"); !reject.empty()) {
      UParseError pe{};
      UErrorCode status = U_ZERO_ERROR;
      r.reject = RulePattern::compile(from_utf8(reject), pe, status);
      if (U_FAILURE(status))
        problem(
            s, r.id,
            std::string("bad \"reject\" regex (") + u_errorName(status) + ") at offset " + std::to_string(pe.offset));
    }
    if (compile(s, r.id, v, r.pattern)) rules.entity_rules.push_back(std::move(r));
  }

  void load_relation_rule(const Source& s, const rapidjson::Value& v) {
    RelationRule r;
    r.id = str(v, "id");
    take_id(s, r.id);
    check_keys(s, r.id, v,
               {"id", "pattern", "relation", "head", "tail", "head_types", "subject_types", "tail_types", "priority",
                "confidence", "triggers", "item_suffixes"});
    r.item_suffixes = str(v, "item_suffixes");
    if (!r.item_suffixes.empty() && !rules.word_lists.count(r.item_suffixes))
      problem(s, r.id, "item_suffixes: no word list \"" + r.item_suffixes + "\"");
    r.relation = str(v, "relation");
    if (r.relation.empty() || (r.relation[0] != '@' && !is_relation(r.relation)))
      problem(s, r.id, "unknown relation \"" + r.relation + "\" (see ONTOLOGY.md, or @group for a role word)");
    r.head = str(v, "head", "subject");
    r.tail = str(v, "tail", "list");
    r.head_types = strings(s, r.id, v, "head_types");
    r.subject_types = strings(s, r.id, v, "subject_types");
    r.tail_types = strings(s, r.id, v, "tail_types");
    if (r.subject_types.empty()) r.subject_types = r.head_types;
    check_types(s, r.id, r.head_types);
    check_types(s, r.id, r.subject_types);
    check_types(s, r.id, r.tail_types);
    if (v.HasMember("priority") && v["priority"].IsInt()) r.priority = v["priority"].GetInt();
    if (v.HasMember("confidence") && v["confidence"].IsNumber()) r.confidence = v["confidence"].GetDouble();
    if (!compile(s, r.id, v, r.pattern, &r.list_type, &r.list_allows_new)) return;
    UErrorCode status = U_ZERO_ERROR;
    auto has_group = [&](const std::string& g) {
      status = U_ZERO_ERROR;
      return r.pattern.regex->group_number(from_utf8(g)) > 0;
    };
    if (r.tail == "list" ? r.list_type.empty() : !has_group(r.tail))
      problem(s, r.id,
              "tail \"" + r.tail + "\" is not a group of the pattern (use a {Type*} or {Type+} slot for \"list\")");
    if (r.head != "subject" && r.head != "area" && !has_group(r.head))
      problem(s, r.id, "head \"" + r.head + "\" is not subject, area or a group of the pattern");
    if (r.relation[0] == '@' && !has_group(r.relation.substr(1)))
      problem(s, r.id, "relation " + r.relation + " names no group of the pattern");
    rules.relation_rules.push_back(std::move(r));
  }

  void run() {
    std::error_code ec;
    if (!fs::is_directory(rules.dir, ec)) {
      problems.push_back(rules.dir + ": not a rules directory");
      return;
    }
    std::vector<fs::path> files;
    std::string why;
    for (const auto& e : fs::directory_iterator(rules.dir))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) problems.push_back(rules.dir + ": no *.json rule files");
    for (const auto& f : files) {
      Source s{f.string(), {}, {}};
      // A rule file that cannot be read (a directory named x.json, no permission) is a problem of the rule set.
      if (!read_whole_file(f.string(), s.text, &why)) {
        problems.push_back(s.path + ": cannot read (" + why + ")");
        continue;
      }
      s.json.Parse(s.text.c_str());
      if (s.json.HasParseError()) {
        problems.push_back(s.path + ":" + line_col(s.text, s.json.GetErrorOffset()) +
                           ": invalid JSON: " + rapidjson::GetParseError_En(s.json.GetParseError()));
        continue;
      }
      if (!s.json.IsObject()) {
        problems.push_back(s.path + ":1:1: expected a JSON object");
        continue;
      }
      sources.push_back(std::move(s));
    }
    // Settings first: slots in every file expand with them.
    for (auto& s : sources) {
      for (const auto& m : s.json.GetObject()) {
        std::string key = m.name.GetString();
        if (key == "list" && m.value.IsObject()) {
          separator = str(m.value, "separator", separator);
          if (m.value.HasMember("new_items") && m.value["new_items"].IsObject())
            for (const auto& n : m.value["new_items"].GetObject()) new_items[n.name.GetString()] = n.value.GetString();
          joiner = str(m.value, "joiner", joiner);
          count = str(m.value, "count", count);
          for (const auto& p : strings(s, "", m.value, "item_not_initial")) rules.item_not_initial.insert(p);
          for (const auto& p : strings(s, "", m.value, "item_not_final")) rules.item_not_final.insert(p);
          size_t at = static_cast<size_t>(&s - sources.data());
          if (m.value.HasMember("item_suffixes") && m.value["item_suffixes"].IsObject())
            for (const auto& n : m.value["item_suffixes"].GetObject())
              if (n.value.IsString()) {
                rules.list_item_suffixes[n.name.GetString()] = n.value.GetString();
                list_references.push_back(
                    {at, std::string("list.item_suffixes.") + n.name.GetString(), n.value.GetString()});
              }
          if (m.value.HasMember("item_prefixes") && m.value["item_prefixes"].IsObject())
            for (const auto& n : m.value["item_prefixes"].GetObject()) {
              rules.list_item_prefixes[n.name.GetString()] =
                  strings(s, "", m.value["item_prefixes"], n.name.GetString());
              for (const auto& list : rules.list_item_prefixes[n.name.GetString()])
                list_references.push_back({at, std::string("list.item_prefixes.") + n.name.GetString(), list});
            }
          if (m.value.HasMember("reject") && m.value["reject"].IsObject())
            for (const auto& n : m.value["reject"].GetObject()) {
              UParseError rpe{};
              UErrorCode rs = U_ZERO_ERROR;
              std::shared_ptr<RulePattern> re =
                  RulePattern::compile(from_utf8(n.value.IsString() ? n.value.GetString() : ""), rpe, rs);
              if (U_FAILURE(rs))
                problem(s, "",
                        std::string("list: bad \"reject\" regex for ") + n.name.GetString() + " at offset " +
                            std::to_string(rpe.offset));
              else
                rules.list_item_reject[n.name.GetString()] = re;
            }
        } else if (key == "phrase" && m.value.IsObject()) {
          // The phrase check's settings (analysis/phrase.hpp): which types, which parts of speech.
          rules.phrase_types = to_set(strings(s, "", m.value, "types"));
          check_types(s, "", strings(s, "", m.value, "types"));
          rules.phrase_not_initial = to_set(strings(s, "", m.value, "not_initial"));
        } else if (key == "located_by_default") {
          rules.default_located_types = strings(s, "", s.json, "located_by_default");
          check_types(s, "", rules.default_located_types);
        } else if (key == "located_in_subdistrict") {
          rules.subdistrict_located_types = strings(s, "", s.json, "located_in_subdistrict");
          check_types(s, "", rules.subdistrict_located_types);
        } else if (key == "related_only") {
          rules.related_only_types = strings(s, "", s.json, "related_only");
          check_types(s, "", rules.related_only_types);
        } else if (key != "lexicons" && key != "entity_rules" && key != "relation_rules" && key != "comment") {
          problem(s, "", "unknown section \"" + key + "\"");
        }
      }
    }
    UParseError pe{};
    UErrorCode status = U_ZERO_ERROR;
    rules.list_separator = RulePattern::compile(from_utf8(separator), pe, status);
    if (U_FAILURE(status)) problems.push_back(rules.dir + ": bad list separator regex \"" + separator + "\"");
    for (auto [pattern, target] : {std::pair{&joiner, &rules.list_joiner}, std::pair{&count, &rules.list_count}}) {
      if (pattern->empty()) continue;
      status = U_ZERO_ERROR;
      *target = RulePattern::compile(from_utf8(*pattern), pe, status);
      if (U_FAILURE(status)) problems.push_back(rules.dir + ": bad list regex \"" + *pattern + "\"");
    }
    for (auto& s : sources) {
      auto each = [&](const char* key, auto fn) {
        if (!s.json.HasMember(key)) return;
        if (!s.json[key].IsArray()) return problem(s, "", std::string("\"") + key + "\" must be an array");
        for (const auto& v : s.json[key].GetArray()) {
          if (v.IsObject())
            fn(v);
          else
            problem(s, "", std::string("\"") + key + "\" must hold objects");
        }
      };
      each("lexicons", [&](const rapidjson::Value& v) { load_lexicon(s, v); });
    }
    check_names_pass_the_phrase_check();
    // Every word list the code looks up by name, and every one the list settings name, exists.
    if (!sources.empty())
      for (const auto& r : required)
        if (!rules.word_lists.count(r.id))
          problems.push_back(rules.dir + ": no word list \"" + r.id + "\" (needed by " + r.needed_by +
                             "): add a lexicon of kind words with this id, as lexicons.json does");
    for (const auto& r : list_references)
      if (!rules.word_lists.count(r.list)) {
        const Source& s = sources[r.source];
        size_t at = s.text.find("\"" + r.list + "\"");
        problems.push_back(s.path + ":" + line_col(s.text, at == std::string::npos ? 0 : at) + ": " + r.setting +
                           ": no word list \"" + r.list + "\"");
      }
    // Rules after every lexicon: a pattern may name any word list ({=list}).
    for (auto& s : sources) {
      auto each = [&](const char* key, auto fn) {
        if (!s.json.HasMember(key) || !s.json[key].IsArray()) return;
        for (const auto& v : s.json[key].GetArray())
          if (v.IsObject()) fn(v);
      };
      each("entity_rules", [&](const rapidjson::Value& v) { load_entity_rule(s, v); });
      each("relation_rules", [&](const rapidjson::Value& v) { load_relation_rule(s, v); });
    }
    build_words();
    std::stable_sort(rules.entity_rules.begin(), rules.entity_rules.end(),
                     [](const EntityRule& a, const EntityRule& b) { return a.phase < b.phase; });
    for (auto& r : rules.entity_rules) r.pattern.trigger_number = rules.triggers.add(r.pattern.triggers);
    for (auto& r : rules.relation_rules) r.pattern.trigger_number = rules.triggers.add(r.pattern.triggers);
  }
};

}  // namespace

std::shared_ptr<RuleSetImpl> RuleSetImpl::load(const std::string& dir, const std::vector<RequiredWordList>& required,
                                               std::vector<std::string>& problems) {
  auto rules = std::make_shared<RuleSetImpl>();
  rules->dir = dir;
  Loader loader(*rules, required);
  loader.run();
  problems = std::move(loader.problems);
  return rules;
}

}  // namespace doc2kg
