// stem_filter(): Snowball stems for English, Russian and Arabic tokens.
//
// The language comes from the token's script. Three corrections make forms
// of one word meet:
//  1. Arabic words lose their proclitics and article first (see
//     arabic_light_stem.h), so العقوبات, عقوبات and والعقوبات share a stem.
//  2. Russian words are stemmed a second time when the result keeps at least
//     five letters: Snowball reads the final -им of the bare name Хмеймим as
//     an adjective ending but keeps it in Хмеймиме, and the second pass brings
//     both to хмейм. The length floor stops it eating short stems
//     (военными -> воен, not во).
//  3. Stems are cached per distinct word and thread, since Xapian::Stem is
//     neither cheap nor safe to share between threads.
#include <xapian.h>

#include <string>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/error.h"
#include "arabic_light_stem.h"
#include "word_cache.h"

namespace akhbar::analysis {

namespace {

constexpr std::size_t kCachedWords = 1 << 16;
constexpr std::size_t kMinimumRussianSecondPassLetters = 5;

std::size_t code_points_in(std::string_view word) noexcept {
  std::size_t count = 0;
  for (char byte : word) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// One Snowball stemmer and one cache per language and thread.
struct Stemmer {
  explicit Stemmer(const char* language) : snowball(language), cache(kCachedWords) {}
  Xapian::Stem snowball;
  detail::WordCache<std::string> cache;
};

const std::string& stem_english(std::string_view word) {
  thread_local Stemmer english("english");
  return english.cache.get(word, [](std::string_view w) { return english.snowball(std::string(w)); });
}

const std::string& stem_russian(std::string_view word) {
  thread_local Stemmer russian("russian");
  return russian.cache.get(word, [](std::string_view w) {
    std::string once = russian.snowball(std::string(w));
    std::string twice = russian.snowball(once);
    return code_points_in(twice) >= kMinimumRussianSecondPassLetters ? twice : once;
  });
}

const std::string& stem_arabic(std::string_view word) {
  thread_local Stemmer arabic("arabic");
  return arabic.cache.get(word, [](std::string_view w) {
    return arabic.snowball(std::string(detail::strip_arabic_proclitics(w)));
  });
}

class StemStream final : public TokenStream {
 public:
  explicit StemStream(std::unique_ptr<TokenStream> input) : input_(std::move(input)) {}

  bool next(Token& token) override {
    if (!input_->next(token)) return false;
    switch (token.script) {
      case Script::kLatin:
        token.stem = stem_english(token.text);
        break;
      case Script::kCyrillic:
        token.stem = stem_russian(token.text);
        break;
      case Script::kArabic:
        token.stem = stem_arabic(token.text);
        break;
      case Script::kNumber:
      case Script::kOther:
        token.stem.clear();
        break;
    }
    return true;
  }

 private:
  std::unique_ptr<TokenStream> input_;
};

class StemFilter final : public TokenFilter {
 public:
  std::unique_ptr<TokenStream> wrap(std::unique_ptr<TokenStream> input) const override {
    if (!input) throw UsageError("stem_filter() was given no token stream to wrap.");
    return std::make_unique<StemStream>(std::move(input));
  }
};

}  // namespace

std::shared_ptr<const TokenFilter> stem_filter() {
  static const auto filter = std::make_shared<const StemFilter>();
  return filter;
}

}  // namespace akhbar::analysis
