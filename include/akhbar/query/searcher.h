/// @file searcher.h
/// @brief Ranked search over an akhbar database, with highlighted snippets.
///
/// Usage:
/// @code
///   akhbar::query::Searcher searcher("news.db");
///   akhbar::query::SearchOptions options;
///   options.limit = 5;
///   for (const auto& hit : searcher.search("Хмеймим sanctions", options).hits)
///     std::cout << hit.title << "\n  "
///               << akhbar::query::mark_highlights(hit.snippet, hit.highlights, "[", "]")
///               << "\n";
/// @endcode
///
/// Query language (see README): words; "quoted phrases"; -excluded words;
/// OR between alternatives (AND is implied); parentheses; field filters
/// lang:ru, source:NAME, title:WORD. A malformed query never throws: it is
/// searched as plain words and SearchResults::degraded is set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::query {

struct SearchOptions {
  std::size_t limit = 10;               ///< hits per page
  std::size_t offset = 0;               ///< hits to skip (paging)
  std::vector<std::string> languages;   ///< keep only these ("en", "ru", "ar"); empty: all
  std::string since;                    ///< "YYYY-MM-DD", inclusive; empty: unbounded
  std::string until;                    ///< "YYYY-MM-DD", inclusive; empty: unbounded
  std::size_t snippet_words = 36;       ///< target snippet length in words
  /// Keep only articles tagged with one of these topics ("bases",
  /// "sanctions", "contracts"...; see analysis/data/topics.txt); empty: all.
  std::vector<std::string> topics;
  /// Match words only as written in their own script and language: no
  /// transliteration keys, aliases or topic translations.
  bool exact_script = false;
  /// Fill Hit::matches (which query word matched which document word, how).
  bool explain = false;
};

/// How a query word reached a document word, for --explain.
struct Match {
  std::string query_word;     ///< the word as the query had it (normalised)
  std::string document_word;  ///< the word as the article has it (normalised)
  /// "exact", "stem", "transliteration", "alias" or "topic".
  std::string route;
  friend bool operator==(const Match&, const Match&) = default;
};

/// A byte range [begin, end) in a string.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

/// One article in the results, represented by its best passage.
struct Hit {
  std::size_t rank = 0;   ///< 1-based rank across all pages
  double score = 0;
  std::string id, title, url, author, published, lang, source;
  std::string snippet;              ///< best window of the best passage, cut at word boundaries
  std::vector<Span> highlights;     ///< matched words in `snippet`, in order
  std::vector<Span> title_highlights;  ///< matched words in `title`
  std::vector<std::string> topics;     ///< topics the article is tagged with
  std::vector<Match> matches;          ///< with SearchOptions::explain only
};

struct SearchResults {
  std::vector<Hit> hits;
  std::uint64_t estimated_total = 0;  ///< Xapian's estimate of all matching articles
  bool degraded = false;              ///< the query was malformed and run as plain words
  bool relaxed = false;               ///< the AND query matched nothing and was run with OR
  std::string interpreted_as;         ///< the query as understood, for --explain and logs
};

struct DatabaseStats {
  std::uint64_t articles = 0;
  std::uint64_t passages = 0;
  std::uint64_t terms = 0;                         ///< distinct terms
  std::map<std::string, std::uint64_t> languages;  ///< articles per language
  std::map<std::string, std::uint64_t> topics;     ///< articles per topic tag
  std::string first_date, last_date;               ///< "YYYY-MM-DD", empty if none
  std::uint64_t size_bytes = 0;                    ///< on disk
  int analysis_version = 0;
};

/// Opens a database for searching. Throws DatabaseNotFoundError if there is
/// none at `db_path` (the message tells the user to run `akhbar index`),
/// DatabaseError if it cannot be opened or was built with another analysis
/// version. Each search() sees the last commit: it reopens the database
/// first, reopens and retries by itself when a concurrent writer commits
/// during it, and follows an atomic rebuild (`akhbar index --rebuild`
/// switching the path to a new generation). Not thread-safe: use one
/// Searcher per thread.
class Searcher {
 public:
  explicit Searcher(const std::string& db_path);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  SearchResults search(std::string_view query, const SearchOptions& options = {});

  DatabaseStats stats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// `text` with `open` and `close` around each span (spans sorted, disjoint).
std::string mark_highlights(std::string_view text, const std::vector<Span>& spans,
                            std::string_view open, std::string_view close);

}  // namespace akhbar::query
