#include "doc2kg/graph_reader.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "doc2kg/error.hpp"
#include "document/ontology.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {
namespace {

constexpr size_t kMaxValue = 10 * 1024 * 1024;  // one GraphML value or JSON token, as libxml2's limit for a text node
constexpr size_t kMaxLine = 16 * 1024 * 1024;   // one N-Quads line
constexpr int kMaxDepth = 64;                   // JSON nesting; doc2kg writes at most 4 levels

// ---- the vocabulary, as readers look it up -----------------------------------

bool is_node_slot(Slot s) {
  return s == Slot::Name || s == Slot::Aliases || s == Slot::Text || s == Slot::Value || s == Slot::Number;
}

const PropertyDef* find_by(std::span<const PropertyDef> table, std::string_view PropertyDef::*field,
                           std::string_view v) {
  for (const PropertyDef& p : table)
    if (p.*field == v) return &p;
  return nullptr;
}

// A type as JSON-LD or N-Quads give it (District, vocab#District, schema:Article's IRI) -> District.
std::string type_of_term(std::string_view t) {
  if (t.starts_with(kVocabIri)) return percent_decode(t.substr(std::string_view(kVocabIri).size()));
  if (t.starts_with(kSchemaIri)) return std::string(t.substr(std::string_view(kSchemaIri).size()));
  return std::string(t);
}

// A relation as a term or an IRI (leadingIndustry, vocab#leadingIndustry, schema:mentions) -> its name.
std::string relation_of_term(std::string_view t) {
  if (t.starts_with(kVocabIri)) return percent_decode(t.substr(std::string_view(kVocabIri).size()));
  if (t == std::string(kSchemaIri) + "mentions") return "mentions";
  return std::string(t);
}

bool is_statement_type(std::string_view t) {
  return t == "Statement" || t == "rdf:Statement" || t == std::string(kRdfIri) + "Statement";
}

// Nodes by the id a file names them with; a node referenced before (or
// without) its own record is made from its id, and named when the record comes.
class NodeIds {
 public:
  explicit NodeIds(KnowledgeGraph& g) : g_(g) {}
  Vertex operator()(const std::string& id) {
    if (auto it = ids_.find(id); it != ids_.end()) return it->second;
    auto [type, key] = parse_node_id(id);
    Vertex v = g_.node(type, key, key);
    ids_.emplace(id, v);
    return v;
  }
  // The node's own record: its type (empty: from the id) and name (empty: the key).
  Vertex define(const std::string& id, const std::string& type, const std::string* name) {
    auto [type_from_id, key] = parse_node_id(id);
    Vertex v = g_.node(type.empty() ? type_from_id : type, name ? *name : key, key);
    if (name) g_.graph()[v].name = *name;
    ids_[id] = v;
    return v;
  }

 private:
  KnowledgeGraph& g_;
  std::unordered_map<std::string, Vertex> ids_;
};

// ---- bytes --------------------------------------------------------------------

// The bytes of a graph file, read once front to back in blocks; the first
// ones can be looked at before any is consumed (to tell the format).
class ByteSource {
 public:
  explicit ByteSource(std::istream& in) : in_(in) {}

