#include "read/html_reader.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <vector>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "read/encoding.hpp"
#include "read/reader_words.hpp"

namespace doc2kg {
namespace {

// One regex engine, ICU's: compiled once, a matcher per search (patterns are shared read-only).
std::unique_ptr<icu::RegexPattern> compile(const icu::UnicodeString& pattern) {
  UParseError pe{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(pattern, 0, pe, status));
  if (U_FAILURE(status)) throw Error(ErrorKind::Rules, "bad web page pattern: " + to_utf8(pattern));
  return p;
}

bool search(const icu::RegexPattern& pattern, const icu::UnicodeString& input) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(input, status));
  return U_SUCCESS(status) && m->find(status);
}

std::string name_of(const xmlNode* n) { return n->name ? ascii_lower(reinterpret_cast<const char*>(n->name)) : ""; }

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
  static const char* blocks[] = {"p",  "div", "br", "h1",      "h2",      "h3",         "h4",    "h5",
                                 "h6", "li",  "tr", "section", "article", "blockquote", "table", "ul",
                                 "ol", "dd",  "dt", "pre",     "td",      "main"};
  return std::find(std::begin(blocks), std::end(blocks), tag) != std::end(blocks);
}

// Page furniture: never the article.
bool is_furniture(const xmlNode* n) {
  static const char* tags[] = {"script", "style",  "nav",    "header", "footer",   "aside", "noscript", "form",
                               "iframe", "button", "select", "svg",    "template", "head",  "menu"};
  std::string tag = name_of(n);
  if (std::find(std::begin(tags), std::end(tags), tag) != std::end(tags)) return true;
  std::string marks = ascii_lower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role"));
  static const auto furniture = compile(
      u"(^|[ _-])(nav|navbar|menu|footer|header|breadcrumb|crumb|share|sharing|sidebar|side|comment|comments|"
      u"copyright|related|recommend|ad|ads|banner|toolbar|topbar|login|search|qrcode|print|pager|pagination|"
      u"navigation)([ _-]|$)");
  return search(*furniture, from_utf8(marks));
}

// Visits the nodes of the list from `first` on and below them in document
// order, without recursion (a page may nest elements deeper than any stack):
// enter(n) says whether to go below n; leave(n) follows what is below a node entered so.
template <class Enter, class Leave>
void walk(const xmlNode* first, Enter enter, Leave leave) {
  const xmlNode* top = first ? first->parent : nullptr;
  for (const xmlNode* n = first; n;) {
    if (enter(n)) {
      if (n->children) {
        n = n->children;
        continue;
      }
      leave(n);
    }
    while (n && !n->next) {
      n = n->parent;
      if (!n || n == top) return;
      leave(n);
    }
    if (n) n = n->next;
  }
}

template <class Enter>
void walk(const xmlNode* first, Enter enter) {
  walk(first, enter, [](const xmlNode*) {});
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

// The text of the list from `first` on, furniture and comments left out; a block element breaks the paragraph.
void collect(const xmlNode* first, Text& out) {
  walk(
      first,
      [&](const xmlNode* c) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
          if (c->content) out.current += reinterpret_cast<const char*>(c->content);
          return false;
        }
        if (c->type != XML_ELEMENT_NODE || is_furniture(c)) return false;
        if (is_block(name_of(c))) out.flush();
        return true;
      },
      [&](const xmlNode* c) {
        if (is_block(name_of(c))) out.flush();
      });
}

