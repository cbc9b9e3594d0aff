/// @file translations.h
/// @brief Dictionary translations of words between English, Russian and
/// Arabic, compiled when akhbar is built from the bilingual dictionaries
/// Debian packages in dictd format (Mueller's English-Russian dictionary,
/// FreeDict English-Russian, English-Arabic and Arabic-English); Russian and
/// Arabic reach each other through English. At most three translations per
/// word and language, the least ambiguous first.
///
/// The file is translations.tsv in akhbar's data directory (format in
/// analysis/src/resource_format.h and the README). Every word was analysed
/// with news_analyzer() when it was compiled, so lookups take analysed
/// tokens.
///
/// Usage:
/// @code
///   const auto& translations = akhbar::analysis::Translations::shared();
///   const auto token = akhbar::analysis::news_analyzer().analyze("weather").front();
///   for (const auto& t : translations.of(token, "ru")) std::cout << t.entry.original << "\n";  // погода
/// @endcode
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/analysis/lexicon.h"

namespace akhbar::analysis {

/// One translation of a word.
struct Translation {
  /// The translation's words and stems (one word, or a short phrase);
  /// `original` is its words joined by spaces, `lang` its language.
  LexiconEntry entry;
  /// 1 for the preferred translation, then 2, 3.
  int rank = 0;
  /// Where it comes from: a dictionary ("mueller7", "freedict-eng-ara"...),
  /// or "en:WORD" for a translation through an English word.
  std::string via;
};

/// Immutable after loading; thread-safe to read.
class Translations {
 public:
  /// No translations.
  Translations();
  ~Translations();
  Translations(Translations&&) noexcept;
  Translations& operator=(Translations&&) noexcept;

  /// Loads `path`. Throws IoError if it cannot be read and DataError
  /// ("FILE:LINE: reason") if its header is not a translation file's of
  /// this format and analysis version, or a line is malformed.
  static Translations load(const std::string& path);

  /// The translations akhbar ships: translations.tsv in $AKHBAR_DATA_DIR,
  /// else in the installed data directory, else in the build tree. Loaded
  /// once, on first use. Throws what load() throws, and IoError naming the
  /// places it looked when the file is nowhere; a later call tries again.
  static const Translations& shared();

  /// The translations into `lang` ("en", "ru", "ar") of the word of
  /// `token` (its language from its script): those of the word itself, or
  /// where it has none into `lang`, those of the words with its stem (stems
  /// of four letters or more: shorter ones join unrelated words), best rank
  /// first, each translation once. Empty for a word of `lang` itself or one
  /// the dictionaries lack.
  std::vector<Translation> of(const Token& token, std::string_view lang) const;

  /// Number of (word, translation) pairs loaded.
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akhbar::analysis
