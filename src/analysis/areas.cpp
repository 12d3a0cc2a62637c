#include "analysis/areas.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/mentions.hpp"
#include "base/text.hpp"
#include "rules/words.hpp"

namespace doc2kg {

namespace {

// True when [begin, end) starts and ends at word boundaries of doc.words.
bool aligned_with_words(const Document& doc, int32_t begin, int32_t end) {
  auto starts_word = [&](int32_t pos) {
    const Word* w = doc.word_at(pos);
    return !w || w->range.begin == pos;
  };
  return starts_word(begin) && (end >= doc.text.length() || starts_word(end));
}

bool occurs(const icu::UnicodeString& hay, const icu::UnicodeString& needle) { return hay.indexOf(needle) >= 0; }

int count_in_text(const Document& doc, const icu::UnicodeString& name) {
  int n = 0;
  for (int32_t at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + name.length())) ++n;
  return n;
}

bool is_han(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool starts_at(const icu::UnicodeString& text, int32_t at, const icu::UnicodeString& w) {
  return !w.isEmpty() && at >= 0 && at + w.length() <= text.length() && text.compare(at, w.length(), w) == 0;
}

bool ends_at(const icu::UnicodeString& text, int32_t at, const icu::UnicodeString& w) {
  return !w.isEmpty() && at <= text.length() && at >= w.length() && text.compare(at - w.length(), w.length(), w) == 0;
}

// The level a division's name or an area reference speaks of: its first
// character listed in a division_levels.<Type> word list, and that type
// (全市, 市里 -> 市, City; 乐清市 -> 市; 全区 -> 区, District; 当地 -> none).
struct Level {
  UChar mark = 0;
  std::string type;
};

Level level_of(const RuleSetImpl& rules, const icu::UnicodeString& word) {
  for (int32_t i = 0; i < word.length(); ++i)
    for (const std::string& list : division_level_lists())
      if (rules.in_list(list, icu::UnicodeString(word.charAt(i))))
        return {word.charAt(i), list.substr(list.find('.') + 1)};
  return {};
}

// Where the mentions of divisions are read (rules/divisions/mentions.tsv).
class MentionContext {
 public:
  MentionContext(const Document& doc, const RuleSetImpl& rules)
      : doc_(doc), table_(rules.divisions), words_(rules.divisions.mention_words()) {
    icu::UnicodeString title = fold_width(from_utf8(doc.info.title));
    for (const Range& p : doc.paragraphs) {
      if (p.end <= p.begin || title.isEmpty()) continue;
      if (occurs(title, doc.text.tempSubStringBetween(p.begin, p.end))) titles_.push_back(p);
    }
  }

  // Its city or province is written right before it (石家庄市赵县, 河北赵县, 温州乐清).
  bool after_parent(const Division& d, int32_t at) const {
    for (const Division* p = table_.parent(d); p; p = table_.parent(*p))
      if (ends_at(doc_.text, at, from_utf8(p->name)) ||
          (!p->alias.empty() && ends_at(doc_.text, at, from_utf8(p->alias))))
        return true;
    return false;
  }

  // After punctuation, a line start or a `before` word (在滑县).
  bool at_boundary(int32_t at) const {
    if (at <= 0 || !is_han(doc_.text.char32At(at - 1))) return true;
    return std::any_of(words_.before.begin(), words_.before.end(),
                       [&](const auto& w) { return ends_at(doc_.text, at, w); });
  }

  // A `not_across` word starts at the name's last character (新县城, 党委和县委).
  bool across(Range m) const {
    return std::any_of(words_.not_across.begin(), words_.not_across.end(),
                       [&](const auto& w) { return starts_at(doc_.text, m.end - 1, w); });
  }

  // An `after` word follows (沛县县委); one that the name's last character
  // also begins (和县 + 政府 = 县政府) does not count.
  bool followed(Range m) const {
    icu::UnicodeString last(doc_.text.charAt(m.end - 1));
    for (const auto& w : words_.after) {
      if (!starts_at(doc_.text, m.end, w)) continue;
      icu::UnicodeString joined = last + w;
      if (std::find(words_.after.begin(), words_.after.end(), joined) == words_.after.end()) return true;
    }
    return false;
  }

  // A dateline: 本报济南讯 (`dateline` words before and after).
  bool in_dateline(Range m) const {
    const auto& [open, close] = words_.dateline;
    return !open.isEmpty() && ends_at(doc_.text, m.begin, open) && starts_at(doc_.text, m.end, close);
  }

  bool word_like(const std::string& name) const { return words_.word_like.count(from_utf8(name)) > 0; }

  // A full name that alone could be other words: two characters (赵县), a
  // `loose_end` (海城市 in 上海城市) or an ordinary word (城区).
  bool needs_context(const Division& d) const {
    icu::UnicodeString n = from_utf8(d.name);
    if (n.length() <= 2 || word_like(d.name)) return true;
    return std::any_of(words_.loose_ends.begin(), words_.loose_ends.end(),
                       [&](const auto& w) { return n.endsWith(w); });
  }

  // The mention at `m` is the place: after its city or province; else, unless
  // the name is an ordinary word, at a boundary or followed by an office word,
  // and not across a longer word.
  bool placed(const Division& d, Range m, bool word) const {
    if (after_parent(d, m.begin) || town_after(d, m.end)) return true;
    if (word || across(m)) return false;
    return at_boundary(m.begin) || followed(m);
  }

  // One of its own 街道/镇/乡 follows (滑县城关镇).
  bool town_after(const Division& d, int32_t at) const {
    int32_t longest = std::min(table_.longest_subdistrict(), doc_.text.length() - at);
    for (int32_t n = 3; n <= longest; ++n) {
      if (!table_.ends_subdistrict(doc_.text.charAt(at + n - 1))) continue;
      for (const Division* t : table_.districts_of_subdistrict(doc_.text.tempSubStringBetween(at, at + n)))
        if (t == &d) return true;
    }
    return false;
  }

  bool in_title(Range m) const {
    return std::any_of(titles_.begin(), titles_.end(),
                       [&](const Range& t) { return t.begin <= m.begin && m.end <= t.end; });
  }

 private:
  const Document& doc_;
  const DivisionTable& table_;
  const MentionWords& words_;
  std::vector<Range> titles_;  // paragraphs that are the title's lines
};

}  // namespace

void match_lexicons(Document& doc, const RuleSetImpl& rules) {
  const DivisionTable& table = rules.divisions;
  MentionContext context(doc, rules);
  std::vector<Trie::Match> matches;
  for (const Range& p : doc.paragraphs) {
    auto m = rules.lexicon.find_all(doc.text, p.begin, p.end);
    matches.insert(matches.end(), m.begin(), m.end());
  }
  auto division = [&](const LexiconEntry& e) -> const Division& { return table.all()[e.division]; };
  // A district whose name is also a common word (老城区, 城关区: listed in
  // `generic`) counts only when named twice or beside its city.
  auto named = [&](const Division* d) {
    return d && (occurs(doc.text, from_utf8(d->name)) || (!d->alias.empty() && occurs(doc.text, from_utf8(d->alias))));
  };
  auto plausible = [&](const LexiconEntry& e) {
    if (e.division < 0 || e.alias || e.type != "District") return true;
    const Division& d = division(e);
    if (!rules.in_list("generic", from_utf8(d.name))) return true;
    return count_in_text(doc, from_utf8(d.name)) >= 2 || named(table.parent(d));
  };
  // Full names: every mention of a long name; a name that could be other
  // words (赵县, 城区) where its context places it, and elsewhere once placed.
  std::set<size_t> relevant;  // divisions the article is about: their short forms count
  std::vector<char> accepted(matches.size(), 0);
  std::set<size_t> placed_once;
  for (size_t i = 0; i < matches.size(); ++i) {
    const LexiconEntry& e = rules.lexicon_entries[matches[i].value];
    if (e.division < 0 || e.alias) continue;
    const Division& d = division(e);
    Range m{matches[i].begin, matches[i].end};
    if (context.needs_context(d)) {
      if (!context.placed(d, m, context.word_like(d.name))) continue;
      placed_once.insert(e.division);
    } else if (!plausible(e)) {
      continue;
    }
    accepted[i] = 1;
  }
  for (size_t i = 0; i < matches.size(); ++i) {
    const LexiconEntry& e = rules.lexicon_entries[matches[i].value];
    if (e.division < 0 || e.alias || accepted[i] || !placed_once.count(e.division)) continue;
    const Division& d = division(e);
    Range m{matches[i].begin, matches[i].end};
    if (!context.word_like(d.name) && !context.across(m)) accepted[i] = 1;
  }
  auto add_relevant = [&](size_t index) {
    for (const Division* d = &table.all()[index]; d; d = table.parent(*d)) relevant.insert(table.index(*d));
  };
  bool named_in_full = false;  // a district or city: the article may be about it
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!accepted[i]) continue;
    const LexiconEntry& e = rules.lexicon_entries[matches[i].value];
    add_relevant(e.division);
    named_in_full = named_in_full || e.type == "District" || e.type == "City";
  }
  // Short forms: of divisions named in full (and their parents), of the city
  // of the dateline (本报济南讯), or with evidence that the article is about
  // the division (乐清 for 乐清市, never written in full): right after its
  // city or province, or at a boundary with two of: in the title, named
  // twice, a reference of its level (全市 for a 市), its city or itself in
  // the source line; one is enough where no district or city is named in full.
  std::set<UChar> reference_levels;  // 全市 -> 市
  for (const auto& m : matches) {
    const LexiconEntry& e = rules.lexicon_entries[m.value];
    if (!e.canonical.empty() && e.canonical[0] == '@')
      if (UChar level = level_of(rules, doc.text.tempSubStringBetween(m.begin, m.end)).mark)
        reference_levels.insert(level);
  }
  struct Evidence {
    int mentions = 0, placed = 0;
    bool parent = false, title = false;
  };
  std::map<size_t, Evidence> evidence;
  for (const auto& m : matches) {
    const LexiconEntry& e = rules.lexicon_entries[m.value];
    if (!e.alias) continue;
    if (context.in_dateline(Range{m.begin, m.end})) relevant.insert(e.division);
    if (relevant.count(e.division)) continue;
    const Division& d = division(e);
    Range r{m.begin, m.end};
    Evidence& v = evidence[e.division];
    ++v.mentions;
    if (context.after_parent(d, m.begin)) v.parent = true;
    if (!context.word_like(d.alias) && !context.across(r) && context.at_boundary(m.begin)) {
      ++v.placed;
      v.title = v.title || context.in_title(r);
    }
  }
  auto in_source = [&](const Division* d) {
    return d && !doc.info.source.empty() &&
           (doc.info.source.find(d->name) != std::string::npos ||
            (!d->alias.empty() && doc.info.source.find(d->alias) != std::string::npos));
  };
  for (const auto& [index, v] : evidence) {
    if (relevant.count(index)) continue;
    const Division& d = table.all()[index];
    bool about = false;
    if (v.parent) {
      about = true;
    } else if (v.placed > 0 && d.type == "District" && table.written_as(d.alias) == 1) {  // not 河南, 鼓楼
      icu::UnicodeString name = from_utf8(d.name);
      int points = (v.title ? 1 : 0) + (v.mentions >= 2 ? 1 : 0) +
                   (reference_levels.count(name.charAt(name.length() - 1)) ? 1 : 0) +
                   (in_source(&d) || in_source(table.parent(d)) ? 1 : 0);
      about = points >= 2 || (points == 1 && !named_in_full);
    }
    if (about) add_relevant(index);
  }
  std::vector<Candidate> candidates;
  // The 街道, 镇 and 乡 of the districts the article names (subdistricts.tsv):
  // 柳店镇 in 园区和柳店镇, 广饶街道 rather than the short form 广饶.
  if (int32_t longest = table.longest_subdistrict(); longest > 0)
    for (const Range& p : doc.paragraphs)
      for (int32_t end = p.begin + 1; end <= p.end; ++end) {
        if (!table.ends_subdistrict(doc.text.charAt(end - 1))) continue;
        for (int32_t n = std::min(longest, end - p.begin); n >= 3; --n) {  // the longest name ending here
          icu::UnicodeString name = doc.text.tempSubStringBetween(end - n, end);
          auto districts = table.districts_of_subdistrict(name);
          if (std::none_of(districts.begin(), districts.end(),
                           [&](const Division* d) { return relevant.count(table.index(*d)); }))
            continue;
          candidates.push_back({{{end - n, end}, "Subdistrict", to_utf8(name), "subdistricts", 1.0}, 10});
          break;
        }
      }
  std::set<std::pair<int32_t, int32_t>> seen;
  for (size_t i = 0; i < matches.size(); ++i) {
    const auto& m = matches[i];
    const LexiconEntry& e = rules.lexicon_entries[m.value];
    if (e.division >= 0 && !e.alias && !accepted[i]) continue;
    if (e.alias) {
      if (!relevant.count(e.division)) continue;
      const Division& d = division(e);
      // 朝阳 in 朝阳产业 is not 朝阳区, even in its article
      if (context.word_like(d.alias) && !context.after_parent(d, m.begin) && !context.at_boundary(m.begin)) continue;
    }
    // A lexicon name (not a division) is a word or words of the text, never part of
    // one: 化工 is not an industry inside 一体化工程 (一体化|工程).
    if (e.division < 0 && !doc.words.empty() && !aligned_with_words(doc, m.begin, m.end)) continue;
    if (!seen.insert({m.begin, m.end}).second) continue;  // one reading per place: the first entry listed
    candidates.push_back({{{m.begin, m.end}, e.type, e.canonical, e.rule, e.confidence}, e.priority});
  }
  select_candidates(doc, std::move(candidates));
}

