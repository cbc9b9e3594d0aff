// Kills `akhbar update` with SIGKILL at random moments and checks, after
// each kill, that the database opens, passes xapian-check, and holds exactly
// whole committed batches of correct articles; then that one more update
// finishes the job with nothing missing and nothing twice.
#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "akhbar/indexer/schema.h"
#include "content_hash.h"
#include "indexer/akhbar_process.h"
#include "indexer/temp_dir.h"

namespace akhbar::indexer {
namespace {

namespace fs = std::filesystem;
using test_process::run;
using test_process::run_akhbar;

constexpr int kFiles = 8;
constexpr int kArticlesPerFile = 250;
constexpr int kBatch = 40;
constexpr int kKillsWanted = 24;
constexpr int kMaxRuns = 120;

struct Corpus {
  std::vector<std::string> ids;             ///< in reading order
  std::map<std::string, std::string> hash;  ///< id -> content hash (hex)
};

Corpus write_corpus(const std::string& folder, unsigned seed) {
  std::mt19937 random(seed);
  Corpus corpus;
  for (int f = 0; f < kFiles; ++f) {
    std::vector<corpus::Article> articles;
    for (int a = 0; a < kArticlesPerFile; ++a) {
      char id[32];
      std::snprintf(id, sizeof id, "f%d-a%03d", f, a);
      articles.push_back(test_process::generated_article(id, random));
      corpus.ids.push_back(id);
      corpus.hash[id] = detail::hash_hex(detail::content_hash(articles.back()));
    }
    test_process::write_jsonl(fs::path(folder) / ("part-" + std::to_string(f) + ".jsonl"), articles);
  }
  return corpus;
}

/// Checks a database left by a killed update; returns how many articles it has.
std::size_t expect_consistent(const std::string& db_path, const Corpus& corpus, const std::string& when) {
  SCOPED_TRACE(when);
  EXPECT_EQ(run("xapian-check", {db_path}), 0) << "xapian-check failed";
  Xapian::Database db(db_path);  // throws, failing the test, if it does not open
  std::set<std::string> present;
  const std::string prefix(schema::kIdPrefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const std::string id = (*term).substr(prefix.size());
    EXPECT_EQ(term.get_termfreq(), 1u) << "article " << id << " stored twice";
    present.insert(id);
    const auto posting = db.postlist_begin(*term);
    const Xapian::Document document = db.get_document(*posting);
    const auto expected = corpus.hash.find(id);
    if (expected == corpus.hash.end()) {
      ADD_FAILURE() << "unknown article " << id;
      continue;
    }
    EXPECT_EQ(document.get_value(schema::kValueHash), expected->second) << "article " << id;
    EXPECT_EQ(document.get_value(schema::kValueArticle), id);
  }
  EXPECT_EQ(db.get_doccount(), present.size());
  // Articles are committed in reading order, kBatch at a time.
  const std::size_t count = present.size();
  EXPECT_TRUE(count % kBatch == 0 || count == corpus.ids.size()) << count << " articles";
  const std::set<std::string> prefix_ids(corpus.ids.begin(),
                                         corpus.ids.begin() + static_cast<long>(std::min(count, corpus.ids.size())));
  EXPECT_EQ(present, prefix_ids) << "the articles are not the first " << count << " of the corpus";
  return count;
}

TEST(CrashSafety, KilledUpdatesLeaveWholeBatchesAndTheNextUpdateCompletes) {
  const unsigned seed = std::getenv("AKHBAR_CRASH_SEED") != nullptr
                            ? static_cast<unsigned>(std::strtoul(std::getenv("AKHBAR_CRASH_SEED"), nullptr, 10))
                            : 20250214u;
  std::printf("crash test seed %u (set AKHBAR_CRASH_SEED to replay another)\n", seed);
  testing::TempDir dir;
  const std::string db = dir.path("db");
  const std::string sources = dir.path("src");
  const std::string empty = dir.path("empty");
  const std::string log = dir.path("update.log");
  const Corpus corpus = write_corpus(sources, seed);
  fs::create_directories(empty);

  // The database exists before the first kill; the crash test is about
  // updating it, not about creating it.
  auto create_empty_database = [&] {
    fs::remove_all(db);
    ASSERT_EQ(run_akhbar({"update", "--db", db, "-q", empty}, log), 0);
  };
  create_empty_database();

  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(5, 250);
  int kills = 0;
  int completions = 0;
  const auto started = std::chrono::steady_clock::now();
  for (int runs = 0; kills < kKillsWanted && runs < kMaxRuns; ++runs) {
    const int delay = delay_ms(random);
    const pid_t pid =
        test_process::spawn(AKHBAR_CLI_PATH, {"update", "--db", db, "--batch", std::to_string(kBatch), "-q", sources}, log);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(pid, SIGKILL);
    const int status = test_process::wait_for(pid);
    if (status == -SIGKILL) {
      ++kills;
      const std::size_t count = expect_consistent(db, corpus, "after kill " + std::to_string(kills));
      std::printf("kill %2d after %3d ms: %zu articles committed\n", kills, delay, count);
    } else {
      ASSERT_EQ(status, 0) << "update failed; see " << log;
      ++completions;
      expect_consistent(db, corpus, "after a completed run");
      std::printf("run finished within %d ms; starting over from an empty database\n", delay);
      create_empty_database();
    }
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GE(kills, kKillsWanted);

  const int status = run_akhbar({"update", "--db", db, "--batch", std::to_string(kBatch), "-q", sources}, log);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(expect_consistent(db, corpus, "after the final update"), corpus.ids.size());
  EXPECT_EQ(run_akhbar({"check", "--db", db}, log), 0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%d kills, %d completed runs, %.1f s\n", kills, completions, seconds);
}

TEST(CrashSafety, KilledRebuildLeavesTheOldDatabaseInPlace) {
  testing::TempDir dir;
  const std::string db = dir.path("db");
  const std::string sources = dir.path("src");
  const std::string log = dir.path("rebuild.log");
  const Corpus corpus = write_corpus(sources, 7);
  ASSERT_EQ(run_akhbar({"index", "--rebuild", "--db", db, "-q", sources}, log), 0);

  std::mt19937 random(7);
  std::uniform_int_distribution<int> delay_ms(5, 400);
  for (int attempt = 1; attempt <= 5; ++attempt) {
    const int delay = delay_ms(random);
    const pid_t pid = test_process::spawn(AKHBAR_CLI_PATH, {"index", "--rebuild", "--db", db, "-q", sources}, log);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(pid, SIGKILL);
    const int status = test_process::wait_for(pid);
    std::printf("rebuild %d after %d ms: %s\n", attempt, delay, status == -SIGKILL ? "killed" : "finished");
    // Whether killed or not, the path names one whole database.
    EXPECT_EQ(expect_consistent(db, corpus, "rebuild " + std::to_string(attempt)), corpus.ids.size());
  }
  ASSERT_EQ(run_akhbar({"index", "--rebuild", "--db", db, "-q", sources}, log), 0);
  std::vector<std::string> generations;
  for (const auto& entry : fs::directory_iterator(db + ".d")) generations.push_back(entry.path().string());
  EXPECT_EQ(generations.size(), 1u) << "leftover generations are removed by the next rebuild";
}

}  // namespace
}  // namespace akhbar::indexer
