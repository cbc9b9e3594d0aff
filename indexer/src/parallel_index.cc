// index_sources() on several threads. Xapian allows one writer per database
// and most of the indexing time is spent inside it, so the parallelism comes
// from separate databases: each builder thread writes segments (databases of
// its own) in a temporary folder beside the target, and all segments are
// merged at the end.
//
// A segment receives many small transactions rather than one large one: a
// Xapian transaction's in-memory maps of changed terms grow deep and slow
// past a few MiB of input, and its size is what the memory budget bounds.
// A segment holds many transactions because the merge keeps one posting
// chunk per term per segment: on 100 000 generated articles (two threads,
// transactions of 8 MiB), one segment per transaction gave 212 MB of
// posting lists and took 347 s of user CPU time, one segment per thread
// 119 MB and 312 s, segments of 64 MiB 137 MB and 327 s. A segment is closed after
// SegmentPlan::transactions_per_segment all the same (512 MiB of input by
// default), so that a commit never merges into a very large database.
//
// Invariants:
//   1. The target's write lock (an IndexWriter on it) is held from before
//      the first article is read until after the merge, so no other writer
//      can interleave, and stale temporary folders of an earlier killed run
//      can be removed safely once it is taken.
//   2. An article id always goes to the same builder (hash of the id), and
//      a builder receives its articles in reading order: a later article
//      with the same id replaces the earlier one in the same segment, and
//      is deleted from the builder's earlier segments before the merge, so
//      the result is the same as with one thread.
//   3. The builders run only for an empty target, which changes by one
//      atomic exchange of directories (or generation switch), or, on a file
//      system without RENAME_EXCHANGE, by committed batches: a kill leaves
//      either the old database or the new one, plus temporary folders that
//      the next run removes. A target with articles is written by one
//      thread, batch by batch, as index_sources_one_thread() does.
//   4. Callbacks run on the calling thread only; builders hand their
//      problems over through a locked list.
#include "parallel_index.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <map>
#include <queue>
#include <utility>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "database_layout.h"
#include "document_builder.h"
#include "parallel_queue.h"
#include "writer_access.h"

namespace akhbar::indexer::detail {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr auto kProgressInterval = std::chrono::milliseconds(100);
// Articles waiting per builder: enough to ride out uneven article sizes,
// few enough that the reader never runs far ahead of the builders.
constexpr std::size_t kQueuedArticlesPerBuilder = 64;
// A transaction's uncommitted changes (postings, positions, values, stored
// text) take many times the article's text in memory: peak RSS grew by
// about 15 bytes per buffered input byte on the generated news corpus.
constexpr std::size_t kMemoryPerInputByte = 16;
constexpr std::size_t kMinTransactionBytes = std::size_t{16} << 10;
// Past a few thousand articles a Xapian transaction gets slower per article
// (its in-memory maps of changed terms grow deep), so transactions stay near
// this much input even when the memory budget would allow more. Measured
// on 10 000 generated articles: transactions of 2 and 8 MiB cost the same
// CPU time, one of 21 MiB a third more.
constexpr std::size_t kMaxTransactionBytes = std::size_t{8} << 20;

std::uint64_t article_bytes(const corpus::Article& article) {
  std::uint64_t bytes = article.title.size();
  for (const std::string& paragraph : article.paragraphs) bytes += paragraph.size();
  return bytes;
}

[[noreturn]] void rethrow_as_database_error(const std::string& path, const std::string& doing) {
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot " + doing + " database " + path + ": " + e.get_description());
  }
}

// Problems found by builder threads, waiting to be reported by the caller's
// thread.
class ProblemList {
 public:
  void add(corpus::Problem problem) {
    std::lock_guard lock(mutex_);
    problems_.push_back(std::move(problem));
  }
  std::vector<corpus::Problem> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(problems_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<corpus::Problem> problems_;
};

// Temporary folders beside the target: "NAME.shards-PID" for the segments and
// "NAME.new-PID" for the merged database before the switch. Removed when the
// object goes, whatever happened.
class ScratchSpace {
 public:
  explicit ScratchSpace(const std::string& db_path)
      : db_path_(db_path),
        shards_(db_path + ".shards-" + std::to_string(::getpid())),
        merged_(db_path + ".new-" + std::to_string(::getpid())) {
    remove_leftovers();
    std::error_code error;
    fs::create_directories(shards_, error);
    if (error) throw IoError("cannot create " + shards_ + ": " + error.message());
  }
  ~ScratchSpace() {
    std::error_code ignored;
    fs::remove_all(shards_, ignored);
    fs::remove_all(merged_, ignored);
  }
  ScratchSpace(const ScratchSpace&) = delete;
  ScratchSpace& operator=(const ScratchSpace&) = delete;

