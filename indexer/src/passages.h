/// @file passages.h
/// @brief Splits an article body into passages, the units shown as snippets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::indexer::detail {

/// Words, as passages count them: maximal runs of non-white-space bytes.
std::size_t count_words(std::string_view text);

/// Groups paragraphs into passages.
///
/// Blank paragraphs are dropped. Adjacent paragraphs are joined (with a blank
/// line between them) until a passage has at least `min_words` words; a
/// trailing short passage is joined to the one before it when the two fit in
/// `max_words`. A passage longer than `max_words` is cut after the last
/// sentence end (". ", "! ", "? ", "؟ ", "。") within its first `max_words`
/// words, or, when there is none past the first quarter, after exactly
/// `max_words` words. Every passage therefore has at most `max_words` words.
/// Paragraphs lose their surrounding white space; the text is otherwise kept
/// as it is, except for the white space at a cut.
/// REQUIRES: max_words >= 1.
std::vector<std::string> make_passages(const std::vector<std::string>& paragraphs,
                                       std::size_t min_words, std::size_t max_words);

}  // namespace akhbar::indexer::detail
