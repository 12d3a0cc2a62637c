#pragma once
// Web pages as people save them: the article's text comes out of libxml2's
// HTML parser (never regular expressions), with title, date, source and
// author from the page's metadata, and navigation, scripts, headers, footers
// and template residue left out. The result is the plain-text article form
// (title, date, 作者, 来源, blank line, paragraphs) that the reader takes.
#include <string>
#include <string_view>

namespace doc2kg {

// True when the bytes are an HTML page (by content, not by file name).
bool looks_like_html(std::string_view bytes);

// The page's character set from <meta charset> or http-equiv, "" if none.
std::string declared_charset(std::string_view bytes);

// The article in plain-text form, UTF-8. Throws Error(kExitInput) naming
// `where` when the page has no text.
std::string html_to_article(std::string_view bytes, const std::string& where);

}  // namespace doc2kg
