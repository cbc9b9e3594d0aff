// analyse(), usable(): text through the engine's own analysis chain.
#include "analysed.h"

namespace akhbar::resources {

Analysed analyse(std::string_view text) {
  Analysed analysed;
  bool first = true;
  for (const analysis::Token& token : analysis::news_analyzer().analyze(text)) {
    if (token.kind == analysis::Token::Kind::kPart) continue;
    analysed.words.push_back(token.text);
    analysed.stems.push_back(token.stem);
    if (first) analysed.script = token.script;
    else if (analysed.script != token.script) analysed.script = analysis::Script::kOther;
    first = false;
  }
  return analysed;
}

bool usable(const Analysed& analysed, std::string_view lang, std::size_t max_words) {
  if (analysed.words.empty() || analysed.words.size() > max_words) return false;
  if (analysis::language_of(analysed.script) != lang) return false;
  return !(analysed.words.size() == 1 && analysis::is_stopword(analysed.words.front()));
}

}  // namespace akhbar::resources