  // The byte `ahead` bytes past the read position, or -1 past the end.
  int peek(size_t ahead = 0) {
    if (pos_ + ahead >= buf_.size() && !fill(ahead + 1)) return -1;
    return static_cast<unsigned char>(buf_[pos_ + ahead]);
  }
  int get() {
    int c = peek();
    if (c >= 0) ++pos_;
    return c;
  }
  size_t read(char* out, size_t n) {
    size_t done = 0;
    while (done < n && (pos_ < buf_.size() || fill(1))) {
      size_t k = std::min(n - done, buf_.size() - pos_);
      std::memcpy(out + done, buf_.data() + pos_, k);
      pos_ += k;
      done += k;
    }
    return done;
  }
  enum class Line { Ok, End, TooLong };
  // The next line without its "\n" or "\r\n".
  Line line(std::string& out, size_t max) {
    out.clear();
    bool any = false;
    while (pos_ < buf_.size() || fill(1)) {
      any = true;
      const char* start = buf_.data() + pos_;
      size_t avail = buf_.size() - pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
      size_t k = nl ? static_cast<size_t>(nl - start) : avail;
      // Checked before appending: a line without end (a binary file) fails at `max`
      // bytes instead of taking all memory.
      if (out.size() + k > max) return Line::TooLong;
      out.append(start, k);
      pos_ += k;
      if (nl) {
        ++pos_;
        break;
      }
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return any ? Line::Ok : Line::End;
  }
  uint64_t offset() const { return base_ + pos_; }
  bool at_end() { return peek() < 0; }
  bool failed() const { return in_.bad(); }

 private:
  static constexpr size_t kBlock = 64 * 1024;
  bool fill(size_t need) {
    if (pos_ > 0) {
      // Consumed bytes are dropped before more are read: memory is a block plus what
      // is being looked at, whatever the size of the file.
      buf_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    while (buf_.size() < need && !eof_) {
      size_t old = buf_.size();
      buf_.resize(old + kBlock);
      in_.read(buf_.data() + old, kBlock);
      size_t got = static_cast<size_t>(in_.gcount());
      buf_.resize(old + got);
      if (got == 0) eof_ = true;
    }
    return buf_.size() >= need;
  }

  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;  // offset of buf_[0] in the file
  bool eof_ = false;
};

enum class Kind { Empty, GraphML, JsonLd, NQuads, Unknown };

// The format from the first bytes: '{' JSON-LD; '<' followed by an absolute
// IRI and '>' (or a line starting with _: or #) N-Quads; other '<' GraphML.
Kind sniff(ByteSource& s) {
  constexpr size_t kLook = 64 * 1024;
  size_t i = 0;
  while (i < kLook && s.peek(i) >= 0 && std::isspace(s.peek(i))) ++i;
  int c = s.peek(i);
  if (c < 0) return Kind::Empty;
  if (c == '{') return Kind::JsonLd;
  // A blank node label or a comment: neither can start XML or JSON.
  if (c == '_' || c == '#') return Kind::NQuads;
  if (c != '<') return Kind::Unknown;
  // <https://…> or <urn:…>: a scheme, ':', and no space before '>'; XML's <graphml …>, <?xml, <g:graphml> are not.
  size_t j = i + 1, scheme_end = 0;
  for (; j < i + 4096; ++j) {
    int d = s.peek(j);
    if (d < 0 || d <= ' ' || d == '<' || d == '"') return Kind::GraphML;
    if (d == ':' && !scheme_end) scheme_end = j;
    if (d == '>') break;
  }
  if (!scheme_end || s.peek(j) != '>') return Kind::GraphML;
  // Only the IRIs N-Quads files start with (scheme://, urn:) count: <a:b> is an
  // XML element with a namespace prefix.
  bool hierarchical = s.peek(scheme_end + 1) == '/' && s.peek(scheme_end + 2) == '/';
  bool urn = scheme_end == i + 4 && s.peek(i + 1) == 'u' && s.peek(i + 2) == 'r' && s.peek(i + 3) == 'n';
  return hierarchical || urn ? Kind::NQuads : Kind::GraphML;
}

// ---- JSON (JSON-LD files, GraphML's evidence values) --------------------------

// Iterative, so nesting costs heap, never the stack; numbers as strings, so a
// value is parsed by set_value from the very text written; bad UTF-8 an error.
constexpr unsigned kJsonFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;

// A RapidJSON input stream over a ByteSource that knows its line and column
// and stops (as an end of input) after kMaxValue bytes without a value.
class JsonStream {
 public:
  using Ch = char;
  explicit JsonStream(ByteSource& s) : s_(s) {}
  Ch Peek() {
    // An end of input as RapidJSON sees it; read_jsonld then reports the size,
    // not the parser's "unexpected end".
    if (run_ > kMaxValue) return '\0';
    int c = s_.peek();
    return c < 0 ? '\0' : static_cast<Ch>(c);
  }
  Ch Take() {
    int c = s_.get();
    if (c < 0) return '\0';
    ++run_;
    // Columns count characters: UTF-8 continuation bytes do not advance them.
    if (c == '\n')
      ++line_, column_ = 1;
    else if ((c & 0xC0) != 0x80)
      ++column_;
    return static_cast<Ch>(c);
  }
  size_t Tell() const { return static_cast<size_t>(s_.offset()); }
  Ch* PutBegin() { return nullptr; }  // the non-insitu reader never writes to its input
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

  void value_seen() { run_ = 0; }
  bool too_long() const { return run_ > kMaxValue; }
  std::string where() const { return std::to_string(line_) + ":" + std::to_string(column_); }

 private:
  ByteSource& s_;
  size_t run_ = 0, line_ = 1, column_ = 1;
};

// One JSON scalar as its text: a string's value or a number's lexical form.
struct Scalar {
  enum Kind { Text, Number, Other } kind = Other;
  std::string text;
};

// The nesting bound every JSON handler here keeps.
struct DepthGuard {
  int depth = 0;
  std::string error;
  bool enter() {
    if (++depth <= kMaxDepth) return true;
    error = "nested deeper than " + std::to_string(kMaxDepth) + " levels";
    return false;
  }
  void leave() { --depth; }
};

// GraphML's `evidence` value: a JSON array of objects with the evidence
// properties by name (article, sentence, begin, end, rule, confidence).
class EvidenceHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EvidenceHandler> {
 public:
  std::vector<Evidence> evidence;
  DepthGuard guard;
  bool root_is_array = false;

  bool StartArray() {
    // Depth 1 is inside the array, one object per piece of evidence; depth 2 holds
    // its members. Unknown keys are ignored, so a file with more properties reads.
    if (guard.depth == 0) root_is_array = true;
    return guard.enter();
  }
  bool EndArray(rapidjson::SizeType) { return guard.leave(), true; }
  bool StartObject() {
    if (guard.depth == 1) current_ = Evidence{};
    return guard.enter();
  }
  bool EndObject(rapidjson::SizeType) {
    guard.leave();
    if (guard.depth == 1) evidence.push_back(current_);
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key_.assign(s, n);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) { return scalar(std::string_view(s, n)); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return scalar(std::string_view(s, n)); }
  bool Default() { return true; }

 private:
  bool scalar(std::string_view text) {
    if (guard.depth == 2)
      if (const PropertyDef* p = find_by(evidence_properties(), &PropertyDef::name, key_))
        set_value(current_, *p, text);
    return true;
  }
  Evidence current_;
  std::string key_;
};

// A JSON-LD graph as doc2kg writes it: {"@context": …, "@graph": [NODE…]},
// a NODE an object of terms whose values are strings, numbers, value or node
// objects ({"@value": …}, {"@id": …}) or arrays of them. Each node record is
// added to the graph when it closes; anything else is skipped (depth counted).
class JsonLdHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonLdHandler> {
 public:
  JsonLdHandler(KnowledgeGraph& g, JsonStream& stream) : g_(g), ids_(g), stream_(stream) {}
  DepthGuard guard;
  bool saw_graph = false;

  bool StartObject() { return open(true); }
  bool StartArray() { return open(false); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    stream_.value_seen();
    frames_.back().key.assign(s, n);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) { return scalar({Scalar::Text, std::string(s, n)}); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return scalar({Scalar::Number, std::string(s, n)}); }
  bool Default() { return scalar({}); }

 private:
  enum class Frame { Root, Graph, Node, ValueObject, Array, ArrayValueObject, Skipped };
  struct Open {
    Frame frame;
    std::string key;  // the last key read in this object
  };
  struct Member {
    std::string key;
    std::vector<Scalar> values;
  };

  bool open(bool object) {
    stream_.value_seen();
    if (!guard.enter()) return false;
    // Only the shapes doc2kg writes get a frame of their own; anything else is
    // Skipped, its content counted for depth and otherwise ignored.
    Frame parent = frames_.empty() ? Frame::Skipped : frames_.back().frame;
    Frame f = Frame::Skipped;
    if (frames_.empty())
      f = object ? Frame::Root : Frame::Skipped;
    else if (parent == Frame::Root && !object && frames_.back().key == "@graph")
      f = Frame::Graph, saw_graph = true;
    else if (parent == Frame::Graph && object)
      // A node's members are kept until it closes: JSON does not order keys, so @id
      // and @type may come after the properties in a file another tool wrote.
      f = Frame::Node, members_.clear();
    else if (parent == Frame::Node)
      f = object ? Frame::ValueObject : Frame::Array;
    else if (parent == Frame::Array && object)
      f = Frame::ArrayValueObject;
    if (f == Frame::ValueObject || f == Frame::Array) members_.push_back({frames_.back().key, {}});
    if (f == Frame::ValueObject || f == Frame::ArrayValueObject) inner_ = Scalar{};
    frames_.push_back({f, {}});
    return true;
  }

  bool close() {
    stream_.value_seen();
    guard.leave();
    Frame f = frames_.back().frame;
    frames_.pop_back();
    if (f == Frame::Node)
      add_node();
    else if (f == Frame::ValueObject || f == Frame::ArrayValueObject)
      members_.back().values.push_back(inner_);
    return true;
  }

  bool scalar(Scalar v) {
    stream_.value_seen();
    if (frames_.empty()) return true;
    Open& top = frames_.back();
    switch (top.frame) {
      case Frame::Node:
        members_.push_back({top.key, {std::move(v)}});
        break;
      case Frame::Array:
        members_.back().values.push_back(std::move(v));
        break;
      case Frame::ValueObject:
      case Frame::ArrayValueObject:
        if (top.key == "@value" || top.key == "@id") inner_ = std::move(v);
        break;
      default:
        break;
    }
    return true;
  }

  const Scalar* first(std::string_view key) const {
    for (const Member& m : members_)
      if (m.key == key && !m.values.empty()) return &m.values.front();
    return nullptr;
  }

  void add_node() {
    const Scalar* id = first("@id");
    const Scalar* type = first("@type");
    if (type && type->kind == Scalar::Text && is_statement_type(type->text)) return add_statement();
    if (!id || id->kind != Scalar::Text) return;
    const Scalar* name = first("name");
    std::string name_text = name && name->kind == Scalar::Text ? name->text : "";
    Vertex v = ids_.define(id->text, type && type->kind == Scalar::Text ? type_of_term(type->text) : "",
                           name && name->kind == Scalar::Text ? &name_text : nullptr);
    for (const Member& m : members_) {
      if (m.key.empty() || m.key[0] == '@') continue;
      const PropertyDef* p = find_by(node_properties(), &PropertyDef::term, m.key);
      if (p && is_node_slot(p->slot)) {
        // The name went to define() above, with the id.
        if (p->slot == Slot::Name) continue;
        for (const Scalar& s : m.values)
          if (s.kind != Scalar::Other) set_value(g_.graph()[v], *p, s.text);    // a non-number for a number is left out
      } else if (is_relation(m.key) || m.key.find(':') != std::string::npos) {  // a relation, by term or IRI
        // Without a node record for the target, ids_ makes one from the id alone.
        std::string relation = relation_of_term(m.key);
        for (const Scalar& s : m.values)
          if (s.kind == Scalar::Text) g_.relate(v, relation, ids_(s.text));
      }
    }
  }

  void add_statement() {
    const Scalar *s = first("subject"), *p = first("predicate"), *o = first("object");
    if (!s || !p || !o || s->kind != Scalar::Text || p->kind != Scalar::Text || o->kind != Scalar::Text) return;
    Evidence ev;
    for (const Member& m : members_)
      if (const PropertyDef* def = find_by(evidence_properties(), &PropertyDef::term, m.key))
        if (!m.values.empty() && m.values.front().kind != Scalar::Other) set_value(ev, *def, m.values.front().text);
    // relate() makes the edge when no node record stated it, so the evidence alone
    // is enough to restore a fact.
    g_.relate(ids_(s->text), relation_of_term(p->text), ids_(o->text), ev);
  }

  KnowledgeGraph& g_;
  NodeIds ids_;
  JsonStream& stream_;
  std::vector<Open> frames_;
  std::vector<Member> members_;  // of the node being read
  Scalar inner_;                 // the @value or @id of the value object being read
};

void read_jsonld(ByteSource& source, const std::string& name, KnowledgeGraph& g) {
  JsonStream stream(source);
  JsonLdHandler handler(g, stream);
  rapidjson::Reader reader;
  rapidjson::ParseResult r = reader.Parse<kJsonFlags>(stream, handler);
  std::string what;
  if (stream.too_long())
    what = "more than 10 MB in one value";
  else if (!handler.guard.error.empty())
    what = handler.guard.error;
  else if (r.IsError())
    what = rapidjson::GetParseError_En(r.Code());
  else if (!source.at_end())
    // Trailing bytes are an error: two files run together must not read as the first.
    what = "bytes after the end of the JSON document";
  if (!what.empty())
    throw Error(ErrorKind::Input, name + ":" + stream.where() + ": malformed JSON-LD: " + what + " (byte " +
                                      std::to_string(source.offset()) + ")");
  if (!handler.saw_graph) throw Error(ErrorKind::Input, name + ": not a doc2kg JSON-LD graph (no @graph array)");
}

// ---- GraphML ------------------------------------------------------------------

void ignore_libxml_message(void*, const char*, ...) {}

// SAX2 callbacks build the graph as the file streams by: no tree, no copies
// of the document; memory is the graph's, not the file's.
class GraphMLHandler {
 public:
  GraphMLHandler(ByteSource& source, const std::string& name, KnowledgeGraph& g)
      : source_(source), name_(name), g_(g), ids_(g) {
    size_t fields = kFirstProperty + node_properties().size();
    values_.resize(fields);
    present_.resize(fields);
  }

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
    sax.characters = [](void* ctx, const xmlChar* text, int len) {
      self(ctx)->text(reinterpret_cast<const char*>(text), len);
    };
    // A DOCTYPE could declare entities (XXE, expansion bombs): GraphML needs none, so it is refused.
    sax.internalSubset = [](void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
      self(ctx)->fail("a DOCTYPE is not allowed in GraphML");
    };
    sax.getEntity = [](void*, const xmlChar*) -> xmlEntityPtr { return nullptr; };
    // Errors come back through the context, not printed on stderr by libxml2.
    xmlSetGenericErrorFunc(nullptr, ignore_libxml_message);
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(
        xmlCreateIOParserCtxt(&sax, this, read_chunk, nullptr, this, XML_CHAR_ENCODING_NONE), xmlFreeParserCtxt);
    if (!ctxt) throw Error(ErrorKind::Input, name_ + ": cannot start the XML parser");
    ctxt_ = ctxt.get();
    xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int rc = xmlParseDocument(ctxt_);
    if (!error_.empty()) throw Error(ErrorKind::Input, error_);
    if (rc != 0 || !ctxt_->wellFormed) {
      const xmlError* e = xmlCtxtGetLastError(ctxt_);
      std::string message = e && e->message ? e->message : "malformed XML";
      while (!message.empty() && message.back() == '\n') message.pop_back();
      throw Error(ErrorKind::Input, name_ + ":" + std::to_string(e ? e->line : 0) + ":" +
                                        std::to_string(e ? e->int2 : 0) + ": malformed GraphML: " + message);
    }
  }

 private:
  // Fields read back: a node's type, an edge's relation and evidence, then vocabulary.hpp's node properties.
  enum : int { kIgnored = -1, kType = 0, kRelation = 1, kEvidence = 2, kFirstProperty = 3 };

  static GraphMLHandler* self(void* user_data) { return static_cast<GraphMLHandler*>(user_data); }
  static int read_chunk(void* context, char* buffer, int len) {
    return static_cast<int>(static_cast<GraphMLHandler*>(context)->source_.read(buffer, static_cast<size_t>(len)));
  }

  void fail(const std::string& what) {
    if (error_.empty()) error_ = name_ + ":" + std::to_string(xmlSAX2GetLineNumber(ctxt_)) + ": " + what;
    xmlStopParser(ctxt_);
  }

  static std::string_view attribute(int count, const xmlChar** a, std::string_view name) {
    for (int i = 0; i < count; ++i, a += 5)
      if (name == reinterpret_cast<const char*>(a[0]))
        return {reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3])};
    return {};
  }

