#pragma once
// The words the readers read headers, dates and web pages with (labels such
// as 来源：, the marks of 2024年3月5日, a page's template residue): word lists of
// the rule set (rules/lexicons/header_*, date_*, page_*), looked up by the
// reader stage (reader.hpp), the date scanners (dates.hpp) and the page
// reader (html_reader.hpp).
#include <unicode/unistr.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "rules/rule_set.hpp"

namespace doc2kg {

// A word list of the rule set, as the reader looks words up in it.
class WordList {
 public:
  WordList() = default;
  explicit WordList(const WordSet& words);
  bool contains(const icu::UnicodeString& word) const { return words_ && words_->count(word) > 0; }
  // Length of the longest word of the list that starts at s[at] (0: none).
  int32_t at(const icu::UnicodeString& s, int32_t at) const;
  // True when s ends with a word of the list.
  bool ends(const icu::UnicodeString& s) const;
  const WordSet& words() const;

 private:
  const WordSet* words_ = nullptr;
};

// The words the reader reads headers, dates and web pages with: one word list
// of the rule set each (the id is the field's name with its prefix).
struct ReaderVocabulary {
  // header_*: labels of header fields (来源：, 作者：, 发布时间：), furniture labels
  // (浏览次数：), 记者 张三 without a colon, WeChat's 原创.
  WordList source_labels, source_label_endings, author_labels, date_labels, date_label_endings, ignored_labels,
      reporters, ignored_reporters, original_marks;
  // date_*: 2024年3月5日, 星期二, 上午, 20时30分.
  WordList year_marks, month_marks, day_marks, weekday_words, weekday_names, day_parts, hour_marks, minute_marks;
  // page_*: web pages' template residue and byline labels.
  WordList page_furniture, page_furniture_inside, page_byline_source_labels, page_byline_author_labels,
      page_byline_author_ends;

  // Throws Error(ErrorKind::Rules) naming the first word list the rule set lacks.
  static ReaderVocabulary from(const RuleSetImpl& rules);
};

// The ids of the word lists ReaderVocabulary::from needs.
const std::vector<std::string>& reader_word_lists();

// The first full date in s[from, to) (DATE above) as ISO 2024-03-05, "" if none.
std::string first_date(const icu::UnicodeString& s, const ReaderVocabulary& words, int32_t from = 0, int32_t to = -1);

}  // namespace doc2kg
