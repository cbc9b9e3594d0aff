/// @file snippet.h
/// @brief The passage shown for a hit: the best window of the best stored
/// passage, with the query's words highlighted in whatever form they appear.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/query/searcher.h"
#include "query_builder.h"

namespace akhbar::query::detail {

struct Snippet {
  std::string text;
  std::vector<Span> highlights;  ///< byte spans in `text`, sorted, disjoint
};

/// The words of `text` that match `forms`, as byte spans of `text`, in order.
/// A word matches when its normalised text is a query word or its stem a
/// query stem, so inflected and differently spelt forms are found
/// ("Тартусе" for "Тартус"). A hyphenated word is highlighted whole when it
/// or one of its parts matches.
std::vector<Span> highlight_words(std::string_view text, const TermForms& forms);

/// Picks the passage with the most distinct query words (repeats count less),
/// then the window of about `snippet_words` words in it with the most, and
/// cuts it at word boundaries, with "…" where text was left out. Without any
/// match (a hit on the title alone), the opening of the first passage.
/// Never throws for any UTF-8 input; an empty `passages` gives an empty snippet.
Snippet make_snippet(const std::vector<std::string>& passages, const TermForms& forms,
                     std::size_t snippet_words);

/// Which query word matched which word of the article, and how (for
/// --explain): every distinct word of `title` and `passages` that matches
/// `forms`, in the order the article first has it. A word matched through
/// its stem has the route of that stem ("stem", or "alias"/"topic" for the
/// stem of a lexicon entry).
std::vector<Match> explain_matches(std::string_view title, const std::vector<std::string>& passages,
                                   const TermForms& forms);

}  // namespace akhbar::query::detail
