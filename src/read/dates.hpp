#pragma once
// Dates as the readers read them (reader.hpp's DATE: 2024-03-05, 2024/3/5,
// 2024.3.5, 2024年3月5日, 二〇二四年三月五日) and the scanners the header reader
// shares with them. Private to the readers (read/reader.cpp, read/html_reader.cpp).
// The marks (年, 月, 日, 星期, 上午 …) are the date_* word lists; numerals are here.
#include <unicode/unistr.h>

#include <cstdint>
#include <string>

#include "read/reader_words.hpp"

namespace doc2kg::readers {

bool is_ascii_digit(UChar c);

// The value of a Chinese digit (〇 一 … 九, 零, ○), -1 if c is none.
int han_digit(UChar c);

// Up to `max` ASCII digits at s[i], i moved past them; -1 if none or more follow.
int read_number(const icu::UnicodeString& s, int32_t& i, int max);

// s[i] == c: i moved past it, true; else false.
bool take(const icu::UnicodeString& s, int32_t& i, UChar c);

// The longest word of `words` at s[i]: i moved past it, true; else false.
bool take(const icu::UnicodeString& s, int32_t& i, const WordList& words);

// A full date (year, month, day) starting at s[i], not right after a digit:
// its end, with `iso` set (2024-03-05); -1 if there is none.
int32_t parse_date_at(const icu::UnicodeString& s, int32_t i, const ReaderVocabulary& v, std::string& iso);

// The first full date in s[from, to): true with `iso` set.
bool find_date(const icu::UnicodeString& s, int32_t from, int32_t to, const ReaderVocabulary& v, std::string& iso);

// True when s[i, end) holds only what may follow a date on its line: a time,
// a weekday, brackets ((星期五)上午10:00, 09:15, 20时30分).
bool only_time_after(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v);

// A date a caller gives as a field ("2023年6月29日", "2023-06-29 10:30") as
// ISO: a DATE at its start with at most a time after it; else "".
std::string field_date(const icu::UnicodeString& value, const ReaderVocabulary& v);

}  // namespace doc2kg::readers