const Division* division_of(const Document& doc, const RuleSetImpl& rules, const std::string& name,
                            const std::string& type) {
  std::vector<const Division*> candidates;
  for (const Division* d : rules.divisions.by_name(name))
    if (d->type == type) candidates.push_back(d);
  if (candidates.size() < 2) return candidates.empty() ? nullptr : candidates.front();
  icu::UnicodeString written = from_utf8(name);
  std::vector<int32_t> mentions;
  for (int32_t at = doc.text.indexOf(written); at >= 0; at = doc.text.indexOf(written, at + written.length()))
    mentions.push_back(at);
  std::set<std::string> named;
  for (const Span& e : doc.entities)
    if (e.type == "City" || e.type == "Province") named.insert(e.name);
  const Division* best = nullptr;
  int best_score = -1;
  for (const Division* d : candidates) {
    int score = 0;
    if (const Division* p = rules.divisions.parent(*d)) {  // its city, or its municipality
      if (named.count(p->name)) score = 2;
      for (const std::string& form : {p->name, p->alias}) {
        if (form.empty()) continue;
        icu::UnicodeString f = from_utf8(form);
        if (std::any_of(mentions.begin(), mentions.end(), [&](int32_t at) { return ends_at(doc.text, at, f); }))
          score = std::max(score, 4);
        if (occurs(doc.text, f) || doc.info.source.find(form) != std::string::npos) score = std::max(score, 1);
      }
    }
    if (score > best_score) best = d, best_score = score;
  }
  return best;
}

