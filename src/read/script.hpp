#pragma once
// Traditional Chinese: rules and lexicons are written in Simplified, so
// matching runs on a Simplified copy of exactly the same length in UTF-16
// units (offsets into the text are shared); evidence still quotes the
// original characters.
//
// The copy is made by OpenCC's phrase-aware Traditional-to-Simplified
// configuration (t2s.json: 顯著 -> 显著, 乾淨 -> 干净 but 乾隆 stays, 頭髮 ->
// 头发), run by run of Han characters. OpenCC maps a phrase to one of as many
// characters; where a character's Simplified form has another UTF-16 length
// (a few rare characters map to or from the supplementary planes), that
// character alone falls back to the per-character table (ICU Hant-Hans, or
// itself).
//
// OpenCC is loaded once, on the first Traditional text; its converter is
// read-only after that (Convert is const, dictionary look-ups use local
// state) and is shared by the threads that convert articles. If OpenCC's
// configuration cannot be loaded (its data is missing: Debian package
// libopencc-data), to_simplified throws Error naming the configuration and
// the package: the copy never silently changes with the installation.
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace doc2kg {

// True when a noticeable share of the Han characters are Traditional forms.
bool is_traditional(const icu::UnicodeString& text);

// The Simplified copy described above, of the same length.
icu::UnicodeString to_simplified(const icu::UnicodeString& text);

// Character for character (ICU Hant-Hans), one UTF-16 unit for one: the fallback.
icu::UnicodeString to_simplified_by_character(const icu::UnicodeString& text);

// An OpenCC configuration (a name in OpenCC's data directory, or a path)
// applied with the same-length guarantee; to_simplified uses one for "t2s.json".
class Simplifier {
 public:
  // Throws Error (ErrorKind::Input) naming the configuration if OpenCC cannot load it.
  explicit Simplifier(const std::string& opencc_config = "t2s.json");
  ~Simplifier();
  Simplifier(const Simplifier&) = delete;
  Simplifier& operator=(const Simplifier&) = delete;

  // Safe to call from several threads at once.
  icu::UnicodeString convert(const icu::UnicodeString& text) const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace doc2kg
