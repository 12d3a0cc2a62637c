#pragma once
// Numbers as text, the same in every output: the shortest form that reads
// back as the same double (GraphML, CSV, DOT, indicator keys) and the
// canonical xsd:double (N-Quads).
#include <string>

namespace doc2kg {

// The shortest text that reads back as the same double (0.9, 22.4, 2e+09, 741).
std::string shortest_number(double v);
// An xsd:double in the canonical form JSON-LD gives it (22.4 -> 2.24E1).
std::string canonical_double(double v);

}  // namespace doc2kg
