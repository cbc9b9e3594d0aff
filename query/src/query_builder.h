/// @file query_builder.h
/// @brief A parsed query -> a Xapian::Query over the terms of schema.h, plus
/// the word forms that snippets highlight.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "akhbar/query/searcher.h"
#include "query_parser.h"

namespace akhbar::query::detail {

/// The forms a query matches on, each mapped to the query word it came from
/// (an id, so that "sanctions" and its stem "sanction" count as one word).
struct TermForms {
  std::unordered_map<std::string, std::size_t> words;  ///< normalised, unstemmed
  std::unordered_map<std::string, std::size_t> stems;  ///< stems, without prefix
  bool empty() const { return words.empty() && stems.empty(); }
};

struct BuiltQuery {
  /// What to run; an empty Xapian::Query when the text held nothing to search.
  Xapian::Query query;
  /// Positive forms (excluded words are not here).
  TermForms forms;
  /// Positive items joined by the top-level implied AND. With two or more,
  /// an AND query that matches nothing may be relaxed to OR.
  std::size_t and_groups = 0;
};

/// Builds the query for `root` (the root of a ParsedQuery).
///
/// Each word becomes one OP_SYNONYM of its unstemmed term and Z+stem (the
/// stem is left out for a capitalised, mixed-case Latin word: a name, which
/// stemming would confuse with another, Hamas -> hama). A hyphenated word is
/// its compound term OR the phrase of its parts. Phrases are OP_PHRASE over
/// unstemmed terms. title: uses S/ZS terms; lang: and source: are boolean
/// filters. Stopwords are dropped from free text unless the query has
/// nothing else. With `relax`, the top-level implied AND becomes OR.
BuiltQuery build_query(const QueryNode& root, bool relax = false);

/// `query` restricted by the options' languages and date range (boolean
/// filters that do not change weights). Throws UsageError for a language
/// other than en/ru/ar or a date not in YYYY-MM-DD form.
Xapian::Query apply_options(Xapian::Query query, const SearchOptions& options);

}  // namespace akhbar::query::detail
