// `akhbar search --batch FILE`: many queries against one open database, one
// JSON line per query with its id, its time, the total and the hits (the
// same objects `search --json` prints), malformed lines reported and skipped.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "cli/json_value.h"
#include "cli/three_script_corpus.h"

namespace akhbar::cli_test {
namespace {

std::vector<JsonValue> json_lines(const std::string& text) {
  std::vector<JsonValue> values;
  for (const std::string& line : lines_of(text)) values.push_back(parse_json(line));
  return values;
}

std::vector<std::string> hit_ids(const JsonValue& record) {
  std::vector<std::string> ids;
  for (const JsonValue& hit : record.at("hits").array) ids.push_back(hit.at("id").string);
  return ids;
}

class BatchSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new CliSandbox();
    sandbox_->write("corpus/news.jsonl", kThreeScriptCorpus);
    const CliResult indexed = sandbox_->run({"index", "--quiet", sandbox_->path("corpus")});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    sandbox_ = nullptr;
  }

  // Runs `akhbar search --batch FILE EXTRA...` on a file holding `queries`.
  static CliResult batch(const std::string& queries, std::vector<std::string> extra = {}) {
    const std::string file = sandbox_->write("queries.tsv", queries);
    std::vector<std::string> args = {"search", "--batch", file};
    args.insert(args.end(), extra.begin(), extra.end());
    return sandbox_->run(args);
  }

