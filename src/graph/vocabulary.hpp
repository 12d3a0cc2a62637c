#pragma once
// The graph's vocabulary, in one place: how a node is named (its id and IRI,
// and back), the IRIs of types, relations and properties (schema.org where it
// has the term), and each property's name in every format and its datatype.
// Writers and readers iterate these tables instead of naming properties
// themselves, as Boost.Graph's dynamic_properties serves read_graphml and
// write_graphml.
//
//   node_id("District", "槐荫区")            "District/槐荫区"
//   node_iri("District", "槐荫区")           "https://doc2kg.org/id/District/槐荫区"
//   parse_node_id(iri_or_id)                 {"District", "槐荫区"}
//   article_iri("news/a.txt")                "https://doc2kg.org/id/Article/news%2Fa.txt"
//   for (const PropertyDef& p : node_properties())
//     if (auto v = value_of(node, p); ...)   name p.name (GraphML, CSV), p.term (JSON-LD), p.iri (RDF)
//   rdf_datatype(p, "2023-06")               the xsd IRI of gYearMonth for an Indicator's period
//
// Everything an output holds passes through here: ids and IRIs are valid
// RFC 3987 IRIs (what an IRI may not hold is percent-encoded, private-use
// characters included), literal text has no private-use, noncharacter or
// control code points (literal_text), so no internal marker reaches an output.
//
// Thread safety: pure functions over constant tables; safe from any thread.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "base/numbers.hpp"
#include "doc2kg/graph.hpp"

