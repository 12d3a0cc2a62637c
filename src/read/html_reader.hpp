#pragma once
// Web pages as people save them: the article's text comes out of libxml2's
// HTML parser (never regular expressions), with title, date, source and
// author from the page's metadata and byline, and navigation, scripts,
// headers, footers and template residue left out. The reader takes the
// fields and the text as they are (reader.hpp): no header text is made up.
// Elements nested at any depth are read (the tree is walked without recursion).
// The words it needs (template residue such as 责任编辑, byline labels such as
// 来源：, the marks of dates) are the rule set's page_* and date_* word lists.
#include <string>
#include <string_view>

#include "read/reader_words.hpp"

namespace doc2kg {

// True when the bytes are an HTML page (by content, not by file name).
bool looks_like_html(std::string_view bytes);

// The page's character set label from <meta charset> or http-equiv, as
// written (lower case), "" if none.
std::string declared_charset(std::string_view bytes);

// A page's article, UTF-8.
struct PageArticle {
  ArticleInfo
      info;  // title, date (ISO 2024-03-05), author, source from metadata or the byline, "" if none; no id or ranges
  std::string text;  // the body's paragraphs, one a line
};

// The page's article. The bytes are decoded once: by a BOM; as UTF-8 when
// they are UTF-8 with non-ASCII in them (a page saved as UTF-8 keeps the meta
// of its first encoding); else in the declared charset as the HTML standard
// reads a meta's label (utf-16 is UTF-8, gbk and gb2312 are GB18030), with
// U+FFFD for bytes not in it as browsers do; else (no label, or one no
// converter knows) as decode() detects them.
// Throws Error(ErrorKind::Input) naming `where` when the page has no text.
PageArticle html_to_article(std::string_view bytes, const std::string& where, const ReaderVocabulary& words);

}  // namespace doc2kg
