// A dictionary or gazetteer text as the engine analyses it: the words and
// stems news_analyzer() gives, which is what lookups compare at query time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::resources {

struct Analysed {
  std::vector<std::string> words;  ///< normalised words (compound parts left out)
  std::vector<std::string> stems;  ///< their stems, "" where none
  /// The script of every word, or kOther when they differ or there is none.
  analysis::Script script = analysis::Script::kOther;
};

Analysed analyse(std::string_view text);

/// True if `analysed` is usable text of language `lang` ("en", "ru", "ar"):
/// one to `max_words` words, all in the language's script, and not a lone
/// stopword (Russian "Того" is Togo and "of that").
bool usable(const Analysed& analysed, std::string_view lang, std::size_t max_words);

}  // namespace akhbar::resources