void resolve_area(Document& doc, const RuleSetImpl& rules) {
  std::map<std::string, int> count;
  std::map<std::string, int32_t> first;
  icu::UnicodeString title = from_utf8(doc.info.title);
  for (const Span& s : doc.entities) {
    if (s.type != "District" || s.name.empty() || s.name[0] == '@') continue;
    count[s.name] += 1 + (occurs(title, from_utf8(s.name)) ? 2 : 0);
    first.emplace(s.name, s.range.begin);
  }
  // Title mentions weigh more; ties go to the first named.
  doc.area.clear();
  for (const auto& [name, n] : count)
    if (doc.area.empty() || n > count[doc.area] || (n == count[doc.area] && first[name] < first[doc.area]))
      doc.area = name;
  // The division of the area at each level, for 全市/全省 in a district's article.
  std::map<std::string, std::string> level;  // type -> name
  if (!doc.area.empty())
    if (const Division* area = division_of(doc, rules, doc.area, "District"))
      for (const Division* d = rules.divisions.parent(*area); d; d = rules.divisions.parent(*d))
        level[d->type] = d->name;
  icu::UnicodeString area = from_utf8(doc.area);
  UChar area_level = area.isEmpty() ? 0 : area.charAt(area.length() - 1);
  std::erase_if(doc.entities, [&](Span& s) {
    if (s.name.empty() || s.name[0] != '@') return false;
    if (doc.area.empty()) return true;
    Level word = level_of(rules, doc.text.tempSubStringBetween(s.range.begin, s.range.end));
    s.type = "District";
    s.name = doc.area;
    if (word.type == "City" && area_level != word.mark && level.count("City")) {  // 全市, unless the area is a 市
      s.type = "City";
      s.name = level["City"];
    } else if (word.type == "Province" && level.count("Province")) {
      s.type = "Province";
      s.name = level["Province"];
    }
    return false;
  });
}

const std::vector<std::string>& division_level_lists() {
  static const std::vector<std::string> ids = {"division_levels.District", "division_levels.City",
                                               "division_levels.Province"};
  return ids;
}

}  // namespace doc2kg
