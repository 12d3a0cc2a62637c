// doc2kg command line: parse arguments, call the library, print. Exit codes
// are listed in README.md ("Exit codes and errors") and below.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/output_file.hpp"
#include "base/text.hpp"
#include "doc2kg/batch.hpp"
#include "doc2kg/error.hpp"
#include "doc2kg/graph_reader.hpp"
#include "doc2kg/pipeline.hpp"
#include "doc2kg/query.hpp"
#include "doc2kg/writer.hpp"
#include "document/ontology.hpp"
#include "graph/vocabulary.hpp"
#include "read/encoding.hpp"
#include "rules/rule_set.hpp"

using namespace doc2kg;

namespace {

// Exit codes (README.md, "Exit codes and errors"): the one place an error's kind becomes a number.
enum ExitCode : int {
  kExitOk = 0,
  kExitNothingFound = 1,  // query: no answer
  kExitUsage = 2,         // bad command line
  kExitInput = 3,         // unreadable or undecodable article or graph file
  kExitRules = 4,         // invalid rule set
  kExitOutput = 5,        // output cannot be written
  kExitInternal = 70,     // a bug
};

ExitCode exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage:
      return kExitUsage;
    case ErrorKind::Input:
      return kExitInput;
    case ErrorKind::Rules:
      return kExitRules;
    case ErrorKind::Output:
      return kExitOutput;
    case ErrorKind::NotFound:
      return kExitNothingFound;
  }
  return kExitInternal;
}

const char* kUsage =
    "usage: doc2kg <command> [options]\n"
    "\n"
    "commands:\n"
    "  convert INPUT... [-o OUTPUT] [--format F] [-j N] [--jsonl] [--rules DIR]\n"
    "        convert articles (files, directories, - for stdin) into one knowledge graph\n"
    "  query GRAPH... [QUESTION] [options]\n"
    "        answer questions over graphs doc2kg wrote (see doc2kg query --help)\n"
    "  stats GRAPH...\n"
    "        nodes by type, edges by relation, articles, evidence\n"
    "  text INPUT [--rules DIR]\n"
    "        print the article as doc2kg reads it (text of a web page, header fields)\n"
    "  words INPUT [--rules DIR]\n"
    "        print its sentences as words with their parts of speech (word/pos, one sentence a line)\n"
    "  rules check [DIR]\n"
    "        validate a rule set (default: the project's rules/)\n"
    "\n"
    "options: --help, --version on every command\n"
    "exit codes: 0 ok, 1 nothing found (query), 2 usage, 3 bad input, 4 bad rules, 5 output not written\n";

const char* kQueryUsage =
    "usage: doc2kg query GRAPH... [QUESTION] [options]\n"
    "\n"
    "  GRAPH          GraphML, JSON-LD or N-Quads files written by doc2kg (- for stdin),\n"
    "                 read as one graph; the format is told by the content\n"
    "  NAME           the entity's card: type, aliases, relations out and in\n"
    "  '?d leadingIndustry ?i'   triple patterns (join several with ' . '); ?x is a variable\n"
    "  --path A B     the shortest connection between two entities\n"
    "  --relation R   only relation R (repeatable); mentions only when asked for\n"
    "  --type T       only entities of type T; with a pattern, --type x=T types variable ?x\n"
    "                 (relations and types are the ontology's: a misspelt one is an error)\n"
    "  --out, --in    only outgoing or incoming relations\n"
    "  --evidence     add the sentence behind each relation\n"
    "  --format F     table (default), tsv or json (numbers as JSON numbers)\n"
    "\n"
    "  names resolve by canonical name, alias, Type/name id or IRI\n"
    "  exit: 0 found, 1 nothing found, 2 usage or input error (a missing or bad GRAPH)\n";

const char* kConvertUsage =
    "usage: doc2kg convert INPUT... [-o OUTPUT] [--format F] [-j N] [--jsonl] [--rules DIR]\n"
    "\n"
    "  INPUT       an article (text or web page; UTF-8, GB18030, UTF-16 or Big5), a *.jsonl\n"
    "              file, a directory (every *.txt, *.text, *.html, *.htm, *.jsonl below it), or - for\n"
    "              stdin; all become one graph\n"
    "  --jsonl     inputs (stdin when none) are JSON Lines: {\"id\", \"text\", \"title\"?, \"date\"?, \"source\"?, "
    "\"author\"?}\n"
    "  -o OUTPUT   output file, - for stdout (default); the format follows its extension\n"
    "              (.graphml/.xml, .jsonld/.json, .nq/.nquads, .dot/.gv, any case) unless --format is given\n"
    "  --format F  graphml, jsonld (default), nquads (streamed), neo4j-csv (-o DIR), dot\n"
    "  -j N        convert N articles at a time (default: all cores); same output for any N\n"
    "  --rules DIR rule set to use (default: the project's rules/)\n"
    "\n"
    "  a bad article is reported by name and skipped; the exit code is then 3\n";

