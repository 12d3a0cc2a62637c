#include "doc2kg/html_reader.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/regex.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <vector>

#include "doc2kg/error.hpp"
#include "doc2kg/reader.hpp"
#include "doc2kg/text.hpp"

namespace doc2kg {
namespace {

// One regex engine, ICU's: compiled once, a matcher per search (patterns are shared read-only).
std::unique_ptr<icu::RegexPattern> compile(const icu::UnicodeString& pattern) {
  UParseError pe{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(pattern, 0, pe, status));
  if (U_FAILURE(status)) throw Error(kExitRules, "bad web page pattern: " + to_utf8(pattern));
  return p;
}

bool search(const icu::RegexPattern& pattern, const icu::UnicodeString& input) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(input, status));
  return U_SUCCESS(status) && m->find(status);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string name_of(const xmlNode* n) { return n->name ? lower(reinterpret_cast<const char*>(n->name)) : ""; }

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string text_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string collapse(const std::string& s) {  // white space runs (and &nbsp;) -> one space, trimmed
  icu::UnicodeString u = from_utf8(s), out;
  bool space = false;
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    bool ws = u_isWhitespace(c) || c == 0xA0 || c == 0x3000;
    if (ws) {
      space = !out.isEmpty();
      continue;
    }
    if (space) out.append(u' ');
    space = false;
    out.append(c);
  }
  return to_utf8(out);
}

bool is_block(const std::string& tag) {
  static const char* blocks[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
                                 "article", "blockquote", "table", "ul", "ol", "dd", "dt", "pre", "td", "main"};
  return std::find(std::begin(blocks), std::end(blocks), tag) != std::end(blocks);
}

// Page furniture: never the article.
bool is_furniture(const xmlNode* n) {
  static const char* tags[] = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form",
                               "iframe", "button", "select", "svg", "template", "head", "menu"};
  std::string tag = name_of(n);
  if (std::find(std::begin(tags), std::end(tags), tag) != std::end(tags)) return true;
  std::string marks = lower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role"));
  static const auto furniture = compile(
      u"(^|[ _-])(nav|navbar|menu|footer|header|breadcrumb|crumb|share|sharing|sidebar|side|comment|comments|"
      u"copyright|related|recommend|ad|ads|banner|toolbar|topbar|login|search|qrcode|print|pager|pagination|"
      u"navigation)([ _-]|$)");
  return search(*furniture, from_utf8(marks));
}

struct Text {
  std::vector<std::string> paragraphs;
  std::string current;
  void flush() {
    std::string p = collapse(current);
    if (!p.empty()) paragraphs.push_back(p);
    current.clear();
  }
};

void collect(const xmlNode* n, Text& out) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out.current += reinterpret_cast<const char*>(c->content ? c->content : reinterpret_cast<const xmlChar*>(""));
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || is_furniture(c)) continue;  // comments and furniture dropped
    bool block = is_block(name_of(c));
    if (block) out.flush();
    collect(c->children, out);
    if (block) out.flush();
  }
}

// Characters of Chinese text inside a node, furniture excluded: picks the main content.
size_t han_chars(const xmlNode* n) {
  size_t count = 0;
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      icu::UnicodeString u = from_utf8(reinterpret_cast<const char*>(c->content));
      for (int32_t i = 0; i < u.length(); ++i) count += u.charAt(i) >= 0x4E00 && u.charAt(i) <= 0x9FFF;
    } else if (c->type == XML_ELEMENT_NODE && !is_furniture(c)) {
      count += han_chars(c->children);
    }
  }
  return count;
}

// The main content: an <article> or content-like container holding most of
// the page's text, else the body.
const xmlNode* main_content(const xmlNode* body) {
  const xmlNode* best = body;
  size_t total = han_chars(body->children);
  size_t best_score = 0;
  std::function<void(const xmlNode*)> visit = [&](const xmlNode* n) {
    for (const xmlNode* c = n; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || is_furniture(c)) continue;
      std::string marks = lower(name_of(c) + " " + attr(c, "class") + " " + attr(c, "id"));
      static const auto content = compile(u"content|article|detail|text|main|body");
      bool named = name_of(c) == "article" || name_of(c) == "main" || search(*content, from_utf8(marks));
      size_t chars = han_chars(c->children);
      if (named && chars * 2 >= total && (best == body || chars <= best_score)) {
        best = c;  // the innermost named container with at least half the text
        best_score = chars;
      }
      visit(c->children);
    }
  };
  visit(body->children);
  return best;
}

