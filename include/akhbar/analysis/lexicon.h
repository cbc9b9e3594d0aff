/// @file lexicon.h
/// @brief User-extendable word lists that rules cannot derive: alias groups
/// (one name in every script and spelling: Damascus | Дамаск | دمشق) and the
/// cross-language topic lexicon (bases, sanctions, contracts...).
///
/// Both are plain text files (formats in analysis/data/aliases.txt and
/// analysis/data/topics.txt). Every entry is analysed with news_analyzer(),
/// so lookups take normalised words and match inflected forms through stems.
///
/// Usage:
/// @code
///   const auto& lexicon = akhbar::analysis::Lexicon::shared();
///   const auto& analyzer = akhbar::analysis::news_analyzer();
///   for (const auto& alias : lexicon.aliases_of(analyzer.analyze("Дамаске").front())) ...
///       // "damascus", "دمشق" (through the stem "дамаск")
///   for (const auto& topic : lexicon.topics_of(analyzer.analyze(passage), 2)) ...  // "sanctions"
/// @endcode
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::analysis {

/// One member of an alias group or topic line, as analysed terms: a single
/// word has one entry in `words`; a multi-word name has several, to be
/// matched as a phrase.
struct LexiconEntry {
  std::vector<std::string> words;  ///< normalised unstemmed words, in order
  std::vector<std::string> stems;  ///< their stems ("" where none), same order
  std::string lang;                ///< "en", "ru", "ar" (from the script, or the topic line)
  std::string original;            ///< as written in the file, for --explain
};

/// A run of consecutive query words that is, as a whole, a multi-word alias
/// member or topic term ("air base", "закон Цезаря", "هيئة تحرير الشام").
struct LexiconMatch {
  std::size_t first = 0;  ///< index in the analysed tokens of its first word
  std::size_t last = 0;   ///< one past the index of its last token (compound parts included)
  std::size_t words = 0;  ///< words it spans (compound parts not counted), at least 2
  /// The other members of the alias groups the run is a member of.
  std::vector<LexiconEntry> aliases;
  /// The other terms, in every language, of the topics the run is a term of.
  std::vector<LexiconEntry> topic_terms;
  /// The names of those topics, sorted.
  std::vector<std::string> topics;
};

/// How often an analysed text mentions one topic: occurrences of any of its
/// terms, a multi-word term counting once.
struct TopicMentions {
  std::string topic;
  std::size_t count = 0;
};

/// Immutable after loading; thread-safe to read.
class Lexicon {
 public:
  /// An empty lexicon.
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  /// Loads alias groups from `aliases_path` and topics from `topics_path`;
  /// an empty path loads nothing of that kind. Throws IoError if a named file
  /// cannot be read and DataError ("FILE:LINE: reason") on a malformed line.
  static Lexicon load(const std::string& aliases_path, const std::string& topics_path);

  /// The lexicon every indexer and searcher of this process uses: the files
  /// shipped with akhbar (found by akhbar::data_path(): $AKHBAR_DATA_DIR,
  /// else share/akhbar beside the library), followed by the user's own
  /// additions in $XDG_CONFIG_HOME/akhbar/{aliases,topics}.txt
  /// (~/.config/akhbar/...) when present. Loaded once, on first use; throws
  /// IoError (on every call) when a shipped file is missing.
  static const Lexicon& shared();

  /// The other members of every alias group that contains the word or stem
  /// of `token` (single-word members) — not the token itself.
  std::vector<LexiconEntry> aliases_of(const Token& token) const;

  /// Topic equivalents of a query word: if the word (by text or stem) is a
  /// term of some topic, the entries of that topic in every language, except
  /// the word itself. Empty for words outside the lexicon.
  std::vector<LexiconEntry> topic_equivalents(const Token& token) const;

  /// The names of the topics that have the word (by text or stem) as a
  /// one-word term, sorted; the topics whose entries topic_equivalents()
  /// returns.
  std::vector<std::string> topics_with_word(const Token& token) const;

  /// The multi-word alias members and topic terms in `tokens` (analysed
  /// text), left to right: at each word the longest run that is a member or
  /// a term (words equal by text, or by stem for inflected forms), then the
  /// search goes on after it. Runs never overlap; single words are not
  /// reported (see aliases_of() and topic_equivalents()).
  std::vector<LexiconMatch> find_phrases(const std::vector<Token>& tokens) const;

  /// The context of an ambiguous name: when the word or stem of `token` is
  /// declared ambiguous in the alias file ("ambiguous:" lines: Асад is also
  /// a given name, الأسد also "the lion"), the words whose presence tells
  /// that a text speaks of the name's referent (Башар, بشار, Сирия...).
  /// Empty for a word that is not declared ambiguous.
  std::vector<LexiconEntry> context_of(const Token& token) const;

  /// The names of the contexts context_of() draws on, sorted: for each
  /// "ambiguous:" line that declares the word or stem of `token`, the line's
  /// first name, normalised (Асада -> "асад"). Empty for a word that is not
  /// declared ambiguous.
  std::vector<std::string> context_names(const Token& token) const;

  /// The names (as context_names() gives them) of the contexts one of whose
  /// entries occurs in `tokens` (analysed text), sorted, each once; entries
  /// match as topic terms do, by text or by stem. The indexer records them,
  /// so that a query tells an ambiguous name's referent by one posting list.
  std::vector<std::string> contexts_in(const std::vector<Token>& tokens) const;

  /// The topics whose terms occur in `tokens` (analysed text), in topic-name
  /// order, each at most once. A topic needs at least `min_hits` matching
  /// terms to count.
  std::vector<std::string> topics_of(const std::vector<Token>& tokens, std::size_t min_hits = 1) const;

  /// Every topic `tokens` mentions at least once, with the number of
  /// mentions, in topic-name order. The same matching as topics_of().
  std::vector<TopicMentions> topic_mentions(const std::vector<Token>& tokens) const;

  /// All topic names, sorted.
  std::vector<std::string> topic_names() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akhbar::analysis
