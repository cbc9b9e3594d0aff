// Compiles translations.tsv from the bilingual dictionaries Debian packages
// in dictd format.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace akhbar::resources {

/// One dictd dictionary: NAME.index and NAME.dict.dz.
struct DictdFiles {
  std::string index;
  std::string dict;
};

struct DictionaryFiles {
  DictdFiles mueller_en_ru;    ///< mueller7-dict
  DictdFiles freedict_en_ru;   ///< dict-freedict-eng-rus
  DictdFiles freedict_en_ar;   ///< dict-freedict-eng-ara
  DictdFiles freedict_ar_en;   ///< dict-freedict-ara-eng
};

/// What a build kept, for the build log and the README.
struct TranslationCounts {
  /// Words with at least one translation, by direction ("en-ru", "ru-ar"...).
  std::map<std::string, std::size_t> words;
  /// (word, translation) pairs written, by direction.
  std::map<std::string, std::size_t> pairs;
  /// Candidate translations refused as too ambiguous (see the .cc).
  std::size_t ambiguous = 0;
  /// Candidates refused for their form (phrases, other scripts, stopwords).
  std::size_t unusable = 0;
};

/// Writes the translations to `out_path` (resource_format.h): English to
/// Russian from Mueller's dictionary and FreeDict's, English to Arabic and
/// Arabic to English from FreeDict's, Russian to English by reading the
/// English-Russian dictionaries backwards, and Russian to Arabic and back
/// through English. At most three translations per word and direction,
/// single words or two-word phrases, the least ambiguous first. Throws
/// akhbar::IoError / DataError naming the input or output that failed.
TranslationCounts build_translations(const DictionaryFiles& files, const std::string& out_path);

}  // namespace akhbar::resources