const xmlNode* find(const xmlNode* n, const std::string& tag) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && name_of(c) == tag) return c;
    if (c->type == XML_ELEMENT_NODE)
      if (const xmlNode* f = find(c->children, tag)) return f;
  }
  return nullptr;
}

void metas(const xmlNode* n, std::vector<std::pair<std::string, std::string>>& out) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (name_of(c) == "meta") {
      std::string key = lower(attr(c, "property").empty() ? attr(c, "name") : attr(c, "property"));
      if (key.empty()) key = lower(attr(c, "itemprop"));
      if (!key.empty()) out.push_back({key, collapse(attr(c, "content"))});
    }
    metas(c->children, out);
  }
}

std::string meta(const std::vector<std::pair<std::string, std::string>>& m, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    for (const auto& [key, value] : m)
      if (key == k && !value.empty()) return value;
  return "";
}

// 2023-06-29T10:00:00+08:00, 2023/6/29, 2023年6月29日 -> 2023-06-29: the reader's dates.
std::string iso_date(const std::string& s, const ReaderVocabulary& words) {
  return first_date(fold_width(from_utf8(s)), words);
}

// Any word of the list, as a regex alternation, longest first ((?!) for none).
icu::UnicodeString alternation(const WordList& list) {
  std::vector<icu::UnicodeString> words(list.words().begin(), list.words().end());
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.length() > b.length(); });
  icu::UnicodeString out(u"(?:");
  for (size_t k = 0; k < words.size(); ++k) {
    if (k) out.append(u'|');
    out.append(u"\\Q").append(words[k]).append(u"\\E");
  }
  return out.append(words.empty() ? u"(?!))" : u")");
}

// ICU regex over UTF-8 text: std::regex works on bytes and breaks CJK character classes.
bool icu_find(const icu::UnicodeString& pattern, const std::string& text, std::vector<std::string>* groups = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = from_utf8(text);  // the matcher keeps a reference to it
  icu::RegexMatcher m(pattern, input, 0, status);
  if (U_FAILURE(status) || !m.find(status)) return false;
  if (groups)
    for (int32_t g = 1; g <= m.groupCount(); ++g) groups->push_back(to_utf8(m.group(g, status)));
  return true;
}

// Template residue that pages carry: editor credits, share prompts, copyright,
// placeholders (page_furniture at the start of a paragraph, page_furniture_inside anywhere).
bool residue(const std::string& p, const ReaderVocabulary& words) {
  icu::UnicodeString u = from_utf8(lower(p));
  if (words.page_furniture.at(u, 0) > 0) return true;
  for (int32_t i = 0; i < u.length(); ++i)
    if (words.page_furniture_inside.at(u, i) > 0) return true;
  static const auto placeholder = compile(u"^[xX]{2,}$");
  return search(*placeholder, u);
}

// The patterns of a byline ("来源：江城日报 作者：李明 2023-06-29" above the body)
// from the page_byline_* word lists. A value ends at white space, | or 丨 (U+4E28).
struct Byline {
  icu::UnicodeString any, source, author;
  explicit Byline(const ReaderVocabulary& words) {
    icu::UnicodeString s = alternation(words.page_byline_source_labels);
    icu::UnicodeString a = alternation(words.page_byline_author_labels);
    any = icu::UnicodeString(u"(?:").append(s).append(u"|").append(a).append(u")\\s*[:：]");
    source = icu::UnicodeString(s).append(u"\\s*[:：]\\s*([^\\s|\\x{4E28}]+)");
    author = icu::UnicodeString(a)
                 .append(u"\\s*[:：]\\s*([^\\s|\\x{4E28}:：]+(?: [^\\s|\\x{4E28}:：]+)*?)(?=\\s*(?:$|")
                 .append(alternation(words.page_byline_author_ends))
                 .append(u"|\\d{4}|\\s{2}))");
  }
};

