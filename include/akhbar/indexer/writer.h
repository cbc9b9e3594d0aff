/// @file writer.h
/// @brief Writes articles into an akhbar database.
///
/// Usage:
/// @code
///   akhbar::indexer::IndexWriter writer("news.db");
///   writer.add(article);      // replaces any earlier article with its id
///   writer.commit();          // makes the batch visible, atomically
/// @endcode
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/corpus/article.h"
#include "akhbar/corpus/reader.h"

namespace akhbar::indexer {

namespace detail {
struct WriterAccess;
}

struct IndexOptions {
  /// Articles per commit. Each commit is one Xapian transaction: a crash
  /// loses at most the batch in progress, never the database.
  std::size_t batch_articles = 2000;
  /// Passages: adjacent paragraphs are joined until a passage has at least
  /// this many words...
  std::size_t passage_min_words = 40;
  /// ...and a passage longer than this is split at a sentence or word boundary.
  std::size_t passage_max_words = 200;
  /// How long to wait for another writer to release the database before
  /// giving up with DatabaseLockedError; 0: give up at once.
  double wait_seconds = 0;
  /// index_sources() into an empty database only: threads that analyse
  /// articles and build documents, each into its own series of
  /// temporary databases (segments), merged into the database at the end;
  /// 0: one per core, at most 8; 1: one thread, writing straight into the
  /// database batch by batch, as always happens for a database that has
  /// articles. IndexWriter and the updater write with one.
  unsigned threads = 0;
  /// index_sources() with threads > 1: about the most memory the threads'
  /// unwritten changes may take together, in MiB; a thread commits into
  /// its segment before its share is exceeded (and, for speed, after at
  /// most 8 MiB of input), and starts a new segment every 64 commits. The
  /// merge itself streams.
  std::size_t memory_budget_mb = 1024;
};

struct IndexStats {
  std::uint64_t articles = 0;   ///< articles written (added or replaced)
  std::uint64_t passages = 0;   ///< passages stored
  std::uint64_t skipped = 0;    ///< articles not written (empty after analysis)
  std::uint64_t errors = 0;     ///< input problems of severity error
  std::uint64_t warnings = 0;   ///< input problems of severity warning
  std::uint64_t input_bytes = 0;  ///< bytes of the files read (compressed size for .zst)
  std::uint64_t text_bytes = 0;   ///< those bytes decompressed: the text indexed
  double seconds = 0;
};

/// Owns the write lock of one database for its lifetime.
///
/// The constructor creates the database if it does not exist (as a plain
/// database directory), follows a generation stub (schema.h) to the current
/// generation, and throws DatabaseLockedError if another writer holds it
/// (after waiting up to IndexOptions::wait_seconds), DatabaseError if it was
/// built with another analysis version. add() buffers; commit() writes the
/// buffered batch atomically. The destructor commits pending work if no
/// exception is in flight. Not thread-safe.
class IndexWriter {
 public:
  explicit IndexWriter(const std::string& db_path, IndexOptions options = {});
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Adds an article, replacing any article with the same id. Commits when
  /// a batch is full. Returns false (and counts it as skipped) if the article
  /// has no indexable words.
  bool add(const corpus::Article& article);

  /// Deletes the article with this id, counted in the batch like add().
  /// Returns false if the database has no such article.
  bool remove(std::string_view id);

  /// Makes everything added so far durable and visible to searchers.
  void commit();

  const IndexStats& stats() const noexcept;

 private:
  friend struct detail::WriterAccess;  // the updater reads and files per-file state
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Progress of index_sources(), update_sources() and rebuild_sources():
/// bytes of the files read so far and in all (compressed sizes for .zst, so
/// that bytes_done / bytes_total is the fraction done), and the text those
/// bytes held once decompressed (the rate of work).
struct Progress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t text_bytes = 0;
  std::uint64_t articles = 0;  ///< articles indexed so far
};

/// Reads every source with corpus::CorpusReader and indexes it: the whole
/// of `akhbar index` in one call. Problems with the input are reported to
/// `on_problem` and counted; they never stop the run. Throws on database
/// errors (locked, unwritable).
///
/// With options.threads > 1 the reading stays in the calling thread and the
/// articles are built by worker threads into temporary segment databases
/// beside `db_path` (an article id always goes to the same thread, and the
/// last of several articles with one id wins, as with one thread). An empty
/// database is then replaced at once by the merged segments (the path is
/// switched atomically: a kill before that leaves the empty database). A
/// database that has articles receives the new ones from one thread, in
/// batches of options.batch_articles, each new article replacing any with
/// its id (the nightly case: building segments would only add a copy). The
/// callbacks are always called from the calling thread.
IndexStats index_sources(const std::string& db_path,
                         const std::vector<std::string>& sources,
                         const IndexOptions& options = {},
                         const std::function<void(const Progress&)>& on_progress = {},
                         const std::function<void(const corpus::Problem&)>& on_problem = {});

/// The database used when none is named: $AKHBAR_DB if set, else
/// $XDG_DATA_HOME/akhbar/db, else ~/.local/share/akhbar/db.
std::string default_db_path();

}  // namespace akhbar::indexer
