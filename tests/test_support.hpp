#pragma once
// Shared by the tests: the project's rule set, loaded once, and a helper that
// runs the whole extraction over a short text of the test's own.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "doc2kg/pipeline.hpp"
#include "graph/vocabulary.hpp"
#include "rules/rule_set.hpp"
#include "stages.hpp"

namespace doc2kg::test {

inline const RuleSetImpl& project_rules() {
  static auto rules = RuleSet::load(DOC2KG_SOURCE_DIR "/rules");
  return impl(*rules);
}

inline Document run(const std::string& text, const std::string& id = "test.txt") {
  return extract(text, id, project_rules());
}

inline bool has_entity(const Document& x, const std::string& type, const std::string& name) {
  return std::any_of(x.entities.begin(), x.entities.end(),
                     [&](const Span& s) { return s.type == type && s.name == name; });
}

inline bool has_fact(const Document& x, const std::string& head, const std::string& relation, const std::string& tail) {
  return std::any_of(x.facts.begin(), x.facts.end(),
                     [&](const Fact& f) { return f.head == head && f.relation == relation && f.tail == tail; });
}

// The least a rule set of a test's own needs: a lexicon of kind words for every
// word list the code requires (required_word_lists()), written into `dir` as
// required.json and lexicons/required/*.tsv; empty unless `words` gives a list's
// words (one a line).
inline void write_required_word_lists(const std::filesystem::path& dir,
                                      const std::map<std::string, std::string>& words = {}) {
  std::filesystem::create_directories(dir / "lexicons" / "required");
  std::string json = "{\"lexicons\": [";
  bool first = true;
  for (const auto& list : required_word_lists()) {
    std::string file = "lexicons/required/" + list.id + ".tsv";
    auto given = words.find(list.id);
    std::ofstream(dir / file) << "# " << list.id << "\n" << (given == words.end() ? "" : given->second);
    json += std::string(first ? "" : ",") + "\n  {\"id\": \"" + list.id + "\", \"kind\": \"words\", \"file\": \"" +
            file + "\"}";
    first = false;
  }
  std::ofstream(dir / "required.json") << json << "\n]}\n";
}

}  // namespace doc2kg::test
