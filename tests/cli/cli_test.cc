// Tests for the akhbar command (cli/): runs the built binary on a tiny
// corpus written by the tests, and checks exit codes, messages and output.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "akhbar/version.h"
#include "cli/cli_runner.h"
#include "cli/json_value.h"

namespace akhbar::cli_test {
namespace {

// Three good articles in two formats and one broken JSON Lines record (line 2
// of news.jsonl). Each good article has a word no other article has.
const char kNewsJsonl[] =
    R"({"id": "fx-001", "url": "https://fixture.example/tartus-lease", "title": "Tartus lease extended", )"
    R"("published": "2025-03-01", "lang": "en", "source": "Fixture Wire", )"
    R"("body": "The naval port of Tartus will remain under a Russian lease, officials said on Saturday.\n\n)"
    R"(The agreement covers the repair dock and the fuel depot."})"
    "\n"
    R"({"id": "fx-broken", "title": "cut off here)"
    "\n"
    R"({"id": "fx-002", "url": "https://fixture.example/sanktsii", "title": "Евросоюз снял санкции", )"
    R"("published": "2025-05-20", "lang": "ru", "source": "Fixture Wire", )"
    R"("body": "Европейский союз снял экономические санкции, введённые против Дамаска.\n\n)"
    R"(Решение вступает в силу немедленно."})"
    "\n";

const char kBanknotesTxt[] =
    "# Damascus orders banknotes abroad\n"
    "\n"
    "By Lina Haddad\n"
    "\n"
    "April 2, 2025\n"
    "\n"
    "The central bank has ordered new banknotes from a printer outside Russia, ending a contract "
    "that had run for years.\n"
    "\n"
    "The first shipment of notes is expected before the summer.\n";

