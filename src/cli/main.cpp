// doc2kg command line: parse arguments, call the library, print. Exit codes
// are listed in README.md ("Exit codes") and in doc2kg/error.hpp.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "doc2kg/error.hpp"
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
    "  convert INPUT... [-o OUTPUT] [--format graphml|jsonld] [--rules DIR]\n"
    "        convert articles (files, or - for stdin) into one knowledge graph\n"
    "  rules check [DIR]\n"
    "        validate a rule set (default: the project's rules/)\n"
    "\n"
    "options: --help, --version on every command\n"
    "exit codes: 0 ok, 2 usage, 3 bad input, 4 bad rules, 5 output not written\n";

const char* kConvertUsage =
    "usage: doc2kg convert INPUT... [-o OUTPUT] [--format graphml|jsonld] [--rules DIR]\n"
    "\n"
    "  INPUT       article text (UTF-8, GB18030 or UTF-16); - reads stdin\n"
    "  -o OUTPUT   output file, - for stdout (default); the format follows its\n"
    "              extension (.graphml, .jsonld) unless --format is given\n"
    "  --format F  graphml or jsonld (default jsonld when the extension says nothing)\n"
    "  --rules DIR rule set to use (default: the project's rules/)\n";

const char* kRulesUsage =
    "usage: doc2kg rules check [DIR] \n"
    "\n"
    "  checks every rule file and lexicon in DIR (default: the project's rules/);\n"
    "  prints each problem as file:line:column: message and exits 4 if there are any\n";

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(kExitInput, path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(kExitInput, path + ": read failed");
  return ss.str();
}

std::string base_name(const std::string& path) {
  if (path == "-") return "stdin";
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct Args {
  std::vector<std::string> positional;
  std::string output = "-", format, rules;
  bool help = false, version = false;
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
    else if (s.size() > 1 && s[0] == '-' && s != "-") throw Error(kExitUsage, "unknown option " + s);
    else a.positional.push_back(s);
  }
  return a;
}

int convert(const Args& a) {
  if (a.positional.empty()) throw Error(kExitUsage, "convert needs an INPUT (a file, or - for stdin)");
  Format format = a.format.empty() ? format_of_path(a.output, Format::JsonLd) : parse_format(a.format);
  auto rules = RuleSet::load(a.rules.empty() ? RuleSet::default_dir() : a.rules);
  KnowledgeGraph graph;
  for (const auto& input : a.positional) add_to_graph(graph, extract(read_input(input), base_name(input), *rules));
  write_output(a.output, a.positional, [&](std::ostream& out) { write_graph(graph, format, out); });
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
