#include "doc2kg/graph_reader.hpp"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <unordered_map>
#include <memory>
#include <sstream>

#include "doc2kg/error.hpp"
#include "doc2kg/ontology.hpp"
#include "doc2kg/writer.hpp"

namespace doc2kg {

std::pair<std::string, std::string> split_node_id(const std::string& raw) {
  std::string id = raw;
  if (id.rfind(kNodeBaseIri, 0) == 0) id = id.substr(std::string(kNodeBaseIri).size());
  std::string decoded;
  for (size_t i = 0; i < id.size(); ++i) {
    if (id[i] == '%' && i + 2 < id.size() && std::isxdigit(static_cast<unsigned char>(id[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(id[i + 2]))) {
      decoded += static_cast<char>(std::stoi(id.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += id[i];
    }
  }
  size_t slash = decoded.find('/');
  if (slash == std::string::npos) return {"", decoded};
  return {decoded.substr(0, slash), decoded.substr(slash + 1)};
}

namespace {

void add_evidence_json(KnowledgeGraph& g, Vertex s, const std::string& relation, Vertex t, const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError() || !d.IsArray()) {
    g.relate(s, relation, t);
    return;
  }
  for (const auto& e : d.GetArray()) {
    if (!e.IsObject()) continue;
    Evidence ev;
    if (e.HasMember("article") && e["article"].IsString()) ev.article = e["article"].GetString();
    if (e.HasMember("sentence") && e["sentence"].IsString()) ev.sentence = e["sentence"].GetString();
    if (e.HasMember("begin") && e["begin"].IsInt64()) ev.begin = e["begin"].GetInt64();
    if (e.HasMember("end") && e["end"].IsInt64()) ev.end = e["end"].GetInt64();
    if (e.HasMember("rule") && e["rule"].IsString()) ev.rule = e["rule"].GetString();
    if (e.HasMember("confidence") && e["confidence"].IsNumber()) ev.confidence = e["confidence"].GetDouble();
    g.relate(s, relation, t, ev);
  }
}

// The GraphML data keys doc2kg reads back; any other key is skipped.
enum Field { kType, kName, kAliases, kTitle, kDate, kAuthor, kSource, kUnit, kMeasure, kPeriod, kQualifier,
             kValue, kInvestment, kRelation, kEvidence, kFieldCount, kIgnored = kFieldCount };
const char* const kFieldNames[] = {"type", "name", "aliases", "title", "date", "author", "source", "unit",
                                   "measure", "period", "qualifier", "value", "investment", "relation", "evidence"};
constexpr Field kProperties[] = {kTitle, kDate, kAuthor, kSource, kUnit, kMeasure, kPeriod, kQualifier};

struct Element {
  std::string kind, id, source, target, label;
  std::string values[kFieldCount];
  bool present[kFieldCount] = {};
  void reset(const std::string& k) {
    kind = k;
    for (int i = 0; i < kFieldCount; ++i) values[i].clear(), present[i] = false;
  }
};

void ignore_libxml_message(void*, const char*, ...) {}

// SAX2 callbacks build the graph as the file streams by: no tree, no copies
// of the document; memory is the graph's, not the file's.
class GraphMLHandler {
 public:
  static constexpr size_t kMaxValue = 10 * 1024 * 1024;  // as libxml2's own limit for one text node

  GraphMLHandler(const std::string& path, KnowledgeGraph& g) : path_(path), g_(g) {}

  void parse() {
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = [](void* ctx, const xmlChar* local, const xmlChar*, const xmlChar*, int, const xmlChar**,
                            int count, int, const xmlChar** attributes) {
      self(ctx)->start(reinterpret_cast<const char*>(local), count, attributes);
    };
    sax.endElementNs = [](void* ctx, const xmlChar* local, const xmlChar*, const xmlChar*) {
      self(ctx)->end(reinterpret_cast<const char*>(local));
    };
    sax.characters = [](void* ctx, const xmlChar* text, int len) { self(ctx)->text(reinterpret_cast<const char*>(text), len); };
    // A DOCTYPE could declare entities (XXE, expansion bombs): GraphML needs none, so it is refused.
    sax.internalSubset = [](void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
      self(ctx)->fail("a DOCTYPE is not allowed in GraphML");
    };
    sax.getEntity = [](void*, const xmlChar*) -> xmlEntityPtr { return nullptr; };
    // Errors come back through the context, not printed on stderr by libxml2.
    xmlSetGenericErrorFunc(nullptr, ignore_libxml_message);
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(
        xmlCreateIOParserCtxt(&sax, this, read_chunk, nullptr, this, XML_CHAR_ENCODING_NONE), xmlFreeParserCtxt);
    in_.open(path_, std::ios::binary);
    if (!in_ || !ctxt) throw Error(kExitInput, path_ + ": cannot open");
    ctxt_ = ctxt.get();
    xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int rc = xmlParseDocument(ctxt_);
    if (!error_.empty()) throw Error(kExitInput, error_);
    if (rc != 0 || !ctxt_->wellFormed) {
      const xmlError* e = xmlCtxtGetLastError(ctxt_);
      std::string message = e && e->message ? e->message : "malformed XML";
      while (!message.empty() && message.back() == '\n') message.pop_back();
      throw Error(kExitInput, path_ + ":" + std::to_string(e ? e->line : 0) + ":" + std::to_string(e ? e->int2 : 0) +
                                  ": malformed GraphML: " + message);
    }
  }

 private:
  static GraphMLHandler* self(void* user_data) { return static_cast<GraphMLHandler*>(user_data); }
  static int read_chunk(void* context, char* buffer, int len) {
    auto* h = static_cast<GraphMLHandler*>(context);
    h->in_.read(buffer, len);
    return static_cast<int>(h->in_.gcount());
  }

  void fail(const std::string& what) {
    if (error_.empty()) error_ = path_ + ":" + std::to_string(xmlSAX2GetLineNumber(ctxt_)) + ": " + what;
    xmlStopParser(ctxt_);
  }

  static std::string_view attribute(int count, const xmlChar** a, std::string_view name) {
    for (int i = 0; i < count; ++i, a += 5)
      if (name == reinterpret_cast<const char*>(a[0]))
        return {reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3])};
    return {};
  }

  void start(std::string_view n, int count, const xmlChar** a) {
    if (!error_.empty()) return;
    if (n == "data") {
      auto it = fields_.find(std::string(attribute(count, a, "key")));
      field_ = it == fields_.end() ? kIgnored : it->second;
      if (field_ != kIgnored) el_.present[field_] = true;
    } else if (n == "node" || n == "edge") {
      el_.reset(std::string(n));
      el_.id = attribute(count, a, "id");
      el_.source = attribute(count, a, "source");
      el_.target = attribute(count, a, "target");
      el_.label = attribute(count, a, "label");
      if (n == "node" && el_.id.empty()) fail("<node> without id");
      if (n == "edge" && (el_.source.empty() || el_.target.empty())) fail("<edge> without source or target");
    } else if (n == "key") {
      std::string_view name = attribute(count, a, "attr.name");
      auto known = std::find(std::begin(kFieldNames), std::end(kFieldNames), name);
      fields_[std::string(attribute(count, a, "id"))] =
          known == std::end(kFieldNames) ? kIgnored : static_cast<Field>(known - std::begin(kFieldNames));
    }
  }

  void text(const char* t, int len) {
    if (field_ == kIgnored || !error_.empty()) return;
    if (el_.values[field_].size() + static_cast<size_t>(len) > kMaxValue)  // bounded memory, whatever the file
      return fail(std::string("<data key=\"") + kFieldNames[field_] + "\"> longer than 10 MB");
    el_.values[field_].append(t, static_cast<size_t>(len));
  }

  void end(std::string_view n) {
    if (!error_.empty()) return;
    if (n == "data") field_ = kIgnored;
    else if (n == "node" || n == "edge") finish();
  }

  Vertex vertex(const std::string& id) {
    if (auto it = ids_.find(id); it != ids_.end()) return it->second;
    auto [type, key] = split_node_id(id);
    Vertex v = g_.node(type, key, key);
    ids_.emplace(id, v);
    return v;
  }

  void finish() {
    if (el_.kind == "node") {
      auto [type_from_id, key] = split_node_id(el_.id);
      std::string type = el_.present[kType] ? el_.values[kType] : type_from_id;
      std::string name = el_.present[kName] ? el_.values[kName] : key;
      Vertex v = g_.node(type, name, key);
      ids_[el_.id] = v;
      NodeData& nd = g_.graph()[v];
      nd.name = name;
      if (el_.present[kAliases]) {
        std::stringstream ss(el_.values[kAliases]);
        for (std::string alias; std::getline(ss, alias, '|');) g_.add_alias(v, alias);
      }
      for (Field p : kProperties)
        if (el_.present[p]) nd.properties[kFieldNames[p]] = el_.values[p];
      if (el_.present[kValue]) nd.value = std::strtod(el_.values[kValue].c_str(), nullptr);
      if (el_.present[kInvestment]) nd.numbers["investment"] = std::strtod(el_.values[kInvestment].c_str(), nullptr);
    } else if (el_.kind == "edge") {
      const std::string& relation = el_.present[kRelation] ? el_.values[kRelation] : el_.label;
      if (relation.empty()) return fail("<edge> without a relation");
      Vertex s = vertex(el_.source), t = vertex(el_.target);
      if (el_.present[kEvidence]) add_evidence_json(g_, s, relation, t, el_.values[kEvidence]);
      else g_.relate(s, relation, t);
    }
    el_.kind.clear();
  }

  const std::string& path_;
  KnowledgeGraph& g_;
  std::ifstream in_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  std::string error_;
  std::unordered_map<std::string, Field> fields_;  // key id -> field, from the <key> declarations
  std::unordered_map<std::string, Vertex> ids_;
  Element el_;
  Field field_ = kIgnored;
};

void read_graphml(const std::string& path, KnowledgeGraph& g) { GraphMLHandler(path, g).parse(); }

const char* property_of_term(const std::string& term) {
  if (term == "headline") return "title";
  if (term == "datePublished") return "date";
  if (term == "unitText") return "unit";
  for (const char* p : {"author", "source", "measure", "period", "qualifier"})
    if (term == p) return p;
  return nullptr;
}

void read_jsonld(const std::string& path, const std::string& text, KnowledgeGraph& g) {
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  if (d.HasParseError()) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < d.GetErrorOffset() && i < text.size(); ++i) {
      if (text[i] == '\n') line++, col = 1;
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    }
    throw Error(kExitInput, path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                ": malformed JSON-LD: " + rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject() || !d.HasMember("@graph") || !d["@graph"].IsArray())
    throw Error(kExitInput, path + ": not a doc2kg JSON-LD graph (no @graph array)");
  std::map<std::string, Vertex> ids;
  auto str = [](const rapidjson::Value& v) { return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : std::string(); };
  auto vertex = [&](const std::string& id) {
    if (auto it = ids.find(id); it != ids.end()) return it->second;
    auto [type, key] = split_node_id(id);
    Vertex v = g.node(type, key, key);
    ids.emplace(id, v);
    return v;
  };
  for (const auto& n : d["@graph"].GetArray()) {  // nodes first, so names are right
    if (!n.IsObject() || !n.HasMember("@id") || str(n["@type"]) == "Statement") continue;
    std::string id = str(n["@id"]);
    auto [type_from_id, key] = split_node_id(id);
    std::string type = n.HasMember("@type") ? str(n["@type"]) : type_from_id;
    std::string name = n.HasMember("name") ? str(n["name"]) : key;
    Vertex v = g.node(type, name, key);
    ids[id] = v;
    NodeData& nd = g.graph()[v];
    for (const auto& m : n.GetObject()) {
      std::string term(m.name.GetString(), m.name.GetStringLength());
      if (term == "alternateName" && m.value.IsArray()) {
        for (const auto& a : m.value.GetArray()) g.add_alias(v, str(a));
      } else if (term == "value" && m.value.IsNumber()) {
        nd.value = m.value.GetDouble();
      } else if (term == "investment" && m.value.IsNumber()) {
        nd.numbers["investment"] = m.value.GetDouble();
      } else if (const char* p = property_of_term(term); p && m.value.IsString()) {
        nd.properties[p] = str(m.value);
      }
    }
  }
  for (const auto& n : d["@graph"].GetArray()) {
    if (!n.IsObject()) continue;
    if (str(n["@type"]) == "Statement" && n.HasMember("subject") && n.HasMember("object") && n.HasMember("predicate")) {
      Evidence ev;
      if (n.HasMember("article")) ev.article = split_node_id(str(n["article"])).second;
      if (n.HasMember("sentence")) ev.sentence = str(n["sentence"]);
      if (n.HasMember("startOffset") && n["startOffset"].IsInt64()) ev.begin = n["startOffset"].GetInt64();
      if (n.HasMember("endOffset") && n["endOffset"].IsInt64()) ev.end = n["endOffset"].GetInt64();
      if (n.HasMember("rule")) ev.rule = str(n["rule"]);
      if (n.HasMember("confidence") && n["confidence"].IsNumber()) ev.confidence = n["confidence"].GetDouble();
      g.relate(vertex(str(n["subject"])), str(n["predicate"]), vertex(str(n["object"])), ev);
      continue;
    }
    if (!n.HasMember("@id")) continue;
    Vertex s = vertex(str(n["@id"]));
    for (const auto& m : n.GetObject()) {
      std::string term(m.name.GetString(), m.name.GetStringLength());
      if (!is_relation(term) || !m.value.IsArray()) continue;
      for (const auto& t : m.value.GetArray())
        if (t.IsString()) g.relate(s, term, vertex(str(t)));
    }
  }
}

}  // namespace

void read_graph_file(const std::string& path, KnowledgeGraph& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(kExitInput, path + ": cannot open");
  char first = 0;
  while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {
  }
  if (first == '<') {
    in.close();
    read_graphml(path, into);
    return;
  }
  if (first != '{') throw Error(kExitInput, path + ": neither GraphML nor JSON-LD");
  std::stringstream ss;
  ss << first << in.rdbuf();
  read_jsonld(path, ss.str(), into);
}

}  // namespace doc2kg
