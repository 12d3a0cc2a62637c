// JSON-LD 1.1: one @context, an @graph of nodes. Terms, IRIs and datatypes come
// from vocabulary.hpp: schema.org terms where they exist (name, alternateName,
// value, unitText, mentions, datePublished), the project's vocabulary for the
// rest; datePublished and period typed xsd:date/gYearMonth/gYear where their
// lexical form is one (the context types datePublished; other typed values are
// value objects). Evidence is an rdf:Statement per fact and sentence, so any
// RDF store keeps it; the triples are those of the N-Quads writer.
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "doc2kg/writer.hpp"
#include "document/ontology.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void str(JsonWriter& w, const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); }
void kv(JsonWriter& w, const char* k, const std::string& v) {
  w.Key(k);
  str(w, v);
}
void typed_term(JsonWriter& w, const char* term, const char* id, const char* type) {
  w.Key(term);
  w.StartObject();
  kv(w, "@id", id);
  kv(w, "@type", type);
  w.EndObject();
}

// An IRI as the context's prefixes shorten it (schema:name).
std::string compact(const std::string& iri) {
  // Prefixed names only shorten the document: they expand to the same IRIs.
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"schema:", kSchemaIri}, {"rdf:", kRdfIri}, {"xsd:", kXsdIri}};
  for (auto [prefix, base] : kPrefixes) {
    std::string_view b(base);
    if (iri.compare(0, b.size(), b) == 0) return prefix + iri.substr(b.size());
  }
  return iri;
}

// A name that can be a term (a type, a relation): letters, digits, '_'.
bool plain_name(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// The datatype the context gives a property's string values ("" for none).
std::string context_datatype(const PropertyDef& p) {
  return p.type == Datatype::Date ? std::string(kXsdIri) + "date" : "";
}

void write_context(JsonWriter& w) {
  w.Key("@context");
  w.StartObject();
  w.Key("@version");
  w.Double(1.1);
  kv(w, "@vocab", kVocabIri);
  // Node ids are written relative (node_id); @base expands them to node_iri's IRIs.
  kv(w, "@base", kNodeBaseIri);
  kv(w, "schema", kSchemaIri);
  kv(w, "rdf", kRdfIri);
  kv(w, "xsd", kXsdIri);
  for (const auto& t : entity_types())
    // Only types @vocab would expand wrongly (the schema.org ones) need a term.
    if (type_iri(t) != kVocabIri + t) kv(w, t.c_str(), compact(type_iri(t)));
  kv(w, "Statement", "rdf:Statement");
  for (auto table : {node_properties(), evidence_properties()}) {
    for (const PropertyDef& p : table) {
      std::string term(p.term), iri = compact(std::string(p.iri));
      switch (p.type) {
        case Datatype::Double:
          typed_term(w, term.c_str(), iri.c_str(), "xsd:double");
          break;
        case Datatype::Integer:
          typed_term(w, term.c_str(), iri.c_str(), "xsd:integer");
          break;
        case Datatype::Node:
          typed_term(w, term.c_str(), iri.c_str(), "@id");
          break;
        case Datatype::Date:
          typed_term(w, term.c_str(), iri.c_str(), compact(context_datatype(p)).c_str());
          break;
        default:
          // A plain string property that @vocab already expands right needs no term.
          if (std::string(p.iri) != kVocabIri + term) kv(w, term.c_str(), iri);
      }
    }
  }
  for (const auto& r : relation_names()) typed_term(w, r.c_str(), compact(relation_iri(r)).c_str(), "@id");
  typed_term(w, "subject", "rdf:subject", "@id");
  // @vocab-typed, so a relation name expands through its term like a key does;
  // subject and object are node ids, relative to @base.
  typed_term(w, "predicate", "rdf:predicate", "@vocab");
  typed_term(w, "object", "rdf:object", "@id");
  w.EndObject();
}

// A string value of `p`: plain where the context's typing is right for it, else a value object.
void text_value(JsonWriter& w, const PropertyDef& p, std::string_view raw) {
  std::string s = literal_text(raw);
  std::string datatype = rdf_datatype(p, s), in_context = context_datatype(p);
  if (datatype == in_context) return str(w, s);
  w.StartObject();
  kv(w, "@value", s);
  if (!datatype.empty()) kv(w, "@type", compact(datatype));
  w.EndObject();
}

}  // namespace