  static int field_of(std::string_view attr_name) {
    if (attr_name == "type") return kType;
    if (attr_name == "relation") return kRelation;
    if (attr_name == "evidence") return kEvidence;
    auto props = node_properties();
    for (size_t i = 0; i < props.size(); ++i)
      if (props[i].name == attr_name) return kFirstProperty + static_cast<int>(i);
    return kIgnored;
  }

  void start(std::string_view n, int count, const xmlChar** a) {
    if (!error_.empty()) return;
    if (n == "data") {
      auto it = fields_.find(std::string(attribute(count, a, "key")));
      field_ = it == fields_.end() ? kIgnored : it->second;
      if (field_ != kIgnored) present_[field_] = true;
    } else if (n == "node" || n == "edge") {
      kind_ = n;
      std::fill(present_.begin(), present_.end(), false);
      for (auto& v : values_) v.clear();
      id_ = attribute(count, a, "id");
      source_id_ = attribute(count, a, "source");
      target_id_ = attribute(count, a, "target");
      label_ = attribute(count, a, "label");
      if (n == "node" && id_.empty()) fail("<node> without id");
      if (n == "edge" && (source_id_.empty() || target_id_.empty())) fail("<edge> without source or target");
    } else if (n == "key") {
      // Keys map by attr.name, not id: another tool may number its keys (d0, d1 ...).
      fields_[std::string(attribute(count, a, "id"))] = field_of(attribute(count, a, "attr.name"));
    }
  }