  std::string segment(unsigned builder, unsigned number) const {
    return shards_ + "/segment-" + std::to_string(builder) + "-" + std::to_string(number);
  }
  const std::string& merged() const { return merged_; }

 private:
  // Folders of an earlier run that was killed. Called with the target's lock
  // held (invariant 1), so no live run owns them.
  void remove_leftovers() const {
    const fs::path target(db_path_);
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string name = target.filename().string();
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(parent, error)) {
      const std::string other = entry.path().filename().string();
      if (other.starts_with(name + ".shards-") || other.starts_with(name + ".new-")) {
        std::error_code ignored;
        fs::remove_all(entry.path(), ignored);
      }
    }
  }

  std::string db_path_;
  std::string shards_;
  std::string merged_;
};

// One builder thread and the queue that feeds it.
struct Builder {
  Builder() : queue(kQueuedArticlesPerBuilder) {}

  BoundedQueue<corpus::Article> queue;
  std::atomic<std::uint64_t> articles{0};  // written so far, for progress
  IndexStats stats;                        // final; read after join
  std::vector<std::string> segments;       // final; read after join
  std::thread thread;
};

// Deletes from each segment the articles that a later segment of the same
// series holds again (invariant 2). Walks the id terms of all the segments
// at once, in term order: the memory is one cursor per segment, whatever
// the number of articles.
void remove_superseded(const std::vector<std::string>& segments) {
  struct Cursor {
    Xapian::TermIterator term, end;
    std::size_t segment;
  };
  // Smallest term first; for one term, the earliest segment first.
  const auto later = [](const Cursor& a, const Cursor& b) {
    const int order = (*a.term).compare(*b.term);
    return order != 0 ? order > 0 : a.segment > b.segment;
  };
  std::vector<Xapian::Database> databases;
  std::priority_queue<Cursor, std::vector<Cursor>, decltype(later)> cursors(later);
  std::map<std::size_t, std::vector<std::string>> superseded;  // segment -> id terms
  try {
    databases.reserve(segments.size());
    for (std::size_t s = 0; s < segments.size(); ++s) {
      databases.emplace_back(segments[s]);
      const std::string prefix(schema::kIdPrefix);
      Cursor cursor{databases.back().allterms_begin(prefix), databases.back().allterms_end(prefix), s};
      if (cursor.term != cursor.end) cursors.push(std::move(cursor));
    }
    while (!cursors.empty()) {
      Cursor cursor = cursors.top();
      cursors.pop();
      // A later segment has the same id: this copy was replaced.
      if (!cursors.empty() && *cursors.top().term == *cursor.term)
        superseded[cursor.segment].push_back(*cursor.term);
      if (++cursor.term != cursor.end) cursors.push(std::move(cursor));
    }
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot read the temporary segments: " + e.get_description());
  }
  for (const auto& [segment, terms] : superseded) {
    try {
      Xapian::WritableDatabase db(segments[segment], Xapian::DB_OPEN);
      for (const std::string& term : terms) db.delete_document(term);
      db.commit();
    } catch (...) {
      rethrow_as_database_error(segments[segment], "remove a replaced article from");
    }
  }
}

// The segments one builder writes, in the order of the articles it is given:
// transactions of about `transaction_bytes` of input, so many to a segment.
class SegmentSeries {
 public:
  SegmentSeries(const ScratchSpace& scratch, unsigned builder, const IndexOptions& options,
                std::size_t transaction_bytes, const SegmentPlan& plan)
      : scratch_(scratch),
        builder_(builder),
        options_(options),
        transaction_bytes_(transaction_bytes),
        plan_(plan) {}

