#pragma once
// Bytes in: an article's file read within a bound, and its encoding told and
// decoded (UTF-8, GB18030/GBK, Big5, UTF-16 with or without a BOM). The
// reader stage (reader.hpp) decodes with these; batch reads files with them.
#include <unicode/unistr.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace doc2kg {

// The largest article read_file reads: a bigger input is no article (/dev/zero,
// a disk image), and is refused before it fills the memory.
inline constexpr size_t kMaxArticleBytes = size_t{64} << 20;

// The bytes of a file ("-": standard input), at most kMaxArticleBytes + 1 of
// them read. Throws Error(ErrorKind::Input) naming it ("stdin" for "-") with the
// reason: "x.txt: cannot open (Permission denied)", "read failed (Is a
// directory)", "larger than 64 MiB, not an article".
std::string read_file(const std::string& path);

// Name of the encoding the bytes are in: UTF-8, UTF-16LE, UTF-16BE, Big5 or GB18030.
// A BOM decides; else strictly valid UTF-8 without NUL bytes is UTF-8; else
// UTF-16 without a BOM is told by the zero bytes of ASCII at the odd (LE) or
// even (BE) positions, or by its code units being those of Chinese text
// (ideographs, CJK and full-width punctuation, ASCII) in one byte order and
// not in the other; else UTF-8 broken after some Chinese is UTF-8; else
// Big5 when ICU's charset detector is surer of it than of GB18030; else GB18030.
std::string detect_encoding(std::string_view bytes);

// Decodes the bytes; throws Error(ErrorKind::Input) naming `where` and the byte offset
// of the first undecodable sequence, or saying the input is empty or binary.
icu::UnicodeString decode(std::string_view bytes, const std::string& where);

}  // namespace doc2kg
