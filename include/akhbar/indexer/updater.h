/// @file updater.h
/// @brief Keeping a database in step with its sources, night after night:
/// incremental update, rebuild beside the live database, and a check.
///
/// Usage:
/// @code
///   akhbar::indexer::UpdateOptions options;
///   options.prune = true;
///   auto stats = akhbar::indexer::update_sources(
///       "news.db", {"/srv/feeds"}, options,
///       [](const akhbar::indexer::LogEvent& e) { std::cerr << e.to_text() << '\n'; });
///   std::cout << stats.added << " new articles\n";
/// @endcode
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "akhbar/corpus/reader.h"
#include "akhbar/indexer/writer.h"

namespace akhbar::indexer {

/// One thing that happened during an update, for a log line.
struct LogEvent {
  enum class Level { kInfo, kWarning, kError };
  Level level = Level::kInfo;
  std::string event;        ///< short name: "problem", "duplicate", "file", "pruned"...
  std::string file;         ///< the source file concerned; may be empty
  std::uint64_t line = 0;   ///< 1-based line in `file`; 0 when none
  std::string message;      ///< a complete sentence
  std::vector<std::pair<std::string, std::uint64_t>> counts;  ///< e.g. {"added", 3}

  /// "FILE:LINE: LEVEL: MESSAGE" (parts that are empty left out).
  std::string to_text() const;
  /// One JSON object: level, event, file, line, message, then the counts.
  std::string to_json() const;
};

/// A reader's Problem as a "problem" event.
LogEvent problem_event(const corpus::Problem& problem);

struct UpdateOptions {
  IndexOptions index;  ///< batch size, passage sizes, lock wait
  /// Delete articles that the given sources no longer hold: those of a file
  /// that lost them, and all of a tracked file under the sources that is gone.
  bool prune = false;
};

struct UpdateStats {
  std::uint64_t added = 0;       ///< articles new to the database
  std::uint64_t updated = 0;     ///< articles whose content (or origin file) changed
  std::uint64_t unchanged = 0;   ///< articles left alone, read or in skipped files
  std::uint64_t deleted = 0;     ///< articles pruned
  std::uint64_t duplicates = 0;  ///< articles skipped because another file holds their id
  std::uint64_t failed = 0;      ///< records that could not be indexed (input errors, no words)
  std::uint64_t warnings = 0;    ///< input problems of severity warning
  std::uint64_t files_read = 0;     ///< files parsed
  std::uint64_t files_skipped = 0;  ///< files unchanged since the last update, not opened
  std::uint64_t input_bytes = 0;    ///< bytes of the files read
  std::uint64_t text_bytes = 0;     ///< those bytes decompressed
  double seconds = 0;
};

/// Brings the database at `db_path` in step with `sources` (files or
/// directories, walked like corpus::CorpusReader does).
///
/// A file whose size and modification time match what the database recorded
/// at its last update is skipped unread. In the other files, an article whose
/// id is new is added; one whose stored content hash (schema::kValueHash)
/// differs is replaced; an unchanged one costs no write. An id already held
/// by another existing file is a duplicate: skipped, with a warning naming
/// both files. The state of a file (schema.h) is committed with the last
/// batch of its articles, so an update killed at any moment leaves a
/// database with whole batches only, and the next update completes the work.
///
/// Throws DatabaseLockedError when another writer holds the database past
/// options.index.wait_seconds, DatabaseError when it was built with another
/// analysis version or format (IncompatibleDatabaseError; the message says
/// to run `akhbar index --rebuild`). Input problems are events, never
/// exceptions. `on_progress` is called after each article and each file
/// skipped unread, from the calling thread.
UpdateStats update_sources(const std::string& db_path, const std::vector<std::string>& sources,
                           const UpdateOptions& options = {},
                           const std::function<void(const LogEvent&)>& on_event = {},
                           const std::function<void(const Progress&)>& on_progress = {});

/// Builds a new database from `sources` beside the one at `db_path` and
/// switches `db_path` to it atomically (schema.h, "Layout on disk"): searches
/// keep using the old database until the switch and the new one after it;
/// the old one is then removed. Works whatever the old database's analysis
/// version, and when there is none yet. Holds the old database's write lock
/// throughout, so no update is lost by the switch. Throws like
/// update_sources(); on failure `db_path` is left as it was. Reports
/// progress like update_sources().
UpdateStats rebuild_sources(const std::string& db_path, const std::vector<std::string>& sources,
                            const UpdateOptions& options = {},
                            const std::function<void(const LogEvent&)>& on_event = {},
                            const std::function<void(const Progress&)>& on_progress = {});

/// What check_database() found.
struct CheckReport {
  std::vector<std::string> problems;  ///< empty when the database is sound
  std::vector<std::string> notes;     ///< facts worth knowing that are not faults
  std::string directory;              ///< the Xapian directory checked (the generation)
  std::uint64_t articles = 0;
  std::uint64_t tracked_files = 0;     ///< files with an update state
  std::uint64_t tracked_articles = 0;  ///< ids those states list
  std::string analysis_version;        ///< as recorded in the database

  bool ok() const noexcept { return problems.empty(); }
};

/// Verifies the database at `db_path`: Xapian's structural check of every
/// table, the analysis version and format, and that the per-file states
/// agree with the articles (every id recorded exists, comes from that file,
/// and is recorded once). Throws DatabaseNotFoundError if there is none;
/// every fault found is reported, not thrown.
CheckReport check_database(const std::string& db_path);

}  // namespace akhbar::indexer
