// news_analyzer(): the default chain shared by the indexer, queries and snippets.
#include "akhbar/analysis/analyzer.h"

namespace akhbar::analysis {

const Analyzer& news_analyzer() {
  // A function-local static is built once, thread-safely, on first use.
  static const Analyzer analyzer =
      AnalyzerBuilder(icu_tokenizer()).then(normalize_filter()).then(stem_filter()).build();
  return analyzer;
}

}  // namespace akhbar::analysis
