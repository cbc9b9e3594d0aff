// strip_arabic_proclitics(): see arabic_light_stem.h.
//
// Snowball's Arabic stemmer removes either a prefix or a suffix depending on
// the word's shape, so العقوبات, عقوبات and والعقوبات reach three different
// stems. Removing the proclitics first gives it the same bare word each time.
#include "arabic_light_stem.h"

#include <cstddef>

namespace akhbar::analysis::detail {

namespace {

constexpr std::size_t kMinimumRemainingLetters = 3;

// Longest first, so a word loses its whole prefix, not only its first letter.
// A preposition (ب ك ل) is only removed together with the article: alone, it
// is too often the first letter of the word itself (بيت, لبنان, كتاب).
constexpr std::string_view kPrefixes[] = {
    "وبال", "فبال", "وكال", "فكال",  // conjunction + preposition + article
    "ولل", "فلل",                    // conjunction + li + article
    "وال", "فال", "بال", "كال",      // one proclitic + article
    "لل",                            // li + article
    "ال",                            // article
    "و", "ف",                        // conjunction
};

std::size_t letters_in(std::string_view word) noexcept {
  std::size_t letters = 0;
  for (char byte : word) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++letters;
  }
  return letters;
}

}  // namespace

std::string_view strip_arabic_proclitics(std::string_view word) noexcept {
  for (std::string_view prefix : kPrefixes) {
    if (!word.starts_with(prefix)) continue;
    const std::string_view rest = word.substr(prefix.size());
    if (letters_in(rest) >= kMinimumRemainingLetters) return rest;
  }
  return word;
}

}  // namespace akhbar::analysis::detail
