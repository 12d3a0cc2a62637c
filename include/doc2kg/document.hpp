#pragma once
// The one data model every stage reads and extends: the article's text,
// stand-off annotations over it, and the facts stated about it. Each stage
// (pipeline.hpp lists them in order) reads some fields and writes others, as
// its header says; the reader writes the text, which then never changes.
#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <vector>

#include "doc2kg/facts.hpp"
#include "doc2kg/range.hpp"

namespace doc2kg {

// A word of the text (see words.hpp); `pos` is a part-of-speech id of the rule set's dictionary.
struct Word {
  Range range;
  uint16_t pos = 0;
};

struct Span {
  Range range;
  std::string type;  // an ONTOLOGY.md entity type
  std::string name;  // canonical name
  std::string rule;  // id of the rule that made it
  double confidence = 1.0;
  // A subdistrict named at the start of this name (长安镇 in 长安镇高端装备综合体): its container.
  std::string container_type = {}, container = {};
};

struct ArticleInfo {
  std::string id;  // file name, or the id given with the text
  std::string title, date, author, source;
  Range author_range, source_range;  // where the header states them (empty if it does not)
};

// The field comments name the stage that writes each field.
struct Document {
  std::string input;                      // the article's bytes, any encoding (the caller's; the reader empties it)
  ArticleInfo info;                       // info.id: the caller's; the rest: reader
  icu::UnicodeString original;            // decoded text, LF line ends: evidence quotes this (reader)
  icu::UnicodeString text;                // width-folded copy of the same length: rules match this (reader)
  std::vector<Range> paragraphs;          // to analyse: title and body, repeats left out (reader)
  std::vector<Range> sentences;           // segmenter
  std::vector<Word> words;                // the sentences' words, in order (tokenizer)
  std::vector<Span> entities;             // sorted by range, not overlapping (recognizer, resolver, relater, pruning)
  std::string area;                       // canonical name of the article's own district (resolver)
  std::vector<Fact> facts;                // relations (relater, containment, pruning)
  std::vector<IndicatorFact> indicators;  // statistical figures (indicators)

  std::vector<int32_t> supplementary;  // UTF-16 offsets of surrogate pairs, in order (reader)

  // Code-point offset of a UTF-16 offset, for evidence that any tool can slice:
  // one less for each surrogate pair before it (a binary search, not a count).
  int64_t code_point_offset(int32_t utf16) const;
  // The sentence holding `offset`, or an empty range at it.
  Range sentence_at(int32_t offset) const;
  std::string quote(Range r) const;
  // The word covering `offset`, or nullptr where no word was made.
  const Word* word_at(int32_t offset) const;
};

}  // namespace doc2kg
