#pragma once
// Reader: bytes of an article in any common Chinese encoding -> Document.
// Detects the encoding, normalizes line ends, reads the header (title, date,
// 作者, 来源) and leaves repeated paragraphs out of the analysis.
#include <string>
#include <string_view>

#include "doc2kg/document.hpp"

namespace doc2kg {

// The bytes of a file ("-": standard input); throws Error(kExitInput) naming it.
std::string read_file(const std::string& path);

// Name of the encoding the bytes are in: UTF-8, UTF-16LE, UTF-16BE or GB18030.
std::string detect_encoding(std::string_view bytes);

// Decodes the bytes; throws Error(kExitInput) naming `where` and the byte offset
// of the first undecodable sequence, or saying the input is empty or binary.
icu::UnicodeString decode(std::string_view bytes, const std::string& where);

// The whole reader: decode, header, paragraphs. `id` names the article.
Document read_article(std::string_view bytes, const std::string& id);

}  // namespace doc2kg