  void text(const char* t, int len) {
    if (field_ == kIgnored || !error_.empty()) return;
    if (values_[field_].size() + static_cast<size_t>(len) > kMaxValue)  // bounded memory, whatever the file
      return fail("a <data> value longer than 10 MB");
    values_[field_].append(t, static_cast<size_t>(len));
  }

  void end(std::string_view n) {
    if (!error_.empty()) return;
    if (n == "data")
      field_ = kIgnored;
    else if (n == "node" || n == "edge")
      finish();
  }

  void finish() {
    if (kind_ == "node") {
      auto props = node_properties();
      const std::string* name = nullptr;
      for (size_t i = 0; i < props.size(); ++i)
        if (props[i].slot == Slot::Name && present_[kFirstProperty + i]) name = &values_[kFirstProperty + i];
      Vertex v = ids_.define(id_, present_[kType] ? values_[kType] : "", name);
      NodeData& nd = g_.graph()[v];
      for (size_t i = 0; i < props.size(); ++i) {
        const PropertyDef& p = props[i];
        const std::string& value = values_[kFirstProperty + i];
        if (!present_[kFirstProperty + i] || p.slot == Slot::Name) continue;
        if (p.slot == Slot::Aliases) {
          for (size_t from = 0; from <= value.size();) {
            // '|' joins aliases in GraphML (Slot::Aliases); empty pieces are skipped.
            size_t bar = std::min(value.find('|', from), value.size());
            if (bar > from) set_value(nd, p, std::string_view(value).substr(from, bar - from));
            from = bar + 1;
          }
        } else if (!set_value(nd, p, value)) {
          return fail("<data key=\"" + std::string(p.name) + "\"> of node " + id_ + ": \"" + value.substr(0, 40) +
                      "\" is not a number");
        }
      }
    } else if (kind_ == "edge") {
      // A GraphML file without the relation key (APOC's export) names it in label=.
      const std::string& relation = present_[kRelation] ? values_[kRelation] : label_;
      if (relation.empty()) return fail("<edge> without a relation");
      Vertex s = ids_(source_id_), t = ids_(target_id_);
      g_.relate(s, relation, t);
      if (present_[kEvidence]) {
        const std::string& json = values_[kEvidence];
        rapidjson::MemoryStream ms(json.data(), json.size());
        EvidenceHandler h;
        rapidjson::Reader reader;
        rapidjson::ParseResult r = reader.Parse<kJsonFlags>(ms, h);
        std::string what = !h.guard.error.empty() ? h.guard.error
                           : r.IsError()          ? rapidjson::GetParseError_En(r.Code())
                           : !h.root_is_array     ? "not a JSON array"
                                                  : "";
        if (!what.empty())
          return fail("<data key=\"evidence\"> of edge " + source_id_ + " -> " + target_id_ + ": " + what + " (byte " +
                      std::to_string(r.IsError() ? r.Offset() : ms.Tell()) + " of the value)");
        for (const Evidence& ev : h.evidence) g_.relate(s, relation, t, ev);
      }
    }
    kind_.clear();
  }

