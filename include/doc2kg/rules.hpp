#pragma once
// A rule set: everything doc2kg knows about the language of the articles it
// reads — lexicons, the division table, the word dictionary, entity and
// relation rules — loaded from a rules directory (rules/README.md describes
// its files). What a rule set holds is the pipeline's business: to a caller
// it is an opaque value that is loaded or checked, then handed to extract().
//
//   std::vector<std::string> problems = doc2kg::RuleSet::check(dir);  // every problem, file:line:column
//   auto rules = doc2kg::RuleSet::load(doc2kg::RuleSet::default_dir());
//   doc2kg::Document doc = doc2kg::extract(text, "article.txt", *rules);
//
// Thread safety: a loaded rule set is immutable (what stages derive from it
// is made once, under a lock): any number of threads may share one.
#include <memory>
#include <string>
#include <vector>

namespace doc2kg {

class RuleSet {
 public:
  // Loads every *.json in `dir` and the lexicons they name. Throws Error(ErrorKind::Rules)
  // listing every problem found, each as file:line:column: message.
  static std::shared_ptr<const RuleSet> load(const std::string& dir);
  // The problems load() would report, without throwing.
  static std::vector<std::string> check(const std::string& dir);
  // The rules directory used when none is given: $DOC2KG_RULES, the installed
  // one beside the binary (PREFIX/share/doc2kg/rules), the source tree's.
  static std::string default_dir();

  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  virtual ~RuleSet();

 protected:
  RuleSet() = default;  // only the library makes rule sets (src/rules/rule_set.hpp)
};

}  // namespace doc2kg