void write_jsonld(const KnowledgeGraph& kg, std::ostream& os) {
  const Graph& g = kg.graph();
  rapidjson::OStreamWrapper osw(os);
  JsonWriter w(osw);
  w.SetIndent(' ', 1);
  w.StartObject();
  write_context(w);
  w.Key("@graph");
  w.StartArray();
  // Outgoing facts grouped by node and relation, in the sorted edge order.
  std::map<Vertex, std::map<std::string, std::vector<Vertex>>> out_edges;
  std::vector<Edge> edges = kg.sorted_edges();
  for (Edge e : edges) out_edges[boost::source(e, g)][g[e].relation].push_back(boost::target(e, g));
  for (Vertex v : kg.sorted_nodes()) {
    const NodeData& n = g[v];
    w.StartObject();
    kv(w, "@id", node_id(n));
    // Any other name is written as its full IRI, percent-encoded: @vocab would append it raw.
    kv(w, "@type", plain_name(n.type) ? n.type : type_iri(n.type));
    for (const PropertyDef& p : node_properties()) {
      std::string term(p.term);
      if (p.slot == Slot::Aliases) {
        if (n.aliases.empty()) continue;
        w.Key(term.c_str());
        w.StartArray();
        for (const auto& a : n.aliases) text_value(w, p, a);
        w.EndArray();
        continue;
      }
      PropertyValue value = value_of(n, p);
      if (auto s = std::get_if<std::string_view>(&value)) {
        w.Key(term.c_str());
        text_value(w, p, *s);
      } else if (auto d = std::get_if<double>(&value)) {
        w.Key(term.c_str());
        w.Double(*d);
      }
    }
    for (const auto& [relation, targets] : out_edges[v]) {
      bool term = is_relation(relation);  // a term of the context, typed @id
      // A relation outside the ontology has no term: its full IRI is the key, and its
      // targets node objects, as nothing types its values as ids.
      std::string key = term ? relation : relation_iri(relation);
      w.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
      w.StartArray();
      for (Vertex t : targets) {
        if (term) {
          str(w, node_id(g[t]));
        } else {
          w.StartObject();
          kv(w, "@id", node_id(g[t]));
          w.EndObject();
        }
      }
      w.EndArray();
    }
    w.EndObject();
  }
  // Evidence: one statement per fact and stating sentence.
  for (Edge e : edges) {
    const NodeData &from = g[boost::source(e, g)], &to = g[boost::target(e, g)];
    const std::string& relation = g[e].relation;
    for (const Evidence& ev : g[e].evidence) {
      w.StartObject();
      kv(w, "@id", statement_id(from, relation, to, ev));
      kv(w, "@type", "Statement");
      kv(w, "subject", node_id(from));
      kv(w, "predicate", is_relation(relation) ? relation : relation_iri(relation));
      kv(w, "object", node_id(to));
      for (const PropertyDef& p : evidence_properties()) {
        w.Key(std::string(p.term).c_str());
        PropertyValue value = value_of(ev, p);
        if (auto s = std::get_if<std::string_view>(&value)) {
          if (p.type == Datatype::Node)
            // The `article` term is typed @id: the article's node id, expanded against @base.
            str(w, article_id(*s));
          else
            text_value(w, p, *s);
        } else if (auto d = std::get_if<double>(&value)) {
          w.Double(*d);
        } else if (auto i = std::get_if<int64_t>(&value)) {
          w.Int64(*i);
        } else {
          w.Null();
        }
      }
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  os << "\n";
}

}  // namespace doc2kg