  IndexWriter& writer() {
    if (!writer_) {
      segments_.push_back(scratch_.segment(builder_, static_cast<unsigned>(segments_.size())));
      writer_.emplace(segments_.back(), options_);
      transactions_ = 0;
      // One dictionary for all of a builder's segments, trained in the
      // first (on half a transaction at most: with a small memory budget,
      // a builder may be given little more).
      WriterAccess::use_text_dictionary(
          *writer_, dictionary_,
          std::min(DocumentBuilder::kTextDictionarySampleBytes, transaction_bytes_ / 2));
    }
    return *writer_;
  }

  // Counts `bytes` of input just written: commits the transaction once it
  // has its size, and closes the segment once that has its transactions.
  void wrote(std::size_t bytes) {
    uncommitted_bytes_ += bytes;
    if (uncommitted_bytes_ < transaction_bytes_) return;
    uncommitted_bytes_ = 0;
    if (++transactions_ >= plan_.transactions_per_segment) {
      close_segment();
    } else {
      writer_->commit();
    }
  }

  // Closes the last segment and removes superseded articles from earlier
  // ones. Returns the segments to merge.
  std::vector<std::string> finish() {
    close_segment();
    remove_superseded(segments_);
    return segments_;
  }

  const IndexStats& stats() const { return stats_; }
  std::uint64_t articles_written() const {
    return stats_.articles + (writer_ ? writer_->stats().articles : 0);
  }

 private:
  // Commits the current segment and starts the next one on the next write.
  void close_segment() {
    if (!writer_) return;
    writer_->commit();
    dictionary_ = WriterAccess::text_dictionary(*writer_);
    stats_ = add(stats_, writer_->stats());
    writer_.reset();
  }

  static IndexStats add(IndexStats total, const IndexStats& more) {
    total.articles += more.articles;
    total.passages += more.passages;
    total.skipped += more.skipped;
    return total;
  }

  const ScratchSpace& scratch_;
  unsigned builder_;
  IndexOptions options_;
  std::size_t transaction_bytes_;
  SegmentPlan plan_;
  std::optional<IndexWriter> writer_;
  std::size_t uncommitted_bytes_ = 0;
  std::size_t transactions_ = 0;  // committed into the current segment
  std::vector<std::string> segments_;
  IndexStats stats_;
  std::shared_ptr<const schema::TextDictionary> dictionary_;
};

// The builders, started together and always stopped and joined together:
// on success by finish(), on any failure by the destructor.
class BuilderPool {
 public:
  BuilderPool(unsigned count, const ScratchSpace& scratch, const IndexOptions& options,
              const SegmentPlan& plan)
      : builders_(count) {
    // Every builder exists before any thread starts: a failing thread aborts all queues.
    for (auto& builder : builders_) builder = std::make_unique<Builder>();
    IndexOptions segment_options = options;
    segment_options.wait_seconds = 0;  // nobody else knows of the segments
    // Transactions are cut by size (SegmentSeries::wrote); the writer must
    // not commit in between.
    segment_options.batch_articles = std::numeric_limits<std::size_t>::max();
    const std::size_t transaction_bytes = std::clamp(
        options.memory_budget_mb * (std::size_t{1} << 20) / count / kMemoryPerInputByte,
        kMinTransactionBytes, kMaxTransactionBytes);
    for (unsigned i = 0; i < count; ++i) {
      builders_[i]->thread =
          std::thread(&BuilderPool::run, this, std::ref(*builders_[i]), std::cref(scratch), i,
                      segment_options, transaction_bytes, plan);
    }
  }
  ~BuilderPool() {
    for (auto& builder : builders_) builder->queue.abort();
    join();
  }
  BuilderPool(const BuilderPool&) = delete;
  BuilderPool& operator=(const BuilderPool&) = delete;

  // Hands the article to the builder of its id. Returns false when a builder
  // has failed: the run is over, finish() rethrows why.
  bool add(corpus::Article article) {
    const std::size_t index = std::hash<std::string>{}(article.id) % builders_.size();
    return builders_[index]->queue.push(std::move(article));
  }

  std::uint64_t articles() const {
    std::uint64_t total = 0;
    for (const auto& builder : builders_) total += builder->articles.load(std::memory_order_relaxed);
    return total;
  }

