// index_sources() on several threads. Xapian allows one writer per database
// and most of the indexing time is spent inside it, so the parallelism comes
// from separate databases: each builder thread owns a shard in a temporary
// folder beside the target, and the shards are merged at the end.
//
// Invariants:
//   1. The target's write lock (an IndexWriter on it) is held from before
//      the first article is read until after the merge, so no other writer
//      can interleave, and stale temporary folders of an earlier killed run
//      can be removed safely once it is taken.
//   2. An article id always goes to the same shard (hash of the id), and a
//      shard receives its articles in reading order: a later article with
//      the same id replaces the earlier one, as with one thread.
//   3. The target changes only by committed batches (copy path) or by one
//      atomic exchange of directories (empty target): a kill leaves either
//      the old database or the new one, plus temporary folders that the
//      next run removes.
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
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
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
// A shard's uncommitted changes (postings, positions, values, stored text)
// take many times the article's text in memory: peak RSS grew by about 15
// bytes per buffered input byte on the generated news corpus.
constexpr std::size_t kMemoryPerInputByte = 16;
constexpr std::size_t kMinCommitBytes = std::size_t{1} << 20;

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

// Temporary folders beside the target: "NAME.shards-PID" for the shards and
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

  std::string shard(unsigned index) const { return shards_ + "/shard-" + std::to_string(index); }
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
  std::thread thread;
};

// The builders, started together and always stopped and joined together:
// on success by finish(), on any failure by the destructor.
class BuilderPool {
 public:
  BuilderPool(unsigned count, const ScratchSpace& scratch, const IndexOptions& options)
      : builders_(count) {
    // Every builder exists before any thread starts: a failing thread aborts all queues.
    for (auto& builder : builders_) builder = std::make_unique<Builder>();
    IndexOptions shard_options = options;
    shard_options.wait_seconds = 0;  // nobody else knows of the shards
    // All shards together hold no more uncommitted articles than one writer
    // would: larger Xapian batches cost memory and, measured, CPU time too.
    shard_options.batch_articles = std::max<std::size_t>(1, options.batch_articles / count);
    const std::size_t commit_bytes =
        std::max(kMinCommitBytes, options.memory_budget_mb * (std::size_t{1} << 20) / count /
                                      kMemoryPerInputByte);
    for (unsigned i = 0; i < count; ++i) {
      builders_[i]->thread = std::thread(&BuilderPool::run, this, std::ref(*builders_[i]),
                                         scratch.shard(i), shard_options, commit_bytes);
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

  // Waits for every queued article to be written and the shards committed;
  // rethrows the first failure of a builder. Returns the builders' totals.
  IndexStats finish() {
    for (auto& builder : builders_) builder->queue.close();
    join();
    if (failure_) std::rethrow_exception(failure_);
    IndexStats total;
    for (const auto& builder : builders_) {
      total.articles += builder->stats.articles;
      total.passages += builder->stats.passages;
      total.skipped += builder->stats.skipped;
    }
    return total;
  }

  bool failed() const { return failed_.load(); }

 private:
  void run(Builder& builder, const std::string& shard, const IndexOptions& options,
           std::size_t commit_bytes) {
    try {
      IndexWriter writer(shard, options);
      std::size_t uncommitted_bytes = 0;
      while (auto article = builder.queue.pop()) {
        if (!writer.add(*article))
          problems_.add({corpus::Problem::Severity::kWarning, article->origin_file, article->origin_line,
                         "article " + article->id + " has no indexable words; skipped"});
        builder.articles.store(writer.stats().articles, std::memory_order_relaxed);
        uncommitted_bytes += article_bytes(*article);
        if (uncommitted_bytes >= commit_bytes) {
          writer.commit();
          uncommitted_bytes = 0;
        }
      }
      if (failed_.load()) return;  // aborted: the shard is thrown away
      writer.commit();
      builder.stats = writer.stats();
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

// Merges the shards into one new database at `output` (Xapian's compaction:
// streams the posting lists, renumbering the documents shard after shard).
void merge_shards(const std::vector<std::string>& shards, const std::string& output) {
  try {
    Xapian::Database all;
    for (const std::string& shard : shards) all.add_database(Xapian::Database(shard));
    all.compact(output);
  } catch (...) {
    rethrow_as_database_error(output, "merge the shards into");
  }
}

// Copies every document and name-key synonym of the shards into the target,
// each replacing the article with its id, committing every batch_articles.
void copy_shards(const std::vector<std::string>& shards, IndexWriter& target,
                 const std::string& db_path, std::size_t batch_articles) {
  Xapian::WritableDatabase& db = WriterAccess::database(target);
  std::size_t pending = 0;
  try {
    for (const std::string& path : shards) {
      Xapian::Database shard(path);
      for (auto posting = shard.postlist_begin(""); posting != shard.postlist_end(""); ++posting) {
        const Xapian::Document document = shard.get_document(*posting);
        db.replace_document(id_term(document.get_value(schema::kValueArticle)), document);
        if (++pending >= batch_articles) {
          target.commit();
          pending = 0;
        }
      }
      for (auto key = shard.synonym_keys_begin(); key != shard.synonym_keys_end(); ++key)
        for (auto word = shard.synonyms_begin(*key); word != shard.synonyms_end(*key); ++word)
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
                                  const std::function<void(const corpus::Problem&)>& on_problem) {
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
  std::vector<std::string> shards;
  {
    BuilderPool pool(threads, scratch, options);
    for (unsigned i = 0; i < threads; ++i) shards.push_back(scratch.shard(i));
    while (auto article = reader.next()) {
      if (!pool.add(std::move(*article))) break;  // a builder failed; finish() says why
      const auto now = Clock::now();
      if (now - last_report < kProgressInterval) continue;
      last_report = now;
      for (const corpus::Problem& problem : pool.take_problems()) report(problem);
      if (on_progress) {
        progress.bytes_done = reader.stats().bytes;
        progress.articles = pool.articles();
        on_progress(progress);
      }
    }
    stats = pool.finish();
    for (const corpus::Problem& problem : pool.take_problems()) report(problem);
  }

  const std::string directory = resolve_database(db_path);
  if (target_empty && directory == db_path) {
    // A plain directory: exchange it with the merged one in one rename.
    merge_shards(shards, scratch.merged());
    if (::renameat2(AT_FDCWD, scratch.merged().c_str(), AT_FDCWD, db_path.c_str(), RENAME_EXCHANGE) == 0) {
      sync_directory(fs::path(db_path).parent_path());
      target.reset();  // the old, empty database now lies in scratch.merged(), removed with it
    } else {
      // A file system without RENAME_EXCHANGE: fill the target in batches.
      copy_shards(shards, *target, db_path, options.batch_articles);
    }
  } else if (target_empty) {
    // A generation stub: the merged database becomes the next generation.
    const std::string generation = next_generation(db_path);
    try {
      merge_shards(shards, generation);
      switch_generation(db_path, generation);
    } catch (...) {
      std::error_code ignored;
      fs::remove_all(generation, ignored);
      throw;
    }
    target.reset();
    remove_old_generations(db_path, generation);
  } else {
    copy_shards(shards, *target, db_path, options.batch_articles);
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
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (on_progress) {
    progress.bytes_done = stats.input_bytes;
    progress.articles = stats.articles;
    on_progress(progress);
  }
}

}  // namespace akhbar::indexer::detail