const char* kRulesUsage =
    "usage: doc2kg rules check [DIR] \n"
    "\n"
    "  checks every rule file and lexicon in DIR (default: the project's rules/);\n"
    "  prints each problem as file:line:column: message and exits 4 if there are any\n";

struct Args {
  std::vector<std::string> positional;
  std::string output = "-", format, rules;
  bool help = false, version = false;
  // query
  std::vector<std::string> relations, types, path;
  bool out = false, in = false, evidence = false;
  // convert
  bool jsonl = false;
  // hardware_concurrency() may be 0 (unknown): at least one thread.
  unsigned jobs = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxJobs);
};

// The -j value: 1 to kMaxJobs threads.
unsigned parse_jobs(const std::string& n) {
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
  // Too large and not a number get different messages: "-j 100000" is a clear
  // intent with a limit to state, "-j x" a mistake.
  bool digits = !n.empty() && end == n.data() + n.size();
  if (digits && (ec == std::errc::result_out_of_range || v > kMaxJobs))
    throw Error(ErrorKind::Usage, "-j " + n + ": at most " + std::to_string(kMaxJobs) + " threads");
  if (!digits || ec != std::errc() || v == 0)
    throw Error(ErrorKind::Usage, "-j needs a positive number of threads, not \"" + n + "\"");
  return static_cast<unsigned>(v);
}

// Options as `--name value` or `--name=value`; `--` ends the options.
Args parse(int argc, char** argv, int from) {
  Args a;
  bool options = true;
  for (int i = from; i < argc; ++i) {
    std::string s = argv[i];
    std::optional<std::string> inline_value;
    if (options && s.rfind("--", 0) == 0 && s.find('=') != std::string::npos) {
      // Only long options take =: "-j=4" would be ambiguous with "-j4".
      inline_value = s.substr(s.find('=') + 1);
      s = s.substr(0, s.find('='));
    }
    auto value = [&](const std::string& flag) {
      if (inline_value) return *inline_value;
      if (i + 1 >= argc) throw Error(ErrorKind::Usage, flag + " needs a value");
      return std::string(argv[++i]);
    };
    auto flag = [&] {
      if (inline_value) throw Error(ErrorKind::Usage, s + " takes no value");
    };
    // "-" is standard input, an argument; after "--" even "-x" is a file name.
    if (!options || s == "-" || s.empty() || s[0] != '-')
      a.positional.push_back(s);
    else if (s == "--")
      options = false;
    else if (s == "--help" || s == "-h")
      flag(), a.help = true;
    else if (s == "--version")
      flag(), a.version = true;
    else if (s == "-o" || s == "--output")
      a.output = value(s);
    else if (s == "--format")
      a.format = value(s);
    else if (s == "--rules")
      a.rules = value(s);
    else if (s == "--jsonl")
      flag(), a.jsonl = true;
    else if (s == "-j" || s == "--jobs")
      a.jobs = parse_jobs(value(s));
    // -j4, the make style, besides -j 4.
    else if (s.rfind("-j", 0) == 0)
      a.jobs = parse_jobs(s.substr(2));
    else if (s == "--relation")
      a.relations.push_back(value(s));
    else if (s == "--type")
      a.types.push_back(value(s));
    else if (s == "--out")
      flag(), a.out = true;
    else if (s == "--in")
      flag(), a.in = true;
    else if (s == "--evidence")
      flag(), a.evidence = true;
    else if (s == "--path") {
      a.path.push_back(value(s));
      if (i + 1 >= argc) throw Error(ErrorKind::Usage, "--path needs two names");
      // --path takes two values, so only the first can be given with '='.
      a.path.push_back(argv[++i]);
    } else
      throw Error(ErrorKind::Usage, "unknown option " + s);
  }
  return a;
}

// Progress on a terminal: one line redrawn in place; a message (a skipped
// article) clears it first, so that each message is a line of its own.
class ProgressLine {
 public:
  // Only on a terminal: redirected to a file, the \r redraws would be garbage.
  ProgressLine() : tty_(::isatty(2)) {}
  void draw(const BatchProgress& p) {
    if (!tty_) return;
    // Guarded divisions: the first article may finish within the clock's resolution.
    double rate = p.done / std::max(p.seconds, 1e-9);
    if (p.total)
      std::fprintf(stderr, "\r[%zu/%zu] %.1f articles/s, %.0f s left\033[K", p.done, *p.total, rate,
                   (*p.total - p.done) / std::max(rate, 1e-9));
    else
      std::fprintf(stderr, "\r[%zu] %.1f articles/s\033[K", p.done, rate);
    drawn_ = true;
  }
  void message(const std::string& text) {
    clear();
    std::cerr << text << "\n";
  }
  void clear() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool tty_, drawn_ = false;
};

