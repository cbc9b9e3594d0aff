/// @file paragraphs.h
/// @brief Turning body text into clean paragraphs, and bounding their size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::corpus::detail {

/// Collapses every run of ASCII whitespace in `text` to one space and trims
/// both ends.
std::string collapse_whitespace(std::string_view text);

/// Splits `body` into paragraphs at blank lines (a line break, optional
/// whitespace, a line break), each paragraph with its whitespace collapsed.
/// Empty paragraphs are dropped.
std::vector<std::string> split_paragraphs(std::string_view body);

/// Cuts `paragraphs` so that the body they form (joined by blank lines) has
/// at most `max_bytes` bytes: whole paragraphs are kept while they fit, then
/// the next one is cut at the last space that fits, or at a character
/// boundary if it has none. REQUIRES: valid UTF-8. Returns true if anything
/// was cut.
bool cap_paragraphs(std::vector<std::string>& paragraphs, std::size_t max_bytes);

}  // namespace akhbar::corpus::detail
