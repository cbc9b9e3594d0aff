// index_sources(): the whole of `akhbar index` — read, build, write, report.
#include <chrono>
#include <string>

#include "akhbar/corpus/reader.h"
#include "akhbar/indexer/writer.h"
#include "parallel_index.h"

namespace akhbar::indexer {
namespace {

using Clock = std::chrono::steady_clock;

// Progress callbacks cost a terminal write: at most ten a second.
constexpr auto kProgressInterval = std::chrono::milliseconds(100);
// Reading the clock per article is cheap, but not free next to tiny articles.
constexpr std::uint64_t kArticlesPerClockCheck = 32;

}  // namespace

IndexStats index_sources(const std::string& db_path, const std::vector<std::string>& sources,
                         const IndexOptions& options,
                         const std::function<void(const Progress&)>& on_progress,
                         const std::function<void(const corpus::Problem&)>& on_problem) {
  const unsigned threads = detail::resolve_index_threads(options.threads);
  if (threads > 1)
    return detail::index_sources_parallel(db_path, sources, options, threads, on_progress, on_problem);
  // The writer first: a locked or incompatible database fails before any
  // input is walked.
  IndexWriter writer(db_path, options);
  return detail::index_sources_one_thread(writer, sources, Clock::now(), on_progress, on_problem);
}

IndexStats detail::index_sources_one_thread(IndexWriter& writer, const std::vector<std::string>& sources,
                                            std::chrono::steady_clock::time_point started,
                                            const std::function<void(const Progress&)>& on_progress,
                                            const std::function<void(const corpus::Problem&)>& on_problem) {
  corpus::CorpusReader reader(sources);
  std::uint64_t reported_warnings = 0;
  auto report = [&](const corpus::Problem& problem) {
    if (on_problem) on_problem(problem);
  };
  reader.on_problem(report);

  Progress progress;
  progress.bytes_total = on_progress ? reader.total_bytes() : 0;
  auto last_report = started;
  std::uint64_t seen = 0;
  while (auto article = reader.next()) {
    if (!writer.add(*article)) {
      // Not an error in the input format, but the user should know why an
      // article they gave is missing from the index.
      ++reported_warnings;
      report({corpus::Problem::Severity::kWarning, article->origin_file, article->origin_line,
              "article " + article->id + " has no indexable words; skipped"});
    }
    if (on_progress && ++seen % kArticlesPerClockCheck == 0) {
      const auto now = Clock::now();
      if (now - last_report >= kProgressInterval) {
        last_report = now;
        progress.bytes_done = reader.stats().bytes;
        progress.text_bytes = reader.stats().text_bytes;
        progress.articles = writer.stats().articles;
        on_progress(progress);
      }
    }
  }
  writer.commit();

  IndexStats stats = writer.stats();
  detail::finish_index_run(stats, reader.stats(), reported_warnings, started, progress, on_progress);
  return stats;
}

}  // namespace akhbar::indexer
