/// @file parallel_index.h
/// @brief index_sources() on several threads: one reader, N builders each
/// writing its own series of segment databases, and a merge into the target
/// at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "akhbar/corpus/reader.h"
#include "akhbar/indexer/writer.h"

namespace akhbar::indexer::detail {

/// The number of builder threads IndexOptions::threads asks for: itself, or
/// for 0 the number of cores, at most kMaxDefaultIndexThreads (and at least 1).
unsigned resolve_index_threads(unsigned requested);
inline constexpr unsigned kMaxDefaultIndexThreads = 8;

/// The end of an indexing run, shared by the one-thread and parallel paths:
/// completes `stats` with the reader's counts (plus the warnings the indexer
/// itself reported) and the elapsed time, and reports the final progress.
void finish_index_run(IndexStats& stats, const corpus::ReaderStats& read,
                      std::uint64_t reported_warnings, std::chrono::steady_clock::time_point started,
                      Progress& progress, const std::function<void(const Progress&)>& on_progress);

/// index_sources() with one thread: reads `sources` and adds every article
/// through `writer`, which commits in batches; commits the rest at the end.
/// `started` is when the run began, for IndexStats::seconds.
IndexStats index_sources_one_thread(IndexWriter& writer, const std::vector<std::string>& sources,
                                    std::chrono::steady_clock::time_point started,
                                    const std::function<void(const Progress&)>& on_progress,
                                    const std::function<void(const corpus::Problem&)>& on_problem);

/// index_sources() with `threads` builders (>= 2), as writer.h describes it.
/// Into a database that already has articles, the articles are written by
/// one thread instead: the builders' work would have to be copied into it
/// document by document, which costs more than it saves.
/// Throws like index_sources(); a failure in a builder stops the run and is
/// rethrown here, and the temporary segments are removed either way.
IndexStats index_sources_parallel(const std::string& db_path, const std::vector<std::string>& sources,
                                  const IndexOptions& options, unsigned threads,
                                  const std::function<void(const Progress&)>& on_progress,
                                  const std::function<void(const corpus::Problem&)>& on_problem);

}  // namespace akhbar::indexer::detail
