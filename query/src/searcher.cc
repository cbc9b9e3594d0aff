// Searcher: opens the database, runs parsed queries with BM25, and turns
// each hit's stored article into a Hit with its snippet.
#include "akhbar/query/searcher.h"

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <xapian.h>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/analysis/lexicon.h"
#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/version.h"
#include "database_stats.h"
#include "query_builder.h"
#include "query_parser.h"
#include "snippet.h"

namespace akhbar::query {
namespace {

namespace schema = indexer::schema;

/// A writer may commit while we read; Xapian then asks us to reopen. A few
/// attempts ride out a nightly reindex without looping forever.
constexpr int kMaxAttempts = 4;

/// Loads what every query needs once per process (the alias and topic
/// lexicon) and once per thread (ICU's word breaker, the normaliser, the
/// three stemmers), so that the first query is not ten times slower than
/// the rest.
void prepare_analysis() {
  (void)analysis::Lexicon::shared();
  (void)analysis::news_analyzer().analyze("Russia sanctions Россия санкции روسيا العقوبات");
}

std::string not_found_message(const std::string& path) {
  return "no database at \"" + path + "\"; run `akhbar index` first to create it";
}

/// Checks that the database was written with the analysis this build uses:
/// otherwise its terms would silently fail to match the query's.
void check_compatible(const Xapian::Database& db, const std::string& path) {
  const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
  if (!format.empty() && format != schema::kFormatName)
    throw IncompatibleDatabaseError("database at \"" + path + "\" has format \"" + format + "\", expected \"" +
                        std::string(schema::kFormatName) +
                        "\"; rebuild it with `akhbar index --rebuild`");
  const std::string version = db.get_metadata(std::string(schema::kMetaAnalysisVersion));
  // An empty database a writer has just created may not have it yet.
  if (version.empty()) return;
  if (version != std::to_string(kAnalysisVersion))
    throw IncompatibleDatabaseError("database at \"" + path + "\" was built with analysis version " + version +
                        ", this akhbar uses version " + std::to_string(kAnalysisVersion) +
                        "; rebuild it with `akhbar index --rebuild`");
}

/// What the database path leads to, to notice an atomic rebuild: it renames
/// a new stub file over the old one (a new inode) or exchanges a plain
/// directory with a stub. A stub rewritten in place changes its size or
/// modification time. A directory's own times are left out: they change with
/// every commit inside, which reopen() already handles.
struct PathIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool regular_file = false;
  off_t size = 0;
  long long modified_ns = 0;
  friend bool operator==(const PathIdentity&, const PathIdentity&) = default;
};

/// The identity of `path`, one stat(); nullopt if nothing is there.
std::optional<PathIdentity> identity_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  PathIdentity identity;
  identity.device = status.st_dev;
  identity.inode = status.st_ino;
  identity.regular_file = S_ISREG(status.st_mode);
  if (identity.regular_file) {
    identity.size = status.st_size;
    identity.modified_ns = static_cast<long long>(status.st_mtim.tv_sec) * 1'000'000'000LL +
                           status.st_mtim.tv_nsec;
  }
  return identity;
}

Xapian::Database open_database(const std::string& path) {
  std::error_code error;
  if (path.empty() || !std::filesystem::exists(path, error))
    throw DatabaseNotFoundError(not_found_message(path));
  try {
    // Open again, a few times, when a writer gets in the way: two commits
    // while the database is opened and its metadata read discard the
    // revision being read; a rebuild that switches generations deletes the
    // one the stub named a moment before.
    for (int attempt = 1;; ++attempt) {
      try {
        Xapian::Database db(path);
        check_compatible(db, path);
        return db;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts) throw;
      } catch (const Xapian::DatabaseOpeningError&) {
        if (attempt == kMaxAttempts) throw;
      }
    }
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw DatabaseNotFoundError(not_found_message(path));
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot open database at \"" + path + "\": " + e.get_description());
  }
}