  // Runs `akhbar search --db DB ARGS...` with `input` on its standard input.
  static CliResult run_with_stdin(const std::string& input, std::vector<std::string> args) {
    const std::string in_path = sandbox_->write("stdin.txt", input);
    const std::string out_path = sandbox_->path("stdin.out"), err_path = sandbox_->path("stdin.err");
    args.insert(args.begin(), {AKHBAR_CLI_PATH, "search", "--db", sandbox_->db()});
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    CliResult result;
    if (spawned != 0) {
      result.err = std::strerror(spawned);
      return result;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream out(out_path, std::ios::binary), err(err_path, std::ios::binary);
    result.out.assign(std::istreambuf_iterator<char>(out), std::istreambuf_iterator<char>());
    result.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    return result;
  }

  static CliSandbox* sandbox_;
};

CliSandbox* BatchSearch::sandbox_ = nullptr;

TEST_F(BatchSearch, PrintsOneLinePerQueryWithIdTimeTotalAndHits) {
  const CliResult result = batch("port\tTartus\nsanctions\tsanctions embargo\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<JsonValue> records = json_lines(result.out);
  ASSERT_EQ(records.size(), 2u) << result.out;

  EXPECT_EQ(records[0].at("qid").string, "port");
  EXPECT_EQ(records[0].at("query").string, "Tartus");
  EXPECT_EQ(records[0].at("micros").kind, JsonValue::Kind::kNumber);
  EXPECT_GT(records[0].at("micros").number, 0);
  EXPECT_EQ(sorted(hit_ids(records[0])),
            (std::vector<std::string>{"cs-ar-base", "cs-en-base", "cs-en-sanctions", "cs-ru-base"}));
  EXPECT_EQ(records[0].at("total").number, 4);

  EXPECT_EQ(records[1].at("qid").string, "sanctions");
  ASSERT_FALSE(records[1].at("hits").array.empty());
  EXPECT_EQ(records[1].at("hits").array.front().at("id").string, "cs-en-sanctions");
}

TEST_F(BatchSearch, HitsAreTheObjectsThatSearchJsonPrints) {
  const CliResult single = sandbox_->run({"search", "--json", "Хмеймим"});
  ASSERT_EQ(single.exit_code, 0) << single.err;
  std::vector<JsonValue> expected;
  for (const std::string& line : hit_lines_of(single.out)) expected.push_back(parse_json(line));
  ASSERT_FALSE(expected.empty());

  const CliResult result = batch("q\tХмеймим\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<JsonValue> records = json_lines(result.out);
  ASSERT_EQ(records.size(), 1u);
  const std::vector<JsonValue>& hits = records[0].at("hits").array;
  ASSERT_EQ(hits.size(), expected.size());
  for (std::size_t i = 0; i < hits.size(); ++i) {
    EXPECT_EQ(hits[i].at("id").string, expected[i].at("id").string);
    EXPECT_EQ(hits[i].at("rank").number, expected[i].at("rank").number);
    EXPECT_EQ(hits[i].at("snippet").string, expected[i].at("snippet").string);
    EXPECT_EQ(hits[i].at("highlights").array.size(), expected[i].at("highlights").array.size());
  }
}

TEST_F(BatchSearch, BareQueryIsIdentifiedByItsLineNumber) {
  const CliResult result = batch("first\tTartus\n\nطرطوس\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<JsonValue> records = json_lines(result.out);
  ASSERT_EQ(records.size(), 2u) << result.out;
  EXPECT_EQ(records[0].at("qid").string, "first");
  EXPECT_EQ(records[1].at("qid").string, "3");
  EXPECT_EQ(records[1].at("query").string, "طرطوس");
  EXPECT_FALSE(records[1].at("hits").array.empty());
}

TEST_F(BatchSearch, MalformedLinesAreReportedByLineAndTheOthersStillRun) {
  const CliResult result = batch("\tTartus\nempty\t  \nbad\t\xff\xfe\nok\tTartus\n");
  EXPECT_EQ(result.exit_code, 1);
  const std::vector<JsonValue> records = json_lines(result.out);
  ASSERT_EQ(records.size(), 4u) << result.out;
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(records[i].at("line").number, static_cast<double>(i + 1));
    EXPECT_TRUE(records[i].has("error"));
    EXPECT_FALSE(records[i].has("hits"));
  }
  EXPECT_NE(records[0].at("error").string.find("query id"), std::string::npos);
  EXPECT_EQ(records[1].at("qid").string, "empty");
  EXPECT_NE(records[2].at("error").string.find("UTF-8"), std::string::npos);
  EXPECT_EQ(records[3].at("qid").string, "ok");
  EXPECT_EQ(records[3].at("hits").array.size(), 4u);
  EXPECT_NE(result.err.find("queries.tsv:2: error:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("queries.tsv:3: error:"), std::string::npos) << result.err;
}

TEST_F(BatchSearch, HonoursLimitAndFilters) {
  const std::string queries = "port\tTartus\n";
  const auto hits_of = [&](std::vector<std::string> extra) {
    const CliResult result = batch(queries, std::move(extra));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const std::vector<JsonValue> records = json_lines(result.out);
    return records.size() == 1 ? records[0].at("hits").array : std::vector<JsonValue>{};
  };
  EXPECT_EQ(hits_of({"--limit", "2"}).size(), 2u);

  const std::vector<JsonValue> russian = hits_of({"--lang", "ru"});
  ASSERT_EQ(russian.size(), 1u);
  EXPECT_EQ(russian[0].at("id").string, "cs-ru-base");

  std::vector<std::string> dated;
  for (const JsonValue& hit : hits_of({"--since", "2025-03-01", "--until", "2025-04-30"}))
    dated.push_back(hit.at("id").string);
  EXPECT_EQ(sorted(dated), (std::vector<std::string>{"cs-en-sanctions", "cs-ru-base"}));

  const std::vector<JsonValue> sanctions = hits_of({"--topic", "sanctions"});
  ASSERT_EQ(sanctions.size(), 1u);
  EXPECT_EQ(sanctions[0].at("id").string, "cs-en-sanctions");

  std::vector<std::string> latin_only;
  for (const JsonValue& hit : hits_of({"--exact-script"})) latin_only.push_back(hit.at("id").string);
  EXPECT_EQ(sorted(latin_only), (std::vector<std::string>{"cs-en-base", "cs-en-sanctions"}));
}

TEST_F(BatchSearch, DashReadsTheQueriesFromStandardInput) {
  const CliResult result = run_with_stdin("a\tTartus\nb\tХмеймим\n", {"--batch", "-", "--limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<JsonValue> records = json_lines(result.out);
  ASSERT_EQ(records.size(), 2u) << result.out;
  EXPECT_EQ(records[0].at("qid").string, "a");
  EXPECT_EQ(records[1].at("qid").string, "b");
  EXPECT_EQ(records[1].at("hits").array.size(), 1u);
}

TEST_F(BatchSearch, RefusesQueryWordsBesideBatchAndAMissingFile) {
  const std::string file = sandbox_->write("one.tsv", "q\tTartus\n");
  const CliResult both = sandbox_->run({"search", "--batch", file, "Tartus"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--batch"), std::string::npos) << both.err;

  const CliResult missing = sandbox_->run({"search", "--batch", sandbox_->path("absent.tsv")});
  EXPECT_EQ(missing.exit_code, 5);
  EXPECT_NE(missing.err.find("absent.tsv"), std::string::npos) << missing.err;

  const CliResult neither = sandbox_->run({"search"});
  EXPECT_EQ(neither.exit_code, 2);
}

}  // namespace
}  // namespace akhbar::cli_test
