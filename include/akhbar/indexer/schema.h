/// @file schema.h
/// @brief The layout of an akhbar database: what the indexer writes and the
/// searcher reads. Both sides use these names; nothing else spells them.
///
/// One Xapian document per article. Its passages (a paragraph, or a few short
/// adjacent ones) are stored with it for snippets; body positions of
/// consecutive passages are kPassagePositionGap apart so that a phrase never
/// spans two passages.
///
/// Terms (all from akhbar::analysis::news_analyzer()):
///   word            unstemmed body and title word, with positions except
///                   for stopwords (analysis::is_stopword): a phrase query
///                   leaves a stopword's place open instead ("bank of
///                   russia" is bank, then russia within three positions),
///                   which saves a third of all positions; title words have
///                   wdf kTitleWdf (the title boost)
///   S + word        title word, with positions as above (title: filter)
///   W + topic       mentions of the topic's terms (kTopicMentionPrefix)
///   Q + id          unique article term, for replacement (an id over 200
///                   bytes: its first 200 bytes, '#', 16 hex digits of an
///                   FNV-1a 64 hash of the whole id)
///   L + lang        language: Len, Lru, Lar
///   B + source      source, normalised (lower case, spaces kept)
///   Y + YYYY, M + YYYYMM   publication year and month
///   T + topic       topic tag (bases, sanctions, contracts...)
///   C + name        the article has a context word of an ambiguous name
///                   (kNameContextPrefix)
///
/// Values:
///   kValueDate      "YYYYMMDD" (sortable; empty if unknown)
///   kValueArticle   article id (collapse key)
///   kValueHash      content hash of the article (hex)
///   kValuePassages  number of stored passages (Xapian::sortable_serialise)
///   kValueOrigin    absolute path of the file the article was read from
///                   (empty if it came from no file); `akhbar update --prune`
///                   deletes only articles whose origin it read or tracked
///   kValueTopics    the article's topic tags (its T terms), in name order,
///                   separated by spaces; the searcher shows them with each
///                   hit without reading the article's term list
///
/// Document data: a zstd-compressed StoredArticle (encode/decode below),
/// with one of the database's text dictionaries once a writer has trained
/// one (TextDictionary).
/// Metadata: kMetaAnalysisVersion, kMetaFormat, kMetaTextDictionaryPrefix +
/// dictionary id -> the dictionary, and one entry per source
/// file that `akhbar update` has read, kMetaFilePrefix + absolute path ->
/// "size mtime_ns" then the ids of the articles it holds, each after a NUL
/// byte (see indexer/src/file_state.h). An entry is written in the same commit as
/// the last batch of its file's articles, so a file is never recorded as
/// done before its articles are.
///
/// Layout on disk: the database path is either a Xapian database directory
/// or a Xapian stub file holding one line "auto NAME.d/gen-N" (relative to
/// the stub's folder); `akhbar index --rebuild` builds generation N+1 beside
/// generation N and renames a new stub over the old one.
///
/// Synonym table (the name-key dictionary, for cross-script matching):
///   K + skeleton -> word   every name-like word of the database (see
///                          indexer's DocumentBuilder) filed under the
///                          key_skeleton() of each of its name_keys()
///                          (akhbar/analysis/cross_script.h), e.g.
///                          Ktrts -> tartus, тартусе, طرطوس, لطرطوس.
///   The searcher looks up a query word's skeletons there (across all
///   databases searched together) and keeps the words same_name() accepts;
///   those are ordinary document words.
/// Synonym table (the stem dictionary, for word forms):
///   Z + stem -> word       every word of the database whose stem is `stem`
///                          and is not `stem` itself, e.g. Zsanction ->
///                          sanctioned, sanctions.
///   There are no stem terms: a search for stem s is the OP_SYNONYM of s
///   and the words listed under Zs (for a title search, their S terms).
///   Stem terms were a third of all (article, term) pairs and 11% of the
///   database; the lookup costs one synonym read per query word.
/// Entries of both are only ever added: a word whose articles were replaced
/// may stay listed and then matches nothing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Database;
}

