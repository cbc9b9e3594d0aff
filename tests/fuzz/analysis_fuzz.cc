// Fuzzes the analysis chain: any bytes through news_analyzer().analyze(),
// and the single-word helpers. Tokens must point into the text they came
// from, in order, and never be empty.
#include <cstdint>
#include <string>
#include <string_view>

#include "akhbar/analysis/analyzer.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& analyzer = akhbar::analysis::news_analyzer();
  std::uint32_t last_position = 0;
  for (const akhbar::analysis::Token& token : analyzer.analyze(text)) {
    AKHBAR_FUZZ_CHECK(!token.text.empty());
    AKHBAR_FUZZ_CHECK(token.begin < token.end);
    AKHBAR_FUZZ_CHECK(token.end <= size);
    AKHBAR_FUZZ_CHECK(token.position >= last_position);
    last_position = token.position;
    // A word normalised again is unchanged: the index and the query side
    // must agree on every term.
    AKHBAR_FUZZ_CHECK(akhbar::analysis::normalize_word(token.text) == token.text);
  }
  const std::string language = akhbar::analysis::detect_language(text);
  AKHBAR_FUZZ_CHECK(language.empty() || language == "en" || language == "ru" || language == "ar");
  akhbar::analysis::is_stopword(akhbar::analysis::normalize_word(text));
  return 0;
}
