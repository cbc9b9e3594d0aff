/// @file text_article.h
/// @brief The layout of an article text file (.md, .txt).
#pragma once

#include <string_view>

#include "akhbar/corpus/article.h"

namespace akhbar::corpus::detail {

/// Reads the fields of one article from the text of a file laid out as
///
///     # Title                     (leading blank lines allowed; "#" optional)
///     By [Author Name](#)         (optional byline, also "By Author Name")
///     June 26, 2025               (optional date, see parse_written_date)
///     Paragraph one...            (paragraphs separated by blank lines)
///     Original url: <https://...> (optional; the address may be on the
///                                  next non-blank line, with or without <>)
///
/// Markdown markup is stripped from every field. Text that does not fit the
/// layout is still read: the first non-blank line is the title and the rest
/// are paragraphs. Fills title, author, published, url and paragraphs only;
/// the text may hold invalid UTF-8, which is passed through.
Article parse_text_article(std::string_view text);

}  // namespace akhbar::corpus::detail