void byline(const std::string& p, const Byline& b, const ReaderVocabulary& words, std::string& source,
            std::string& author, std::string& date) {
  std::vector<std::string> g;
  if (source.empty() && icu_find(b.source, p, &g)) source = g[0];
  g.clear();
  if (author.empty() && icu_find(b.author, p, &g)) author = g[0];
  if (date.empty()) date = iso_date(p, words);
}

// A page title names the site too: 标题_新闻中心_某某网 -> 标题.
std::string page_title(const std::string& t) {
  std::vector<std::string> g;
  if (icu_find(u"^(.+?)\\s*(?:_|\\||｜| - | — |－)", t, &g)) return g[0];
  return t;
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  std::string head = lower(bytes.substr(0, 4096));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
         (head.find("<body") != std::string::npos) || (head.find("<head") != std::string::npos && head.find("<meta") != std::string::npos);
}

std::string declared_charset(std::string_view bytes) {
  std::string head = lower(bytes.substr(0, 8192));
  // Byte for byte (Latin-1): the page's own encoding is not known yet.
  icu::UnicodeString input(static_cast<int32_t>(head.size()), 0, 0);
  for (char c : head) input.append(static_cast<UChar>(static_cast<unsigned char>(c)));
  static const auto charset = compile(u"<meta[^>]*charset[ \\t\\n\\x0B\\f\\r]*=[ \\t\\n\\x0B\\f\\r]*[\"']?[ \\t\\n\\x0B\\f\\r]*([a-z0-9_-]+)");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(charset->matcher(input, status));
  if (U_SUCCESS(status) && m->find(status)) return to_utf8(m->group(1, status));
  return "";
}

PageArticle html_to_article(std::string_view bytes, const std::string& where, const ReaderVocabulary& words) {
  // Decode to UTF-8 first: the declared charset, else detection as for text.
  std::string charset = declared_charset(bytes);
  std::string utf8;
  if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset == "gb2312" || charset == "gbk" ? "GB18030" : charset.c_str(), &status), ucnv_close);
    if (U_FAILURE(status)) throw Error(kExitInput, where + ": unknown charset \"" + charset + "\"");
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
    if (U_FAILURE(status)) throw Error(kExitInput, where + ": not valid " + charset);
    utf8 = to_utf8(u);
  } else {
    utf8 = to_utf8(decode(bytes, where));
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED),
      xmlFreeDoc);
  if (!doc) throw Error(kExitInput, where + ": not an HTML page");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) throw Error(kExitInput, where + ": empty HTML page");
  std::vector<std::pair<std::string, std::string>> m;
  metas(root, m);
  const xmlNode* h1 = find(root, "h1");
  const xmlNode* title_el = find(root, "title");
  std::string title = meta(m, {"og:title", "twitter:title"});
  if (title.empty() && h1) title = collapse(text_of(h1));
  if (title.empty() && title_el) title = page_title(collapse(text_of(title_el)));
  std::string date = iso_date(meta(m, {"article:published_time", "pubdate", "publishdate", "publish_date",
                                       "datepublished", "date", "dc.date", "og:release_date"}),
                              words);
  std::string source = meta(m, {"source", "article:source", "og:site_name", "sourcename"});
  std::string author = meta(m, {"author", "article:author", "dc.creator"});
  const xmlNode* body = find(root, "body");
  Text everything;  // bylines sit beside the content, often outside its container
  collect(body ? body->children : root->children, everything);
  everything.flush();
  const Byline b(words);
  for (const auto& p : everything.paragraphs)
    if (p.size() < 300 && icu_find(b.any, p)) byline(p, b, words, source, author, date);
  Text text;
  const xmlNode* content = main_content(body ? body : root);
  collect(content == body || content == root ? content->children : content->children, text);
  text.flush();
  std::vector<std::string> paragraphs;
  for (const auto& p : text.paragraphs) {
    if (residue(p, words) || p == title) continue;
    if (paragraphs.empty() && p.size() < 300 && icu_find(b.any, p)) continue;  // the byline
    paragraphs.push_back(p);
  }
  if (paragraphs.empty()) throw Error(kExitInput, where + ": the page has no article text");
  PageArticle out{title, date, author, source, ""};
  for (const auto& p : paragraphs) out.text += p + "\n";
  return out;
}

}  // namespace doc2kg
