#include "analysis/names.hpp"

#include <algorithm>

namespace doc2kg {

int32_t longest_affix(const RuleSetImpl& rules, const std::string& list, const icu::UnicodeString& s, bool suffix,
                      int32_t longest) {
  auto it = rules.word_lists.find(list);
  if (it == rules.word_lists.end()) return 0;
  for (int32_t n = std::min({s.length(), longest, it->second.longest()}); n > 0; --n)
    if (it->second.contains(WordSet::view(s, suffix ? s.length() - n : 0, n))) return n;
  return 0;
}

LexiconWord lexicon_word(const RuleSetImpl& rules, const icu::UnicodeString& word) {
  LexiconWord kind = LexiconWord::None;
  for (const Trie::Match& m : rules.lexicon.find_all(word, 0, word.length())) {
    if (m.begin != 0 || m.end != word.length()) continue;
    if (!rules.lexicon_entries[m.value].canonical.starts_with("@")) return LexiconWord::Name;
    kind = LexiconWord::Reference;
  }
  return kind;
}

bool right_after_entity(const Document& doc, int32_t pos) {
  auto after = std::lower_bound(doc.entities.begin(), doc.entities.end(), pos,
                                [](const Span& s, int32_t p) { return s.range.end < p; });
  return after != doc.entities.end() && after->range.end == pos;
}

Range start_at_word(const Document& doc, const RuleSetImpl& rules, Range name) {
  auto text = [&](const Word& w) { return doc.text.tempSubStringBetween(w.range.begin, w.range.end); };
  bool cut = false;  // a word was cut off: a one-character function word after it is not part of the name
  // Right after a recognised name the boundary is known, whatever the words say (庙镇|巴林嘎查, 镇巴 being a word).
  if (right_after_entity(doc, name.begin)) return name;
  while (name.end - name.begin > 2) {
    const Word* w = doc.word_at(name.begin);
    if (!w || w->range.end >= name.end) break;
    const std::string& pos = rules.words.pos_name(w->pos);
    bool inside = w->range.begin < name.begin;  // 社|区和柳店镇: a name does not start inside a word
    // A function word: 目前|春晖社区. One character alone (和) often starts a
    // name the dictionary does not know (和顺社区), so only after a cut.
    // A lexicon's word is a name's own whatever its tag (正定, tagged an adverb: 正定高新区).
    bool function_word = rules.item_not_initial.count(pos) > 0 && (w->range.end - w->range.begin > 1 || cut) &&
                         lexicon_word(rules, text(*w)) != LexiconWord::Name;
    bool container = rules.in_list("container_heads", text(*w));  // 乡|青杉坪村: the head of the place before
    if (!inside && !function_word && !container) break;
    name.begin = w->range.end;
    cut = true;
  }
  return name;
}

namespace {

// Where the last word of `words` to occur in `s` ends (the largest end of any
// occurrence), among those ending by `limit`; 0 when none does.
int32_t last_word_end(const WordSet& words, const icu::UnicodeString& s, int32_t limit) {
  for (int32_t end = std::min(limit, s.length()); end > 0; --end)
    for (int32_t n = std::min(end, words.longest()); n > 0; --n)
      if (words.contains(WordSet::view(s, end - n, n))) return end;
  return 0;
}

}  // namespace

Range trim_name(const Document& doc, const RuleSetImpl& rules, Range name, bool suffixes,
                const std::vector<std::string>& more_prefixes) {
  // A name starts after the last verb that cannot be part of one (合作建设|激光雷达模组生产线项目).
  if (auto breaks = rules.word_lists.find("name_breaks"); breaks != rules.word_lists.end()) {
    icu::UnicodeString s = doc.text.tempSubStringBetween(name.begin, name.end);
    name.begin += std::min(last_word_end(breaks->second, s, s.length()), s.length());
  }
  // Lead-in words of the type (做强, 聚力) end what comes before them: the name starts after the last one.
  for (const auto& list : more_prefixes) {
    auto words = rules.word_lists.find(list);
    if (words == rules.word_lists.end()) continue;
    icu::UnicodeString s = doc.text.tempSubStringBetween(name.begin, name.end);
    name.begin += last_word_end(words->second, s, s.length() - 2);
  }
  for (bool changed = true; changed && name.end > name.begin;) {
    changed = false;
    icu::UnicodeString s = doc.text.tempSubStringBetween(name.begin, name.end);
    int32_t n = longest_affix(rules, "trim_prefixes", s, false);
    for (const auto& list : more_prefixes) n = std::max(n, longest_affix(rules, list, s, false));
    if (n > 0) {
      name.begin += n;
      changed = true;
    } else if (suffixes) {
      if (int32_t k = longest_affix(rules, "trim_suffixes", s, true)) {
        name.end -= k;
        changed = true;
      }
    }
  }
  return name;
}

}  // namespace doc2kg