// Characters of Chinese text inside each element below `top`, furniture excluded: picks the main content.
std::unordered_map<const xmlNode*, size_t> han_chars(const xmlNode* top) {
  std::unordered_map<const xmlNode*, size_t> count;
  std::vector<const xmlNode*> elements;  // in document order: each after the element holding it
  walk(top->children, [&](const xmlNode* c) {
    if (c->type == XML_TEXT_NODE && c->content) {
      icu::UnicodeString u = from_utf8(reinterpret_cast<const char*>(c->content));
      size_t n = 0;
      for (int32_t i = 0; i < u.length(); ++i) n += u.charAt(i) >= 0x4E00 && u.charAt(i) <= 0x9FFF;
      count[c->parent] += n;
      return false;
    }
    if (c->type != XML_ELEMENT_NODE || is_furniture(c)) return false;
    elements.push_back(c);
    return true;
  });
  for (auto e = elements.rbegin(); e != elements.rend(); ++e) count[(*e)->parent] += count[*e];
  return count;
}

// The main content: an <article> or content-like container holding most of
// the page's text, else the body.
const xmlNode* main_content(const xmlNode* body) {
  static const auto content = compile(u"content|article|detail|text|main|body");
  const auto chars = han_chars(body);
  auto count = [&](const xmlNode* n) {
    auto it = chars.find(n);
    return it == chars.end() ? size_t{0} : it->second;
  };
  const xmlNode* best = body;
  size_t total = count(body), best_score = 0;
  walk(body->children, [&](const xmlNode* c) {
    if (c->type != XML_ELEMENT_NODE || is_furniture(c)) return false;
    std::string marks = ascii_lower(name_of(c) + " " + attr(c, "class") + " " + attr(c, "id"));
    bool named = name_of(c) == "article" || name_of(c) == "main" || search(*content, from_utf8(marks));
    size_t n = count(c);
    if (named && n * 2 >= total && (best == body || n <= best_score)) {
      best = c;  // the innermost named container with at least half the text
      best_score = n;
    }
    return true;
  });
  return best;
}

// The first element named `tag` in the list from `first` on or below it.
const xmlNode* find(const xmlNode* first, const std::string& tag) {
  const xmlNode* found = nullptr;
  walk(first, [&](const xmlNode* c) {
    if (found || c->type != XML_ELEMENT_NODE) return false;
    if (name_of(c) == tag) found = c;
    return !found;
  });
  return found;
}

// The page's <meta> keys (property, name or itemprop, lower case) and contents, in order.
void metas(const xmlNode* first, std::vector<std::pair<std::string, std::string>>& out) {
  walk(first, [&](const xmlNode* c) {
    if (c->type != XML_ELEMENT_NODE) return false;
    if (name_of(c) == "meta") {
      std::string key = ascii_lower(attr(c, "property").empty() ? attr(c, "name") : attr(c, "property"));
      if (key.empty()) key = ascii_lower(attr(c, "itemprop"));
      if (!key.empty()) out.push_back({key, collapse(attr(c, "content"))});
    }
    return true;
  });
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

// The first match of `pattern` in the UTF-8 text, its groups in `groups`.
bool icu_find(const icu::RegexPattern& pattern, const std::string& text, std::vector<std::string>* groups = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = from_utf8(text);  // the matcher keeps a reference to it
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(input, status));
  if (U_FAILURE(status) || !m->find(status)) return false;
  if (groups)
    for (int32_t g = 1; g <= m->groupCount(); ++g) groups->push_back(to_utf8(m->group(g, status)));
  return true;
}

// Template residue that pages carry: editor credits, share prompts, copyright,
// placeholders (page_furniture at the start of a paragraph, page_furniture_inside anywhere).
bool residue(const std::string& p, const ReaderVocabulary& words) {
  icu::UnicodeString u = from_utf8(ascii_lower(p));
  if (words.page_furniture.at(u, 0) > 0) return true;
  for (int32_t i = 0; i < u.length(); ++i)
    if (words.page_furniture_inside.at(u, i) > 0) return true;
  static const auto placeholder = compile(u"^[xX]{2,}$");
  return search(*placeholder, u);
}