  std::vector<corpus::Problem> take_problems() { return problems_.take(); }

  // Waits for every queued article to be written and the segments
  // committed; rethrows the first failure of a builder. Returns the
  // builders' totals and appends their segments to `segments`.
  IndexStats finish(std::vector<std::string>& segments) {
    for (auto& builder : builders_) builder->queue.close();
    join();
    if (failure_) std::rethrow_exception(failure_);
    IndexStats total;
    for (const auto& builder : builders_) {
      total.articles += builder->stats.articles;
      total.passages += builder->stats.passages;
      total.skipped += builder->stats.skipped;
      segments.insert(segments.end(), builder->segments.begin(), builder->segments.end());
    }
    return total;
  }

  bool failed() const { return failed_.load(); }

 private:
  void run(Builder& builder, const ScratchSpace& scratch, unsigned index, const IndexOptions& options,
           std::size_t transaction_bytes, SegmentPlan plan) {
    try {
      SegmentSeries series(scratch, index, options, transaction_bytes, plan);
      while (auto article = builder.queue.pop()) {
        if (!series.writer().add(*article))
          problems_.add({corpus::Problem::Severity::kWarning, article->origin_file, article->origin_line,
                         "article " + article->id + " has no indexable words; skipped"});
        builder.articles.store(series.articles_written(), std::memory_order_relaxed);
        series.wrote(article_bytes(*article));
      }
      if (failed_.load()) return;  // aborted: the segments are thrown away
      builder.segments = series.finish();
      builder.stats = series.stats();
    } catch (...) {
      fail(std::current_exception());
    }
  }

  void fail(std::exception_ptr error) {
    {
      std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = std::move(error);
    }
    failed_.store(true);
    for (auto& builder : builders_) builder->queue.abort();
  }

  void join() {
    for (auto& builder : builders_)
      if (builder->thread.joinable()) builder->thread.join();
  }

  std::vector<std::unique_ptr<Builder>> builders_;
  ProblemList problems_;
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  std::atomic<bool> failed_{false};
};

// Merges the segments into one new database at `output` (Xapian's
// compaction: streams the posting lists, renumbering the documents segment
// after segment).
void merge_segments(const std::vector<std::string>& segments, const std::string& output) {
  try {
    Xapian::Database all;
    for (const std::string& segment : segments) all.add_database(Xapian::Database(segment));
    all.compact(output);
  } catch (...) {
    rethrow_as_database_error(output, "merge the segments into");
  }
}

// Copies every document and name-key synonym of the segments into the
// target, each replacing the article with its id, committing every
// batch_articles.
void copy_segments(const std::vector<std::string>& segments, IndexWriter& target,
                 const std::string& db_path, std::size_t batch_articles) {
  Xapian::WritableDatabase& db = WriterAccess::database(target);
  std::size_t pending = 0;
  try {
    for (const std::string& path : segments) {
      Xapian::Database segment(path);
      // Copied documents keep their data, compressed with the segment's dictionary.
      for (const auto& [id, dictionary] : schema::load_text_dictionaries(segment))
        if (db.get_metadata(dictionary->metadata_key()).empty())
          db.set_metadata(dictionary->metadata_key(), dictionary->bytes());
      for (auto posting = segment.postlist_begin(""); posting != segment.postlist_end(""); ++posting) {
        const Xapian::Document document = segment.get_document(*posting);
        db.replace_document(id_term(document.get_value(schema::kValueArticle)), document);
        if (++pending >= batch_articles) {
          target.commit();
          pending = 0;
        }
      }
      for (auto key = segment.synonym_keys_begin(); key != segment.synonym_keys_end(); ++key)
        for (auto word = segment.synonyms_begin(*key); word != segment.synonyms_end(*key); ++word)
          db.add_synonym(*key, *word);
    }
  } catch (...) {
    rethrow_as_database_error(db_path, "copy the new articles into");
  }
  target.commit();
}

void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;  // durability only; the exchange itself has happened
  ::fsync(fd);
  ::close(fd);
}

// The next generation directory of a stub database (schema.h, "Layout on disk").
std::string next_generation(const std::string& db_path) {
  const std::string folder = generations_folder(db_path);
  unsigned next = 1;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error))
    if (const auto number = generation_number(entry.path().string())) next = std::max(next, *number + 1);
  return folder + "/gen-" + std::to_string(next);
}

}  // namespace