int convert(const Args& a) {
  if (a.positional.empty() && !a.jsonl)
    throw Error(ErrorKind::Usage,
                "convert needs an INPUT (a file, a directory, or - for stdin; --jsonl reads JSON Lines)");
  // Format and rules first: a bad option or rule set fails before any input is read.
  Format format = a.format.empty() ? format_of_path(a.output, Format::JsonLd) : parse_format(a.format);
  auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);
  Inputs inputs = open_inputs(a.positional, a.jsonl);
  // A terminal on stdin means the user forgot an input; waiting would look like a hang.
  if (inputs.reads_stdin && ::isatty(0))
    throw Error(ErrorKind::Usage, std::string("standard input is a terminal: give an INPUT file or pipe the ") +
                                      (a.jsonl ? "JSON Lines" : "article") + " in");
  if (inputs.count == size_t{0}) throw Error(ErrorKind::Input, "no articles found in the inputs");
  ProgressLine progress;
  auto report = [&](const std::string& id, const std::string& why) {
    progress.message("doc2kg: skipped " + id + ": " + why);
  };
  auto draw = [&](const BatchProgress& p) { progress.draw(p); };
  BatchSummary summary;
  write_graph_output(format, a.output, inputs.paths, [&](const ArticleSink& sink) {
    summary = convert_batch(inputs.next, *rules, a.jobs, sink, report, draw, inputs.count);
    progress.clear();
    // Thrown inside produce, so write_output leaves no empty output file behind.
    if (summary.converted == 0) throw Error(ErrorKind::Input, "no article could be read; nothing written");
  });
  // A summary only when there is something to sum up: one article converted cleanly is silent.
  if (summary.converted + summary.failed > 1 || summary.failed > 0)
    std::cerr << "doc2kg: " << summary.converted << " converted, " << summary.failed << " failed, " << std::fixed
              << std::setprecision(1) << summary.seconds << " s\n";
  // Partial success is still an error exit: a script must notice a skipped article.
  return summary.failed > 0 ? kExitInput : kExitOk;
}

TableFormat table_format(const std::string& f) {
  if (f.empty() || f == "table") return TableFormat::Aligned;
  if (f == "tsv") return TableFormat::Tsv;
  if (f == "json") return TableFormat::Json;
  throw Error(ErrorKind::Usage, "unknown format \"" + f + "\" (table, tsv, json)");
}

// A positional that does not exist but reads as a path: a graph file's
// extension, or a '/' that is not in an entity id (District/槐荫区) or IRI.
bool looks_like_graph_path(const std::string& p) {
  // A space or an IRI is a question, never a file name someone meant.
  if (p.find(' ') != std::string::npos || p.rfind("http://", 0) == 0 || p.rfind("https://", 0) == 0) return false;
  // "Type/name" is an entity id, not a path, when Type is one of the ontology's.
  if (is_entity_type(parse_node_id(p).first)) return false;
  std::string ext = ascii_lower(std::filesystem::path(p).extension().string());
  for (const char* e : {".graphml", ".xml", ".jsonld", ".json", ".nq", ".nquads"})
    if (ext == e) return true;
  return p.find('/') != std::string::npos;
}

// Graph files are the positional arguments that exist (or are - for stdin, or
// look like paths: those are reported missing); the one left is the question.
KnowledgeGraph load_graphs(const Args& a, std::string* question) {
  std::vector<std::string> files;
  for (const auto& p : a.positional) {
    std::error_code ec;
    auto status = std::filesystem::status(p, ec);
    if (p == "-") {
      // Standard input can be read only once.
      if (std::count(files.begin(), files.end(), "-")) throw Error(ErrorKind::Usage, "- (stdin) given twice");
      files.push_back(p);
    } else if (std::filesystem::is_directory(status)) {
      throw Error(ErrorKind::Input, p + ": is a directory, not a graph file");
    } else if (std::filesystem::exists(status)) {
      files.push_back(p);
    } else if (!question || looks_like_graph_path(p)) {
      // Missing but path-like: a typo in a file name, reported as such instead of
      // being taken for the question.
      throw Error(ErrorKind::Input, p + ": no such file");
    } else if (question->empty()) {
      *question = p;
    } else {
      throw Error(ErrorKind::Usage,
                  "one question at a time: \"" + *question + "\" and \"" + p + "\" (neither is a file)");
    }
  }
  if (files.empty()) throw Error(ErrorKind::Usage, "give at least one GRAPH file (or - for stdin)");
  KnowledgeGraph graph;
  for (const auto& f : files) {
    if (f != "-") {
      read_graph_file(f, graph);
    } else if (::isatty(0)) {
      throw Error(ErrorKind::Usage, "standard input is a terminal: pipe a graph in, or give a GRAPH file");
    } else {
      read_graph(std::cin, "stdin", graph);
    }
  }
  return graph;
}

