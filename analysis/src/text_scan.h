// Code point level helpers shared by the analysis stages: a forgiving UTF-8
// decoder and the character classes the tokenizer and filters agree on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::analysis::detail {

inline constexpr char32_t kReplacementChar = 0xFFFD;

/// Decodes the code point at text[i] and advances i past it.
///
/// Invalid or truncated sequences, overlong forms, surrogates and values above
/// U+10FFFF decode to U+FFFD and advance by one byte, so every byte is
/// consumed exactly once and the loop always terminates.
/// REQUIRES: i < text.size().
char32_t decode_utf8(std::string_view text, std::size_t& i) noexcept;

/// Decodes the code point that ends at text[i] (exclusive) and moves i back
/// to its first byte. Invalid bytes decode to U+FFFD one byte at a time.
/// REQUIRES: i > 0.
char32_t decode_utf8_backward(std::string_view text, std::size_t& i) noexcept;

/// Appends the UTF-8 form of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// The script a single code point belongs to; kOther for marks, punctuation
/// and anything outside Latin, Cyrillic, Arabic and decimal digits.
Script script_of(char32_t c) noexcept;

/// True for letters of any script (Unicode Alphabetic).
bool is_letter(char32_t c) noexcept;

/// True for a hyphen that may join two words into a compound: '-', U+2010
/// HYPHEN, U+2011 NON-BREAKING HYPHEN.
constexpr bool is_joining_hyphen(char32_t c) noexcept {
  return c == U'-' || c == 0x2010 || c == 0x2011;
}

/// True for an apostrophe that may join two words into a compound: U+0027,
/// U+2019 RIGHT SINGLE QUOTATION MARK, U+02BC MODIFIER LETTER APOSTROPHE.
constexpr bool is_joining_apostrophe(char32_t c) noexcept {
  return c == U'\'' || c == 0x2019 || c == 0x02BC;
}

constexpr bool is_joiner(char32_t c) noexcept {
  return is_joining_hyphen(c) || is_joining_apostrophe(c);
}

/// True for invisible format characters that carry no letters: zero-width
/// space/joiners, direction marks and embeddings, isolates, BOM, Arabic letter
/// mark, soft hyphen. The normaliser removes them.
constexpr bool is_invisible_control(char32_t c) noexcept {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD;
}

/// True when `word` (UTF-8) is made only of letters that normalisation
/// leaves as they are: lower-case Russian а..я without ё, or Arabic letters
/// that no fold touches (not the alef forms with hamza or madda, nor ة, ى,
/// tatweel or marks). Most Russian and Arabic words of running text are
/// such; the normaliser then skips ICU and its cache. False for "".
bool is_normal_cyrillic_or_arabic(std::string_view word) noexcept;

}  // namespace akhbar::analysis::detail
