/// @file document_builder.h
/// @brief Article -> Xapian::Document, in the layout schema.h describes.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/corpus/article.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/writer.h"
#include "filed_words.h"

namespace akhbar::indexer::detail {

/// The unique term of an article: Q + id. An id too long for a Xapian term
/// is cut to its first kMaxIdBytes bytes (at a character boundary) followed by
/// '#' and the 16 hex digits of a hash of the whole id.
std::string id_term(std::string_view id);
inline constexpr std::size_t kMaxIdBytes = 200;

/// "YYYYMMDD" for a published date "YYYY-MM-DD"; "" for anything else.
std::string date_value(std::string_view published);

/// One article's document and what the writer needs to file it.
struct BuiltDocument {
  Xapian::Document document;
  std::string id_term;        ///< the term replace_document() keys on
  std::size_t passages = 0;   ///< passages stored in the document data
  /// (synonym key, word) pairs for the name-key and stem dictionaries
  /// (schema.h), for the words this builder had not filed before.
  std::vector<std::pair<std::string, std::string>> synonyms;
  /// Set on the one document whose build trained the builder's text
  /// dictionary: the writer must store it in the same commit as the
  /// document, the first compressed with it.
  std::shared_ptr<const schema::TextDictionary> new_text_dictionary;
};

/// Builds documents. Holds scratch buffers reused from one article to the
/// next, so one builder serves a whole indexing run. Not thread-safe.
///
/// Terms: title words at positions 0.. (wdf kTitleWdf each), with S forms;
/// body passages from make_passages(), the first starting
/// kPassagePositionGap after the title's last position, each next one
/// kPassagePositionGap after the previous one's last. Tokens longer than
/// kMaxTermBytes are not indexed.
/// T+topic boolean terms for the topics of analysis::Lexicon::shared() that
/// the title and body mention at least kTopicMinHits times.
/// Name-like words (capitalised Latin or Cyrillic body words not opening a
/// sentence; Arabic non-stopwords of three letters or more) are returned once
/// per builder in BuiltDocument::synonyms, filed under their name keys; so
/// is every word with a stem other than itself, under Z + its stem.
/// Stored text is compressed plainly until kTextDictionarySampleBytes of
/// articles have been seen, then with a dictionary trained on them
/// (BuiltDocument::new_text_dictionary), unless one was given first.
class DocumentBuilder {
 public:
  /// `analyzer` must outlive the builder.
  DocumentBuilder(const analysis::Analyzer& analyzer, const IndexOptions& options);

  /// std::nullopt when neither the title nor the body has an indexable word.
  /// Throws UsageError for an article without an id.
  std::optional<BuiltDocument> build(const corpus::Article& article);

  /// Compresses stored text with `dictionary` from now on (one the database
  /// already holds) instead of training one.
  void use_text_dictionary(std::shared_ptr<const schema::TextDictionary> dictionary);

  /// Trains the dictionary on `bytes` of articles instead of
  /// kTextDictionarySampleBytes (a builder that writes less than that).
  void set_text_dictionary_sample_bytes(std::size_t bytes) { sample_limit_ = bytes; }

  /// The dictionary stored text is compressed with; null before one exists.
  const std::shared_ptr<const schema::TextDictionary>& text_dictionary() const { return dictionary_; }

  /// Serialised article bytes a dictionary is trained on: about 1 000
  /// news articles, some 60 times the dictionary's size.
  static constexpr std::size_t kTextDictionarySampleBytes = std::size_t{4} << 20;

 private:
  /// Indexes `text` with positions from `base`; returns one past the last
  /// position used, or `base` when the text has no indexable word.
  Xapian::termpos index_text(Xapian::Document& document, std::string_view text,
                             Xapian::termpos base, bool is_title);
  void add_prefixed_term(Xapian::Document& document, std::string_view prefix,
                         std::string_view word, Xapian::termcount wdf);
  void add_prefixed_posting(Xapian::Document& document, std::string_view prefix,
                            std::string_view word, Xapian::termpos position);
  /// Files the token's word under its name keys if it looks like a name
  /// and is new to this builder (see schema.h, name-key dictionary).
  void note_name(const analysis::Token& token, bool starts_sentence, bool is_title);
  /// Files the token's word under its stem if it is new to this builder
  /// (see schema.h, stem dictionary).
  void note_stem_form(const analysis::Token& token);

  const analysis::Analyzer& analyzer_;
  std::size_t passage_min_words_;
  std::size_t passage_max_words_;
  std::string term_;            // scratch for prefixed terms
  analysis::Token token_;       // scratch for the token stream
  std::size_t terms_added_ = 0; // in the current article
  std::vector<analysis::Token> article_tokens_;  // title and body, for the topic tags
  FiledWords keyed_words_;    // words this builder filed under name keys
  FiledWords stemmed_words_;  // words this builder filed under their stem
  std::vector<std::pair<std::string, std::string>> synonyms_;  // for the current article
  std::shared_ptr<const schema::TextDictionary> dictionary_;
  std::vector<schema::StoredArticle> samples_;  // for the dictionary, until it exists
  std::size_t sample_bytes_ = 0;
  std::size_t sample_limit_ = kTextDictionarySampleBytes;
  bool training_failed_ = false;
};

}  // namespace akhbar::indexer::detail