// The patterns of a byline ("来源：江城日报 作者：李明 2023-06-29" above the body)
// from the page_byline_* word lists. A value ends at white space, | or 丨 (U+4E28).
struct Byline {
  std::unique_ptr<icu::RegexPattern> any, source, author;
  explicit Byline(const ReaderVocabulary& words) {
    icu::UnicodeString s = alternation(words.page_byline_source_labels);
    icu::UnicodeString a = alternation(words.page_byline_author_labels);
    any = compile(icu::UnicodeString(u"(?:").append(s).append(u"|").append(a).append(u")\\s*[:：]"));
    source = compile(icu::UnicodeString(s).append(u"\\s*[:：]\\s*([^\\s|\\x{4E28}]+)"));
    author = compile(icu::UnicodeString(a)
                         .append(u"\\s*[:：]\\s*([^\\s|\\x{4E28}:：]+(?: [^\\s|\\x{4E28}:：]+)*?)(?=\\s*(?:$|")
                         .append(alternation(words.page_byline_author_ends))
                         .append(u"|\\d{4}|\\s{2}))"));
  }
};

void byline(const std::string& p, const Byline& b, const ReaderVocabulary& words, ArticleInfo& info) {
  std::vector<std::string> g;
  if (info.source.empty() && icu_find(*b.source, p, &g)) info.source = g[0];
  g.clear();
  if (info.author.empty() && icu_find(*b.author, p, &g)) info.author = g[0];
  if (info.date.empty()) info.date = iso_date(p, words);
}

// A page title names the site too: 标题_新闻中心_某某网 -> 标题.
std::string page_title(const std::string& t) {
  static const auto site = compile(u"^(.+?)\\s*(?:_|\\||｜| - | — |－)");
  std::vector<std::string> g;
  if (icu_find(*site, t, &g)) return g[0];
  return t;
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, 4096));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
         (head.find("<body") != std::string::npos) ||
         (head.find("<head") != std::string::npos && head.find("<meta") != std::string::npos);
}

std::string declared_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, 8192));
  // Byte for byte (Latin-1): the page's own encoding is not known yet.
  icu::UnicodeString input(static_cast<int32_t>(head.size()), 0, 0);
  for (char c : head) input.append(static_cast<UChar>(static_cast<unsigned char>(c)));
  static const auto charset =
      compile(u"<meta[^>]*charset[ \\t\\n\\x0B\\f\\r]*=[ \\t\\n\\x0B\\f\\r]*[\"']?[ \\t\\n\\x0B\\f\\r]*([a-z0-9_-]+)");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(charset->matcher(input, status));
  if (U_SUCCESS(status) && m->find(status)) return to_utf8(m->group(1, status));
  return "";
}

