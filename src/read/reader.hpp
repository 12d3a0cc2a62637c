#pragma once
// Reader: bytes of an article in any common Chinese encoding -> Document.
// Detects the encoding, normalizes line ends, reads the header (title, date,
// 作者, 来源) and leaves repeated paragraphs out of the analysis.
//
// The header is found among the first six non-empty lines, in any order:
//  - title lines (short, no 。), which are also analysed as paragraphs;
//  - field lines, one field or several split by | ｜ 丨, two spaces or a space
//    before the next label: 来源/信息来源/稿源: X, 作者/记者: Y, 发布日期/发布时间/
//    时间: DATE [time], a bare DATE, 记者 Y, and page furniture that is dropped
//    (浏览次数, 编辑, 通讯员 …); "来源:" alone takes the next line as its value;
//  - a WeChat line: [原创] [author] account DATE [HH:MM] [place] (without 原创
//    the time is required); the account is the source;
//  - without any field line, a block of at most four title lines closed by a
//    blank line (title, ——subtitle, speaker); the title is its first line and
//    its ——subtitles.
// DATE is 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or 二〇二四年三月五日 and
// becomes ISO 2024-03-05; with no field date, a date written in a title line
// (——2024年1月8日在…会议上) is taken. Field lines are not analysed; a line with
// an unknown label (地点:, 发布人:) is text. source_range/author_range point at
// the values in the text (记者 张三 → 张三).
//
// The words of headers and dates (labels, 年/月/日, 星期, 上午 …) are rule data:
// word lists of the rule set (rules/lexicons/header_*, date_*, page_*), see
// reader_word_lists(). Numerals and punctuation stay in the code.
//
// One reader per kind of input, each giving the article's text and its fields
// directly (nothing is written as a header to be parsed back):
//  - a plain-text article: its header is read from its first lines (above);
//  - an article whose fields are known: a caller that knows them (a JSON
//    line's title, date, source) sets doc.info's title, date, author or
//    source before the reader runs. The text is then the known title, author
//    and source, one a line, a blank line and the body: the title is analysed
//    like any title line, author and source are where the header entities are
//    found (source_range, author_range). The date is read as a DATE (with at
//    most a time after it). Field lines at the very start of the body (its
//    first two non-empty lines, and field lines right after them) give what
//    the known fields leave empty; the rest of the text's own header is body;
//  - a web page (html_reader.hpp, recognised by content), decoded once: when
//    its metadata or byline give a date (or the caller knows fields), they
//    are known fields (the caller's win) and its paragraphs the body; else
//    its title and paragraphs, one a line, are a plain-text article (such a
//    page's text often states its own header).
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "doc2kg/document.hpp"
#include "read/encoding.hpp"
#include "read/reader_words.hpp"
#include "rules/rule_set.hpp"

namespace doc2kg {

// The reader stage: decode (a web page: its article, html_reader.hpp), header, paragraphs.
namespace reader {

// Reads:  doc.input (the article's bytes), doc.info.id (its name, for errors),
//         doc.info.title/date/author/source when the caller knows them (above)
// Writes: doc.info (title, date, author, source and where they are), doc.original,
//         doc.text, doc.supplementary, doc.paragraphs; empties doc.input.
// Throws Error(ErrorKind::Input) for undecodable input, Error(ErrorKind::Rules) when the
// rule set lacks a word list of reader_word_lists().
void run(Document& doc, const RuleSetImpl& rules);

}  // namespace reader

// The reader alone, for a Document of the bytes named `id`.
Document read_article(std::string_view bytes, const std::string& id, const RuleSetImpl& rules);

}  // namespace doc2kg
