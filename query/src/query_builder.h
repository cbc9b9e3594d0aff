/// @file query_builder.h
/// @brief A parsed query -> a Xapian::Query over the terms of schema.h, plus
/// the word forms that snippets highlight.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "akhbar/query/searcher.h"
#include "query_parser.h"

namespace akhbar::query::detail {

/// The forms a query matches on, each mapped to the query word it came from
/// (an id, so that "sanctions" and its stem "sanction" count as one word).
/// Other spellings, aliases and topic equivalents of a query word are forms
/// of that word too, so snippets highlight them in the article's own script.
struct TermForms {
  std::unordered_map<std::string, std::size_t> words;  ///< normalised, unstemmed
  std::unordered_map<std::string, std::size_t> stems;  ///< stems, without prefix
  /// How each form was reached: "exact", "stem", "transliteration", "alias"
  /// or "topic" (Match::route), for --explain.
  std::unordered_map<std::string, std::string> word_routes, stem_routes;
  /// The normalised query word of each id.
  std::vector<std::string> query_words;
  bool empty() const { return words.empty() && stems.empty(); }
};

/// Where a query word's other spellings come from. The default expands
/// nothing: every word matches only as written and by its stem.
struct Expansion {
  /// Aliases and topic equivalents from analysis::Lexicon::shared().
  bool lexicon = false;
  /// The database whose name-key dictionary (schema.h) gives a word's
  /// spellings in other scripts; null for none. Must outlive the build.
  const Xapian::Database* names = nullptr;
  /// The database whose stem dictionary (schema.h) gives the words of a
  /// stem; null: a stem reaches only the word it spells. Must outlive the
  /// build.
  const Xapian::Database* stems = nullptr;
};

/// The Expansion a search with `options` uses over `db`: everything, or
/// only the stem dictionary with SearchOptions::exact_script.
Expansion expansion_for(const SearchOptions& options, const Xapian::Database& db);

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
/// Each word becomes one OP_SYNONYM of its unstemmed term, its stem as a
/// word and the words Expansion::stems lists under the stem (the stem is
/// left out for a capitalised, mixed-case Latin word: a name, which
/// stemming would confuse with another, Hamas -> hama). A hyphenated word is
/// its compound term OR the phrase of its parts. Phrases are OP_PHRASE over
/// unstemmed terms. title: uses S terms; lang: and source: are boolean
/// filters. Stopwords are dropped from free text unless the query has
/// nothing else. With `relax`, the top-level implied AND becomes OR.
///
/// With an `expansion`, a word's OP_SYNONYM also holds its other forms:
/// spellings from the name-key dictionary (for a word written as a name in
/// the query, or filed as one by the index; never one the alias table puts
/// in another group, as Asad is not al-Assad, and, where the table spells
/// the name in a script, only those spellings with clitics or case endings
/// in that script), alias members (stems of four letters or more) and topic
/// equivalents (a multi-word one as a phrase). The word is then
///   OP_OR(OP_SYNONYM(exact, stem, other forms),
///         OP_SCALE_WEIGHT(OP_SYNONYM(exact, stem), kExactBonus))
/// so that exact spellings rank above other forms, while a rare form never
/// weighs more than the word. Phrase words match their other spellings and
/// single-word aliases too (OP_OR: Xapian 1.4 phrases cannot hold
/// OP_SYNONYM).
///
/// Adjacent free words that the lexicon knows as one multi-word alias member
/// or topic term (Lexicon::find_phrases: "air base", "закон Цезаря") are one
/// group of the implied AND: the words one by one as above, OR (scaled by
/// kExactBonus, for documents without them) the phrase as typed in an
/// OP_SYNONYM with its aliases and topic terms.
///
/// A group with a form of an ambiguous name (Lexicon::context_of: Асад,
/// الأسد) keeps its weight in documents that also hold an unambiguous form
/// or a context word, and keeps kWithoutContextWeight of it elsewhere.
BuiltQuery build_query(const QueryNode& root, bool relax = false, const Expansion& expansion = {});

/// The weight given again to the exact forms of an expanded word.
inline constexpr double kExactBonus = 0.5;

/// The share of its weight kept by a document that matches a word only
/// through an ambiguous name (Lexicon::context_of) without the name's
/// context: Асад the footballer, الأسد the lion.
inline constexpr double kWithoutContextWeight = 0.2;

/// `query` restricted by the options' languages, topics and date range
/// (boolean filters that do not change weights). Throws UsageError for a
/// language other than en/ru/ar, a topic the lexicon does not have, or a
/// date not in YYYY-MM-DD form.
Xapian::Query apply_options(Xapian::Query query, const SearchOptions& options);

}  // namespace akhbar::query::detail