  ByteSource& source_;
  const std::string& name_;
  KnowledgeGraph& g_;
  NodeIds ids_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  std::string error_;
  std::unordered_map<std::string, int> fields_;  // key id -> field, from the <key> declarations
  std::string kind_, id_, source_id_, target_id_, label_;
  std::vector<std::string> values_;
  std::vector<bool> present_;
  int field_ = kIgnored;
};

// ---- N-Quads ------------------------------------------------------------------

struct Term {
  enum Kind { Iri, Blank, Literal } kind = Iri;
  std::string text;      // the IRI, label or lexical form, unescaped
  std::string datatype;  // of a literal ("" for a plain or language-tagged one)
};

// One N-Quads line (W3C N-Quads: IRIs, blank nodes, literals with datatype or
// language, \u escapes); errors as (byte in the line, message).
class QuadParser {
 public:
  struct Failure {
    size_t at;
    std::string what;
  };
  explicit QuadParser(std::string_view line) : s_(line) {}

  // The terms of the quad (3 or 4); none for a blank or comment line.
  std::vector<Term> parse() {
    std::vector<Term> terms;
    space();
    if (i_ == s_.size() || s_[i_] == '#') return terms;
    terms.push_back(term("subject", false));
    if (terms[0].kind == Term::Literal) throw Failure{start_, "a literal cannot be a subject"};
    space();
    terms.push_back(term("predicate", false));
    if (terms[1].kind != Term::Iri) throw Failure{start_, "a predicate must be an IRI"};
    space();
    terms.push_back(term("object", true));
    space();
    if (i_ < s_.size() && s_[i_] != '.') {
      terms.push_back(term("graph label", false));
      if (terms[3].kind == Term::Literal) throw Failure{start_, "a literal cannot be a graph label"};
      space();
    }
    if (i_ == s_.size() || s_[i_] != '.') throw Failure{i_, "expected '.' at the end of the quad"};
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] != '#') throw Failure{i_, "expected the end of the line after '.'"};
    return terms;
  }

 private:
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }

  Term term(const char* what, bool literal_allowed) {
    start_ = i_;
    if (i_ == s_.size()) throw Failure{i_, std::string("expected the ") + what};
    char c = s_[i_];
    if (c == '<') return {Term::Iri, iri(), ""};
    if (c == '_' && i_ + 1 < s_.size() && s_[i_ + 1] == ':') {
      size_t from = i_ += 2;
      while (i_ < s_.size() && s_[i_] != ' ' && s_[i_] != '\t' && s_[i_] != '<' && s_[i_] != '"') ++i_;
      // Trailing dots belong to the quad: "_:b1." is label b1 and the end of the quad.
      while (i_ > from && s_[i_ - 1] == '.') --i_;  // a label does not end in '.'
      if (i_ == from) throw Failure{start_, "empty blank node label"};
      return {Term::Blank, std::string(s_.substr(from, i_ - from)), ""};
    }
    if (c == '"' && literal_allowed) {
      Term t{Term::Literal, quoted(), ""};
      if (s_.substr(i_, 2) == "^^") {
        i_ += 2;
        if (i_ == s_.size() || s_[i_] != '<') throw Failure{i_, "expected a datatype IRI after ^^"};
        t.datatype = iri();
      } else if (i_ < s_.size() && s_[i_] == '@') {
        size_t from = ++i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-')) ++i_;
        if (i_ == from || !std::isalpha(static_cast<unsigned char>(s_[from])))
          throw Failure{from, "malformed language tag"};
      }
      return t;
    }
    throw Failure{i_, std::string("expected the ") + what};
  }

  std::string iri() {
    std::string out;
    for (++i_; i_ < s_.size() && s_[i_] != '>'; ++i_) {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      // The characters N-Quads' IRIREF excludes; a '\' only as a \u or \U escape.
      if (c <= 0x20 || std::string_view("<\"{}|^`").find(static_cast<char>(c)) != std::string_view::npos)
        throw Failure{i_, "character not allowed in an IRI"};
      if (c == '\\') {
        if (i_ + 1 >= s_.size() || (s_[i_ + 1] != 'u' && s_[i_ + 1] != 'U')) throw Failure{i_, "bad escape in an IRI"};
        ++i_;
        unicode(out);
      } else {
        out += static_cast<char>(c);
      }
    }
    if (i_ == s_.size()) throw Failure{start_, "IRI without its closing '>'"};
    ++i_;
    if (out.empty()) throw Failure{start_, "empty IRI"};
    return out;
  }

  std::string quoted() {
    std::string out;
    for (++i_; i_ < s_.size() && s_[i_] != '"'; ++i_) {
      char c = s_[i_];
      if (c == '\n' || c == '\r') throw Failure{i_, "line break in a literal"};
      if (c != '\\') {
        out += c;
        continue;
      }
      if (++i_ == s_.size()) break;
      switch (s_[i_]) {
        case 't':
          out += '\t';
          break;
        case 'b':
          out += '\b';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 'f':
          out += '\f';
          break;
        case '"':
          out += '"';
          break;
        case '\'':
          out += '\'';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u':
        case 'U':
          unicode(out);
          break;
        default:
          throw Failure{i_ - 1, "unknown escape in a literal"};
      }
    }
    if (i_ >= s_.size()) throw Failure{start_, "literal without its closing '\"'"};
    ++i_;
    return out;
  }

  // \uXXXX or \UXXXXXXXX at s_[i_] ('u' or 'U'), as UTF-8; i_ ends on its last digit.
  void unicode(std::string& out) {
    size_t digits = s_[i_] == 'u' ? 4 : 8, at = i_ - 1;
    if (i_ + digits >= s_.size()) throw Failure{at, "\\u escape cut short"};
    uint32_t cp = 0;
    for (size_t k = 1; k <= digits; ++k) {
      char h = s_[i_ + k];
      int v = h >= '0' && h <= '9'   ? h - '0'
              : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                     : -1;
      if (v < 0) throw Failure{at, "\\u escape with a non-hex digit"};
      cp = cp * 16 + static_cast<uint32_t>(v);
    }
    i_ += digits;
    // A surrogate cannot be written as UTF-8, and beyond U+10FFFF is no character.
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      throw Failure{at, "\\u escape of a code point that is not a character"};
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string_view s_;
  size_t i_ = 0, start_ = 0;
};