namespace akhbar::indexer::schema {

/// Z + stem: a synonym-table key (not a term) listing the words of a stem.
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kSourcePrefix = "B";
inline constexpr std::string_view kYearPrefix = "Y";
inline constexpr std::string_view kMonthPrefix = "M";
/// T + topic: the article is about this topic (analysis::Lexicon topics).
inline constexpr std::string_view kTopicPrefix = "T";
/// W + topic: the article mentions a term of the topic, wdf = the number of
/// mentions (Lexicon::topic_mentions). A query word's topic expansion is
/// this one posting list instead of an OR of every term of the topic in
/// three languages, dozens of them phrases.
inline constexpr std::string_view kTopicMentionPrefix = "W";
/// C + name: the article has a word of the context of an ambiguous name
/// (Lexicon::contexts_in; the name as Lexicon::context_names gives it). A
/// query tells the name's referent by this one posting list instead of an
/// OR of every context word in three scripts.
inline constexpr std::string_view kNameContextPrefix = "C";
/// K + key skeleton: a synonym-table key (not a term) listing name-like words.
inline constexpr std::string_view kNameKeyPrefix = "K";

inline constexpr unsigned kValueDate = 0;
inline constexpr unsigned kValueArticle = 1;
inline constexpr unsigned kValueHash = 2;
inline constexpr unsigned kValuePassages = 3;
inline constexpr unsigned kValueOrigin = 4;
inline constexpr unsigned kValueTopics = 5;

inline constexpr std::uint32_t kTitleWdf = 3;
inline constexpr std::uint32_t kPassagePositionGap = 100;
/// Terms longer than this are not indexed (Xapian's limit is 245 bytes).
inline constexpr std::size_t kMaxTermBytes = 120;

inline constexpr std::string_view kMetaAnalysisVersion = "akhbar:analysis_version";
inline constexpr std::string_view kMetaFormat = "akhbar:format";
inline constexpr std::string_view kFormatName = "akhbar-2";
/// Prefix of the per-file state metadata keys (followed by an absolute path).
inline constexpr std::string_view kMetaFilePrefix = "akhbar:file:";
/// Prefix of the text dictionary metadata keys (followed by the decimal id).
inline constexpr std::string_view kMetaTextDictionaryPrefix = "akhbar:text_dictionary:";

/// What a document's data holds: the article's fields and its passages.
struct StoredArticle {
  std::string id, url, title, author, published, lang, source;
  std::vector<std::string> passages;
};

/// A zstd dictionary for document data. An article of a few KiB shares
/// little with itself and much with its neighbours (names, places, the
/// words of the news); compressed against a dictionary trained on a
/// database's first articles, the stored text takes about a third less
/// room and decompresses faster. Immutable; thread-safe.
class TextDictionary {
 public:
  /// From a dictionary's bytes (as trained, as stored in the metadata).
  /// Throws akhbar::DataError when zstd cannot use them.
  explicit TextDictionary(std::string bytes);
  ~TextDictionary();
  TextDictionary(const TextDictionary&) = delete;
  TextDictionary& operator=(const TextDictionary&) = delete;

  /// Trains a dictionary on articles (their serialised fields and passages);
  /// null when they are too few or too small for zstd to find one.
  static std::shared_ptr<const TextDictionary> train(const std::vector<StoredArticle>& samples);

  /// The id zstd writes into every frame compressed with it; never 0.
  unsigned id() const noexcept;
  const std::string& bytes() const noexcept;
  /// The metadata key it is stored under: kMetaTextDictionaryPrefix + id.
  std::string metadata_key() const;

  struct Impl;  ///< zstd's digested forms of the bytes
  const Impl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// A database's text dictionaries, by id.
using TextDictionaries = std::map<unsigned, std::shared_ptr<const TextDictionary>>;

/// The text dictionaries `db` stores in its metadata. Throws
/// akhbar::DataError when one is corrupt. Xapian reads the metadata of the
/// first database only when several are opened as one (shards): each of
/// them must then hold the dictionaries of all.
TextDictionaries load_text_dictionaries(const Xapian::Database& db);

/// Serialises and zstd-compresses a StoredArticle, against `dictionary`
/// when there is one.
std::string encode_document_data(const StoredArticle& article, const TextDictionary* dictionary = nullptr);

/// Inverse of encode_document_data(): a frame compressed with a dictionary
/// is decoded with the one of `dictionaries` of the same id. Throws
/// akhbar::DataError on corrupt data or when that dictionary is not given.
StoredArticle decode_document_data(std::string_view data, const TextDictionaries* dictionaries = nullptr);

/// The id of the dictionary document data was compressed with; 0 for none
/// (or data too damaged to tell).
unsigned text_dictionary_id(std::string_view data) noexcept;

/// The source name as a filter term value: normalised, lower case.
std::string source_key(std::string_view source);

}  // namespace akhbar::indexer::schema
