// Tests of the command's cross-script surface: --topic filters on the topic
// tags, --exact-script, --explain, topics in --json results, and the
// per-category and --compare tables of `akhbar eval`.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "cli/json_value.h"
#include "cli/three_script_corpus.h"

namespace akhbar::cli_test {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class CliCrossScript : public ::testing::Test {
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
  static CliResult run(const std::vector<std::string>& args) { return sandbox_->run(args); }

  /// The JSON objects `akhbar search --json ARGS...` prints, in rank order.
  static std::vector<JsonValue> hits(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json"});
    const CliResult result = run(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<JsonValue> objects;
    for (const std::string& line : hit_lines_of(result.out)) objects.push_back(parse_json(line));
    return objects;
  }

  static std::vector<std::string> ids(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const JsonValue& hit : hits(args)) out.push_back(hit.at("id").string);
    return out;
  }

  /// The row of `category` in an eval JSON report's "categories".
  static const JsonValue& category(const JsonValue& report, const std::string& name) {
    for (const JsonValue& row : report.at("categories").array)
      if (row.at("category").string == name) return row;
    throw std::out_of_range("no category " + name);
  }

  static CliSandbox* sandbox_;
};

CliSandbox* CliCrossScript::sandbox_ = nullptr;

// --- search -----------------------------------------------------------------

TEST_F(CliCrossScript, TopicKeepsOnlyArticlesTaggedWithIt) {
  EXPECT_EQ(ids({"--exact-script", "--topic", "bases", "Tartus"}), std::vector<std::string>{"cs-en-base"});
  EXPECT_EQ(ids({"--exact-script", "--topic", "sanctions", "Tartus"}),
            std::vector<std::string>{"cs-en-sanctions"});
  EXPECT_EQ(sorted(ids({"--exact-script", "--topic", "bases", "--topic", "sanctions", "Tartus"})),
            (std::vector<std::string>{"cs-en-base", "cs-en-sanctions"}));
  EXPECT_TRUE(ids({"--exact-script", "--topic", "grain", "Tartus"}).empty());
}

TEST_F(CliCrossScript, TopicFilterWorksInEveryScript) {
  EXPECT_EQ(sorted(ids({"--topic", "bases", "Tartus"})),
            (std::vector<std::string>{"cs-ar-base", "cs-en-base", "cs-ru-base"}));
}

TEST_F(CliCrossScript, JsonResultsCarryTheirTopics) {
  for (const JsonValue& hit : hits({"--exact-script", "Tartus"})) {
    const auto& topics = hit.at("topics").array;
    ASSERT_EQ(topics.size(), 1u) << hit.at("id").string;
    EXPECT_EQ(topics[0].string, hit.at("id").string == "cs-en-base" ? "bases" : "sanctions");
    EXPECT_FALSE(hit.has("matches"));  // only with --explain
  }
}

TEST_F(CliCrossScript, ReadableResultsListTheirTopics) {
  const CliResult result = run({"search", "--exact-script", "--topic", "bases", "Tartus"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "   topics: bases\n")) << result.out;
}

TEST_F(CliCrossScript, UnknownTopicIsAUsageErrorListingTheKnownOnes) {
  const CliResult result = run({"search", "--topic", "sanction", "Tartus"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(contains(result.err, "unknown topic \"sanction\"")) << result.err;
  EXPECT_TRUE(contains(result.err, "bases, contracts")) << result.err;
}

TEST_F(CliCrossScript, ExactScriptMatchesOnlyTheWordAsWritten) {
  EXPECT_EQ(sorted(ids({"--exact-script", "Tartus"})),
            (std::vector<std::string>{"cs-en-base", "cs-en-sanctions"}));
  EXPECT_EQ(sorted(ids({"--exact-script", "Тартус"})), std::vector<std::string>{"cs-ru-base"});
  // Without it, the same name is found in all three scripts.
  EXPECT_EQ(sorted(ids({"Tartus"})),
            (std::vector<std::string>{"cs-ar-base", "cs-en-base", "cs-en-sanctions", "cs-ru-base"}));
}

TEST_F(CliCrossScript, ExplainShowsHowEachQueryWordMatched) {
  const CliResult result = run({"search", "--explain", "Tartus"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "\nquery: Query(")) << result.out;
  EXPECT_TRUE(contains(result.out, "   tartus \u2192 tartus (exact)\n")) << result.out;
  EXPECT_TRUE(contains(result.out, "   tartus \u2192 тартус")) << result.out;
  EXPECT_TRUE(contains(result.out, "   tartus \u2192 طرطوس")) << result.out;
  // Not without --explain.
  EXPECT_FALSE(contains(run({"search", "Tartus"}).out, "\u2192"));
}

TEST_F(CliCrossScript, ExplainInJsonGivesTheMatchesOfEachHit) {
  const std::vector<std::string> routes = {"exact", "stem", "transliteration", "alias", "topic"};
  bool saw_english_exact = false;
  for (const JsonValue& hit : hits({"--explain", "Tartus"})) {
    const auto& matches = hit.at("matches").array;
    EXPECT_FALSE(matches.empty()) << hit.at("id").string;
    for (const JsonValue& match : matches) {
      EXPECT_EQ(match.at("query_word").string, "tartus");
      EXPECT_NE(std::find(routes.begin(), routes.end(), match.at("route").string), routes.end());
      if (hit.at("id").string == "cs-en-base" && match.at("document_word").string == "tartus")
        saw_english_exact = match.at("route").string == "exact";
    }
  }
  EXPECT_TRUE(saw_english_exact);
}

TEST_F(CliCrossScript, StatsCountArticlesPerTopic) {
  const CliResult json = run({"stats", "--json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  const JsonValue stats = parse_json(json.out);
  const JsonValue& topics = stats.at("topics");
  ASSERT_EQ(topics.object.size(), 2u) << json.out;
  EXPECT_EQ(topics.at("bases").number, 3);
  EXPECT_EQ(topics.at("sanctions").number, 1);
  EXPECT_TRUE(contains(run({"stats"}).out, "\ntopics            bases 3, sanctions 1\n"));
}

// The user's own topics.txt and aliases.txt ($XDG_CONFIG_HOME/akhbar) take
// effect in the next run, without rebuilding akhbar.
TEST(CliUserLexicon, UserTopicsAndAliasesApplyToIndexAndSearch) {
  CliSandbox sandbox;
  sandbox.write("config/akhbar/topics.txt", "tobacco\ten\ttobacco, cigarette, hookah\n");
  sandbox.write("config/akhbar/aliases.txt", "Tartus | Tortosa\n");
  sandbox.write("corpus/news.jsonl",
                R"({"id": "smoke", "title": "Hookah cafes reopen in Tartus", "lang": "en", )"
                R"("body": "Tobacco sellers and cigarette vendors returned to the old town."})"
                "\n");
  const char* old = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old == nullptr ? "" : old;
  ::setenv("XDG_CONFIG_HOME", sandbox.path("config").c_str(), 1);
  const CliResult indexed = sandbox.run({"index", "--quiet", sandbox.path("corpus")});
  const CliResult tagged = sandbox.run({"search", "--json", "--topic", "tobacco", "Tartus"});
  const CliResult alias = sandbox.run({"search", "--json", "Tortosa"});
  if (old == nullptr)
    ::unsetenv("XDG_CONFIG_HOME");
  else
    ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);

  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_EQ(tagged.exit_code, 0) << tagged.err;
  ASSERT_EQ(hit_lines_of(tagged.out).size(), 1u) << tagged.out;
  const JsonValue hit = parse_json(hit_lines_of(tagged.out)[0]);
  EXPECT_EQ(hit.at("id").string, "smoke");
  ASSERT_EQ(hit.at("topics").array.size(), 1u);
  EXPECT_EQ(hit.at("topics").array[0].string, "tobacco");
  EXPECT_TRUE(contains(alias.out, "\"id\":\"smoke\"")) << alias.out << alias.err;
}

// --- eval ---------------------------------------------------------------------

class CliCrossScriptEval : public CliCrossScript {
 protected:
  void SetUp() override {
    queries_ = sandbox_->write("eval/queries.tsv", "xs-name-01\tTartus\nxs-name-02\tKhmeimim\nen-q01\tembargo\n");
    qrels_ = sandbox_->write("eval/qrels",
                             "xs-name-01 0 cs-en-base 1\nxs-name-01 0 cs-ru-base 1\nxs-name-01 0 cs-ar-base 1\n"
                             "xs-name-02 0 cs-en-base 1\nxs-name-02 0 cs-ru-base 1\nxs-name-02 0 cs-ar-base 1\n"
                             "en-q01 0 cs-en-sanctions 2\n");
  }
  std::string queries_, qrels_;
};

TEST_F(CliCrossScriptEval, TableHasOneRowPerQueryCategory) {
  const CliResult result = run({"eval", "--queries", queries_, "--qrels", qrels_, "--exact-script"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "category         queries  nDCG@10   R@10    MAP  cR@10\n")) << result.out;
  EXPECT_TRUE(contains(result.out, "\nen-q                   1   1.0000 1.0000 1.0000 1.0000\n")) << result.out;
  // As written, each name is found in its own script only: R@10 is 1 of 3.
  const auto lines = lines_of(result.out);
  const auto row = std::find_if(lines.begin(), lines.end(),
                                [](const std::string& line) { return line.starts_with("xs-name "); });
  ASSERT_NE(row, lines.end()) << result.out;
  std::istringstream fields(*row);
  std::string name, queries, ndcg, recall;
  fields >> name >> queries >> ndcg >> recall;
  EXPECT_EQ(queries, "2");
  EXPECT_EQ(recall, "0.3333");
  EXPECT_TRUE(contains(result.out, "\nall                    3 ")) << result.out;
}

TEST_F(CliCrossScriptEval, JsonReportHasCategories) {
  const CliResult result = run({"eval", "--queries", queries_, "--qrels", qrels_, "--exact-script", "--json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const JsonValue report = parse_json(result.out);
  EXPECT_EQ(category(report, "xs-name").at("queries").number, 2);
  EXPECT_NEAR(category(report, "xs-name").at("recall_at_10").number, 1.0 / 3, 1e-4);
  EXPECT_NEAR(category(report, "en-q").at("map").number, 1.0, 1e-6);
  EXPECT_EQ(category(report, "all").at("queries").number, 3);
}

TEST_F(CliCrossScriptEval, CompareShowsBothRunsAndTheirDifference) {
  const CliResult json = run({"eval", "--queries", queries_, "--qrels", qrels_, "--compare", "--json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  const JsonValue report = parse_json(json.out);
  const double cross = category(report.at("cross_script"), "xs-name").at("recall_at_10").number;
  const double exact = category(report.at("exact_script"), "xs-name").at("recall_at_10").number;
  EXPECT_NEAR(cross, 1.0, 1e-6);
  EXPECT_NEAR(exact, 1.0 / 3, 1e-4);

  const CliResult table = run({"eval", "--queries", queries_, "--qrels", qrels_, "--compare"});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(contains(table.out, "cross  exact    delta |  cross  exact    delta |")) << table.out;
  // Recall@10 of the names: 1.0 with cross-script matching, 0.3333 without.
  EXPECT_TRUE(contains(table.out, " 1.0000 0.3333  +0.6667 |")) << table.out;
  EXPECT_TRUE(contains(table.out, "\nen-q                 1 | 1.0000 1.0000  +0.0000 |")) << table.out;
}

TEST_F(CliCrossScriptEval, CompareWithExactScriptIsAUsageError) {
  EXPECT_EQ(run({"eval", "--queries", queries_, "--qrels", qrels_, "--compare", "--exact-script"}).exit_code, 2);
}

}  // namespace
}  // namespace akhbar::cli_test
