#include "analysis/phrase.hpp"

#include <algorithm>

#include "analysis/names.hpp"
#include "base/text.hpp"

namespace doc2kg {

Range noun_phrase(const Document& doc, const RuleSetImpl& rules, Range name, const std::string& type) {
  if (!rules.phrase_types.count(type) || name.end - name.begin < 2 || doc.words.empty()) return name;
  UChar first = doc.text.charAt(name.begin);
  if (first == u'“' || first == u'"' || first == u'《') return name;  // quoted: the quotes are the boundary
  const Range none{name.end, name.end};
  auto word_text = [&](const Word& w) { return doc.text.tempSubStringBetween(w.range.begin, w.range.end); };
  // A word some lexicon holds (a division's short form, an industry) is a name's own, whatever its tag.
  auto known = [&](const Word& w) { return lexicon_word(rules, word_text(w)); };
  // A reference word (全区, 该县: canonical "@…" in the lexicon) opens a clause, not a name.
  auto reference = [&](const Word& w) {
    icu::UnicodeString t = word_text(w);
    for (const Trie::Match& m : rules.lexicon.find_all(t, 0, t.length()))
      if (m.begin == 0 && m.end == t.length() && rules.lexicon_entries[m.value].canonical.starts_with("@"))
        return true;
    return false;
  };
  // One character alone (他, 和, 新) opens a clause only before an opener: it is often the first
  // syllable of a place the dictionary does not know (和美社区, 什寒村), so it is judged by what follows.
  auto opens_clause = [&](const Word& w) {
    if (reference(w)) return true;
    return w.range.end - w.range.begin >= 2 && rules.phrase_not_initial.count(rules.words.pos_name(w.pos)) > 0 &&
           !known(w);
  };
  bool cut = false;
  // Right after a recognised name the boundary is known, whatever the words say (召镇|巴音嘎查, 镇巴 a word).
  auto entity = std::lower_bound(doc.entities.begin(), doc.entities.end(), name.begin,
                                 [](const Span& e, int32_t pos) { return e.range.end < pos; });
  bool after_entity = entity != doc.entities.end() && entity->range.end == name.begin;
  while (name.end - name.begin >= 2) {
    const Word* w = doc.word_at(name.begin);
    if (!w) break;
    if (w->range.begin < name.begin && !after_entity) {  // inside a word: a fragment of a longer one
      if (w->range.end >= name.end) return name;  // the name lies inside one word: the rule knew better
      name.begin = w->range.end;
      cut = true;
      continue;
    }
    icu::UnicodeString rest = doc.text.tempSubStringBetween(name.begin, name.end);
    // A clause opener from the list, matched as written (努力 opens 努力提高, one word to the dictionary).
    if (int32_t n = longest_affix(rules, "name_openers", rest, false); n > 0 && n < rest.length()) {
      name.begin += n;
      cut = true;
      continue;
    }
    // A word that cannot open a noun phrase: a reference (全区, 该县: it names an area, then a clause
    // follows), or a word of two or more characters tagged as a function word or a time (今天).
    if (opens_clause(*w) && w->range.end < name.end) {
      name.begin = w->range.end;
      cut = true;
      continue;
    }
    // 他|又|扛起…, 新|投产…: words of one character each, then an opener.
    if (w->range.end - w->range.begin == 1) {
      int32_t after = w->range.end;
      const Word* next = nullptr;
      while ((next = after < name.end ? doc.word_at(after) : nullptr) && next->range.end - next->range.begin == 1)
        after = next->range.end;
      icu::UnicodeString tail = doc.text.tempSubStringBetween(after, name.end);
      bool opener = after < name.end && (longest_affix(rules, "name_openers", tail, false) > 0 ||
                                         (next && next->range.end < name.end && opens_clause(*next)));
      if (opener) {
        name.begin = after;
        cut = true;
        continue;
      }
    }
    break;
  }
  if (name.end - name.begin < 2) return none;
  // What a cut leaves must still be a name: 活跃|社区 leaves a bare head.
  if (cut && rules.in_list("generic", doc.text.tempSubStringBetween(name.begin, name.end))) return none;
  return name;
}

}  // namespace doc2kg
