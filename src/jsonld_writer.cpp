// JSON-LD 1.1: one @context, an @graph of nodes. schema.org terms where they
// exist (name, alternateName, value, unitText, mentions, datePublished), the
// project's vocabulary (README.md, "JSON-LD vocabulary") for the rest. Evidence is an
// rdf:Statement per fact and sentence, so any RDF store keeps it.
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <map>

#include "doc2kg/ontology.hpp"
#include "doc2kg/writer.hpp"

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

void write_context(JsonWriter& w) {
  w.Key("@context");
  w.StartObject();
  w.Key("@version");
  w.Double(1.1);
  kv(w, "@vocab", kVocabIri);
  kv(w, "@base", kNodeBaseIri);
  kv(w, "schema", "https://schema.org/");
  kv(w, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  kv(w, "xsd", "http://www.w3.org/2001/XMLSchema#");
  kv(w, "Article", "schema:Article");
  kv(w, "Person", "schema:Person");
  kv(w, "Organization", "schema:Organization");
  kv(w, "Statement", "rdf:Statement");
  kv(w, "name", "schema:name");
  kv(w, "alternateName", "schema:alternateName");
  kv(w, "headline", "schema:headline");
  kv(w, "datePublished", "schema:datePublished");
  kv(w, "author", "schema:author");
  kv(w, "unitText", "schema:unitText");
  typed_term(w, "value", "schema:value", "xsd:double");
  typed_term(w, "investment", (std::string(kVocabIri) + "investment").c_str(), "xsd:double");
  typed_term(w, "mentions", "schema:mentions", "@id");
  for (const auto& r : relation_names())
    if (r != "mentions") typed_term(w, r.c_str(), (std::string(kVocabIri) + r).c_str(), "@id");
  typed_term(w, "subject", "rdf:subject", "@id");
  typed_term(w, "predicate", "rdf:predicate", "@vocab");
  typed_term(w, "object", "rdf:object", "@id");
  typed_term(w, "article", (std::string(kVocabIri) + "article").c_str(), "@id");
  typed_term(w, "startOffset", (std::string(kVocabIri) + "startOffset").c_str(), "xsd:integer");
  typed_term(w, "endOffset", (std::string(kVocabIri) + "endOffset").c_str(), "xsd:integer");
  typed_term(w, "confidence", (std::string(kVocabIri) + "confidence").c_str(), "xsd:double");
  w.EndObject();
}

// Node properties under their schema.org names where schema.org has one.
const char* schema_term(const std::string& key) {
  if (key == "title") return "headline";
  if (key == "date") return "datePublished";
  if (key == "unit") return "unitText";
  return nullptr;
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
    kv(w, "@id", KnowledgeGraph::node_id(n));
    kv(w, "@type", n.type);
    kv(w, "name", n.name);
    if (!n.aliases.empty()) {
      w.Key("alternateName");
      w.StartArray();
      for (const auto& a : n.aliases) str(w, a);
      w.EndArray();
    }
    for (const auto& [key, value] : n.properties) {
      const char* term = schema_term(key);
      kv(w, term ? term : key.c_str(), value);
    }
    if (n.value) {
      w.Key("value");
      w.Double(*n.value);
    }
    for (const auto& [k, v] : n.numbers) {
      w.Key(k.c_str());
      w.Double(v);
    }
    for (const auto& [relation, targets] : out_edges[v]) {
      w.Key(relation.c_str());
      w.StartArray();
      for (Vertex t : targets) str(w, KnowledgeGraph::node_id(g[t]));
      w.EndArray();
    }
    w.EndObject();
  }
  // Evidence: one statement per fact and stating sentence.
  for (Edge e : edges) {
    for (const Evidence& ev : g[e].evidence) {
      w.StartObject();
      kv(w, "@id", kg.statement_id(e, ev));
      kv(w, "@type", "Statement");
      kv(w, "subject", KnowledgeGraph::node_id(g[boost::source(e, g)]));
      kv(w, "predicate", g[e].relation);
      kv(w, "object", KnowledgeGraph::node_id(g[boost::target(e, g)]));
      NodeData article;
      article.type = "Article";
      article.name = ev.article;
      kv(w, "article", KnowledgeGraph::node_id(article));
      kv(w, "sentence", ev.sentence);
      w.Key("startOffset");
      w.Int64(ev.begin);
      w.Key("endOffset");
      w.Int64(ev.end);
      kv(w, "rule", ev.rule);
      w.Key("confidence");
      w.Double(ev.confidence);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  os << "\n";
}

}  // namespace doc2kg
