/// @file query_parser.h
/// @brief The query language: text typed by a user -> a syntax tree.
///
/// Grammar (AND is implied between adjacent items; OR binds tighter, so
/// "Khmeimim OR Hmeimim base" is (Khmeimim OR Hmeimim) AND base):
///
///   query   := group
///   group   := or_expr { or_expr }                     "AND" is accepted and ignored
///   or_expr := item { ("OR" | "|") item }              "OR" in any case
///   item    := ["-"] primary                           "-" excludes
///   primary := WORD | "PHRASE" | FIELD:VALUE | "(" group ")"
///   FIELD   := lang (en|ru|ar) | source (WORD or "quoted name") | title (WORD or "phrase")
///
/// A word with a colon whose prefix is not a field (10:30, http://x) is a word.
/// Upper-case words other than OR and AND are words: all-caps queries are
/// common and must search like lower-case ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::query::detail {

/// A node of the parsed query.
struct QueryNode {
  enum class Kind : std::uint8_t {
    kWord,     ///< `text` is the word as typed; `title` restricts it to titles
    kPhrase,   ///< `text` is the phrase as typed; `title` restricts it to titles
    kAnd,      ///< all of `children`
    kOr,       ///< any of `children`
    kExclude,  ///< not `children[0]`
    kLang,     ///< filter: `text` is "en", "ru" or "ar"
    kSource,   ///< filter: `text` is the source name as typed
  };

  Kind kind = Kind::kAnd;
  bool title = false;
  std::string text;
  std::vector<QueryNode> children;

  friend bool operator==(const QueryNode&, const QueryNode&) = default;
};

struct ParsedQuery {
  QueryNode root;         ///< always a kAnd at the top (possibly with no children)
  bool degraded = false;  ///< the text was malformed and was read as plain words
};

/// Most words (free words plus phrase words) a query may hold; a longer query
/// is malformed and degrades to its first kMaxQueryWords plain words.
inline constexpr std::size_t kMaxQueryWords = 64;

/// Parses `text`. Never throws for any input: a malformed query (unbalanced
/// quotes or parentheses, a lone operator, control characters, too many
/// words, an unknown language) becomes a kAnd of its word tokens, as found by
/// the news analyzer, with `degraded` set. An empty or blank query gives an
/// empty kAnd, not degraded.
ParsedQuery parse_query(std::string_view text);

/// A compact, stable rendering of a tree, for logs and tests:
///   words as typed, "phrases" quoted, -x, title:x, lang:ru, source:"name",
///   (and a b), (or a b).
std::string render(const QueryNode& node);

/// render() of a parsed query's root: its children joined by spaces.
std::string render(const ParsedQuery& query);

}  // namespace akhbar::query::detail
