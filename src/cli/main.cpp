// doc2kg command line: parse arguments, call the library, print. Exit codes
// are listed in README.md ("Exit codes") and in doc2kg/error.hpp.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <thread>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "doc2kg/segmenter.hpp"
#include "doc2kg/tokenizer.hpp"
#include "doc2kg/batch.hpp"
#include "doc2kg/error.hpp"
#include "doc2kg/nquads_writer.hpp"
#include "doc2kg/graph_reader.hpp"
#include "doc2kg/query.hpp"
#include "doc2kg/reader.hpp"
#include "doc2kg/output_file.hpp"
#include "doc2kg/pipeline.hpp"
#include "doc2kg/rules.hpp"
#include "doc2kg/writer.hpp"

using namespace doc2kg;

namespace {

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
    "  GRAPH          GraphML or JSON-LD files written by doc2kg, read as one graph\n"
    "  NAME           the entity's card: type, aliases, relations out and in\n"
    "  '?d leadingIndustry ?i'   triple patterns (join several with ' . '); ?x is a variable\n"
    "  --path A B     the shortest connection between two entities\n"
    "  --relation R   only relation R (repeatable)\n"
    "  --type T       only entities of type T; with a pattern, --type x=T types variable ?x\n"
    "  --out, --in    only outgoing or incoming relations\n"
    "  --evidence     add the sentence behind each relation\n"
    "  --format F     table (default), tsv or json\n"
    "\n"
    "  names resolve by canonical name, alias, Type/name id or IRI\n"
    "  exit: 0 found, 1 nothing found, 2 usage or input error\n";

const char* kConvertUsage =
    "usage: doc2kg convert INPUT... [-o OUTPUT] [--format F] [-j N] [--jsonl] [--rules DIR]\n"
    "\n"
    "  INPUT       an article (text or web page; UTF-8, GB18030 or UTF-16), a directory\n"
    "              (every *.txt below it), or - for stdin; all become one graph\n"
    "  --jsonl     read articles from stdin as JSON Lines: {\"id\", \"text\", \"title\"?, \"date\"?, \"source\"?}\n"
    "  -o OUTPUT   output file, - for stdout (default); the format follows its\n"
    "              extension (.graphml, .jsonld, .nq, .dot) unless --format is given\n"
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

std::string base_name(const std::string& path) {
  if (path == "-") return "stdin";
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct Args {
  std::vector<std::string> positional;
  std::string output = "-", format, rules;
  bool help = false, version = false;
  // query
  std::vector<std::string> relations, types, path;
  bool out = false, in = false, evidence = false;
  // convert
  bool jsonl = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

Args parse(int argc, char** argv, int from) {
  Args a;
  for (int i = from; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&](const std::string& flag) {
      if (i + 1 >= argc) throw Error(kExitUsage, flag + " needs a value");
      return std::string(argv[++i]);
    };
    if (s == "--help" || s == "-h") a.help = true;
    else if (s == "--version") a.version = true;
    else if (s == "-o" || s == "--output") a.output = value(s);
    else if (s == "--format") a.format = value(s);
    else if (s == "--rules") a.rules = value(s);
    else if (s == "--jsonl") a.jsonl = true;
    else if (s == "-j" || s == "--jobs" || (s.rfind("-j", 0) == 0 && s.size() > 2)) {
      std::string n = s.size() > 2 && s[1] == 'j' ? s.substr(2) : value(s);
      if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || std::stoul(n) == 0)
        throw Error(kExitUsage, "-j needs a positive number of threads");
      a.jobs = static_cast<unsigned>(std::stoul(n));
    }
    else if (s == "--relation") a.relations.push_back(value(s));
    else if (s == "--type") a.types.push_back(value(s));
    else if (s == "--out") a.out = true;
    else if (s == "--in") a.in = true;
    else if (s == "--evidence") a.evidence = true;
    else if (s == "--path") {
      a.path.push_back(value(s));
      a.path.push_back(value(s));
    }
    else if (s.size() > 1 && s[0] == '-' && s != "-") throw Error(kExitUsage, "unknown option " + s);
    else a.positional.push_back(s);
  }
  return a;
}

int convert(const Args& a) {
  if (a.positional.empty() && !a.jsonl) throw Error(kExitUsage, "convert needs an INPUT (a file, a directory, or - for stdin)");
  Format format = a.format.empty() ? format_of_path(a.output, Format::JsonLd) : parse_format(a.format);
  auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);
  std::vector<ArticleInput> files = gather_inputs(a.positional);
  std::vector<std::string> input_paths = a.positional;  // never overwritten by the output
  for (const auto& in : files) input_paths.push_back(in.path);
  if (files.empty() && !a.jsonl) throw Error(kExitInput, "no articles found in the inputs");
  ArticleSource inputs = a.jsonl ? concat(jsonl_source(std::cin, "stdin"), from_list(files)) : from_list(files);
  auto report = [&](const std::string& id, const std::string& why) { std::cerr << "doc2kg: skipped " << id << ": " << why << "\n"; };
  BatchSummary summary;
  if (format == Format::NQuads) {  // streamed: one article's quads at a time
    write_output(a.output, input_paths, [&](std::ostream& out) {
      summary = convert_batch(inputs, *rules, a.jobs, [&](const Document& x) {
        KnowledgeGraph one;
        add_to_graph(one, x);
        NodeData article;
        article.type = "Article";
        article.name = x.info.id;
        write_nquads(one, kNodeBaseIri + KnowledgeGraph::node_id(article), out);
      }, report, true);
      if (summary.converted == 0) throw Error(kExitInput, "no article could be read; nothing written");
    });
  } else {
    KnowledgeGraph graph;
    summary = convert_batch(inputs, *rules, a.jobs, [&](const Document& x) { add_to_graph(graph, x); }, report, true);
    if (summary.converted == 0) throw Error(kExitInput, "no article could be read; nothing written");
    if (format == Format::Neo4jCsv) {
      if (a.output == "-") throw Error(kExitUsage, "--format neo4j-csv writes a directory: give -o DIR");
      std::error_code ec;
      std::filesystem::create_directories(a.output, ec);
      if (ec) throw Error(kExitOutput, a.output + ": cannot create directory (" + ec.message() + ")");
      write_output(a.output + "/nodes.csv", input_paths, [&](std::ostream& out) { write_neo4j_nodes(graph, out); });
      write_output(a.output + "/relationships.csv", input_paths, [&](std::ostream& out) { write_neo4j_relationships(graph, out); });
    } else {
      write_output(a.output, input_paths, [&](std::ostream& out) { write_graph(graph, format, out); });
    }
  }
  if (summary.converted + summary.failed > 1 || summary.failed > 0)
    std::cerr << "doc2kg: " << summary.converted << " converted, " << summary.failed << " failed, "
              << std::fixed << std::setprecision(1) << summary.seconds << " s\n";
  return summary.failed > 0 ? kExitInput : kExitOk;
}