// doc2kg's N-Quads (nquads_writer.hpp) read line by line: quads about nodes
// (rdf:type, the node properties, relations to other nodes) go into the graph
// at once; the quads of an evidence statement (rdf:Statement) are gathered
// until its subject changes (the writer's sorted lines keep them together),
// or to the end of the file when they are not together. Quads about subjects
// that are not doc2kg's (outside kNodeBaseIri, blank nodes) are skipped.
class NQuadsReader {
 public:
  NQuadsReader(ByteSource& source, const std::string& name, KnowledgeGraph& g)
      : source_(source), name_(name), g_(g), ids_(g) {
    for (const PropertyDef& p : node_properties()) predicates_[std::string(p.iri)] = {Action::NodeProperty, &p};
    for (const PropertyDef& p : evidence_properties()) predicates_[std::string(p.iri)] = {Action::EvidenceProperty, &p};
    const std::string rdf(kRdfIri);
    // One table from predicate IRI to what it does, so each quad costs one lookup.
    predicates_[rdf + "type"] = {Action::Type, nullptr};
    predicates_[rdf + "subject"] = {Action::Subject, nullptr};
    predicates_[rdf + "predicate"] = {Action::Predicate, nullptr};
    predicates_[rdf + "object"] = {Action::Object, nullptr};
  }

