// The reader stage (reader.hpp): one reader per kind of input, each giving the
// article's text and its header fields directly:
//  - a plain-text article, whose header is in its own first lines;
//  - an article whose fields are known (a JSON Lines record's title, date,
//    source; a web page's metadata and byline), composed as its title, author
//    and source lines, a blank line, the body;
//  - a web page (html_reader.hpp), decoded once: an article whose fields are
//    known when it gives a date, else a plain-text article of its title and paragraphs.
// The bytes are decoded by encoding.cpp, dates read by dates.cpp.
#include "read/reader.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <set>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "read/dates.hpp"
#include "read/html_reader.hpp"
#include "read/script.hpp"

namespace doc2kg {
namespace {

using readers::find_date;
using readers::is_ascii_digit;
using readers::only_time_after;
using readers::parse_date_at;
using readers::read_number;
using readers::take;

// ---- Lines ----

struct Line {
  Range range;
  icu::UnicodeString text;  // trimmed
};

std::vector<Line> split_lines(const icu::UnicodeString& s) {
  std::vector<Line> lines;
  int32_t start = 0;
  for (int32_t i = 0; i <= s.length(); ++i) {
    if (i == s.length() || s.charAt(i) == u'\n') {
      // trim the range itself so evidence offsets point at text, not at blanks
      int32_t b = start, e = i;
      while (b < e && u_isWhitespace(s.charAt(b))) ++b;
      while (e > b && u_isWhitespace(s.charAt(e - 1))) --e;
      lines.push_back({{b, e}, s.tempSubStringBetween(b, e)});
      start = i + 1;
    }
  }
  return lines;
}

// ---- Header fields: 来源：X, 作者：Y, 发布时间：2024-04-22 09:15, 浏览次数：1286 ----
// Labels are matched on the Simplified, width-folded text (：｜ are : |); they
// are the header_* word lists.

enum class Label { kNone, kSource, kAuthor, kDate, kOther };

Label label_kind(const icu::UnicodeString& label, const ReaderVocabulary& v) {
  if (label.isEmpty() || label.length() > 6) return Label::kNone;
  // 来源, 信息来源: a short label ending with a source label ending.
  if (v.source_labels.contains(label) || (v.source_label_endings.ends(label) && label.length() <= 4))
    return Label::kSource;
  if (v.author_labels.contains(label)) return Label::kAuthor;
  if (v.date_labels.contains(label) || (v.date_label_endings.ends(label) && label.length() <= 5)) return Label::kDate;
  if (v.ignored_labels.contains(label)) return Label::kOther;  // page furniture that shares the header lines
  return Label::kNone;
}

// The label of "来源:X" at i (up to the colon), or kNone; `value` is set after the colon.
Label label_at(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v, int32_t& value) {
  int32_t colon = i;
  while (colon < end && colon - i <= 6 && s.charAt(colon) != u':') ++colon;
  if (colon >= end || s.charAt(colon) != u':') return Label::kNone;
  int32_t e = colon;
  while (e > i && u_isWhitespace(s.charAt(e - 1))) --e;
  value = colon + 1;
  return label_kind(s.tempSubStringBetween(i, e), v);
}

// "记者 张三" (or 通讯员 李四) without a colon: a name, letters and spaces, follows.
// Returns the kind (kAuthor for header_reporters, kOther for header_ignored_reporters)
// and where the name starts.
Label reporter_at(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v, int32_t& name) {
  int32_t j = i;
  Label kind = take(s, j, v.reporters)           ? Label::kAuthor
               : take(s, j, v.ignored_reporters) ? Label::kOther
                                                 : Label::kNone;
  if (kind == Label::kNone) return kind;
  while (j < end && u_isWhitespace(s.charAt(j))) ++j;
  name = j;
  for (; j < end && j - name <= 12; ++j)
    if (!u_isalpha(s.charAt(j)) && s.charAt(j) != u'·') break;
  return j - name >= 2 ? kind : Label::kNone;
}

// What one header line says. Offsets are into the line's text.
struct HeaderLine {
  bool meta = false;  // the line only carries header fields (it states nothing to analyse)
  std::string date;
  bool source = false, author = false;  // a 来源/作者 field is there (its value may be empty)
  Range source_value, author_value;
  bool source_pending = false;  // "来源:" ends the line: its value is the next line
};

void trim(const icu::UnicodeString& s, int32_t& b, int32_t& e) {
  while (b < e && u_isWhitespace(s.charAt(b))) ++b;
  while (e > b && u_isWhitespace(s.charAt(e - 1))) --e;
}

// A field of a header line: "来源:X", "发布时间:2024-04-22 09:15", "2024-02-20", "记者 张三".
bool read_field(const icu::UnicodeString& s, int32_t b, int32_t e, bool last, const ReaderVocabulary& v,
                HeaderLine& h) {
  trim(s, b, e);
  if (b == e) return true;
  std::string iso;
  int32_t value = 0;
  switch (label_at(s, b, e, v, value)) {
    case Label::kSource:
      trim(s, value, e);
      if (!h.source) h.source = true, h.source_value = {value, e}, h.source_pending = last && value == e;
      return true;
    case Label::kAuthor:
      trim(s, value, e);
      if (!h.author) h.author = true, h.author_value = {value, e};
      return true;
    case Label::kDate: {
      trim(s, value, e);
      if (value == e) return true;
      int32_t end = parse_date_at(s, value, v, iso);
      if (end < 0 || !only_time_after(s, end, e, v)) return false;
      if (h.date.empty()) h.date = iso;
      return true;
    }
    case Label::kOther:
      return true;
    case Label::kNone:
      break;
  }
  if (int32_t end = parse_date_at(s, b, v, iso); end > 0) {  // a date standing alone
    if (!only_time_after(s, end, e, v)) return false;
    if (h.date.empty()) h.date = iso;
    return true;
  }
  if (Label kind = reporter_at(s, b, e, v, value); kind != Label::kNone) {  // 记者 张三
    for (int32_t j = value; j < e; ++j)
      if (!u_isalpha(s.charAt(j)) && !u_isWhitespace(s.charAt(j)) && s.charAt(j) != u'·') return false;
    if (kind == Label::kAuthor && !h.author) h.author = true, h.author_value = {value, e};
    return true;
  }
  return false;
}

// Fields are split at | 丨, tabs, runs of two spaces, and at a single space before a label, a date or 记者/通讯员.
bool starts_field(const icu::UnicodeString& s, int32_t i, int32_t end, const ReaderVocabulary& v) {
  std::string iso;
  int32_t value = 0;
  return label_at(s, i, end, v, value) != Label::kNone || parse_date_at(s, i, v, iso) > 0 ||
         reporter_at(s, i, end, v, value) != Label::kNone;
}

bool read_field_line(const icu::UnicodeString& s, const ReaderVocabulary& v, HeaderLine& h) {
  int32_t n = s.length(), b = 0;
  for (int32_t i = 0; i <= n; ++i) {
    bool cut = false;
    int32_t next = i + 1;
    if (i == n) {
      cut = true;
    } else {
      UChar c = s.charAt(i);
      if (c == u'|' || c == u'\u4E28' /* 丨, written as a bar */ || c == u'│' || c == u'\t') {
        cut = true;
      } else if (u_isWhitespace(c)) {
        int32_t j = i;
        while (j < n && u_isWhitespace(s.charAt(j))) ++j;
        cut = j - i >= 2 || starts_field(s, j, n, v);
        next = j;
      }
    }
    if (!cut) continue;
    if (!read_field(s, b, i, i == n, v, h)) return false;
    b = next;
    i = next - 1;
  }
  return true;
}

// WeChat: "原创 作者 账号 2024-01-08 20:15 四川", or without 原创 but then with the time.
bool read_wechat_line(const icu::UnicodeString& s, const ReaderVocabulary& v, HeaderLine& h) {
  std::vector<Range> tokens;
  for (int32_t i = 0; i < s.length();) {
    while (i < s.length() && u_isWhitespace(s.charAt(i))) ++i;
    int32_t b = i;
    while (i < s.length() && !u_isWhitespace(s.charAt(i))) ++i;
    if (i > b) tokens.push_back({b, i});
  }
  size_t k = 0;
  bool original = !tokens.empty() && v.original_marks.contains(s.tempSubStringBetween(tokens[0].begin, tokens[0].end));
  if (original) ++k;
  size_t first_name = k;
  std::string iso;
  for (; k < tokens.size(); ++k)
    if (parse_date_at(s, tokens[k].begin, v, iso) == tokens[k].end) break;
  size_t names = k - first_name;
  if (k == tokens.size() || names > 2 || (names == 0 && !original)) return false;
  for (size_t t = first_name; t < k; ++t) {
    icu::UnicodeString name = s.tempSubStringBetween(tokens[t].begin, tokens[t].end);
    int32_t value = 0;
    if (name.length() > 20 || name.indexOf(u':') >= 0 || is_ascii_digit(name.charAt(0)) ||
        label_kind(name, v) != Label::kNone || label_at(s, tokens[t].begin, tokens[t].end, v, value) != Label::kNone)
      return false;
  }
  size_t rest = k + 1;
  bool time = false;
  if (rest < tokens.size()) {
    int32_t i = tokens[rest].begin;
    if (read_number(s, i, 2) >= 0 && take(s, i, u':') && read_number(s, i, 2) >= 0 &&
        (!take(s, i, u':') || read_number(s, i, 2) >= 0) && i == tokens[rest].end)
      time = true, ++rest;
  }
  if (rest < tokens.size() && tokens[rest].end - tokens[rest].begin <= 8) ++rest;  // the place it was posted from
  if (rest != tokens.size() || (!original && !time)) return false;
  h.date = iso;
  if (names >= 1) h.source = true, h.source_value = tokens[k - 1];
  if (names == 2) h.author = true, h.author_value = tokens[first_name];
  return true;
}

HeaderLine read_header_line(const icu::UnicodeString& s, const ReaderVocabulary& v) {
  HeaderLine h;
  if (s.length() > 200) return h;  // a paragraph, not a header line
  if (read_wechat_line(s, v, h) || read_field_line(s, v, (h = HeaderLine{})))
    h.meta = true;
  else
    h = HeaderLine{};
  return h;
}

// A title (or subtitle) line: short, not a sentence of the body.
bool title_like(const icu::UnicodeString& s) { return s.length() <= 80 && s.indexOf(u'。') < 0; }

bool is_subtitle(const icu::UnicodeString& s) { return s.startsWith(u"—") || s.startsWith(u"-"); }

// The header: title line(s), a date, 作者, 来源, in any order among the first
// lines (field lines, a date line, a WeChat line), or else a block of title
// lines closed by a blank line. Sets doc.info, adds the title lines to the
// paragraphs (titles state facts too) and returns the index of the body's first line.
constexpr size_t kScan = 6;  // the header is among the first non-empty lines

// From line `from` on, among `scan` non-empty lines. After a known header
// (`after_known`) only field lines count, the fields already set win.
size_t read_header(Document& doc, const std::vector<Line>& lines, const ReaderVocabulary& v, size_t from = 0,
                   size_t scan = kScan, bool after_known = false) {
  constexpr size_t kTitleBlock = 4;  // lines of a header without any field line
  struct Entry {
    size_t line;
    bool blank_before;
    HeaderLine h;
  };
  // "来源:" alone on its line: the next line is its value.
  auto classify = [&](size_t i, const Entry* previous, bool blank_before) {
    Entry e{i, blank_before, read_header_line(lines[i].text, v)};
    const icu::UnicodeString& t = lines[i].text;
    if (!e.h.meta && previous && previous->h.source_pending && !blank_before && t.length() <= 40 && title_like(t)) {
      e.h.meta = e.h.source = true;
      e.h.source_value = {0, t.length()};
    }
    return e;
  };
  std::vector<Entry> head;
  bool blank = false;
  for (size_t i = from; i < lines.size() && head.size() < scan; ++i) {
    if (lines[i].text.isEmpty()) {
      blank = true;
      continue;
    }
    head.push_back(classify(i, head.empty() ? nullptr : &head.back(), blank));
    blank = false;
  }
  // Field lines, with title lines before, between or (without a blank line) after them.
  size_t end = 0;
  bool fields = false;
  for (size_t j = 0; j < head.size(); ++j) {
    if (head[j].h.meta) {
      end = j + 1;
      fields = true;
      continue;
    }
    if (after_known || !title_like(lines[head[j].line].text) || (fields && head[j].blank_before)) break;
  }
  if (after_known && !fields) return from;
  if (fields) {  // more field lines right after
    for (size_t i = head[end - 1].line + 1; i < lines.size() && !lines[i].text.isEmpty(); ++i) {
      Entry e = classify(i, &head[end - 1], false);
      if (!e.h.meta) break;
      head.resize(end);
      head.push_back(e);
      ++end;
    }
  } else {  // no field line: title lines, then a blank line, then the body
    while (end < head.size() && (end == 0 || !head[end].blank_before)) ++end;
    if (end == head.size() || end > kTitleBlock) return 0;
    for (size_t j = 0; j < end; ++j)
      if (!title_like(lines[head[j].line].text)) return 0;
  }
  head.resize(end);

  bool title_done = false;
  std::vector<size_t> text_lines;
  for (size_t j = 0; j < head.size(); ++j) {
    const Line& line = lines[head[j].line];
    const HeaderLine& h = head[j].h;
    if (!h.meta) {
      // The title: the first run of title lines; without field lines, the first line and its ——subtitles.
      bool title = fields ? !title_done : (j == 0 || (is_subtitle(line.text) && !title_done));
      if (title) {
        if (!doc.info.title.empty()) doc.info.title += " ";
        doc.info.title += to_utf8(line.text);
      } else if (!doc.info.title.empty()) {
        title_done = true;
      }
      text_lines.push_back(head[j].line);
      doc.paragraphs.push_back(line.range);
      continue;
    }
    if (!doc.info.title.empty()) title_done = true;
    if (doc.info.date.empty()) doc.info.date = h.date;
    Range at{line.range.begin, line.range.begin};
    if (h.source && h.source_value.end > h.source_value.begin && doc.info.source.empty()) {
      doc.info.source_range = {at.begin + h.source_value.begin, at.begin + h.source_value.end};
      doc.info.source = doc.quote(doc.info.source_range);
    }
    if (h.author && h.author_value.end > h.author_value.begin && doc.info.author.empty()) {
      doc.info.author_range = {at.begin + h.author_value.begin, at.begin + h.author_value.end};
      doc.info.author = doc.quote(doc.info.author_range);
    }
  }
  // A date written in a title line (——2024年1月8日在…会议上) when no field gives one.
  for (size_t i : text_lines)
    if (doc.info.date.empty()) find_date(lines[i].text, 0, lines[i].text.length(), v, doc.info.date);
  return head.back().line + 1;
}

}  // namespace

namespace {

// ---- The article's text ----

// CRLF and lone CR become LF, a BOM left inside (concatenated files) goes: every
// byte form of an article has the same offsets.
void append_normalized(icu::UnicodeString& out, const icu::UnicodeString& decoded) {
  for (int32_t i = 0; i < decoded.length(); ++i) {
    UChar c = decoded.charAt(i);
    if (c == u'\r') {
      if (i + 1 < decoded.length() && decoded.charAt(i + 1) == u'\n') continue;
      c = u'\n';
    }
    if (c == 0xFEFF) continue;
    out.append(c);
  }
}

// A known field's value as one line of the text: line breaks become spaces,
// BOMs go, so do blanks around it ("" for a value of blanks).
icu::UnicodeString field_line(const std::string& value) {
  icu::UnicodeString u = from_utf8(value), out;
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    if (c != 0xFEFF) out.append(c == u'\n' || c == u'\r' ? UChar(u' ') : c);
  }
  return out.trim();
}

// With doc.original written: where its surrogate pairs are, and doc.text, the
// width-folded (and, for Traditional text, Simplified) copy rules match.
void finish_text(Document& doc) {
  for (int32_t i = 0; i + 1 < doc.original.length(); ++i)
    if (U16_IS_LEAD(doc.original.charAt(i)) && U16_IS_TRAIL(doc.original.charAt(i + 1))) doc.supplementary.push_back(i);
  doc.text = fold_width(is_traditional(doc.original) ? to_simplified(doc.original) : doc.original);
}

// The body's paragraphs from line `from` on; a verbatim repeat states nothing new.
void add_body(Document& doc, const std::vector<Line>& lines, size_t from) {
  std::set<icu::UnicodeString> seen;
  for (size_t i = from; i < lines.size(); ++i)
    if (!lines[i].text.isEmpty() && seen.insert(lines[i].text).second) doc.paragraphs.push_back(lines[i].range);
}

// ---- One reader per kind of input ----

// A plain-text article: its header is read from its first lines.
void read_text_article(Document& doc, const icu::UnicodeString& decoded, const ReaderVocabulary& v) {
  append_normalized(doc.original, decoded);
  finish_text(doc);
  std::vector<Line> lines = split_lines(doc.text);
  add_body(doc, lines, read_header(doc, lines, v));
}

// Header fields a caller or a page gives, each one line ("" where not known).
struct KnownFields {
  icu::UnicodeString title, date, author, source;
  explicit KnownFields(const ArticleInfo& info)
      : title(field_line(info.title)),
        date(field_line(info.date)),
        author(field_line(info.author)),
        source(field_line(info.source)) {}
  bool any() const { return !title.isEmpty() || !date.isEmpty() || !author.isEmpty() || !source.isEmpty(); }
  bool lines() const { return !title.isEmpty() || !author.isEmpty() || !source.isEmpty(); }
  // Each field this one leaves empty taken from `other`.
  void fill(const KnownFields& other) {
    for (auto [mine, theirs] :
         {std::pair{&title, &other.title}, {&date, &other.date}, {&author, &other.author}, {&source, &other.source}})
      if (mine->isEmpty()) *mine = *theirs;
  }
};

// An article whose fields are known. Its text is the title, author and source,
// one a line (the title is analysed like any title line; author and source are
// where the header entities are found), a blank line, then the body (nullptr:
// none); the fields' ranges are where they are written. The date is read as a
// DATE; field lines at the very start of the body fill what the fields leave empty.
void read_known_article(Document& doc, const KnownFields& known, const icu::UnicodeString* body,
                        const ReaderVocabulary& v) {
  auto write = [&](const icu::UnicodeString& value) {
    Range at{doc.original.length(), doc.original.length() + value.length()};
    if (!value.isEmpty()) doc.original.append(value).append(u'\n');
    return at;
  };
  Range title = write(known.title), author = write(known.author), source = write(known.source);
  size_t field_lines = !known.title.isEmpty() + !known.author.isEmpty() + !known.source.isEmpty();
  if (field_lines > 0) doc.original.append(u'\n');
  if (body) append_normalized(doc.original, *body);
  finish_text(doc);
  if (!known.title.isEmpty()) {
    doc.info.title = to_utf8(doc.text.tempSubStringBetween(title.begin, title.end));  // as matched: folded
    doc.paragraphs.push_back(title);
  }
  if (!known.author.isEmpty()) doc.info.author_range = author, doc.info.author = doc.quote(author);
  if (!known.source.isEmpty()) doc.info.source_range = source, doc.info.source = doc.quote(source);
  doc.info.date = readers::field_date(known.date, v);
  std::vector<Line> lines = split_lines(doc.text);
  // The body's own field lines (a JSON line's text opening with 作者:) among its
  // first two non-empty lines, and the field lines right after them.
  constexpr size_t kBodyFieldLines = 2;
  size_t body_start = read_header(doc, lines, v, field_lines, kBodyFieldLines, true);
  if (doc.info.date.empty() && !known.title.isEmpty()) {  // a date written in the title
    icu::UnicodeString line = doc.text.tempSubStringBetween(title.begin, title.end);
    find_date(line, 0, line.length(), v, doc.info.date);
  }
  add_body(doc, lines, body_start);
}

bool blank(std::string_view bytes) { return bytes.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The reader into `doc`, whose info.id names the article and whose info's
// title, date, author and source are the fields the caller knows.
void read_into(Document& doc, std::string_view bytes, const ReaderVocabulary& v) {
  KnownFields known(doc.info);
  const std::string id = doc.info.id;
  doc.info = ArticleInfo{};
  doc.info.id = id;
  doc.original.remove();
  doc.text.remove();
  doc.supplementary.clear();
  doc.paragraphs.clear();
  if (looks_like_html(bytes)) {  // by content: a saved page is often named .txt or nothing
    PageArticle page = html_to_article(bytes, id, v);
    if (!known.any() && page.info.date.empty()) {  // no date: the text may state its own header
      read_text_article(doc, from_utf8((page.info.title.empty() ? "" : page.info.title + "\n") + page.text), v);
      return;
    }
    known.fill(KnownFields(page.info));  // the caller's fields win over the page's
    icu::UnicodeString body = from_utf8(page.text);
    read_known_article(doc, known, &body, v);
  } else if (known.lines() && blank(bytes)) {  // the fields alone
    read_known_article(doc, known, nullptr, v);
  } else if (known.any()) {
    icu::UnicodeString body = decode(bytes, id);
    read_known_article(doc, known, &body, v);
  } else {
    read_text_article(doc, decode(bytes, id), v);
  }
}

}  // namespace

void reader::run(Document& doc, const RuleSetImpl& rules) {
  std::string bytes = std::move(doc.input);
  doc.input = std::string();
  read_into(doc, bytes, ReaderVocabulary::from(rules));
}

Document read_article(std::string_view bytes, const std::string& id, const RuleSetImpl& rules) {
  Document doc;
  doc.info.id = id;
  read_into(doc, bytes, ReaderVocabulary::from(rules));
  return doc;
}

}  // namespace doc2kg