/// BM25 with k1 = 1.2, b = 0.75: on our judged news queries this was as good
/// as a tuned grid and better than Xapian's default (k1 = 1, b = 0.5) on long
/// articles (LESSONS.md). k2 = 0 (no query-length correction), k3 = 1 (a
/// repeated query word counts a little more), min_normlen = 0.5 (the default:
/// very short documents are not over-rewarded).
Xapian::BM25Weight news_weighting() { return Xapian::BM25Weight(1.2, 0.0, 1.0, 0.75, 0.5); }

Xapian::MSet run(Xapian::Database& db, const Xapian::Query& query, const SearchOptions& options) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(news_weighting());
  // One database holds one document per article (the writer replaces by
  // id). Several opened as one (shards, a replica in transit) may hold
  // copies: collapsing keeps one per article. Only then, because it reads
  // the article value of every candidate that could enter the top ten.
  if (db.size() > 1) enquire.set_collapse_key(schema::kValueArticle);
  // No proximity bonus: in our measurements it made rankings worse.
  return enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                          static_cast<Xapian::doccount>(options.limit));
}

/// The topics the indexer tagged the article with (kValueTopics: its T
/// terms), in name order. A value, not the term list: reading a document's
/// terms costs about as much as the rest of a hit.
std::vector<std::string> topic_tags(const Xapian::Document& doc) {
  const std::string joined = doc.get_value(schema::kValueTopics);
  std::vector<std::string> topics;
  for (std::size_t begin = 0; begin < joined.size();) {
    const std::size_t end = std::min(joined.find(' ', begin), joined.size());
    if (end > begin) topics.push_back(joined.substr(begin, end - begin));
    begin = end + 1;
  }
  return topics;
}

Hit make_hit(const Xapian::MSetIterator& item, const Xapian::Document& doc, std::size_t rank,
             const detail::TermForms& forms, const SearchOptions& options,
             const schema::TextDictionaries& dictionaries) {
  Hit hit;
  hit.rank = rank;
  hit.score = item.get_weight();
  schema::StoredArticle article;
  try {
    article = schema::decode_document_data(doc.get_data(), &dictionaries);
  } catch (const DataError&) {
    // A damaged record still shows as a result, without text.
    article.id = doc.get_value(schema::kValueArticle);
  }
  detail::Snippet snippet = detail::make_snippet(article.passages, forms, options.snippet_words);
  hit.snippet = std::move(snippet.text);
  hit.highlights = std::move(snippet.highlights);
  hit.title_highlights = detail::highlight_words(article.title, forms);
  if (options.explain) hit.matches = detail::explain_matches(article.title, article.passages, forms);
  hit.id = std::move(article.id);
  hit.title = std::move(article.title);
  hit.url = std::move(article.url);
  hit.author = std::move(article.author);
  hit.published = std::move(article.published);
  hit.lang = std::move(article.lang);
  hit.source = std::move(article.source);
  hit.topics = topic_tags(doc);
  return hit;
}

}  // namespace

struct Searcher::Impl {
  /// Invariants:
  /// 1. `opened` is the identity `path` had just before `db` was opened
  ///    from it, so a switch made while opening is seen at the next search.
  /// 2. `db` stays usable when its generation is deleted: the files are
  ///    open, and it is replaced only by a database opened successfully.
  std::string path;
  std::optional<PathIdentity> opened;
  Xapian::Database db;
  /// The text dictionaries of `db`, read again when a document names one
  /// that is not here (a writer trained it after `db` was opened).
  schema::TextDictionaries dictionaries;

  static Impl open(const std::string& path) {
    std::optional<PathIdentity> identity = identity_of(path);
    Xapian::Database db = open_database(path);
    return Impl{path, identity, std::move(db), {}};
  }

  /// True when `path` now leads somewhere else than what `db` was opened
  /// from. A path that has vanished is not a switch: a rebuild never leaves
  /// it missing, so the open database is the best there is.
  bool switched() const {
    const std::optional<PathIdentity> now = identity_of(path);
    return now.has_value() && now != opened;
  }