int query(const Args& a) {
  std::string question;
  KnowledgeGraph graph = load_graphs(a, &question);
  EntityIndex index(graph);
  QueryFilter filter;
  filter.relations = a.relations;
  filter.evidence = a.evidence;
  // Neither --out nor --in means both directions (QueryFilter's default).
  if (a.out || a.in) filter.out = a.out, filter.in = a.in;
  for (const auto& t : a.types) {
    auto eq = t.find('=');
    if (eq == std::string::npos)
      filter.types.push_back(t);
    else
      // --type VAR=TYPE constrains a pattern variable; a bare TYPE filters the answer rows.
      filter.variable_types[t.substr(0, eq)] = t.substr(eq + 1);
  }
  check_filter(graph, filter);  // a misspelt relation or type is an error, not "nothing found"
  TableFormat format = table_format(a.format);
  Table answer;
  if (!a.path.empty()) {
    if (!question.empty()) throw Error(ErrorKind::Usage, "--path takes the two names; no other question");
    answer = shortest_path(graph, index.resolve_one(a.path[0]), index.resolve_one(a.path[1]), filter);
  } else if (question.find('?') != std::string::npos && question.find(' ') != std::string::npos) {
    // A pattern has variables and spaces between its terms; a name with '?' alone is a name.
    if (!filter.types.empty())
      throw Error(ErrorKind::Usage,
                  "with a pattern, --type types a variable: --type VARIABLE=TYPE (--type c=Community)");
    answer = match_patterns(graph, index, question, filter);
  } else if (!question.empty()) {
    Vertex v = index.resolve_one(question);
    const NodeData& n = graph.graph()[v];
    // A heading for people only: TSV and JSON stay a pure table for scripts.
    if (format == TableFormat::Aligned) {
      std::cout << n.name << "  (" << n.type << ")  " << node_id(n) << "\n";
      if (!n.aliases.empty()) {
        std::cout << "aliases:";
        for (const auto& al : n.aliases) std::cout << " " << al;
        std::cout << "\n";
      }
      std::cout << "\n";
    }
    answer = entity_card(graph, v, filter);
  } else {
    throw Error(ErrorKind::Usage, "what to ask: a NAME, a pattern '?s relation ?o', or --path A B");
  }
  if (answer.rows.empty()) {
    // On stderr, so a pipe reading the table gets nothing at all, and the exit code says why.
    std::cerr << "doc2kg: nothing found\n";
    return kExitNothingFound;
  }
  print_table(answer, format, std::cout);
  return kExitOk;
}

int stats(const Args& a) {
  KnowledgeGraph graph = load_graphs(a, nullptr);
  print_table(graph_stats(graph), table_format(a.format), std::cout);
  return kExitOk;
}

int rules_command(const Args& a) {
  if (a.positional.empty() || a.positional[0] != "check")
    throw Error(ErrorKind::Usage, "usage: doc2kg rules check [DIR]");
  std::string dir = a.positional.size() > 1 ? a.positional[1] : (a.rules.empty() ? RuleSet::default_dir() : a.rules);
  // check() lists every problem at once, where load() would stop at the first.
  auto problems = RuleSet::check(dir);
  for (const auto& p : problems) std::cerr << p << "\n";
  if (!problems.empty()) {
    std::cerr << problems.size() << " problem(s) in " << dir << "\n";
    return kExitRules;
  }
  auto loaded = RuleSet::load(dir);
  const RuleSetImpl* rules = &impl(*loaded);  // the counts below are of its contents
  size_t patterns = rules->entity_rules.size() + rules->relation_rules.size(), on_pcre2 = 0;
  for (const auto& r : rules->entity_rules) on_pcre2 += r.pattern.regex->compiled_by_pcre2();
  for (const auto& r : rules->relation_rules) on_pcre2 += r.pattern.regex->compiled_by_pcre2();
  std::cout << dir << ": ok (" << rules->entity_rules.size() << " entity rules, " << rules->relation_rules.size()
            << " relation rules, " << rules->lexicon_entries.size() << " lexicon entries; " << on_pcre2 << " of "
            << patterns << " patterns on PCRE2, the rest on ICU)\n";
  return kExitOk;
}

}  // namespace

