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

/// How builders cut their work. Each commits a transaction every few MiB of
/// input (what IndexOptions::memory_budget_mb bounds) and starts a new
/// segment database after so many transactions.
struct SegmentPlan {
  /// 64 transactions of 8 MiB (the most a transaction takes): segments of
  /// up to 512 MiB of input. Fewer, larger segments make smaller posting
  /// lists; tests use 1 to exercise many segments on a small corpus.
  std::size_t transactions_per_segment = 64;
};

/// index_sources() with `threads` builders (>= 2), as writer.h describes it.
/// Into a database that already has articles, the articles are written by
/// one thread instead: the builders' work would have to be copied into it
/// document by document, which costs more than it saves.
/// Throws like index_sources(); a failure in a builder stops the run and is
/// rethrown here, and the temporary segments are removed either way.
IndexStats index_sources_parallel(const std::string& db_path, const std::vector<std::string>& sources,
                                  const IndexOptions& options, unsigned threads,
                                  const std::function<void(const Progress&)>& on_progress,
                                  const std::function<void(const corpus::Problem&)>& on_problem,
                                  const SegmentPlan& plan = {});

}  // namespace akhbar::indexer::detail
