#include "base/numbers.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace doc2kg {

std::string shortest_number(double v) {
  char buf[64];
  // Without a precision, to_chars gives the shortest form that reads back exactly.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string canonical_double(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15E", v);  // 2.240000000000000E+01
  // Sixteen significant digits, as JSON-LD's toRdf prints a double
  // (toExponential(15)), so that both give the same text; trailing zeros go next.
  std::string s(buf);
  size_t e = s.find('E');
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  // Canonical xsd:double keeps at least one digit after the point (2.0E1, not 2.E1).
  while (mantissa.size() > 3 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') mantissa.pop_back();
  // Through an int, so that "E+01" becomes "E1": no sign, no leading zeros.
  int x = std::stoi(exponent);
  return mantissa + "E" + std::to_string(x);
}

}  // namespace doc2kg