namespace {

int run(int argc, char** argv) {
  try {
    std::string command = argc > 1 ? argv[1] : "";
    // Before parse(): `doc2kg --version` has no command whose options to parse.
    if (command == "--version") {
      std::cout << "doc2kg " << DOC2KG_VERSION << "\n";
      return kExitOk;
    }
    if (command.empty() || command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      // No command at all is a usage error; asking for help is not.
      return command.empty() ? kExitUsage : kExitOk;
    }
    // Options come after the command (argv[1]), so each command reads only its own.
    Args a = parse(argc, argv, 2);
    if (a.version) {
      std::cout << "doc2kg " << DOC2KG_VERSION << "\n";
      return kExitOk;
    }
    if (command == "convert") {
      if (a.help) return std::cout << kConvertUsage, kExitOk;
      return convert(a);
    }
    if (command == "query") {
      if (a.help) return std::cout << kQueryUsage, kExitOk;
      try {
        return query(a);
      } catch (const Error& e) {  // query reports input errors as 2, nothing found as 1
        std::cerr << "doc2kg: " << e.what() << "\n";
        // grep's convention: 1 is "no answer", 2 is any trouble, so a script can tell them apart.
        return e.kind() == ErrorKind::NotFound ? kExitNothingFound : kExitUsage;
      }
    }
    if (command == "text") {
      if (a.help || a.positional.size() != 1)
        return std::cout << "usage: doc2kg text INPUT [--rules DIR]\n", a.help ? kExitOk : kExitUsage;
      auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);  // the header and date words
      // Only the reader stage: what the pipeline makes of a file's header and encoding.
      Document d = extract_until(read_file(a.positional[0]), article_name(a.positional[0]), *rules, "reader");
      std::cout << "title: " << d.info.title << "\ndate: " << d.info.date << "\nauthor: " << d.info.author
                << "\nsource: " << d.info.source << "\n\n";
      for (const Range& p : d.paragraphs) std::cout << d.quote(p) << "\n";
      return kExitOk;
    }
    if (command == "words") {
      if (a.help || a.positional.size() != 1)
        return std::cout << "usage: doc2kg words INPUT [--rules DIR]\n", a.help ? kExitOk : kExitUsage;
      auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);
      // Up to the tokenizer: the words the rules match against, one sentence a line.
      Document d = extract_until(read_file(a.positional[0]), article_name(a.positional[0]), *rules, "tokenizer");
      size_t w = 0;
      for (const Range& s : d.sentences) {
        for (; w < d.words.size() && d.words[w].range.begin < s.end; ++w)
          std::cout << (d.words[w].range.begin > s.begin ? " " : "") << d.quote(d.words[w].range) << "/"
                    << part_of_speech(*rules, d.words[w].pos);
        std::cout << "\n";
      }
      return kExitOk;
    }
    if (command == "stats") {
      if (a.help)
        return std::cout
                   << "usage: doc2kg stats GRAPH... [--format table|tsv|json]\n"
                      "\n"
                      "  GRAPH   GraphML, JSON-LD or N-Quads files written by doc2kg (- for stdin), read as one graph\n"
                      "  nodes by type, edges by relation, articles, evidence; counts are JSON numbers with --format "
                      "json\n",
               kExitOk;
      return stats(a);
    }
    if (command == "rules") {
      if (a.help) return std::cout << kRulesUsage, kExitOk;
      return rules_command(a);
    }
    throw Error(ErrorKind::Usage, "unknown command \"" + command + "\"\n" + kUsage);
  } catch (const Error& e) {
    std::cerr << "doc2kg: " << e.what() << "\n";
    return exit_code(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "doc2kg: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Here, not in the library: a program that embeds doc2kg keeps its own handlers.
  remove_partial_output_on_signals();
  int code = run(argc, argv);
  // errno cleared, so that the message below gives the flush's reason or none.
  errno = 0;
  // What a command printed must have reached its reader: a full disk or a
  // closed stdout is an error, not a silent success.
  if (std::fflush(stdout) != 0 || !std::cout.flush()) {
    std::cerr << "doc2kg: cannot write to standard output"
              << (errno ? std::string(" (") + std::strerror(errno) + ")" : "") << "\n";
    return code == kExitOk || code == kExitNothingFound ? kExitOutput : code;
  }
  return code;
}