// Writes the fixture corpus into `sandbox` and returns its directory.
std::string write_fixture(const CliSandbox& sandbox) {
  sandbox.write("corpus/news.jsonl", kNewsJsonl);
  sandbox.write("corpus/fx-003.txt", kBanknotesTxt);
  return sandbox.path("corpus");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---------------------------------------------------------------------------
// Help, version and flag errors

TEST(CliBasics, VersionPrintsTheRelease) {
  CliSandbox sandbox;
  const CliResult result = sandbox.run({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(contains(result.out, std::string("akhbar ") + version_string())) << result.out;
}

TEST(CliBasics, HelpListsSubcommandsAndExitCodes) {
  CliSandbox sandbox;
  const CliResult result = sandbox.run({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  for (const char* command : {"index", "search", "stats", "eval"})
    EXPECT_TRUE(contains(result.out, std::string("  ") + command + " ")) << command << "\n" << result.out;
  EXPECT_TRUE(contains(result.out, "Exit codes:")) << result.out;
  EXPECT_TRUE(contains(result.out, "3  database missing")) << result.out;
}

TEST(CliBasics, EverySubcommandHelpShowsExamples) {
  CliSandbox sandbox;
  for (const char* command : {"index", "search", "stats", "eval"}) {
    const CliResult result = sandbox.run({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_TRUE(contains(result.out, "Examples:\n  akhbar " + std::string(command))) << result.out;
  }
}

TEST(CliBasics, UnknownFlagOrMissingSubcommandIsAUsageError) {
  CliSandbox sandbox;
  EXPECT_EQ(sandbox.run({"search", "--no-such-flag", "x"}).exit_code, 2);
  EXPECT_EQ(sandbox.run({}).exit_code, 2);
  EXPECT_EQ(sandbox.run({"search"}).exit_code, 2);  // QUERY is required
}

// ---------------------------------------------------------------------------
// index

TEST(CliIndex, BadRecordIsReportedWithFileAndLineAndTheRestIsIndexed) {
  CliSandbox sandbox;
  const std::string corpus = write_fixture(sandbox);
  const CliResult result = sandbox.run({"index", corpus});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const std::string bad_line = sandbox.path("corpus/news.jsonl") + ":2: error: ";
  EXPECT_TRUE(contains(result.err, bad_line)) << result.err;
  EXPECT_TRUE(contains(result.out, "Indexed 3 articles")) << result.out;
  EXPECT_TRUE(contains(result.out, "errors 1")) << result.out;
  EXPECT_TRUE(contains(result.out, sandbox.db())) << result.out;
}

TEST(CliIndex, JsonSummaryCountsArticlesPassagesAndErrors) {
  CliSandbox sandbox;
  const CliResult result = sandbox.run({"index", "--json", write_fixture(sandbox)});
  EXPECT_EQ(result.exit_code, 1);
  const JsonValue summary = parse_json(result.out);
  EXPECT_EQ(summary.at("articles").number, 3);
  EXPECT_GE(summary.at("passages").number, 3);
  EXPECT_EQ(summary.at("errors").number, 1);
  EXPECT_EQ(summary.at("skipped").number, 0);
  EXPECT_GT(summary.at("input_bytes").number, 0);
  EXPECT_EQ(summary.at("db").string, sandbox.db());
  EXPECT_TRUE(summary.has("seconds") && summary.has("mb_per_second") && summary.has("warnings"));
}

TEST(CliIndex, CleanInputExitsZeroAndQuietPrintsNothing) {
  CliSandbox sandbox;
  write_fixture(sandbox);
  const CliResult result = sandbox.run({"index", "--quiet", sandbox.path("corpus/fx-003.txt")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST(CliIndex, DbFlagOverridesTheEnvironment) {
  CliSandbox sandbox;
  write_fixture(sandbox);
  const std::string other_db = sandbox.path("other.db");
  EXPECT_EQ(sandbox.run({"index", "-q", "--db", other_db, sandbox.path("corpus/fx-003.txt")}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::is_directory(other_db));
  EXPECT_FALSE(std::filesystem::exists(sandbox.db()));
}

TEST(CliIndex, ZeroBatchIsAUsageError) {
  CliSandbox sandbox;
  EXPECT_EQ(sandbox.run({"index", "--batch", "0", write_fixture(sandbox)}).exit_code, 2);
}

// ---------------------------------------------------------------------------
// search, stats and eval over the indexed fixture (indexed once)

class CliIndexed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new CliSandbox();
    const CliResult indexed = sandbox_->run({"index", "--quiet", write_fixture(*sandbox_)});
    ASSERT_EQ(indexed.exit_code, 1) << indexed.err;  // the broken record
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    sandbox_ = nullptr;
  }
  static CliResult run(const std::vector<std::string>& args) { return sandbox_->run(args); }

  // The ids of the results of `akhbar search --json ARGS...`, in rank order.
  static std::vector<std::string> result_ids(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json"});
    const CliResult result = run(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> ids;
    for (const std::string& line : hit_lines_of(result.out)) ids.push_back(parse_json(line).at("id").string);
    return ids;
  }

  static CliSandbox* sandbox_;
};

CliSandbox* CliIndexed::sandbox_ = nullptr;

TEST_F(CliIndexed, SearchShowsHeaderAndBracketHighlightsWhenNotATerminal) {
  const CliResult result = run({"search", "Tartus"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto lines = lines_of(result.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "1 of about 1 result");
  EXPECT_TRUE(contains(result.out, "1. Tartus lease extended\n")) << result.out;
  EXPECT_TRUE(contains(result.out, "fx-001 | 2025-03-01 | Fixture Wire | en | score ")) << result.out;
  EXPECT_TRUE(contains(result.out, "https://fixture.example/tartus-lease")) << result.out;
  EXPECT_TRUE(contains(result.out, "The naval port of [Tartus] will remain")) << result.out;
  EXPECT_FALSE(contains(result.out, "\033[")) << result.out;
}

TEST_F(CliIndexed, SearchFindsTheTextFileArticleByItsFileName) {
  const CliResult result = run({"search", "banknotes"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "1. Damascus orders banknotes abroad\n")) << result.out;
  EXPECT_TRUE(contains(result.out, "   fx-003 | 2025-04-02")) << result.out;
  EXPECT_TRUE(contains(result.out, "ordered new [banknotes] from")) << result.out;
}

TEST_F(CliIndexed, QueryWordsAreJoinedIntoOneQuery) {
  EXPECT_EQ(result_ids({"экономические", "санкции"}), std::vector<std::string>{"fx-002"});
  const auto separate = result_ids({"Tartus", "banknotes"});
  EXPECT_EQ(separate, result_ids({"Tartus banknotes"}));
  EXPECT_NE(std::find(separate.begin(), separate.end(), "fx-001"), separate.end());
  EXPECT_NE(std::find(separate.begin(), separate.end(), "fx-003"), separate.end());
  // A quoted phrase survives the joining: the words are adjacent only in fx-001.
  EXPECT_EQ(result_ids({"\"naval port\"", "lease"}), std::vector<std::string>{"fx-001"});
}

TEST_F(CliIndexed, ColorAlwaysMarksHighlightsInBold) {
  const CliResult result = run({"search", "--color", "always", "Tartus"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(contains(result.out, "port of \033[1mTartus\033[0m will")) << result.out;
  EXPECT_FALSE(contains(result.out, "[Tartus]")) << result.out;
}

TEST_F(CliIndexed, JsonLinesCarryEveryFieldAndHighlightOffsetsSelectTheMatch) {
  const CliResult result = run({"search", "--json", "санкции"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto lines = hit_lines_of(result.out);
  ASSERT_EQ(lines.size(), 1u) << result.out;
  const JsonValue hit = parse_json(lines[0]);
  EXPECT_EQ(hit.at("type").string, "hit");
  EXPECT_EQ(hit.at("version").number, 1);
  for (const char* key : {"id", "rank", "title", "url", "published", "lang", "source", "score", "snippet",
                          "highlights", "title_highlights"})
    EXPECT_TRUE(hit.has(key)) << key;
  EXPECT_EQ(hit.at("id").string, "fx-002");
  EXPECT_EQ(hit.at("rank").number, 1);
  EXPECT_EQ(hit.at("lang").string, "ru");
  EXPECT_EQ(hit.at("published").string, "2025-05-20");
  EXPECT_GT(hit.at("score").number, 0);

  const std::string& snippet = hit.at("snippet").string;
  const auto& spans = hit.at("highlights").array;
  ASSERT_FALSE(spans.empty());
  for (const JsonValue& span : spans) {
    ASSERT_EQ(span.array.size(), 2u);
    const auto begin = static_cast<std::size_t>(span.array[0].number);
    const auto end = static_cast<std::size_t>(span.array[1].number);
    ASSERT_LE(end, snippet.size());
    EXPECT_EQ(snippet.substr(begin, end - begin), "санкции");
  }
  const std::string& title = hit.at("title").string;
  ASSERT_EQ(hit.at("title_highlights").array.size(), 1u);
  const auto& title_span = hit.at("title_highlights").array[0].array;
  const auto title_begin = static_cast<std::size_t>(title_span[0].number);
  EXPECT_EQ(title.substr(title_begin, static_cast<std::size_t>(title_span[1].number) - title_begin), "санкции");
}

TEST_F(CliIndexed, LanguageAndDateFiltersNarrowTheResults) {
  const std::vector<std::string> ru_only = {"fx-002"};
  EXPECT_EQ(result_ids({"--lang", "ru", "санкции"}), ru_only);
  EXPECT_TRUE(result_ids({"--lang", "en", "санкции"}).empty());
  EXPECT_EQ(result_ids({"--since", "2025-05-01", "санкции"}), ru_only);
  EXPECT_TRUE(result_ids({"--until", "2025-04-30", "санкции"}).empty());
}

TEST_F(CliIndexed, MalformedDatesAndLanguagesAreUsageErrors) {
  const CliResult bad_day = run({"search", "--since", "2025-02-30", "Tartus"});
  EXPECT_EQ(bad_day.exit_code, 2);
  EXPECT_TRUE(contains(bad_day.err, "akhbar: error: --since expects a date written YYYY-MM-DD, got '2025-02-30'"))
      << bad_day.err;
  EXPECT_EQ(run({"search", "--until", "yesterday", "Tartus"}).exit_code, 2);
  EXPECT_EQ(run({"search", "--since", "2025-06-01", "--until", "2025-01-01", "Tartus"}).exit_code, 2);
  EXPECT_EQ(run({"search", "--lang", "fr", "Tartus"}).exit_code, 2);
}

TEST_F(CliIndexed, SearchOnMissingDatabaseExitsThreeAndSaysToRunIndex) {
  const CliResult result = run({"search", "--db", sandbox_->path("nowhere"), "Tartus"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_TRUE(contains(result.err, "akhbar: error: ")) << result.err;
  EXPECT_TRUE(contains(result.err, "akhbar index")) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST_F(CliIndexed, StatsReportsTheIndexedFixture) {
  const CliResult text = run({"stats"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "articles          3\n")) << text.out;
  EXPECT_TRUE(contains(text.out, "languages         en 2, ru 1\n")) << text.out;
  EXPECT_TRUE(contains(text.out, "dates             2025-03-01 to 2025-05-20\n")) << text.out;

  const CliResult json = run({"stats", "--json"});
  EXPECT_EQ(json.exit_code, 0);
  const JsonValue stats = parse_json(json.out);
  EXPECT_EQ(stats.at("articles").number, 3);
  EXPECT_GE(stats.at("passages").number, 3);
  EXPECT_GT(stats.at("terms").number, 10);
  EXPECT_EQ(stats.at("languages").at("en").number, 2);
  EXPECT_EQ(stats.at("languages").at("ru").number, 1);
  EXPECT_GT(stats.at("size_bytes").number, 0);
  EXPECT_EQ(stats.at("analysis_version").number, kAnalysisVersion);
}

TEST_F(CliIndexed, StatsOnMissingDatabaseExitsThree) {
  EXPECT_EQ(run({"stats", "--db", sandbox_->path("nowhere")}).exit_code, 3);
}

TEST_F(CliIndexed, EvalScoresJudgedQueriesAndWritesATrecRun) {
  const std::string queries = sandbox_->write("eval/queries.tsv", "# fixture\nq1\tTartus\nq2\tbanknotes\n");
  const std::string qrels = sandbox_->write("eval/qrels", "q1 0 fx-001 1\nq2 0 fx-003 2\nq2 0 fx-002 0\n");
  const std::string run_file = sandbox_->path("eval/run.txt");
  const CliResult result = run({"eval", "--queries", queries, "--qrels", qrels, "--run", run_file, "--tag", "fx",
                                "--json", "--per-query", "--min-ndcg", "0.9", "--min-map", "0.9"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const JsonValue report = parse_json(result.out);
  EXPECT_EQ(report.at("queries").number, 2);
  EXPECT_NEAR(report.at("mean").at("map").number, 1.0, 1e-6);
  EXPECT_NEAR(report.at("mean").at("ndcg_at_10").number, 1.0, 1e-6);
  EXPECT_NEAR(report.at("mean").at("p_at_10").number, 0.1, 1e-6);
  ASSERT_EQ(report.at("per_query").array.size(), 2u);
  EXPECT_EQ(report.at("per_query").array[1].at("query").string, "q2");

  std::ifstream in(run_file);
  const std::string run_text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto run_lines = lines_of(run_text);
  ASSERT_EQ(run_lines.size(), 2u) << run_text;
  EXPECT_TRUE(run_lines[0].starts_with("q1 Q0 fx-001 1 ")) << run_lines[0];
  EXPECT_TRUE(run_lines[0].ends_with(" fx")) << run_lines[0];
  EXPECT_TRUE(run_lines[1].starts_with("q2 Q0 fx-003 1 ")) << run_lines[1];
}

// Another engine's run goes through the same scorer: akhbar's own run,
// written with --run and scored again with --score-run, gives the same
// figures query by query.
TEST_F(CliIndexed, EvalScoresARunFileExactlyAsItsOwnRun) {
  const std::string queries =
      sandbox_->write("eval/same.tsv", "q1\tTartus\nq2\tbanknotes\nq3\tsanctions Tartus banknotes\n");
  const std::string qrels =
      sandbox_->write("eval/same.qrels", "q1 0 fx-001 1\nq2 0 fx-003 2\nq2 0 fx-002 1\nq3 0 fx-002 2\nq3 0 fx-003 1\n");
  const std::string run_file = sandbox_->path("eval/same.run");
  const CliResult own =
      run({"eval", "--queries", queries, "--qrels", qrels, "--run", run_file, "--json", "--per-query"});
  ASSERT_EQ(own.exit_code, 0) << own.err;
  const CliResult scored = run({"eval", "--score-run", run_file, "--qrels", qrels, "--json", "--per-query"});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  EXPECT_EQ(scored.out, own.out);
  EXPECT_LT(parse_json(own.out).at("mean").at("map").number, 1.0) << own.out;  // not a trivial run
}

TEST_F(CliIndexed, EvalScoresAnExternalRunInRankOrderToTheDepth) {
  // d-x ranks first by its RANK column although it is listed last; with
  // --depth 1 the relevant fx-001 (rank 2) is not read.
  const std::string run_file = sandbox_->write("eval/other.run", "q1 Q0 fx-001 2 9.5 other\nq1 Q0 d-x 1 3.0 other\n");
  const std::string qrels = sandbox_->write("eval/other.qrels", "q1 0 fx-001 1\n");
  const CliResult full = run({"eval", "--score-run", run_file, "--qrels", qrels, "--json"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_NEAR(parse_json(full.out).at("mean").at("map").number, 0.5, 1e-6);
  const CliResult shallow = run({"eval", "--score-run", run_file, "--qrels", qrels, "--json", "--depth", "1",
                                 "--min-map", "0.1"});
  EXPECT_EQ(shallow.exit_code, 4);
  EXPECT_NEAR(parse_json(shallow.out).at("mean").at("map").number, 0.0, 1e-9);
}

TEST_F(CliIndexed, EvalScoreRunRejectsSearchFlagsAndNamesABadLine) {
  const std::string run_file = sandbox_->write("eval/bad.run", "q1 Q0 fx-001 1 2.0 t\nq1 Q0 fx-002 two 1.0 t\n");
  const std::string qrels = sandbox_->write("eval/bad-run.qrels", "q1 0 fx-001 1\n");
  const CliResult bad = run({"eval", "--score-run", run_file, "--qrels", qrels});
  EXPECT_EQ(bad.exit_code, 5);
  EXPECT_TRUE(contains(bad.err, "akhbar: error: " + run_file + ":2: rank must be an integer")) << bad.err;
  EXPECT_EQ(run({"eval", "--score-run", run_file, "--qrels", qrels, "--db", sandbox_->db()}).exit_code, 2);
  EXPECT_EQ(run({"eval", "--score-run", run_file, "--qrels", qrels, "--queries", qrels}).exit_code, 2);
  const CliResult neither = run({"eval", "--qrels", qrels});
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_TRUE(contains(neither.err, "--score-run")) << neither.err;
}

TEST_F(CliIndexed, EvalTableShowsEveryMetric) {
  const std::string queries = sandbox_->write("eval/table.tsv", "q1\tTartus\n");
  const std::string qrels = sandbox_->write("eval/table.qrels", "q1 0 fx-001 1\n");
  const CliResult result = run({"eval", "--queries", queries, "--qrels", qrels, "--per-query"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "AP  nDCG@10   P@10   R@10   R@100")) << result.out;
  EXPECT_TRUE(contains(result.out, "q1               1.0000   1.0000 0.1000 1.0000  1.0000")) << result.out;
  EXPECT_TRUE(contains(result.out, "1 judged query: MAP 1.0000, nDCG@10 1.0000")) << result.out;
}

TEST_F(CliIndexed, EvalBelowThresholdExitsFour) {
  const std::string queries = sandbox_->write("eval/low.tsv", "q1\tTartus\n");
  // The judged document does not match the query: nDCG@10 and MAP are zero.
  const std::string qrels = sandbox_->write("eval/low.qrels", "q1 0 fx-002 1\n");
  const CliResult result = run({"eval", "--queries", queries, "--qrels", qrels, "--min-ndcg", "0.5"});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_TRUE(contains(result.err, "nDCG@10 0.0000 is below the required 0.5000")) << result.err;
}

TEST_F(CliIndexed, EvalMalformedQueriesFileNamesTheLine) {
  const std::string queries = sandbox_->write("eval/bad.tsv", "q1\tTartus\nq2 no tab here\n");
  const std::string qrels = sandbox_->write("eval/bad.qrels", "q1 0 fx-001 1\n");
  const CliResult result = run({"eval", "--queries", queries, "--qrels", qrels});
  EXPECT_EQ(result.exit_code, 5);
  EXPECT_TRUE(contains(result.err, "akhbar: error: " + queries + ":2: ")) << result.err;
}

TEST_F(CliIndexed, EvalMissingQueriesFileIsAUsageError) {
  EXPECT_EQ(run({"eval", "--queries", sandbox_->path("absent.tsv"), "--qrels", sandbox_->path("absent")}).exit_code,
            2);
}

}  // namespace
}  // namespace akhbar::cli_test
