/// @file utf8.h
/// @brief UTF-8 validation and repair for text read from corpus files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace akhbar::corpus::detail {

/// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// Replaces every ill-formed sequence in `text` (stray continuation bytes,
/// truncated sequences, overlong forms, surrogates, code points above
/// U+10FFFF) with U+FFFD, one replacement per maximal ill-formed subpart as
/// the Unicode standard recommends. Returns the number of replacements; 0
/// means `text` was already valid and was left untouched.
std::size_t repair_utf8(std::string& text);

/// Appends the UTF-8 encoding of `code_point` (REQUIRES: a Unicode scalar
/// value, i.e. at most U+10FFFF and not a surrogate).
void append_utf8(std::string& out, char32_t code_point);

/// The length of the longest prefix of `text` (valid UTF-8) that has at most
/// `max_bytes` bytes and does not end inside a multi-byte sequence.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes);

}  // namespace akhbar::corpus::detail