unsigned resolve_index_threads(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp(cores, 1u, kMaxDefaultIndexThreads);
}

IndexStats index_sources_parallel(const std::string& db_path, const std::vector<std::string>& sources,
                                  const IndexOptions& options, unsigned threads,
                                  const std::function<void(const Progress&)>& on_progress,
                                  const std::function<void(const corpus::Problem&)>& on_problem,
                                  const SegmentPlan& plan) {
  const auto started = Clock::now();
  // The target first: a locked or incompatible database fails before any
  // input is walked, and its lock is held to the end (invariant 1).
  std::optional<IndexWriter> target;
  target.emplace(db_path, options);
  bool target_empty = false;
  try {
    target_empty = WriterAccess::database(*target).get_doccount() == 0;
  } catch (...) {
    rethrow_as_database_error(db_path, "read");
  }
  if (!target_empty) return index_sources_one_thread(*target, sources, started, on_progress, on_problem);
  ScratchSpace scratch(db_path);

  corpus::CorpusReader reader(sources);
  std::uint64_t reported_warnings = 0;
  auto report = [&](const corpus::Problem& problem) {
    if (problem.severity == corpus::Problem::Severity::kWarning) ++reported_warnings;
    if (on_problem) on_problem(problem);
  };
  reader.on_problem([&](const corpus::Problem& problem) {
    if (on_problem) on_problem(problem);
  });

  Progress progress;
  progress.bytes_total = on_progress ? reader.total_bytes() : 0;
  auto last_report = started;
  IndexStats stats;
  std::vector<std::string> segments;
  {
    BuilderPool pool(threads, scratch, options, plan);
    while (auto article = reader.next()) {
      if (!pool.add(std::move(*article))) break;  // a builder failed; finish() says why
      const auto now = Clock::now();
      if (now - last_report < kProgressInterval) continue;
      last_report = now;
      for (const corpus::Problem& problem : pool.take_problems()) report(problem);
      if (on_progress) {
        progress.bytes_done = reader.stats().bytes;
        progress.text_bytes = reader.stats().text_bytes;
        progress.articles = pool.articles();
        on_progress(progress);
      }
    }
    stats = pool.finish(segments);
    for (const corpus::Problem& problem : pool.take_problems()) report(problem);
  }

  const std::string directory = resolve_database(db_path);
  if (directory == db_path) {
    // A plain directory: exchange it with the merged one in one rename.
    merge_segments(segments, scratch.merged());
    if (::renameat2(AT_FDCWD, scratch.merged().c_str(), AT_FDCWD, db_path.c_str(), RENAME_EXCHANGE) == 0) {
      sync_directory(fs::path(db_path).parent_path());
      target.reset();  // the old, empty database now lies in scratch.merged(), removed with it
    } else {
      // A file system without RENAME_EXCHANGE: fill the target in batches.
      copy_segments(segments, *target, db_path, options.batch_articles);
    }
  } else {
    // A generation stub: the merged database becomes the next generation.
    const std::string generation = next_generation(db_path);
    try {
      merge_segments(segments, generation);
      switch_generation(db_path, generation);
    } catch (...) {
      std::error_code ignored;
      fs::remove_all(generation, ignored);
      throw;
    }
    target.reset();
    remove_old_generations(db_path, generation);
  }
  target.reset();

  finish_index_run(stats, reader.stats(), reported_warnings, started, progress, on_progress);
  return stats;
}

void finish_index_run(IndexStats& stats, const corpus::ReaderStats& read,
                      std::uint64_t reported_warnings, std::chrono::steady_clock::time_point started,
                      Progress& progress, const std::function<void(const Progress&)>& on_progress) {
  stats.errors = read.errors;
  stats.warnings = read.warnings + reported_warnings;
  stats.input_bytes = read.bytes;
  stats.text_bytes = read.text_bytes;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (on_progress) {
    progress.bytes_done = stats.input_bytes;
    progress.text_bytes = stats.text_bytes;
    progress.articles = stats.articles;
    on_progress(progress);
  }
}

}  // namespace akhbar::indexer::detail