  void read() {
    std::string text;
    size_t line = 0;
    for (;;) {
      ByteSource::Line got = source_.line(text, kMaxLine);
      ++line;
      if (got == ByteSource::Line::End) break;
      if (got == ByteSource::Line::TooLong)
        throw Error(ErrorKind::Input, name_ + ":" + std::to_string(line) + ": a line longer than 16 MB");
      std::vector<Term> terms;
      try {
        terms = QuadParser(text).parse();
      } catch (const QuadParser::Failure& f) {
        size_t column = 1;
        for (size_t k = 0; k < f.at && k < text.size(); ++k)
          // Column in characters, as an editor counts it, though the parser counts bytes.
          if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++column;
        throw Error(ErrorKind::Input, name_ + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                          ": malformed N-Quads: " + f.what);
      }
      if (!terms.empty()) add(terms[0], terms[1], terms[2]);
    }
    flush_statements();
    // Aliases may come before the name (sorted lines): none may equal it.
    for (auto [it, end] = boost::vertices(g_.graph()); it != end; ++it) {
      NodeData& n = g_.graph()[*it];
      std::erase(n.aliases, n.name);
    }
  }

 private:
  enum class Action { NodeProperty, EvidenceProperty, Type, Subject, Predicate, Object };
  struct Predicate {
    Action action;
    const PropertyDef* property;
  };
  struct Statement {
    std::string subject, relation, object;
    Evidence evidence;
    unsigned seen = 0;  // a bit per rdf:subject/predicate/object and per evidence property
  };

