/// @file article.h
/// @brief Article: the unit a user sees, as read from any corpus format.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace akhbar::corpus {

/// One news article. Only `paragraphs` is required of a source; readers fill
/// `id` when the source has none (from the URL, else from a content hash).
struct Article {
  std::string id;         ///< stable identifier, never empty after reading
  std::string url;        ///< may be empty
  std::string title;      ///< may be empty
  std::string author;     ///< may be empty
  std::string published;  ///< "YYYY-MM-DD", or empty when unknown or unparsable
  std::string lang;       ///< "en", "ru", "ar", or empty (detected at indexing)
  std::string source;     ///< publication or feed name; may be empty
  std::vector<std::string> paragraphs;  ///< body, one entry per paragraph, valid UTF-8

  std::string origin_file;      ///< file it was read from
  std::uint64_t origin_line = 0;  ///< 1-based line (JSON Lines) or 1 (text files)

  /// The body as one string, paragraphs separated by a blank line.
  std::string body() const;
};

}  // namespace akhbar::corpus
