// The word lists the readers read headers, dates and web pages with (reader.hpp).
#include "read/reader_words.hpp"

#include <algorithm>
#include <utility>

#include "doc2kg/error.hpp"

namespace doc2kg {

WordList::WordList(const WordSet& words) : words_(&words) {}

int32_t WordList::at(const icu::UnicodeString& s, int32_t at) const {
  if (!words_ || at < 0) return 0;
  for (int32_t n = std::min(words_->longest(), s.length() - at); n > 0; --n)
    if (words_->contains(WordSet::view(s, at, n))) return n;
  return 0;
}

bool WordList::ends(const icu::UnicodeString& s) const {
  if (!words_) return false;
  for (int32_t n = std::min(words_->longest(), s.length()); n > 0; --n)
    if (words_->contains(WordSet::view(s, s.length() - n, n))) return true;
  return false;
}

const WordSet& WordList::words() const {
  static const WordSet none;
  return words_ ? *words_ : none;
}

namespace {

// Each field of ReaderVocabulary and the id of its word list.
const std::pair<WordList ReaderVocabulary::*, const char*> kReaderLists[] = {
    {&ReaderVocabulary::source_labels, "header_source_labels"},
    {&ReaderVocabulary::source_label_endings, "header_source_label_endings"},
    {&ReaderVocabulary::author_labels, "header_author_labels"},
    {&ReaderVocabulary::date_labels, "header_date_labels"},
    {&ReaderVocabulary::date_label_endings, "header_date_label_endings"},
    {&ReaderVocabulary::ignored_labels, "header_ignored_labels"},
    {&ReaderVocabulary::reporters, "header_reporters"},
    {&ReaderVocabulary::ignored_reporters, "header_ignored_reporters"},
    {&ReaderVocabulary::original_marks, "header_original_marks"},
    {&ReaderVocabulary::year_marks, "date_year_marks"},
    {&ReaderVocabulary::month_marks, "date_month_marks"},
    {&ReaderVocabulary::day_marks, "date_day_marks"},
    {&ReaderVocabulary::weekday_words, "date_weekday_words"},
    {&ReaderVocabulary::weekday_names, "date_weekday_names"},
    {&ReaderVocabulary::day_parts, "date_day_parts"},
    {&ReaderVocabulary::hour_marks, "date_hour_marks"},
    {&ReaderVocabulary::minute_marks, "date_minute_marks"},
    {&ReaderVocabulary::page_furniture, "page_furniture"},
    {&ReaderVocabulary::page_furniture_inside, "page_furniture_inside"},
    {&ReaderVocabulary::page_byline_source_labels, "page_byline_source_labels"},
    {&ReaderVocabulary::page_byline_author_labels, "page_byline_author_labels"},
    {&ReaderVocabulary::page_byline_author_ends, "page_byline_author_ends"},
};

}  // namespace

ReaderVocabulary ReaderVocabulary::from(const RuleSetImpl& rules) {
  ReaderVocabulary v;
  for (const auto& [field, id] : kReaderLists) {
    auto it = rules.word_lists.find(id);
    if (it == rules.word_lists.end())
      throw Error(ErrorKind::Rules,
                  "invalid rule set " + rules.dir + ": no word list \"" + id +
                      "\" (a lexicon of kind words that the reader reads headers, dates and web pages with)");
    v.*field = WordList(it->second);
  }
  return v;
}

const std::vector<std::string>& reader_word_lists() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& [field, id] : kReaderLists) out.push_back(id);
    return out;
  }();
  return ids;
}

}  // namespace doc2kg
