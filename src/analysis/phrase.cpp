#include "analysis/phrase.hpp"

#include "analysis/names.hpp"
#include "base/text.hpp"

namespace doc2kg {

Range noun_phrase(const Document& doc, const RuleSetImpl& rules, Range name, const std::string& type) {
  if (!rules.phrase_types.count(type) || name.end - name.begin < 2 || doc.words.empty()) return name;
  UChar first = doc.text.charAt(name.begin);
  if (first == u'“' || first == u'"' || first == u'《') return name;  // quoted: the quotes are the boundary
  const Range none{name.end, name.end};
  auto word_text = [&](const Word& w) { return doc.text.tempSubStringBetween(w.range.begin, w.range.end); };
  // A word some lexicon holds as a name (a division's short form, an industry) is a name's own,
  // whatever its tag; a reference (全区, 该县) opens a clause.
  auto lexicon = [&](const Word& w) { return lexicon_word(rules, word_text(w)); };
  // One character alone (他, 和, 新) opens a clause only before an opener: it is often the first
  // syllable of a place the dictionary does not know (和顺社区, 他山村), so it is judged by what follows.
  auto opens_clause = [&](const Word& w) {
    LexiconWord held = lexicon(w);
    if (held == LexiconWord::Reference) return true;
    return w.range.end - w.range.begin >= 2 && rules.phrase_not_initial.count(rules.words.pos_name(w.pos)) > 0 &&
           held != LexiconWord::Name;
  };
  bool cut = false;
  bool after_entity = right_after_entity(doc, name.begin);
  while (name.end - name.begin >= 2) {
    const Word* w = doc.word_at(name.begin);
    if (!w) break;
    if (w->range.begin < name.begin && !after_entity) {  // inside a word: a fragment of a longer one
      if (w->range.end >= name.end) return name;         // the name lies inside one word: the rule knew better
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
