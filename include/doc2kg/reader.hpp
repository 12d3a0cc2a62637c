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
#include <string>
#include <string_view>

#include "doc2kg/document.hpp"
#include "doc2kg/rules.hpp"

namespace doc2kg {

// The bytes of a file ("-": standard input); throws Error(kExitInput) naming it.
std::string read_file(const std::string& path);

// Name of the encoding the bytes are in: UTF-8, UTF-16LE, UTF-16BE or GB18030.
std::string detect_encoding(std::string_view bytes);

// Decodes the bytes; throws Error(kExitInput) naming `where` and the byte offset
// of the first undecodable sequence, or saying the input is empty or binary.
icu::UnicodeString decode(std::string_view bytes, const std::string& where);

// The reader stage: decode (a web page: its article, html_reader.hpp), header, paragraphs.
namespace reader {

// Reads:  doc.input (the article's bytes), doc.info.id (its name, for errors)
// Writes: doc.info (title, date, author, source and where they are), doc.original,
//         doc.text, doc.supplementary, doc.paragraphs; empties doc.input.
// Throws Error(kExitInput) for undecodable input.
void run(Document& doc, const RuleSet& rules);

}  // namespace reader

// The reader alone, for a Document of the bytes named `id`.
Document read_article(std::string_view bytes, const std::string& id);

}  // namespace doc2kg
