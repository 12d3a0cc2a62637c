#pragma once
// Quantities as Chinese news writes them: Arabic and Chinese numerals and
// their mixes (2186.4亿元, 二十亿元, 1.5万, 三成, 百分之六十, 近百家), with the
// unit normalized as ONTOLOGY.md says (CNY in yuan, percent, count, ...).
#include <unicode/unistr.h>

#include <map>
#include <optional>
#include <string>

namespace doc2kg {

struct UnitInfo {
  std::string unit;   // normalized: CNY, percent, percentagePoint, count, rank, or as written
  double scale = 1;   // 亿元 -> 1e8 when the table lists the scaled form itself
};

// Written unit -> normalized unit; loaded from the rules' `units` lexicon.
using UnitTable = std::map<icu::UnicodeString, UnitInfo>;

struct Quantity {
  double value = 0;
  std::string unit;
  std::string qualifier;  // 约 近 超过 以上 余 ... as written, "" if none
  int32_t begin = 0, end = 0;  // the number and its unit in the parsed string
};

// The value of a Chinese numeral (二十, 两千三百万, 一百二十六, 〇); nullopt if not one.
std::optional<double> parse_chinese_numeral(const icu::UnicodeString& s);

// Parses a quantity starting exactly at `at` (its number); nullopt when there is
// none there, or the number has no unit the table knows (a date, a list size).
std::optional<Quantity> parse_quantity(const icu::UnicodeString& s, int32_t at, const UnitTable& units);

// True for characters that can start a number: 0-9 and Chinese numerals.
bool starts_number(UChar c);

}  // namespace doc2kg