TableFormat table_format(const std::string& f) {
  if (f.empty() || f == "table") return TableFormat::Aligned;
  if (f == "tsv") return TableFormat::Tsv;
  if (f == "json") return TableFormat::Json;
  throw Error(kExitUsage, "unknown format \"" + f + "\" (table, tsv, json)");
}

// Graph files are the positional arguments that are files; the one left is the question.
KnowledgeGraph load_graphs(const Args& a, std::string* question) {
  KnowledgeGraph graph;
  std::vector<std::string> files;
  for (const auto& p : a.positional) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) files.push_back(p);
    else if (question && question->empty()) *question = p;
    else throw Error(kExitUsage, p + ": no such graph file");
  }
  if (files.empty()) throw Error(kExitUsage, "give at least one GRAPH file");
  for (const auto& f : files) read_graph_file(f, graph);
  return graph;
}

int query(const Args& a) {
  std::string question;
  KnowledgeGraph graph = load_graphs(a, &question);
  EntityIndex index(graph);
  QueryFilter filter;
  filter.relations = a.relations;
  filter.evidence = a.evidence;
  if (a.out || a.in) filter.out = a.out, filter.in = a.in;
  for (const auto& t : a.types) {
    auto eq = t.find('=');
    if (eq == std::string::npos) filter.types.push_back(t);
    else filter.variable_types[t.substr(0, eq)] = t.substr(eq + 1);
  }
  TableFormat format = table_format(a.format);
  Table answer;
  if (!a.path.empty()) {
    if (!question.empty()) throw Error(kExitUsage, "--path takes the two names; no other question");
    answer = shortest_path(graph, index.resolve_one(a.path[0]), index.resolve_one(a.path[1]), filter);
  } else if (question.find('?') != std::string::npos && question.find(' ') != std::string::npos) {
    answer = match_patterns(graph, index, question, filter);
  } else if (!question.empty()) {
    Vertex v = index.resolve_one(question);
    const NodeData& n = graph.graph()[v];
    if (format == TableFormat::Aligned) {
      std::cout << n.name << "  (" << n.type << ")  " << KnowledgeGraph::node_id(n) << "\n";
      if (!n.aliases.empty()) {
        std::cout << "aliases:";
        for (const auto& al : n.aliases) std::cout << " " << al;
        std::cout << "\n";
      }
      std::cout << "\n";
    }
    answer = entity_card(graph, v, filter);
  } else {
    throw Error(kExitUsage, "what to ask: a NAME, a pattern '?s relation ?o', or --path A B");
  }
  if (answer.rows.empty()) {
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
  if (a.positional.empty() || a.positional[0] != "check") throw Error(kExitUsage, "usage: doc2kg rules check [DIR]");
  std::string dir = a.positional.size() > 1 ? a.positional[1] : (a.rules.empty() ? RuleSet::default_dir() : a.rules);
  auto problems = RuleSet::check(dir);
  for (const auto& p : problems) std::cerr << p << "\n";
  if (!problems.empty()) {
    std::cerr << problems.size() << " problem(s) in " << dir << "\n";
    return kExitRules;
  }
  auto rules = RuleSet::load(dir);
  std::cout << dir << ": ok (" << rules->entity_rules.size() << " entity rules, " << rules->relation_rules.size()
            << " relation rules, " << rules->lexicon_entries.size() << " lexicon entries)\n";
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string command = argc > 1 ? argv[1] : "";
    if (command == "--version") {
      std::cout << "doc2kg " << DOC2KG_VERSION << "\n";
      return kExitOk;
    }
    if (command.empty() || command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return command.empty() ? kExitUsage : kExitOk;
    }
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
        return e.code() == kExitNothingFound ? kExitNothingFound : kExitUsage;
      }
    }
    if (command == "text") {
      if (a.help || a.positional.size() != 1)
        return std::cout << "usage: doc2kg text INPUT [--rules DIR]\n", a.help ? kExitOk : kExitUsage;
      auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);  // the header and date words
      Document d = read_article(read_file(a.positional[0]), base_name(a.positional[0]), *rules);
      std::cout << "title: " << d.info.title << "\ndate: " << d.info.date << "\nauthor: " << d.info.author
                << "\nsource: " << d.info.source << "\n\n";
      for (const Range& p : d.paragraphs) std::cout << d.quote(p) << "\n";
      return kExitOk;
    }
    if (command == "words") {
      if (a.help || a.positional.size() != 1)
        return std::cout << "usage: doc2kg words INPUT [--rules DIR]\n", a.help ? kExitOk : kExitUsage;
      auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);
      Document d = read_article(read_file(a.positional[0]), base_name(a.positional[0]), *rules);
      segmenter::run(d, *rules);
      tokenizer::run(d, *rules);
      size_t w = 0;
      for (const Range& s : d.sentences) {
        for (; w < d.words.size() && d.words[w].range.begin < s.end; ++w)
          std::cout << (d.words[w].range.begin > s.begin ? " " : "") << d.quote(d.words[w].range) << "/"
                    << rules->words.pos_name(d.words[w].pos);
        std::cout << "\n";
      }
      return kExitOk;
    }
    if (command == "stats") {
      if (a.help) return std::cout << "usage: doc2kg stats GRAPH... [--format table|tsv|json]\n", kExitOk;
      return stats(a);
    }
    if (command == "rules") {
      if (a.help) return std::cout << kRulesUsage, kExitOk;
      return rules_command(a);
    }
    throw Error(kExitUsage, "unknown command \"" + command + "\"\n" + kUsage);
  } catch (const Error& e) {
    std::cerr << "doc2kg: " << e.what() << "\n";
    return e.code();
  } catch (const std::exception& e) {
    std::cerr << "doc2kg: internal error: " << e.what() << "\n";
    return 70;
  }
}
