// Tests of index_sources() over the fixtures in tests/data/indexer/news.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/writer.h"
#include "indexer/temp_dir.h"

namespace akhbar::indexer {
namespace {

const std::string kNews = std::string(AKHBAR_TEST_DATA_DIR) + "/indexer/news";
const std::string kJsonl = kNews + "/2025-01.jsonl";
const std::string kReport = kNews + "/extra/report.md";

struct IndexRun {
  IndexStats stats;
  std::vector<corpus::Problem> problems;
  std::vector<Progress> progress;
};

IndexRun index_news(const std::string& db_path) {
  IndexRun run;
  run.stats = index_sources(
      db_path, {kNews}, IndexOptions{},
      [&](const Progress& p) { run.progress.push_back(p); },
      [&](const corpus::Problem& p) { run.problems.push_back(p); });
  return run;
}

TEST(IndexSources, IndexesTheGoodArticlesAndReportsTheBadLine) {
  testing::TempDir dir;
  const IndexRun run = index_news(dir.path("db"));

  EXPECT_EQ(run.stats.articles, 4u);  // three good JSON lines and one .md file
  EXPECT_EQ(run.stats.skipped, 0u);
  EXPECT_EQ(run.stats.errors, 1u);
  std::uint64_t errors = 0, warnings = 0;
  for (const auto& problem : run.problems)
    (problem.severity == corpus::Problem::Severity::kError ? errors : warnings)++;
  EXPECT_EQ(errors, run.stats.errors);
  EXPECT_EQ(warnings, run.stats.warnings);
  ASSERT_FALSE(run.problems.empty());
  const auto bad = std::find_if(run.problems.begin(), run.problems.end(), [](const auto& p) {
    return p.severity == corpus::Problem::Severity::kError;
  });
  ASSERT_NE(bad, run.problems.end());
  EXPECT_EQ(bad->file, kJsonl);
  EXPECT_EQ(bad->line, 3u);
  EXPECT_GE(run.stats.passages, run.stats.articles);
  EXPECT_EQ(run.stats.input_bytes,
            std::filesystem::file_size(kJsonl) + std::filesystem::file_size(kReport));
  EXPECT_GT(run.stats.seconds, 0.0);

  Xapian::Database db(dir.path("db"));
  EXPECT_EQ(db.get_doccount(), 4u);
  EXPECT_TRUE(db.term_exists("Qen-1"));
  EXPECT_TRUE(db.term_exists("Qru-1"));
  EXPECT_TRUE(db.term_exists("Qar-1"));
  EXPECT_FALSE(db.term_exists("Qbad-1"));
  EXPECT_EQ(db.get_termfreq("Len"), 2u);  // en-1 and the report
  EXPECT_EQ(db.get_termfreq("Lru"), 1u);  // detected: ru-1 has no "lang"
  EXPECT_EQ(db.get_termfreq("Lar"), 1u);
  EXPECT_TRUE(db.term_exists("Bпример новостей"));
  EXPECT_TRUE(db.term_exists("M202502"));  // the report's date
}

TEST(IndexSources, ReportsProgressEndingWithTheTotals) {
  testing::TempDir dir;
  const IndexRun run = index_news(dir.path("db"));
  ASSERT_FALSE(run.progress.empty());
  const Progress& last = run.progress.back();
  EXPECT_EQ(last.articles, 4u);
  EXPECT_EQ(last.bytes_total, run.stats.input_bytes);
  EXPECT_EQ(last.bytes_done, last.bytes_total);
}

TEST(IndexSources, IndexingTwiceReplacesInsteadOfDuplicating) {
  testing::TempDir dir;
  index_news(dir.path("db"));
  const IndexRun again = index_news(dir.path("db"));
  EXPECT_EQ(again.stats.articles, 4u);
  EXPECT_EQ(Xapian::Database(dir.path("db")).get_doccount(), 4u);
}

TEST(IndexSources, ThrowsWhenTheDatabaseIsLocked) {
  testing::TempDir dir;
  IndexWriter holder(dir.path("db"));
  EXPECT_THROW(index_news(dir.path("db")), DatabaseLockedError);
}

TEST(IndexSources, WorksWithoutCallbacks) {
  testing::TempDir dir;
  const IndexStats stats = index_sources(dir.path("db"), {kJsonl});
  EXPECT_EQ(stats.articles, 3u);
  EXPECT_EQ(stats.errors, 1u);
  EXPECT_EQ(Xapian::Database(dir.path("db")).get_doccount(), 3u);
}

}  // namespace
}  // namespace akhbar::indexer