namespace doc2kg {

// The project's vocabulary (types, relations, properties) and the base of node IRIs.
inline constexpr const char* kVocabIri = "https://doc2kg.org/vocab#";
inline constexpr const char* kNodeBaseIri = "https://doc2kg.org/id/";
inline constexpr const char* kSchemaIri = "https://schema.org/";
inline constexpr const char* kRdfIri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kXsdIri = "http://www.w3.org/2001/XMLSchema#";

// ---- ids and IRIs ----------------------------------------------------------

// The id of the node (type, key): "Type/key", each part percent-encoded
// (iri_segment), so distinct keys have distinct ids and the id is a valid
// relative IRI reference. `key` is the node's identity within its type (the
// canonical name; for an Indicator its subject, name, value…).
std::string node_id(std::string_view type, std::string_view key);
// The same from a node: its key, or its name when the key is empty.
std::string node_id(const NodeData& n);
// kNodeBaseIri + node_id.
std::string node_iri(std::string_view type, std::string_view key);
std::string node_iri(const NodeData& n);
// (type, key) of a node id or full node IRI, percent-decoded: the inverse of
// node_id/node_iri. Without a '/', the type is "" and the whole (decoded) id is the key.
std::pair<std::string, std::string> parse_node_id(std::string_view id_or_iri);

// The Article node of an article id (the file's path or the id given with its text).
inline constexpr const char* kArticleType = "Article";
std::string article_id(std::string_view article);   // node_id("Article", article)
std::string article_iri(std::string_view article);  // node_iri("Article", article): its N-Quads graph name

// The id of the statement that one piece of evidence supports: the same fact
// and sentence give the same id in every run and every output format
// ("Statement/" and 16 hex digits of a hash of the fact and the evidence).
std::string statement_id(const NodeData& from, std::string_view relation, const NodeData& to, const Evidence& evidence);
// The same from the two nodes' ids (node_id), for a writer that has them already.
std::string statement_id(std::string_view from_id, std::string_view relation, std::string_view to_id,
                         const Evidence& evidence);

// One IRI path segment: every byte RFC 3987's ipchar does not allow
// (ASCII other than unreserved, sub-delims, ':' and '@'; code points outside
// ucschar such as private-use U+E000–U+F8FF, noncharacters, C1 controls;
// malformed UTF-8) percent-encoded as its UTF-8 bytes, and "." and ".."
// written %2E so that no IRI resolution removes them. CJK stays as it is.
std::string iri_segment(std::string_view utf8);
// Percent-decoding (%XX -> byte); anything else is kept as it is.
std::string percent_decode(std::string_view s);
// True when `iri` holds only what an absolute IRI may (RFC 3987 ucschar, no
// private-use, no space or <>"{}|\^`), so N-Quads and Oxigraph accept it.
bool is_valid_iri(std::string_view iri);

// IRIs of the ontology's terms: Article, Person and Organization (types),
// mentions (relation) are schema.org's; the others kVocabIri + the name.
std::string type_iri(std::string_view type);
std::string relation_iri(std::string_view relation);

// ---- properties -------------------------------------------------------------

enum class Datatype {
  String,    // a plain string literal
  Double,    // xsd:double
  Integer,   // xsd:integer (GraphML long)
  Date,      // xsd:date when the lexical form is one (2023-06-29), else a plain string
  Temporal,  // xsd:date, xsd:gYearMonth or xsd:gYear as the lexical form is one
             // (2023-06-29, 2023-06, 2023), else a plain string (an interval 2023-01/2023-05)
  Node,      // a node of the graph, written as its IRI (evidence: the Article)
};

// Where a value lives in NodeData or Evidence.
enum class Slot {
  Name,        // NodeData::name
  Aliases,     // NodeData::aliases: several values (GraphML joins them with '|', Neo4j CSV with ';')
  Text,        // NodeData::properties[name]
  Value,       // NodeData::value
  Number,      // NodeData::numbers[name]
  Article,     // Evidence::article (an article id; its node is article_iri of it)
  Sentence,    // Evidence::sentence
  Begin,       // Evidence::begin
  End,         // Evidence::end
  Rule,        // Evidence::rule
  Confidence,  // Evidence::confidence
};

struct PropertyDef {
  std::string_view
      name;  // in NodeData/Evidence, GraphML key (id and attr.name), Neo4j CSV column, GraphML's evidence JSON
  std::string_view term;  // the JSON-LD term (schema.org's name where it has one: headline for title)
  std::string_view iri;   // the RDF predicate
  Datatype type;
  Slot slot;
};

// A node's properties besides its type, in output order: name, aliases, an
// Indicator's value, unit, measure, period, qualifier, a Project's
// investment, an Article's title, date, author, source. A property that a
// node holds but this table does not name is not written.
std::span<const PropertyDef> node_properties();
// One piece of evidence: article, sentence, begin, end, rule, confidence.
std::span<const PropertyDef> evidence_properties();
// By PropertyDef::name or by JSON-LD term (both tables); nullptr when none.
const PropertyDef* find_property(std::string_view name);
const PropertyDef* find_property_by_term(std::string_view term);

// A property's value: nothing, text (a view into the node or evidence), a
// double or an integer. Aliases have no single value: read NodeData::aliases.
using PropertyValue = std::variant<std::monostate, std::string_view, double, int64_t>;
PropertyValue value_of(const NodeData& n, const PropertyDef& p);
PropertyValue value_of(const Evidence& e, const PropertyDef& p);
// Sets the property from its lexical form (a reader's way in): text as it is,
// an alias added, numbers parsed (false, and nothing set, when `lexical` is
// not a number); a node IRI for the Article is reduced to its article id.
bool set_value(NodeData& n, const PropertyDef& p, std::string_view lexical);
bool set_value(Evidence& e, const PropertyDef& p, std::string_view lexical);

// The RDF datatype IRI of `lexical` as a value of `p`: xsd:double, xsd:integer,
// xsd:date/gYearMonth/gYear as Date and Temporal allow; "" for a plain string (and Node).
std::string rdf_datatype(const PropertyDef& p, std::string_view lexical);
// "date" (2023-06-29, a real day), "gYearMonth" (2023-06), "gYear" (2023), or "" for anything else.
std::string_view temporal_type(std::string_view lexical);

// ---- literal text ---------------------------------------------------------

// Text as every output writes it: code points no output may carry become
// U+FFFD: private use (U+E000–U+F8FF, planes 15–16: the pipeline's internal
// markers), noncharacters (U+FDD0–U+FDEF, U+xFFFE/F), controls other than
// tab, LF and CR, surrogates and malformed UTF-8 (each byte). Everything
// else is unchanged.
std::string literal_text(std::string_view utf8);

}  // namespace doc2kg
