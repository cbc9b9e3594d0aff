// normalize_filter() and normalize_word(): one spelling per word.
//
// A word is folded in three steps:
//  1. invisible controls (zero-width, bidi, soft hyphen) are dropped while
//     decoding, so they can neither split nor disguise a word;
//  2. ICU's NFKC_Casefold maps compatibility forms (Arabic presentation forms,
//     full-width Latin) and case to one form;
//  3. orthographic variants that Unicode keeps apart are merged: Russian ё,
//     Arabic diacritics, tatweel, hamza and alef forms, alef maqsura, ta
//     marbuta, Arabic-Indic digits and separators, and the typographic
//     hyphens and apostrophes that join compounds.
// Plain ASCII words only need lower-casing and skip ICU entirely; words of
// lower-case Russian or plain Arabic letters are already normal and skip it
// too (and the cache: a lookup in a large table costs more than the check).
#include <unicode/errorcode.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <string>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/error.h"
#include "text_scan.h"
#include "word_cache.h"

namespace akhbar::analysis {

namespace {

constexpr std::size_t kCachedWords = 1 << 16;

// The orthographic fold of one case-folded code point; 0 drops it.
constexpr char32_t fold_orthography(char32_t c) noexcept {
  if (c < 0x80) return c;
  if (detail::is_invisible_control(c)) return 0;
  switch (c) {
    case 0x0451:  // ё
      return 0x0435;  // е
    case 0x0622:  // آ alef with madda
    case 0x0623:  // أ alef with hamza above
    case 0x0625:  // إ alef with hamza below
    case 0x0671:  // ٱ alef wasla
    case 0x0672:  // alef with wavy hamza above
    case 0x0673:  // alef with wavy hamza below
      return 0x0627;  // ا
    case 0x0649:  // ى alef maqsura
    case 0x06CC:  // ی Persian yeh
      return 0x064A;  // ي
    case 0x06A9:  // ک Persian keheh
      return 0x0643;  // ك
    case 0x0629:  // ة ta marbuta
      return 0x0647;  // ه
    case 0x0640:  // tatweel
    case 0x0670:  // superscript alef
      return 0;
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
      return U'-';
    case 0x066B:  // Arabic decimal separator
      return U'.';
    case 0x066C:  // Arabic thousands separator
      return U',';
    case 0x2019:  // right single quotation mark
    case 0x02BC:  // modifier letter apostrophe
      return U'\'';
    default:
      break;
  }
  if (c >= 0x064B && c <= 0x065F) return 0;  // harakat, shadda, sukun, hamza marks
  if (c >= 0x06D6 && c <= 0x06ED) return 0;  // Quranic annotation marks
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);  // Persian digits
  return c;
}

bool is_ascii(std::string_view word) noexcept {
  for (char byte : word) {
    if (static_cast<unsigned char>(byte) >= 0x80) return false;
  }
  return true;
}

void lower_ascii(std::string& word) noexcept {
  for (char& byte : word) {
    if (byte >= 'A' && byte <= 'Z') byte = static_cast<char>(byte - 'A' + 'a');
  }
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2& instance = [] () -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr) {
      throw Error(std::string("ICU NFKC_Casefold normalisation is unavailable: ") +
                  u_errorName(status));
    }
    return *normalizer;
  }();
  return instance;
}

std::string normalize_with_icu(std::string_view word) {
  icu::UnicodeString decoded;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = detail::decode_utf8(word, i);
    if (!detail::is_invisible_control(c)) decoded.append(static_cast<UChar32>(c));
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = nfkc_casefold().normalize(decoded, status);
  if (U_FAILURE(status)) {
    throw Error(std::string("ICU could not normalise a word: ") + u_errorName(status));
  }
  std::string out;
  out.reserve(word.size());
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const char32_t c = fold_orthography(static_cast<char32_t>(folded.char32At(i)));
    if (c != 0) detail::append_utf8(out, c);
  }
  // A compound joins letters, but a letter may vanish (a lone tatweel, a
  // mark): never leave a hyphen or apostrophe dangling at either end.
  const auto first = out.find_first_not_of("-'");
  if (first == std::string::npos) return {};
  out.erase(out.find_last_not_of("-'") + 1);
  out.erase(0, first);
  return out;
}

// Normalises `word` where it stands; `scratch` is a buffer to reuse.
void normalize_in_place(std::string& word, std::string& scratch) {
  if (is_ascii(word)) {
    lower_ascii(word);
  } else if (!detail::is_normal_cyrillic_or_arabic(word)) {
    thread_local detail::WordCache<std::string> cache(kCachedWords);
    scratch = cache.get(word, normalize_with_icu);
    word.swap(scratch);
  }
}

class NormalizeStream final : public TokenStream {
 public:
  explicit NormalizeStream(std::unique_ptr<TokenStream> input) : input_(std::move(input)) {}

  bool next(Token& token) override {
    while (input_->next(token)) {
      normalize_in_place(token.text, scratch_);
      if (!token.text.empty()) return true;
    }
    return false;
  }

 private:
  std::unique_ptr<TokenStream> input_;
  std::string scratch_;
};

class NormalizeFilter final : public TokenFilter {
 public:
  std::unique_ptr<TokenStream> wrap(std::unique_ptr<TokenStream> input) const override {
    if (!input) throw UsageError("normalize_filter() was given no token stream to wrap.");
    return std::make_unique<NormalizeStream>(std::move(input));
  }
};

}  // namespace

std::shared_ptr<const TokenFilter> normalize_filter() {
  static const auto filter = std::make_shared<const NormalizeFilter>();
  return filter;
}

std::string normalize_word(std::string_view word) {
  std::string out(word);
  std::string scratch;
  normalize_in_place(out, scratch);
  return out;
}

}  // namespace akhbar::analysis
