// Tests for query/src/eval.cc: TREC files and ranking metrics, checked
// against values computed by hand.
#include "akhbar/query/eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "akhbar/error.h"

namespace akhbar::query {
namespace {

namespace fs = std::filesystem;

// The run type, named apart from testing::Test::Run.
using TrecRun = Run;

// A file in a fresh temporary directory, removed with the fixture.
class RetrievalFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("akhbar_eval_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  // The message of the DataError that `load` throws for `path`.
  template <typename Load>
  std::string data_error_of(Load load, const std::string& path) {
    try {
      load(path);
    } catch (const DataError& e) {
      return e.what();
    }
    ADD_FAILURE() << "no DataError for " << path;
    return {};
  }

  fs::path dir_;
};

TEST_F(RetrievalFiles, LoadsQueriesSkippingCommentsBlankLinesAndCarriageReturns) {
  const auto path = write("queries.tsv",
                          "# judged queries\n"
                          "\n"
                          "q1\tKhmeimim air base\r\n"
                          "  # indented comment\n"
                          "q2\tсанкции против Сирии\n");
  const auto queries = load_queries(path);
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries[0].id, "q1");
  EXPECT_EQ(queries[0].text, "Khmeimim air base");
  EXPECT_EQ(queries[1].id, "q2");
  EXPECT_EQ(queries[1].text, "санкции против Сирии");
}

TEST_F(RetrievalFiles, QueryLineWithoutTabIsADataErrorNamingFileAndLine) {
  const auto path = write("queries.tsv", "q1\tbases\n# comment\nq2 sanctions\n");
  const std::string message = data_error_of(load_queries, path);
  EXPECT_NE(message.find(path + ":3:"), std::string::npos) << message;
  EXPECT_NE(message.find("tab"), std::string::npos) << message;
}

TEST_F(RetrievalFiles, EmptyQueryTextAndDuplicateIdsAreRejected) {
  EXPECT_NE(data_error_of(load_queries, write("empty.tsv", "q1\t  \n")).find(":1: empty query text"),
            std::string::npos);
  EXPECT_NE(data_error_of(load_queries, write("dup.tsv", "q1\ta\nq1\tb\n")).find(":2: duplicate query id q1"),
            std::string::npos);
}

TEST_F(RetrievalFiles, MissingFileIsAnIoError) {
  EXPECT_THROW(load_queries((dir_ / "absent.tsv").string()), IoError);
  EXPECT_THROW(load_qrels((dir_ / "absent.qrels").string()), IoError);
}

TEST_F(RetrievalFiles, LoadsQrelsWithAnyWhitespaceAndGrades) {
  const auto path = write("test.qrels",
                          "q1 0 en-001 2\n"
                          "q1\t0\tru-007\t0\n"
                          "\n"
                          "q2   0  ar-003   1\n");
  const Qrels qrels = load_qrels(path);
  ASSERT_EQ(qrels.size(), 2u);
  EXPECT_EQ(qrels.at("q1").at("en-001"), 2);
  EXPECT_EQ(qrels.at("q1").at("ru-007"), 0);
  EXPECT_EQ(qrels.at("q2").at("ar-003"), 1);
}

TEST_F(RetrievalFiles, QrelsLineWithWrongFieldCountOrGradeNamesTheLine) {
  const auto short_line = write("short.qrels", "q1 0 d1 1\nq1 0 d2\n");
  const std::string short_message = data_error_of(load_qrels, short_line);
  EXPECT_NE(short_message.find(short_line + ":2:"), std::string::npos) << short_message;
  EXPECT_NE(short_message.find("3 fields"), std::string::npos) << short_message;

  const auto bad_grade = write("grade.qrels", "q1 0 d1 high\n");
  const std::string grade_message = data_error_of(load_qrels, bad_grade);
  EXPECT_NE(grade_message.find(bad_grade + ":1:"), std::string::npos) << grade_message;
  EXPECT_NE(grade_message.find("'high'"), std::string::npos) << grade_message;
}

TrecRun::mapped_type ranking(std::initializer_list<const char*> docs) {
  TrecRun::mapped_type ranked;
  double score = 100;
  for (const char* doc : docs) ranked.emplace_back(doc, score--);
  return ranked;
}

// q1 judges d1 (1), d2 (2), d3 (1) relevant and d4 not; the run finds d2 at
// rank 1 and d1 at rank 3.
//   AP       = (1/1 + 2/3) / 3                       = 0.555556
//   DCG@10   = (2^2-1)/log2(2) + (2^1-1)/log2(4)     = 3.5
//   IDCG@10  = 3/log2(2) + 1/log2(3) + 1/log2(4)     = 4.130930
//   nDCG@10  = 0.847267;  P@10 = 0.2;  R@10 = R@100 = 2/3
TEST(RetrievalMetrics, ScoresOneQueryAsComputedByHand) {
  const Qrels qrels = {{"q1", {{"d1", 1}, {"d2", 2}, {"d3", 1}, {"d4", 0}}}};
  const TrecRun run = {{"q1", ranking({"d2", "d5", "d1", "d4", "d6"})}};
  const EvalReport report = evaluate(run, qrels);
  ASSERT_EQ(report.per_query.size(), 1u);
  const QueryScores& q1 = report.per_query[0];
  EXPECT_EQ(q1.id, "q1");
  EXPECT_EQ(q1.relevant, 3u);
  EXPECT_EQ(q1.retrieved, 5u);
  EXPECT_NEAR(q1.average_precision, 0.555556, 1e-6);
  EXPECT_NEAR(q1.ndcg_at_10, 0.847267, 1e-6);
  EXPECT_NEAR(q1.precision_at_10, 0.2, 1e-12);
  EXPECT_NEAR(q1.recall_at_10, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(q1.recall_at_100, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(q1.capped_recall_at_10, 2.0 / 3.0, 1e-12);  // fewer than ten relevant: as R@10
}

// Twelve relevant articles, nine of them in the first ten results: plain
// Recall@10 is 9/12, while the capped measure asks how full of relevant
// articles the first page is, 9/10.
TEST(RetrievalMetrics, CappedRecallDividesByWhatTenResultsCanHold) {
  Qrels qrels;
  TrecRun run;
  double score = 100;
  for (int i = 0; i < 12; ++i) qrels["q1"]["r" + std::to_string(i)] = 1;
  for (int i = 0; i < 9; ++i) run["q1"].emplace_back("r" + std::to_string(i), score--);
  run["q1"].emplace_back("noise", score--);
  for (int i = 9; i < 12; ++i) run["q1"].emplace_back("r" + std::to_string(i), score--);
  const EvalReport report = evaluate(run, qrels);
  ASSERT_EQ(report.per_query.size(), 1u);
  EXPECT_NEAR(report.per_query[0].recall_at_10, 9.0 / 12.0, 1e-12);
  EXPECT_NEAR(report.per_query[0].capped_recall_at_10, 9.0 / 10.0, 1e-12);
  EXPECT_NEAR(report.per_query[0].recall_at_100, 1.0, 1e-12);
}

TEST(RetrievalMetrics, PerfectRankingScoresOne) {
  const Qrels qrels = {{"q1", {{"a", 3}, {"b", 1}}}};
  const EvalReport report = evaluate({{"q1", ranking({"a", "b", "x"})}}, qrels);
  ASSERT_EQ(report.per_query.size(), 1u);
  EXPECT_NEAR(report.mean.average_precision, 1.0, 1e-12);
  EXPECT_NEAR(report.mean.ndcg_at_10, 1.0, 1e-12);
  EXPECT_NEAR(report.mean.recall_at_10, 1.0, 1e-12);
  EXPECT_NEAR(report.mean.precision_at_10, 0.2, 1e-12);
}

// Swapping a grade-3 and a grade-1 document costs nDCG but not AP.
//   DCG  = 1/log2(2) + 7/log2(3) = 5.416508;  IDCG = 7 + 1/log2(3) = 7.630930
TEST(RetrievalMetrics, NdcgUsesGradedGains) {
  const Qrels qrels = {{"q1", {{"a", 3}, {"b", 1}}}};
  const EvalReport report = evaluate({{"q1", ranking({"b", "a"})}}, qrels);
  EXPECT_NEAR(report.mean.average_precision, 1.0, 1e-12);
  EXPECT_NEAR(report.mean.ndcg_at_10, 5.416508 / 7.630930, 1e-6);
}

TEST(RetrievalMetrics, RelevantDocumentBelowRankTenCountsOnlyForRecallAt100AndAp) {
  TrecRun::mapped_type ranked;
  for (int i = 1; i <= 20; ++i) ranked.emplace_back(i == 15 ? "hit" : "miss" + std::to_string(i), 50 - i);
  const EvalReport report = evaluate({{"q1", ranked}}, {{"q1", {{"hit", 1}}}});
  const QueryScores& q1 = report.per_query.at(0);
  EXPECT_NEAR(q1.average_precision, 1.0 / 15.0, 1e-12);
  EXPECT_NEAR(q1.ndcg_at_10, 0.0, 1e-12);
  EXPECT_NEAR(q1.precision_at_10, 0.0, 1e-12);
  EXPECT_NEAR(q1.recall_at_10, 0.0, 1e-12);
  EXPECT_NEAR(q1.recall_at_100, 1.0, 1e-12);
}

TEST(RetrievalMetrics, MeanCountsMissingQueriesAsZeroAndSkipsUnjudgedOnes) {
  const Qrels qrels = {
      {"q1", {{"d1", 1}, {"d2", 2}, {"d3", 1}, {"d4", 0}}},
      {"q2", {{"d7", 1}}},   // judged, absent from the run: scores zero
      {"q3", {{"d8", 0}}},   // nothing relevant: left out of the mean
  };
  const TrecRun run = {
      {"q1", ranking({"d2", "d5", "d1", "d4", "d6"})},
      {"q4", ranking({"d1"})},  // not judged: left out
  };
  const EvalReport report = evaluate(run, qrels);
  ASSERT_EQ(report.per_query.size(), 2u);
  EXPECT_EQ(report.per_query[0].id, "q1");
  EXPECT_EQ(report.per_query[1].id, "q2");
  EXPECT_EQ(report.per_query[1].retrieved, 0u);
  EXPECT_NEAR(report.per_query[1].average_precision, 0.0, 1e-12);
  EXPECT_EQ(report.mean.id, "all");
  EXPECT_EQ(report.mean.relevant, 4u);
  EXPECT_NEAR(report.mean.average_precision, 0.277778, 1e-6);
  EXPECT_NEAR(report.mean.ndcg_at_10, 0.423633, 1e-6);
  EXPECT_NEAR(report.mean.precision_at_10, 0.1, 1e-12);
  EXPECT_NEAR(report.mean.recall_at_10, 1.0 / 3.0, 1e-12);
}

TEST(RetrievalMetrics, DocumentRetrievedTwiceIsCreditedOnce) {
  const Qrels qrels = {{"q1", {{"d1", 1}, {"d2", 1}}}};
  const EvalReport report = evaluate({{"q1", ranking({"d1", "d1"})}}, qrels);
  const QueryScores& q1 = report.per_query.at(0);
  EXPECT_EQ(q1.retrieved, 1u);
  EXPECT_NEAR(q1.average_precision, 0.5, 1e-12);
  EXPECT_NEAR(q1.recall_at_10, 0.5, 1e-12);
}

TEST(RetrievalMetrics, NoJudgedQueriesGiveAnEmptyZeroReport) {
  const EvalReport report = evaluate({{"q1", ranking({"d1"})}}, {});
  EXPECT_TRUE(report.per_query.empty());
  EXPECT_EQ(report.mean.average_precision, 0.0);
  EXPECT_EQ(report.mean.ndcg_at_10, 0.0);
}

TEST(RetrievalRunFile, WritesTrecLinesWithRanksFromOne) {
  const TrecRun run = {{"q1", {{"en-001", 12.5}, {"ru-002", 3.25}}}, {"q2", {{"ar-003", 1.0}}}};
  std::ostringstream out;
  write_trec_run(out, run, "akhbar");
  EXPECT_EQ(out.str(),
            "q1 Q0 en-001 1 12.500000 akhbar\n"
            "q1 Q0 ru-002 2 3.250000 akhbar\n"
            "q2 Q0 ar-003 1 1.000000 akhbar\n");
}

TEST_F(RetrievalFiles, LoadsARunInRankOrderWhateverTheLineOrder) {
  // Another engine's run: lines out of rank order, a tie on rank kept in
  // file order, scores that disagree with the ranks (the rank decides).
  const auto path = write("other.run",
                          "# an external run\n"
                          "q2 Q0 d9 1 0.5 other\n"
                          "q1 Q0 d3 3 9.0 other\n"
                          "q1 Q0 d1 1 1.0 other\r\n"
                          "q1\tQ0\td2\t2\t2.5e-1\tother\n"
                          "q1 Q0 d4 3 -1 other\n");
  const TrecRun run = load_run(path);
  ASSERT_EQ(run.size(), 2u);
  const TrecRun::mapped_type expected_q1 = {{"d1", 1.0}, {"d2", 0.25}, {"d3", 9.0}, {"d4", -1.0}};
  EXPECT_EQ(run.at("q1"), expected_q1);
  EXPECT_EQ(run.at("q2"), (TrecRun::mapped_type{{"d9", 0.5}}));
}

TEST_F(RetrievalFiles, RunDepthKeepsTheFirstDocumentsOfEachQuery) {
  const auto path = write("deep.run",
                          "q1 Q0 d3 3 1 t\nq1 Q0 d1 1 3 t\nq1 Q0 d2 2 2 t\nq2 Q0 e1 1 1 t\n");
  const TrecRun run = load_run(path, 2);
  EXPECT_EQ(run.at("q1"), (TrecRun::mapped_type{{"d1", 3.0}, {"d2", 2.0}}));
  EXPECT_EQ(run.at("q2"), (TrecRun::mapped_type{{"e1", 1.0}}));
}

TEST_F(RetrievalFiles, RunLineWithWrongFieldCountRankOrScoreNamesTheLine) {
  const auto short_line = write("short.run", "q1 Q0 d1 1 2.0 t\nq1 Q0 d2 2 1.0\n");
  const std::string short_message = data_error_of([](const std::string& p) { return load_run(p); }, short_line);
  EXPECT_NE(short_message.find(short_line + ":2:"), std::string::npos) << short_message;
  EXPECT_NE(short_message.find("5 fields"), std::string::npos) << short_message;

  const auto bad_rank = write("rank.run", "q1 Q0 d1 first 2.0 t\n");
  const std::string rank_message = data_error_of([](const std::string& p) { return load_run(p); }, bad_rank);
  EXPECT_NE(rank_message.find(bad_rank + ":1: rank must be an integer, found 'first'"), std::string::npos)
      << rank_message;

  const auto bad_score = write("score.run", "q1 Q0 d1 1 2.0 t\nq1 Q0 d2 2 high t\n");
  const std::string score_message = data_error_of([](const std::string& p) { return load_run(p); }, bad_score);
  EXPECT_NE(score_message.find(bad_score + ":2: score must be a number, found 'high'"), std::string::npos)
      << score_message;
  EXPECT_THROW(load_run((dir_ / "absent.run").string()), IoError);
}

// A run written by write_trec_run() and read back is the same run, so an
// engine's run file is scored exactly as the run in memory.
TEST_F(RetrievalFiles, RunWrittenAndReadBackScoresAsTheOriginal) {
  const Qrels qrels = {{"q1", {{"d1", 1}, {"d2", 2}, {"d3", 1}, {"d4", 0}}}, {"q2", {{"d7", 1}, {"d8", 3}}}};
  const TrecRun original = {{"q1", {{"d2", 12.5}, {"d5", 7.0}, {"d1", 7.0}, {"d4", 1.0}}},
                            {"q2", {{"d9", 3.0}, {"d8", 2.0}, {"d7", 2.0}}}};
  std::ostringstream text;
  write_trec_run(text, original, "akhbar");
  const TrecRun loaded = load_run(write("round.run", text.str()));
  EXPECT_EQ(loaded, original);
  const EvalReport from_memory = evaluate(original, qrels);
  const EvalReport from_file = evaluate(loaded, qrels);
  ASSERT_EQ(from_file.per_query.size(), 2u);
  for (std::size_t i = 0; i < from_file.per_query.size(); ++i) {
    EXPECT_EQ(from_file.per_query[i].average_precision, from_memory.per_query[i].average_precision);
    EXPECT_EQ(from_file.per_query[i].ndcg_at_10, from_memory.per_query[i].ndcg_at_10);
  }
  EXPECT_NEAR(from_file.mean.average_precision, (0.555556 + (1.0 / 2 + 2.0 / 3) / 2) / 2, 1e-6);
}

TEST(RetrievalRunFile, TagWithSpacesIsAUsageError) {
  std::ostringstream out;
  EXPECT_THROW(write_trec_run(out, {}, "two words"), UsageError);
  EXPECT_THROW(write_trec_run(out, {}, ""), UsageError);
}

}  // namespace
}  // namespace akhbar::query