  static bool is_node(const Term& t) {
    return t.kind == Term::Iri && std::string_view(t.text).starts_with(kNodeBaseIri);
  }

  static constexpr unsigned kFact = 7u;  // rdf:subject, rdf:predicate, rdf:object
  static unsigned complete() { return (1u << (3 + evidence_properties().size())) - 1; }

  // The statement `iri`; the one before it is added when it is complete.
  Statement& statement(const std::string& iri) {
    if (iri != current_) {
      // Added early only when complete; an incomplete one waits for the end, when the
      // rest of its quads may have come elsewhere in the file.
      if (auto it = pending_.find(current_); it != pending_.end() && it->second.seen == complete())
        add(it->second), pending_.erase(it);
      current_ = iri;
    }
    return pending_[iri];
  }
  void add(const Statement& st) { g_.relate(ids_(st.subject), st.relation, ids_(st.object), st.evidence); }

  // At the end: every statement that names its fact.
  void flush_statements() {
    for (const auto& [iri, st] : pending_)
      if ((st.seen & kFact) == kFact) add(st);
    pending_.clear();
  }

  void add(const Term& s, const Term& p, const Term& o) {
    if (!is_node(s)) return;
    auto it = predicates_.find(p.text);
    if (it == predicates_.end()) {  // a relation between two nodes
      if (!is_node(o)) return;
      // Only doc2kg's relations: owl:sameAs or a foreign predicate is not a fact of ours.
      if (!std::string_view(p.text).starts_with(kVocabIri) && p.text != std::string(kSchemaIri) + "mentions") return;
      g_.relate(ids_(s.text), relation_of_term(p.text), ids_(o.text));
      return;
    }
    switch (it->second.action) {
      case Action::Type:
        if (o.kind == Term::Iri && is_statement_type(o.text))
          statement(s.text);
        else
          ids_(s.text);
        break;
      case Action::NodeProperty:
        set_value(g_.graph()[ids_(s.text)], *it->second.property, o.text);  // a non-number for a number is left out
        break;
      case Action::EvidenceProperty: {
        auto props = evidence_properties();
        Statement& st = statement(s.text);
        // Bits 0-2 are the fact's subject, predicate and object (kFact); from bit 3 one
        // per evidence property, in table order, so complete() can tell all are present.
        if (set_value(st.evidence, *it->second.property, o.text)) st.seen |= 8u << (it->second.property - props.data());
        break;
      }
      case Action::Subject:
      case Action::Object:
        if (is_node(o)) {
          Statement& st = statement(s.text);
          (it->second.action == Action::Subject ? st.subject : st.object) = o.text;
          st.seen |= it->second.action == Action::Subject ? 1u : 4u;
        }
        break;
      case Action::Predicate:
        if (o.kind == Term::Iri) {
          Statement& st = statement(s.text);
          st.relation = relation_of_term(o.text);
          st.seen |= 2u;
        }
        break;
    }
  }

  ByteSource& source_;
  const std::string& name_;
  KnowledgeGraph& g_;
  NodeIds ids_;
  std::unordered_map<std::string, Predicate> predicates_;
  std::map<std::string, Statement> pending_;
  std::string current_;
};

}  // namespace

void read_graph(std::istream& in, const std::string& name, KnowledgeGraph& into) {
  ByteSource source(in);
  switch (sniff(source)) {
    case Kind::Empty:
      throw Error(ErrorKind::Input, name + ": empty; not a graph");
    case Kind::Unknown:
      throw Error(ErrorKind::Input, name + ": not a graph doc2kg wrote (neither GraphML, JSON-LD nor N-Quads)");
    case Kind::GraphML:
      GraphMLHandler(source, name, into).parse();
      break;
    case Kind::JsonLd:
      read_jsonld(source, name, into);
      break;
    case Kind::NQuads:
      NQuadsReader(source, name, into).read();
      break;
  }
  // A read error would look like an early end of file: say so, or half a graph
  // would pass as the whole.
  if (source.failed()) throw Error(ErrorKind::Input, name + ": read error");
}

void read_graph_file(const std::string& path, KnowledgeGraph& into) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorKind::Input, path + ": is a directory, not a graph file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Input, path + ": cannot open (" + std::strerror(errno) + ")");
  read_graph(in, path, into);
}

}  // namespace doc2kg
