#include "graph/vocabulary.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/text.hpp"

namespace doc2kg {
namespace {

// RFC 3987's ucschar: from U+A0 up, less surrogates, private use, the noncharacters
// FDD0..FDEF and xFFFE/xFFFF of each plane, and the specials FFF0..FFFF; planes
// 15 and 16 are iprivate, which only a query may hold, so they are left out too.
bool is_ucschar(char32_t c) {
  if (c >= 0xA0 && c <= 0xD7FF) return true;
  if ((c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF)) return true;
  if (c < 0x10000 || c > 0xEFFFD || (c & 0xFFFF) > 0xFFFD) return false;
  return c < 0xE0000 || c >= 0xE1000;  // E0000–E0FFF (tags) are not ucschar
}

// The pipeline marks found names with private-use characters; none may leak out.
bool is_private_use(char32_t c) { return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000; }
bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

// RFC 3986/3987 ASCII classes.
bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}
bool is_sub_delim(unsigned char c) {
  return std::string_view("!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
}

// Upper-case hex, as RFC 3986 recommends, so one IRI is always spelled one way.
void percent(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The first segment of a relative IRI reference may not hold ':' (it would read as a scheme).
std::string type_segment(std::string_view type) {
  std::string out;
  for (char c : iri_segment(type)) {
    if (c == ':')
      out += "%3A";
    else
      out += c;
  }
  return out;
}

// Macros, not kSchemaIri and kVocabIri, so the IRIs join as literals in a constexpr table.
#define DOC2KG_SCHEMA "https://schema.org/"
#define DOC2KG_VOCAB "https://doc2kg.org/vocab#"

// The order of these tables is the order of every output's columns and keys:
// changing it changes the bytes of every format.
constexpr PropertyDef kNodeProperties[] = {
    {"name", "name", DOC2KG_SCHEMA "name", Datatype::String, Slot::Name},
    {"aliases", "alternateName", DOC2KG_SCHEMA "alternateName", Datatype::String, Slot::Aliases},
    {"value", "value", DOC2KG_SCHEMA "value", Datatype::Double, Slot::Value},
    {"unit", "unitText", DOC2KG_SCHEMA "unitText", Datatype::String, Slot::Text},
    {"measure", "measure", DOC2KG_VOCAB "measure", Datatype::String, Slot::Text},
    {"period", "period", DOC2KG_VOCAB "period", Datatype::Temporal, Slot::Text},
    {"qualifier", "qualifier", DOC2KG_VOCAB "qualifier", Datatype::String, Slot::Text},
    {"investment", "investment", DOC2KG_VOCAB "investment", Datatype::Double, Slot::Number},
    {"title", "headline", DOC2KG_SCHEMA "headline", Datatype::String, Slot::Text},
    {"date", "datePublished", DOC2KG_SCHEMA "datePublished", Datatype::Date, Slot::Text},
    {"author", "author", DOC2KG_SCHEMA "author", Datatype::String, Slot::Text},
    {"source", "source", DOC2KG_VOCAB "source", Datatype::String, Slot::Text},
};

constexpr PropertyDef kEvidenceProperties[] = {
    {"article", "article", DOC2KG_VOCAB "article", Datatype::Node, Slot::Article},
    {"sentence", "sentence", DOC2KG_VOCAB "sentence", Datatype::String, Slot::Sentence},
    {"begin", "startOffset", DOC2KG_VOCAB "startOffset", Datatype::Integer, Slot::Begin},
    {"end", "endOffset", DOC2KG_VOCAB "endOffset", Datatype::Integer, Slot::End},
    {"rule", "rule", DOC2KG_VOCAB "rule", Datatype::String, Slot::Rule},
    {"confidence", "confidence", DOC2KG_VOCAB "confidence", Datatype::Double, Slot::Confidence},
};

#undef DOC2KG_SCHEMA
#undef DOC2KG_VOCAB

// from_chars, not strtod: independent of the locale, and only the whole string,
// so "1,5" or "12abc" are refused instead of read in part.
std::optional<double> parse_double(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<int64_t> parse_integer(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

// ---- ids and IRIs -----------------------------------------------------------

std::string iri_segment(std::string_view s) {
  // Only whole-segment dots are special (RFC 3986 dot segments); "a.b" stays.
  if (s == "." || s == "..") return s == "." ? "%2E" : "%2E%2E";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // ipchar's ASCII part; '/', '?' and '#' must be escaped, as they would end the segment.
      if (is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@')
        out += static_cast<char>(c);
      else
        percent(out, c);
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t n = utf8_sequence(s, i, cp);
    // Non-ASCII stays as it is where an IRI allows it, so ids stay readable in Chinese.
    if (n > 0 && is_ucschar(cp)) {
      out.append(s.substr(i, n));
    } else {
      if (n == 0) n = 1;  // a malformed byte: encoded alone, the next one looked at anew
      for (size_t k = 0; k < n; ++k) percent(out, static_cast<unsigned char>(s[i + k]));
    }
    i += n;
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = 0, lo = 0;
    // A '%' without two hex digits after it is kept as written: input may come from
    // tools that did not escape it, and dropping it would lose a character.
    if (s[i] == '%' && i + 2 < s.size() && (hi = hex_value(s[i + 1])) >= 0 && (lo = hex_value(s[i + 2])) >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_valid_iri(std::string_view iri) {
  size_t colon = iri.find(':');
  // Absolute IRIs only: N-Quads has no base to resolve a relative one against.
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (size_t i = 0; i < colon; ++i) {  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    unsigned char c = static_cast<unsigned char>(iri[i]);
    bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) return false;
  }
  // The characters only, not the full grammar: enough for what N-Quads parsers
  // refuse (space, <>"{}|\^`, a bare '%', private use).
  for (size_t i = 0; i < iri.size();) {
    unsigned char c = static_cast<unsigned char>(iri[i]);
    if (c < 0x80) {
      if (c == '%') {
        if (i + 2 >= iri.size() || hex_value(iri[i + 1]) < 0 || hex_value(iri[i + 2]) < 0) return false;
      } else if (!is_unreserved(c) && !is_sub_delim(c) &&
                 std::string_view(":/?#[]@").find(static_cast<char>(c)) == std::string_view::npos) {
        return false;
      }
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t n = utf8_sequence(iri, i, cp);
    if (n == 0 || !is_ucschar(cp)) return false;
    i += n;
  }
  return true;
}

// Both parts have '/' escaped (iri_segment), so the one '/' between them splits
// an id back into its parts (parse_node_id).
std::string node_id(std::string_view type, std::string_view key) { return type_segment(type) + "/" + iri_segment(key); }

std::string node_id(const NodeData& n) { return node_id(n.type, n.key.empty() ? n.name : n.key); }

std::string node_iri(std::string_view type, std::string_view key) { return kNodeBaseIri + node_id(type, key); }

std::string node_iri(const NodeData& n) { return kNodeBaseIri + node_id(n); }

std::pair<std::string, std::string> parse_node_id(std::string_view id) {
  std::string_view base(kNodeBaseIri);
  if (id.substr(0, base.size()) == base) id.remove_prefix(base.size());
  // Split before decoding: a '/' inside the type or the key is written %2F.
  size_t slash = id.find('/');
  if (slash == std::string_view::npos) return {"", percent_decode(id)};
  return {percent_decode(id.substr(0, slash)), percent_decode(id.substr(slash + 1))};
}

std::string article_id(std::string_view article) { return node_id(kArticleType, article); }

std::string article_iri(std::string_view article) { return node_iri(kArticleType, article); }

std::string statement_id(const NodeData& from, std::string_view relation, const NodeData& to, const Evidence& ev) {
  return statement_id(node_id(from), relation, node_id(to), ev);
}

std::string statement_id(std::string_view from_id, std::string_view relation, std::string_view to_id,
                         const Evidence& ev) {
  // A hash of our own, not std::hash, whose values may change between library
  // versions: a statement's id must be the same in every run and every build.
  // Not the confidence or the sentence's text: the same fact at the same place
  // keeps its id when a rule's confidence changes.
  uint64_t h = 1469598103934665603ULL;  // FNV-1a over the fact and the evidence's place, one field a line
  auto add = [&](std::string_view part) {
    for (unsigned char c : part) h = (h ^ c) * 1099511628211ULL;
  };
  char number[24];
  // Offsets as decimal text, so the hash does not depend on byte order.
  auto add_number = [&](int64_t v) {
    auto [end, ec] = std::to_chars(number, number + sizeof number, v);
    add(std::string_view(number, end - number));
  };
  add(from_id), add("\n"), add(relation), add("\n"), add(to_id), add("\n"), add(ev.article), add("\n");
  add_number(ev.begin), add("\n"), add_number(ev.end), add("\n"), add(ev.rule);
  char buf[32];
  std::snprintf(buf, sizeof buf, "Statement/%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string type_iri(std::string_view type) {
  // schema.org's IRI where it has the term: readers that know schema.org then
  // understand these nodes without our vocabulary.
  if (type == "Article" || type == "Person" || type == "Organization") return kSchemaIri + std::string(type);
  return kVocabIri + iri_segment(type);
}

std::string relation_iri(std::string_view relation) {
  if (relation == "mentions") return std::string(kSchemaIri) + "mentions";
  return kVocabIri + iri_segment(relation);
}

// ---- properties ---------------------------------------------------------------

std::span<const PropertyDef> node_properties() { return kNodeProperties; }
std::span<const PropertyDef> evidence_properties() { return kEvidenceProperties; }

const PropertyDef* find_property(std::string_view name) {
  for (auto table : {node_properties(), evidence_properties()})
    for (const PropertyDef& p : table)
      if (p.name == name) return &p;
  return nullptr;
}

const PropertyDef* find_property_by_term(std::string_view term) {
  for (auto table : {node_properties(), evidence_properties()})
    for (const PropertyDef& p : table)
      if (p.term == term) return &p;
  return nullptr;
}

PropertyValue value_of(const NodeData& n, const PropertyDef& p) {
  switch (p.slot) {
    case Slot::Name:
      return std::string_view(n.name);
    // A property the node lacks is nothing (not ""), and is not written at all.
    case Slot::Text: {
      auto it = n.properties.find(std::string(p.name));
      if (it == n.properties.end()) return std::monostate{};
      return std::string_view(it->second);
    }
    case Slot::Value:
      if (n.value) return *n.value;
      return std::monostate{};
    case Slot::Number: {
      auto it = n.numbers.find(std::string(p.name));
      if (it == n.numbers.end()) return std::monostate{};
      return it->second;
    }
    default:
      return std::monostate{};
  }
}

PropertyValue value_of(const Evidence& e, const PropertyDef& p) {
  switch (p.slot) {
    case Slot::Article:
      return std::string_view(e.article);
    case Slot::Sentence:
      return std::string_view(e.sentence);
    case Slot::Begin:
      return e.begin;
    case Slot::End:
      return e.end;
    case Slot::Rule:
      return std::string_view(e.rule);
    case Slot::Confidence:
      return e.confidence;
    default:
      return std::monostate{};
  }
}

bool set_value(NodeData& n, const PropertyDef& p, std::string_view lexical) {
  switch (p.slot) {
    case Slot::Name:
      n.name = lexical;
      return true;
    // Sorted and unique, the invariant KnowledgeGraph::add_alias keeps, so a graph
    // read back lists its aliases as the one written did.
    case Slot::Aliases: {
      std::string alias(lexical);
      if (alias != n.name && std::find(n.aliases.begin(), n.aliases.end(), alias) == n.aliases.end())
        n.aliases.insert(std::upper_bound(n.aliases.begin(), n.aliases.end(), alias), alias);
      return true;
    }
    case Slot::Text:
      n.properties[std::string(p.name)] = lexical;
      return true;
    case Slot::Value:
    case Slot::Number: {
      auto v = parse_double(lexical);
      if (!v) return false;
      if (p.slot == Slot::Value)
        n.value = *v;
      else
        n.numbers[std::string(p.name)] = *v;
      return true;
    }
    default:
      return false;
  }
}

bool set_value(Evidence& e, const PropertyDef& p, std::string_view lexical) {
  switch (p.slot) {
    case Slot::Article: {
      auto [type, key] = parse_node_id(lexical);
      // Outputs write the article as a node IRI (Datatype::Node); the graph keeps the
      // article id, so the IRI is reduced here, and a bare id is taken as it is.
      e.article = type == kArticleType ? key : std::string(lexical);
      return true;
    }
    case Slot::Sentence:
      e.sentence = lexical;
      return true;
    case Slot::Rule:
      e.rule = lexical;
      return true;
    case Slot::Begin:
    case Slot::End: {
      auto v = parse_integer(lexical);
      if (!v) return false;
      (p.slot == Slot::Begin ? e.begin : e.end) = *v;
      return true;
    }
    case Slot::Confidence: {
      auto v = parse_double(lexical);
      if (!v) return false;
      e.confidence = *v;
      return true;
    }
    default:
      return false;
  }
}

std::string_view temporal_type(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int year = digits(0, 4);
  // Only a real day is typed xsd:date: validators refuse 2023-02-30, and a plain
  // string is better than a literal that fails to load.
  if (year <= 0) return "";  // also year 0000, which XML Schema 1.0 does not have
  if (s.size() == 4) return "gYear";
  if (s.size() < 7 || s[4] != '-') return "";
  int month = digits(5, 2);
  if (month < 1 || month > 12) return "";
  if (s.size() == 7) return "gYearMonth";
  if (s.size() != 10 || s[7] != '-') return "";
  int day = digits(8, 2);
  // Gregorian, as XML Schema's dates are (proleptic before 1582).
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day >= 1 && day <= days ? "date" : "";
}

std::string rdf_datatype(const PropertyDef& p, std::string_view lexical) {
  switch (p.type) {
    case Datatype::Double:
      return std::string(kXsdIri) + "double";
    case Datatype::Integer:
      return std::string(kXsdIri) + "integer";
    // A date that is not a full day (a year alone) stays a plain string;
    // Temporal is the kind that allows gYear and gYearMonth.
    case Datatype::Date:
      return temporal_type(lexical) == "date" ? std::string(kXsdIri) + "date" : "";
    case Datatype::Temporal: {
      std::string_view t = temporal_type(lexical);
      return t.empty() ? "" : kXsdIri + std::string(t);
    }
    default:
      return "";
  }
}

// ---- literal text -----------------------------------------------------------

std::string literal_text(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // Tab and line breaks are text; other C0 controls cannot appear in XML 1.0
      // (GraphML) at all, and DEL and the C1 controls are discouraged there.
      bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
      if (control)
        out += kReplacement;
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t n = utf8_sequence(s, i, cp);
    // One U+FFFD per malformed byte, scanning on at the next, so one bad byte costs
    // one character and the text after it is kept.
    if (n == 0) {
      out += kReplacement;
      i += 1;
      continue;
    }
    bool bad = cp <= 0x9F || (cp >= 0xD800 && cp <= 0xDFFF) || is_private_use(cp) || is_noncharacter(cp);
    if (bad)
      out += kReplacement;
    else
      out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace doc2kg
