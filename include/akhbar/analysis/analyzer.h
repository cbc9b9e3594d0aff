/// @file analyzer.h
/// @brief The analysis chain: text -> normalised, stemmed tokens with offsets.
///
/// One chain serves indexing, querying and snippets: a word must become the
/// same terms on every side or it will not match. The chain is a tokenizer
/// followed by filters, each a small stage that can be tested alone.
///
/// Usage:
/// @code
///   const auto& analyzer = akhbar::analysis::news_analyzer();
///   for (const auto& token : analyzer.analyze("В Тартусе, al-Sharaa said"))
///     std::cout << token.text << " " << token.stem << "\n";
/// @endcode
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::analysis {

/// The writing system of a token, decided from its letters.
enum class Script : std::uint8_t {
  kOther,     ///< anything else (CJK, Greek, symbols...)
  kLatin,     ///< English and other Latin-script text
  kCyrillic,  ///< Russian
  kArabic,    ///< Arabic (and Persian letters)
  kNumber,    ///< digits only (after digit normalisation)
};

/// Language codes akhbar analyses: "en", "ru", "ar"; "" for none.
/// Latin -> "en", Cyrillic -> "ru", Arabic -> "ar", otherwise "".
std::string_view language_of(Script script) noexcept;

/// One word of the analysed text.
///
/// A hyphenated or apostrophe word (al-Sharaa, ash-Sham, Hay'at) yields a
/// kCompound token holding the whole word, followed by one kPart token per
/// part; the compound and its first part share a position, and the parts take
/// consecutive positions, so "al Sharaa" and "al-Sharaa" both match as a
/// phrase and "Sharaa" matches alone.
struct Token {
  enum class Kind : std::uint8_t { kWord, kCompound, kPart };

  std::string text;            ///< normalised form (the unstemmed term)
  std::string stem;            ///< stem, set by the stem filter; "" if none applies
  std::size_t begin = 0;       ///< byte offset of the word in the original text
  std::size_t end = 0;         ///< one past its last byte in the original text
  std::uint32_t position = 0;  ///< word position, from 0
  Script script = Script::kOther;
  Kind kind = Kind::kWord;
  bool capitalised = false;    ///< first letter upper-case in the original (Latin, Cyrillic)
};

/// A pull stream of tokens over text the caller keeps alive.
/// next() returns false at the end and keeps returning false afterwards.
class TokenStream {
 public:
  virtual ~TokenStream() = default;
  virtual bool next(Token& token) = 0;
};

/// Splits text into word tokens. Thread-safe: each call makes its own stream.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  /// REQUIRES: `text` outlives the returned stream.
  virtual std::unique_ptr<TokenStream> tokenize(std::string_view text) const = 0;
};

/// Transforms the tokens of another stream. Thread-safe, as Tokenizer.
class TokenFilter {
 public:
  virtual ~TokenFilter() = default;
  virtual std::unique_ptr<TokenStream> wrap(std::unique_ptr<TokenStream> input) const = 0;
};

/// A tokenizer and its filters, in order. Immutable and thread-safe.
class Analyzer {
 public:
  Analyzer(std::shared_ptr<const Tokenizer> tokenizer,
           std::vector<std::shared_ptr<const TokenFilter>> filters);

  /// REQUIRES: `text` outlives the returned stream.
  std::unique_ptr<TokenStream> stream(std::string_view text) const;

  /// All tokens of `text`. Invalid UTF-8 is treated as U+FFFD and never throws.
  std::vector<Token> analyze(std::string_view text) const;

 private:
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::vector<std::shared_ptr<const TokenFilter>> filters_;
};

/// Builds an Analyzer stage by stage:
/// @code
///   auto a = AnalyzerBuilder(icu_tokenizer()).then(normalize_filter()).build();
/// @endcode
class AnalyzerBuilder {
 public:
  explicit AnalyzerBuilder(std::shared_ptr<const Tokenizer> tokenizer);
  AnalyzerBuilder& then(std::shared_ptr<const TokenFilter> filter);
  Analyzer build() const;

 private:
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::vector<std::shared_ptr<const TokenFilter>> filters_;
};

/// ICU word segmentation (icu::BreakIterator, root locale) for all scripts and
/// mixed text. Emits words and numbers, never punctuation or spaces; sets
/// offsets, positions, script, capitalised; splits compounds (see Token).
std::shared_ptr<const Tokenizer> icu_tokenizer();

/// Normalisation: NFKC with case folding; Russian ё -> е (й untouched);
/// Arabic: diacritics (fathatan..sukun, superscript alef) and tatweel removed,
/// أ إ آ ٱ -> ا, ى -> ي, ة -> ه; Arabic-Indic and Persian digits -> ASCII;
/// zero-width and bidi control characters removed. Offsets are kept. A token
/// that normalises to nothing is dropped.
std::shared_ptr<const TokenFilter> normalize_filter();

/// Sets Token::stem with Xapian's Snowball stemmer for the token's language
/// (from its script): english, russian, or arabic after light stemming of
/// proclitics (و ف ب ك ل with ال). Leaves Token::text unchanged.
std::shared_ptr<const TokenFilter> stem_filter();

/// The default chain: icu_tokenizer -> normalize_filter -> stem_filter.
/// Built once; the same object for every caller. Thread-safe.
const Analyzer& news_analyzer();

/// Normalises one word exactly as normalize_filter() does.
std::string normalize_word(std::string_view word);

/// True for a normalised function word of English, Russian or Arabic
/// ("the", "и", "في"...). Stopwords stay in the index (phrases need them) and
/// are dropped from free-text queries.
bool is_stopword(std::string_view normalised_word);

/// The dominant language of a text, from the scripts of its letters:
/// "en", "ru", "ar", or "" when it has no letters of those scripts.
std::string detect_language(std::string_view text);

}  // namespace akhbar::analysis
