// Searches while another process updates or rebuilds the database: no
// search may fail, and none may see part of a batch. Every file of the
// generated corpus is one batch whose articles share a tag word, so a search
// for a tag finds all of the batch's articles or none.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/query/searcher.h"
#include "indexer/akhbar_process.h"
#include "indexer/temp_dir.h"

namespace akhbar::query {
namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 30;
constexpr int kArticlesPerFile = 40;  // also the batch size: one file, one commit
constexpr std::size_t kMinQueries = 300;

/// A word no generated article has by chance: "zq" + two letters.
std::string tag(const std::string& stem, int file) {
  return stem + static_cast<char>('a' + file / 26) + static_cast<char>('a' + file % 26);
}

void write_corpus(const std::string& folder, const std::string& tag_stem, unsigned seed) {
  std::mt19937 random(seed);
  for (int f = 0; f < kFiles; ++f) {
    std::vector<corpus::Article> articles;
    for (int a = 0; a < kArticlesPerFile; ++a)
      articles.push_back(test_process::generated_article(
          "f" + std::to_string(f) + "-" + std::to_string(a), random, tag(tag_stem, f)));
    char name[32];
    std::snprintf(name, sizeof name, "part-%02d.jsonl", f);
    test_process::write_jsonl(fs::path(folder) / name, articles);
  }
}

struct Tally {
  std::size_t queries = 0;
  std::size_t errors = 0;
  std::size_t whole = 0;  ///< searches that found their batch committed
};

/// Counts the hits of one word (all of them: the limit is above a batch).
std::size_t count_hits(Searcher& searcher, const std::string& word) {
  SearchOptions options;
  options.limit = 2 * kArticlesPerFile;
  return searcher.search(word, options).hits.size();
}

/// Searches random tags until `child` exits and at least kMinQueries ran.
/// `check` asserts on one search and returns true if it found the batch
/// committed (it fails the test itself on a half-applied batch).
template <typename Check>
Tally search_while_running(pid_t child, const std::string& db, int& child_status, Check check) {
  Tally tally;
  std::mt19937 random(99);
  std::uniform_int_distribution<int> file(0, kFiles - 1);
  bool running = true;
  std::optional<Searcher> searcher;
  while (running || tally.queries < kMinQueries) {
    if (running) {
      int status = 0;
      if (::waitpid(child, &status, WNOHANG) == child) {
        running = false;
        child_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    try {
      // A new searcher now and then, as a new `akhbar search` would open;
      // the others ride out commits by reopening.
      if (!searcher || tally.queries % 5 == 0) searcher.emplace(db);
      const int f = file(random);
      if (check(*searcher, f)) ++tally.whole;
    } catch (const Error& e) {
      ++tally.errors;
      ADD_FAILURE() << "search failed: " << e.what();
    }
    ++tally.queries;
  }
  return tally;
}

TEST(ConcurrentSearch, SearchesDuringUpdatesAndRebuildsNeverFailOrSeeHalfABatch) {
  indexer::testing::TempDir dir;
  const std::string db = dir.path("db");
  const std::string sources = dir.path("src");
  const std::string empty = dir.path("empty");
  const std::string log = dir.path("akhbar.log");
  fs::create_directories(empty);
  ASSERT_EQ(test_process::run_akhbar({"update", "--db", db, "-q", empty}, log), 0);
  write_corpus(sources, "zq", 1);
  const std::string batch = std::to_string(kArticlesPerFile);

  // 1. Batches of new articles arrive.
  int status = -1;
  pid_t child = test_process::spawn(AKHBAR_CLI_PATH, {"update", "--db", db, "--batch", batch, "-q", sources}, log);
  Tally added = search_while_running(child, db, status, [](Searcher& searcher, int f) {
    const std::size_t hits = count_hits(searcher, tag("zq", f));
    EXPECT_TRUE(hits == 0 || hits == kArticlesPerFile) << hits << " hits for " << tag("zq", f);
    return hits == kArticlesPerFile;
  });
  EXPECT_EQ(status, 0);

  // 2. Every article is replaced: each batch swaps its old tag for a new one.
  write_corpus(sources, "zy", 2);
  child = test_process::spawn(AKHBAR_CLI_PATH, {"update", "--db", db, "--batch", batch, "-q", sources}, log);
  Tally replaced = search_while_running(child, db, status, [](Searcher& searcher, int f) {
    const std::size_t old_hits = count_hits(searcher, tag("zq", f));
    const std::size_t new_hits = count_hits(searcher, tag("zy", f));
    // Two searches may straddle a commit, so the sum can be 0 or 80; never a part.
    EXPECT_TRUE(old_hits == 0 || old_hits == kArticlesPerFile) << old_hits;
    EXPECT_TRUE(new_hits == 0 || new_hits == kArticlesPerFile) << new_hits;
    return new_hits == kArticlesPerFile;
  });
  EXPECT_EQ(status, 0);

  // 3. A rebuild beside the live database, then the switch.
  child = test_process::spawn(AKHBAR_CLI_PATH, {"index", "--rebuild", "--db", db, "-q", sources}, log);
  Tally rebuilt = search_while_running(child, db, status, [](Searcher& searcher, int f) {
    const std::size_t hits = count_hits(searcher, tag("zy", f));
    EXPECT_EQ(hits, kArticlesPerFile) << "the old and the new database both hold every batch";
    return hits == kArticlesPerFile;
  });
  EXPECT_EQ(status, 0);

  for (const Tally* tally : {&added, &replaced, &rebuilt}) {
    EXPECT_EQ(tally->errors, 0u);
    EXPECT_GE(tally->queries, kMinQueries);
  }
  std::printf("queries while adding %zu (whole batches seen %zu), while replacing %zu, "
              "while rebuilding %zu; errors %zu\n",
              added.queries, added.whole, replaced.queries, rebuilt.queries,
              added.errors + replaced.errors + rebuilt.errors);
  Searcher after(db);
  for (int f = 0; f < kFiles; ++f) {
    EXPECT_EQ(count_hits(after, tag("zy", f)), static_cast<std::size_t>(kArticlesPerFile));
    EXPECT_EQ(count_hits(after, tag("zq", f)), 0u);
  }
}

}  // namespace
}  // namespace akhbar::query