  /// Reads the dictionaries again when `doc`'s stored text needs one that
  /// is not known yet. A damaged dictionary leaves the text undecodable,
  /// as damaged text is: the hit is still shown.
  void know_dictionary_of(const Xapian::Document& doc) {
    const unsigned id = schema::text_dictionary_id(doc.get_data());
    if (id == 0 || dictionaries.count(id) != 0) return;
    try {
      dictionaries = schema::load_text_dictionaries(db);
    } catch (const DataError&) {
    }
  }

  /// refresh() before a search. A path that cannot be read just now (moved
  /// or deleted under us) leaves the open snapshot: as for a vanished path
  /// in switched(), it is the best there is.
  void catch_up() {
    try {
      refresh();
    } catch (const DatabaseError&) {
    }
  }

  /// Brings `db` to the latest revision of what `path` leads to: opens
  /// `path` afresh when a rebuild switched it to a new generation (reopen()
  /// would only follow commits to the generation already open), else
  /// reopens.
  void refresh() {
    if (switched()) {
      *this = open(path);
      return;
    }
    try {
      db.reopen();
    } catch (const Xapian::Error& reopen_error) {
      throw DatabaseError("cannot reopen database at \"" + path + "\": " +
                          reopen_error.get_description());
    }
  }

  /// Runs `work` on the last commit (a reopen that finds no new revision
  /// costs one read of the version file), reopening again when a writer's
  /// commit made the open revision disappear under us, or when a rebuild
  /// switched the path to a new generation while we read the old one.
  template <typename Work>
  auto with_reopen(Work&& work) {
    catch_up();
    for (int attempt = 1;; ++attempt) {
      try {
        return work();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt == kMaxAttempts)
          throw DatabaseError("database at \"" + path +
                              "\" kept changing during the search; try again: " + e.get_description());
        refresh();
      } catch (const Xapian::Error& e) {
        if (attempt == kMaxAttempts || !switched())
          throw DatabaseError("cannot read database at \"" + path + "\": " + e.get_description());
        *this = open(path);
      }
    }
  }
};

Searcher::Searcher(const std::string& db_path)
    : impl_(std::make_unique<Impl>(Impl::open(db_path))) {
  prepare_analysis();
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(std::string_view query_text, const SearchOptions& options) {
  const detail::ParsedQuery parsed = detail::parse_query(query_text);

  SearchResults results;
  results.degraded = parsed.degraded;
  // Inside with_reopen: other spellings come from the database's name-key
  // dictionary, which a concurrent commit may change under us.
  return impl_->with_reopen([&] {
    const detail::Expansion expansion = detail::expansion_for(options, impl_->db);
    const detail::BuiltQuery built = detail::build_query(parsed.root, /*relax=*/false, expansion);
    SearchResults attempt = results;
    if (built.query.empty()) return attempt;
    Xapian::Query ran = detail::apply_options(built.query, options);
    Xapian::MSet mset = run(impl_->db, ran, options);
    if (mset.get_matches_upper_bound() == 0 && built.and_groups >= 2) {
      // Nothing has every word: better some than none; say so.
      detail::BuiltQuery relaxed = detail::build_query(parsed.root, /*relax=*/true, expansion);
      ran = detail::apply_options(relaxed.query, options);
      mset = run(impl_->db, ran, options);
      attempt.relaxed = true;
    }
    attempt.estimated_total = mset.get_matches_estimated();
    attempt.interpreted_as = (attempt.relaxed ? "relaxed: " : "") + ran.get_description();
    std::size_t rank = mset.get_firstitem();
    for (auto item = mset.begin(); item != mset.end(); ++item) {
      // One Document: it keeps its data once read.
      const Xapian::Document doc = item.get_document();
      impl_->know_dictionary_of(doc);
      attempt.hits.push_back(make_hit(item, doc, ++rank, built.forms, options, impl_->dictionaries));
    }
    return attempt;
  });
}

DatabaseStats Searcher::stats() {
  return impl_->with_reopen([&] { return detail::read_stats(impl_->db, impl_->path); });
}

}  // namespace akhbar::query