namespace {

// The bytes in `encoding` (an ICU converter name): false if the converters do not
// know it or, when `strict`, the bytes are not in it (else what is not becomes U+FFFD, as in browsers).
bool convert(std::string_view bytes, const char* encoding, bool strict, icu::UnicodeString& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding, &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  if (strict) ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  out = icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  return U_SUCCESS(status);
}

// The encoding a charset label names, as the HTML standard reads a <meta>:
// a UTF-16 label means UTF-8 (a page whose meta could be read is not UTF-16);
// GB2312 and GBK are read as GB18030, their superset; Latin-1 and ASCII as
// windows-1252; any other label as ICU knows it.
std::string label_encoding(const std::string& label) {
  static const std::pair<const char*, const char*> kLabels[] = {{"utf-16", "UTF-8"},
                                                                {"utf-16le", "UTF-8"},
                                                                {"utf-16be", "UTF-8"},
                                                                {"unicode", "UTF-8"},
                                                                {"unicodefffe", "UTF-8"},
                                                                {"ucs-2", "UTF-8"},
                                                                {"csunicode", "UTF-8"},
                                                                {"iso-10646-ucs-2", "UTF-8"},
                                                                {"utf8", "UTF-8"},
                                                                {"utf-8", "UTF-8"},
                                                                {"gb2312", "GB18030"},
                                                                {"gbk", "GB18030"},
                                                                {"x-gbk", "GB18030"},
                                                                {"chinese", "GB18030"},
                                                                {"csgb2312", "GB18030"},
                                                                {"gb_2312-80", "GB18030"},
                                                                {"gb_2312", "GB18030"},
                                                                {"iso-ir-58", "GB18030"},
                                                                {"gb18030", "GB18030"},
                                                                {"big5", "Big5"},
                                                                {"big5-hkscs", "Big5"},
                                                                {"cn-big5", "Big5"},
                                                                {"csbig5", "Big5"},
                                                                {"x-x-big5", "Big5"},
                                                                {"iso-8859-1", "windows-1252"},
                                                                {"latin1", "windows-1252"},
                                                                {"ascii", "windows-1252"},
                                                                {"us-ascii", "windows-1252"}};
  for (const auto& [name, encoding] : kLabels)
    if (label == name) return encoding;
  return label;
}

// The page's text, decoded once: by its BOM; as UTF-8 when the bytes are UTF-8
// with Chinese in them (a page saved or scraped as UTF-8 keeps the meta of its
// original encoding); else by its declared charset; else, when it declares none
// or one the converters do not know, by detection as for text.
icu::UnicodeString page_text(std::string_view bytes, const std::string& where) {
  if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return decode(bytes, where);
  icu::UnicodeString out;
  bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii && convert(bytes, "UTF-8", true, out)) return out;
  std::string encoding = label_encoding(declared_charset(bytes));
  if (!encoding.empty() && encoding != "UTF-8" && convert(bytes, encoding.c_str(), false, out)) return out;
  return decode(bytes, where);
}

}  // namespace

PageArticle html_to_article(std::string_view bytes, const std::string& where, const ReaderVocabulary& words) {
  std::string utf8 = to_utf8(page_text(bytes, where));
  // XML_PARSE_HUGE: no depth limit (libxml2 stops at 256 nested elements
  // otherwise and loses the rest); the tree is walked without recursion.
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                         HTML_PARSE_NOIMPLIED | XML_PARSE_HUGE),
      xmlFreeDoc);
  if (!doc) throw Error(ErrorKind::Input, where + ": not an HTML page");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) throw Error(ErrorKind::Input, where + ": empty HTML page");
  std::vector<std::pair<std::string, std::string>> m;
  metas(root, m);
  const xmlNode* h1 = find(root, "h1");
  const xmlNode* title_el = find(root, "title");
  PageArticle out;
  ArticleInfo& info = out.info;
  info.title = meta(m, {"og:title", "twitter:title"});
  if (info.title.empty() && h1) info.title = collapse(text_of(h1));
  if (info.title.empty() && title_el) info.title = page_title(collapse(text_of(title_el)));
  info.date = iso_date(meta(m, {"article:published_time", "pubdate", "publishdate", "publish_date", "datepublished",
                                "date", "dc.date", "og:release_date"}),
                       words);
  info.source = meta(m, {"source", "article:source", "og:site_name", "sourcename"});
  info.author = meta(m, {"author", "article:author", "dc.creator"});
  const xmlNode* body = find(root, "body");
  Text everything;  // bylines sit beside the content, often outside its container
  collect(body ? body->children : root->children, everything);
  everything.flush();
  const Byline b(words);
  for (const auto& p : everything.paragraphs)
    if (p.size() < 300 && icu_find(*b.any, p)) byline(p, b, words, info);
  Text text;
  const xmlNode* content = main_content(body ? body : root);
  collect(content->children, text);
  text.flush();
  std::vector<std::string> paragraphs;
  for (const auto& p : text.paragraphs) {
    if (residue(p, words) || p == info.title) continue;
    if (paragraphs.empty() && p.size() < 300 && icu_find(*b.any, p)) continue;  // the byline
    paragraphs.push_back(p);
  }
  if (paragraphs.empty()) throw Error(ErrorKind::Input, where + ": the page has no article text");
  for (const auto& p : paragraphs) out.text += p + "\n";
  return out;
}

}  // namespace doc2kg
