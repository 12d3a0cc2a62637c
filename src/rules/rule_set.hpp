#pragma once
// What a rule set holds (the library's side of doc2kg/rules.hpp): lexicons,
// the division table, the word dictionary, entity patterns and relation
// rules, loaded from a rules directory (see rules/README.md). Loaded once,
// then shared read-only by every stage and thread.
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "doc2kg/rules.hpp"
#include "rules/divisions.hpp"
#include "rules/lexicon.hpp"
#include "rules/pattern.hpp"
#include "rules/rule_data.hpp"
#include "rules/triggers.hpp"
#include "rules/words.hpp"

namespace doc2kg {

// The character that stands for an entity of `type` in an annotated sentence.
UChar placeholder(const std::string& type);
// The type a placeholder stands for, or "" for ordinary text.
std::string placeholder_type(UChar c);

struct LexiconEntry {
  std::string type;       // entity type
  std::string canonical;  // canonical name; "@area" etc. for references resolved later
  std::string rule;       // lexicon id, reported as the rule in evidence
  double confidence = 1.0;
  int priority = 0;
  int division = -1;   // index into the division table, -1 if not a division
  bool alias = false;  // a short form, enabled only for divisions the article is about
};

// Throws Error(ErrorKind::Rules) if `status` says the rule's pattern ran out of time.
void check_match_time(UErrorCode status, const std::string& rule_id, const std::string& article);

// A word that refers to an entity named before it (该乡: the nearest 乡).
struct Reference {
  std::string type;           // the type of the entity it names
  icu::UnicodeString suffix;  // that entity's name ends with this ("" = any)
  std::string rule;           // lexicon id, reported as the rule in evidence
};

struct CompiledPattern {
  std::unique_ptr<RulePattern> regex;        // PCRE2 when it has a form there, else ICU (pattern.hpp)
  std::vector<icu::UnicodeString> triggers;  // the rule runs only where one occurs
  int trigger_number = -1;                   // in the rule set's TriggerIndex, which says where
  std::string file;
};

struct EntityRule {
  std::string id, type;
  int phase = 1, priority = 0, min_count = 1;
  double confidence = 1.0;
  bool trim = false, repeat = false;
  // Entities of these types that open the name in their full form are its
  // container, not part of it (海宁市|长安镇…项目); a short form stays (海宁泛半导体产业园).
  std::vector<std::string> strip_leading_types;
  std::unique_ptr<RulePattern> reject;  // on the canonical name
  CompiledPattern pattern;
};

struct RelationRule {
  std::string id;
  std::string relation;          // a relation name, or "@group" mapped through the roles lexicon
  std::string head = "subject";  // "subject", "area" or a named group
  std::string tail = "list";     // "list" or a named group
  std::vector<std::string> head_types, subject_types, tail_types;
  std::string list_type;  // type of the {T*}/{T+} slot, if any
  bool list_allows_new = false;
  std::string item_suffixes;  // a word list: a new list item must end with one of its words ("" = any)
  int priority = 0;
  double confidence = 1.0;
  CompiledPattern pattern;
};

// A word list that C++ code looks up by name, and what reads it.
struct RequiredWordList {
  std::string id;
  std::string needed_by;
};

class RuleSetImpl final : public RuleSet {
 public:
  // Loads every *.json in `dir` and the lexicons they name; every problem
  // found goes to `problems` as file:line:column: message. A rule set must
  // hold each word list of `required` (the stages' own: pipeline.cpp says which).
  static std::shared_ptr<RuleSetImpl> load(const std::string& dir, const std::vector<RequiredWordList>& required,
                                           std::vector<std::string>& problems);

  std::string dir;
  DivisionTable divisions;
  std::vector<LexiconEntry> lexicon_entries;
  Trie lexicon;                       // keys -> index into lexicon_entries
  std::vector<Reference> references;  // lexicons of kind "references"
  Trie reference_trie;                // written form -> index into references
  // Lexicons of kind "abbreviations": a short head and the long one it stands for (高新区, 高新技术产业开发区).
  std::vector<std::pair<icu::UnicodeString, icu::UnicodeString>> abbreviations;
  WordDictionary words;  // the word lexicon (kind "dictionary"), every lexicon key joined as a user word
  std::map<std::string, WordSet> word_lists;  // trim_prefixes, trim_suffixes, generic...
  std::map<icu::UnicodeString, std::string> roles;                 // role word -> relation
  UnitTable units;                                                 // written unit -> normalized
  std::vector<EntityRule> entity_rules;                            // sorted by phase
  std::vector<RelationRule> relation_rules;
  TriggerIndex triggers;  // every rule's triggers: which rules a sentence triggers
  std::vector<std::string> default_located_types;      // located in the article's area unless stated
  std::vector<std::string> subdistrict_located_types;  // ... or in a subdistrict named before them in the sentence
  std::vector<std::string> related_only_types;         // kept only when a fact uses them (an industry in passing)
  std::unique_ptr<RulePattern> list_separator;         // between the items of a list slot
  // By type of a {T+} slot: the word lists whose words are stripped from the front
  // of a new item (lead-in verbs: 做强, 布局), and a regex that drops an item's name.
  std::map<std::string, std::vector<std::string>> list_item_prefixes;
  std::map<std::string, std::shared_ptr<RulePattern>> list_item_reject;
  // Joins parts of one item (汽车及零部件) unless the list needs it as a separator:
  // A、B及C splits its last item, and so does a stated count (三大) that says so.
  std::unique_ptr<RulePattern> list_joiner;
  std::unique_ptr<RulePattern> list_count;  // after a list: its stated count (group "n")
  std::set<std::string> item_not_initial;         // parts of speech that never start a new item
  std::set<std::string> item_not_final;           // ... that never end one (dropped from its end)
  std::map<std::string, std::string>
      list_item_suffixes;  // by type: a word list of endings kept whatever their part of speech
  // The phrase check (analysis/phrase.hpp): the types whose names it checks, and the parts
  // of speech that do not open a name (a word of two or more characters).
  std::set<std::string> phrase_types, phrase_not_initial;

  // What stages build from the rule set (compiled grammars), made on first use
  // and kept with it: by name, under the mutex, so threads share one copy.
  mutable std::mutex derived_mutex;
  mutable std::map<std::string, std::shared_ptr<const void>> derived;

  bool in_list(const std::string& list, const icu::UnicodeString& word) const;
  int max_phase() const;
};

// The rule set behind the public handle: every RuleSet the library makes is a RuleSetImpl.
inline const RuleSetImpl& impl(const RuleSet& rules) { return static_cast<const RuleSetImpl&>(rules); }

}  // namespace doc2kg
