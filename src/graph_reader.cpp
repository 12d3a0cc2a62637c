#include "doc2kg/graph_reader.hpp"

#include <libxml/xmlreader.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <map>
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

std::string attribute(xmlTextReaderPtr r, const char* name) {
  xmlChar* v = xmlTextReaderGetAttribute(r, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

void read_graphml(const std::string& path, KnowledgeGraph& g) {
  // No network, no DTD loading, no entity substitution: a GraphML file cannot
  // make us read another file or expand an entity bomb.
  std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)> reader(
      xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeTextReader);
  if (!reader) throw Error(kExitInput, path + ": cannot open");
  xmlTextReaderPtr r = reader.get();
  std::map<std::string, std::string> key_names;  // key id -> attr.name
  std::map<std::string, Vertex> ids;
  std::map<std::string, std::string> data;
  std::string element, current_key, source, target, label, node_id;
  auto fail = [&](const std::string& what) {
    throw Error(kExitInput, path + ":" + std::to_string(xmlTextReaderGetParserLineNumber(r)) + ": " + what);
  };
  auto vertex = [&](const std::string& id) {
    auto it = ids.find(id);
    if (it != ids.end()) return it->second;
    auto [type, key] = split_node_id(id);
    Vertex v = g.node(type, key, key);
    ids.emplace(id, v);
    return v;
  };
  int status;
  while ((status = xmlTextReaderRead(r)) == 1) {
    int kind = xmlTextReaderNodeType(r);
    const char* name = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(r));
    std::string n = name ? name : "";
    if (kind == XML_READER_TYPE_DOCUMENT_TYPE) fail("a DOCTYPE is not allowed in GraphML");
    if (kind == XML_READER_TYPE_ELEMENT) {
      if (n == "key") {
        key_names[attribute(r, "id")] = attribute(r, "attr.name");
      } else if (n == "node" || n == "edge") {
        element = n;
        data.clear();
        node_id = attribute(r, "id");
        source = attribute(r, "source");
        target = attribute(r, "target");
        label = attribute(r, "label");
        if (n == "node" && node_id.empty()) fail("<node> without id");
        if (n == "edge" && (source.empty() || target.empty())) fail("<edge> without source or target");
        if (xmlTextReaderIsEmptyElement(r)) goto close;
      } else if (n == "data") {
        std::string k = attribute(r, "key");
        current_key = key_names.count(k) ? key_names[k] : k;
        data[current_key];
      }
      continue;
    }
    if ((kind == XML_READER_TYPE_TEXT || kind == XML_READER_TYPE_CDATA || kind == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
        !current_key.empty()) {
      const char* v = reinterpret_cast<const char*>(xmlTextReaderConstValue(r));
      data[current_key] += v ? v : "";
      continue;
    }
    if (kind != XML_READER_TYPE_END_ELEMENT) continue;
    if (n == "data") {
      current_key.clear();
      continue;
    }
    if (n != "node" && n != "edge") continue;
  close:
    if (element == "node") {
      auto [type_from_id, key] = split_node_id(node_id);
      std::string type = data.count("type") ? data["type"] : type_from_id;
      std::string nm = data.count("name") ? data["name"] : key;
      Vertex v = g.node(type, nm, key);
      ids[node_id] = v;
      NodeData& nd = g.graph()[v];
      nd.name = nm;
      if (data.count("aliases")) {
        std::stringstream ss(data["aliases"]);
        for (std::string a; std::getline(ss, a, '|');) g.add_alias(v, a);
      }
      for (const char* p : {"title", "date", "author", "source", "unit", "measure", "period", "qualifier"})
        if (data.count(p)) nd.properties[p] = data[p];
      if (data.count("value")) nd.value = std::strtod(data["value"].c_str(), nullptr);
      if (data.count("investment")) nd.numbers["investment"] = std::strtod(data["investment"].c_str(), nullptr);
    } else if (element == "edge") {
      std::string relation = data.count("relation") ? data["relation"] : label;
      if (relation.empty()) fail("<edge> without a relation");
      Vertex s = vertex(source), t = vertex(target);
      if (data.count("evidence")) add_evidence_json(g, s, relation, t, data["evidence"]);
      else g.relate(s, relation, t);
    }
    element.clear();
  }
  if (status < 0) {
    const xmlError* e = xmlGetLastError();
    std::string message = e && e->message ? e->message : "malformed XML";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw Error(kExitInput, path + ":" + std::to_string(e ? e->line : 0) + ":" + std::to_string(e ? e->int2 : 0) +
                                ": malformed GraphML: " + message);
  }
}

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
