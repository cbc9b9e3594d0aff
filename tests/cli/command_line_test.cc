// The akhbar command as a new user and an administrator meet it: a source
// that does not exist, counts in the singular, --json summaries and their
// schema version, queries that start with '-', a locked database, quiet
// updates, compressed input's rate, and the nightly update after an upgrade
// that changed the analysis version.
#include <gtest/gtest.h>
#include <xapian.h>
#include <zstd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "akhbar/indexer/schema.h"
#include "akhbar/version.h"
#include "cli/cli_runner.h"
#include "cli/json_value.h"
#include "cli/three_script_corpus.h"

namespace akhbar::cli_test {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Three short articles: two mention Damascus, one of them banknotes.
const char kArticles[] =
    R"({"id": "d-1", "title": "Damascus orders banknotes", "lang": "en", "body": "Damascus ordered new banknotes from a printer abroad."})"
    "\n"
    R"({"id": "d-2", "title": "Flights to Damascus resume", "lang": "en", "body": "The airport of Damascus reopened to flights."})"
    "\n"
    R"({"id": "t-1", "title": "Tartus port", "lang": "en", "body": "The port of Tartus reopened after repairs."})"
    "\n";

std::vector<std::string> hit_ids(const CliResult& result) {
  std::vector<std::string> ids;
  for (const std::string& line : hit_lines_of(result.out)) ids.push_back(parse_json(line).at("id").string);
  return ids;
}

TEST(CliCommandLine, HelpListsTheEnvironmentAndTheExitCodes) {
  CliSandbox sandbox;
  const CliResult result = sandbox.run({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(contains(result.out, "Environment:")) << result.out;
  for (const char* variable : {"AKHBAR_DB", "AKHBAR_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NO_COLOR"})
    EXPECT_TRUE(contains(result.out, std::string("  ") + variable + " ")) << variable;
  EXPECT_TRUE(contains(result.out, "2  usage error (bad flags or arguments, a source that does not exist)"))
      << result.out;
}

// --- index ------------------------------------------------------------------

TEST(CliCommandLine, AMissingSourceStopsIndexBeforeAnythingIsCreated) {
  CliSandbox sandbox;
  const std::string good = sandbox.write("feeds/news.jsonl", kArticles);
  const std::string missing = sandbox.path("feeds/nosuch.jsonl");
  const std::string db = sandbox.path("x.db");
  const CliResult result = sandbox.run({"index", "--db", db, good, missing});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "akhbar: error: source not found: " + missing + "; nothing was indexed\n");
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(fs::exists(db));

  // A rebuild is refused the same way: the database it would replace stays.
  ASSERT_EQ(sandbox.run({"index", "-q", "--db", db, good}).exit_code, 0);
  const CliResult rebuild = sandbox.run({"index", "--rebuild", "--db", db, missing});
  EXPECT_EQ(rebuild.exit_code, 2);
  EXPECT_EQ(hit_ids(sandbox.run({"search", "--json", "--db", db, "Tartus"})), std::vector<std::string>{"t-1"});
}

TEST(CliCommandLine, CountsOfOneAreSingular) {
  CliSandbox sandbox;
  const std::string one = sandbox.write("one.jsonl", R"({"id": "o", "body": "Tartus port reopened."})" "\n");
  const CliResult indexed = sandbox.run({"index", one});
  EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_TRUE(contains(indexed.out, "Indexed 1 article (1 passage) into ")) << indexed.out;
  const CliResult rebuilt = sandbox.run({"index", "--rebuild", one});
  EXPECT_TRUE(contains(rebuilt.out, " with 1 article in ")) << rebuilt.out;
  const CliResult searched = sandbox.run({"search", "Tartus"});
  EXPECT_TRUE(searched.out.starts_with("1 of about 1 result\n")) << searched.out;
}

TEST(CliCommandLine, CompressedInputIsMeasuredByItsText) {
  CliSandbox sandbox;
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += R"({"id": "z-)" + std::to_string(i) + R"(", "body": "The port of Tartus reopened after repairs, said the harbour master."})" "\n";
  std::string compressed(ZSTD_compressBound(text.size()), '\0');
  compressed.resize(ZSTD_compress(compressed.data(), compressed.size(), text.data(), text.size(), 19));
  const std::string path = sandbox.write("feed.jsonl.zst", compressed);
  const CliResult result = sandbox.run({"index", "--json", path});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const JsonValue summary = parse_json(result.out);
  EXPECT_EQ(summary.at("input_bytes").number, static_cast<double>(compressed.size()));
  EXPECT_EQ(summary.at("text_bytes").number, static_cast<double>(text.size()));
  EXPECT_NEAR(summary.at("mb_per_second").number,
              static_cast<double>(text.size()) / 1e6 / summary.at("seconds").number, 0.01);
  const CliResult readable = sandbox.run({"index", path});
  EXPECT_TRUE(contains(readable.out, " of text (")) << readable.out;
}

// --- search -----------------------------------------------------------------

class CliCommandLineSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new CliSandbox();
    const CliResult indexed = sandbox_->run({"index", "-q", sandbox_->write("news.jsonl", kArticles)});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }
  static void TearDownTestSuite() {
    delete sandbox_;
    sandbox_ = nullptr;
  }
  static CliSandbox* sandbox_;
};

CliSandbox* CliCommandLineSearch::sandbox_ = nullptr;

TEST_F(CliCommandLineSearch, JsonEndsWithAVersionedSummaryEvenWithoutAHit) {
  const CliResult none = sandbox_->run({"search", "--json", "Khmeimim"});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  const std::vector<std::string> lines = lines_of(none.out);
  ASSERT_EQ(lines.size(), 1u) << none.out;
  const JsonValue summary = parse_json(lines[0]);
  EXPECT_EQ(summary.at("type").string, "summary");
  EXPECT_EQ(summary.at("version").number, 1);
  EXPECT_EQ(summary.at("query").string, "Khmeimim");
  EXPECT_EQ(summary.at("total").number, 0);
  EXPECT_EQ(summary.at("hits").number, 0);

  const CliResult two = sandbox_->run({"search", "--json", "--limit", "1", "Damascus"});
  const std::vector<std::string> two_lines = lines_of(two.out);
  ASSERT_EQ(two_lines.size(), 2u) << two.out;
  EXPECT_EQ(parse_json(two_lines[0]).at("type").string, "hit");
  const JsonValue last = parse_json(two_lines[1]);
  EXPECT_EQ(last.at("type").string, "summary");
  EXPECT_GE(last.at("total").number, 2);  // an estimate
  EXPECT_EQ(last.at("hits").number, 1);
  EXPECT_EQ(last.at("limit").number, 1);
}

TEST_F(CliCommandLineSearch, AQueryThatStartsWithADashExcludesItsWord) {
  EXPECT_EQ(sorted(hit_ids(sandbox_->run({"search", "--json", "Damascus"}))),
            (std::vector<std::string>{"d-1", "d-2"}));
  const std::vector<std::string> without = {"d-2"};
  EXPECT_EQ(hit_ids(sandbox_->run({"search", "--json", "-banknotes Damascus"})), without);
  EXPECT_EQ(hit_ids(sandbox_->run({"search", "--json", "-banknotes", "Damascus"})), without);
  EXPECT_EQ(hit_ids(sandbox_->run({"search", "Damascus", "-banknotes", "--json", "-n", "5"})), without);
  EXPECT_EQ(hit_ids(sandbox_->run({"search", "--json", "--", "-banknotes", "Damascus"})), without);
  // The options themselves still work, and a mistyped one is still an error.
  EXPECT_EQ(hit_ids(sandbox_->run({"search", "--json", "-n1", "Damascus"})).size(), 1u);
  const CliResult typo = sandbox_->run({"search", "--limt", "3", "Damascus"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_TRUE(contains(typo.err, "--limt")) << typo.err;
}

// --- a locked database, update ----------------------------------------------

TEST(CliCommandLine, ALockedDatabaseErrorSaysHowToWait) {
  CliSandbox sandbox;
  const std::string feed = sandbox.write("feeds/news.jsonl", kArticles);
  ASSERT_EQ(sandbox.run({"index", "-q", feed}).exit_code, 0);
  Xapian::WritableDatabase holder(sandbox.db(), Xapian::DB_OPEN);  // holds the write lock
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"index", feed}, std::vector<std::string>{"update", feed}}) {
    const CliResult result = sandbox.run(args);
    EXPECT_EQ(result.exit_code, 3) << args[0];
    EXPECT_TRUE(contains(result.err, "is being updated by another process; run with --wait SECONDS to wait for it"))
        << result.err;
  }
}

TEST(CliCommandLine, QuietUpdatePrintsNoLinePerFileButStillItsErrors) {
  CliSandbox sandbox;
  sandbox.write("feeds/a.jsonl", kArticles);
  ASSERT_EQ(sandbox.run({"update", sandbox.path("feeds")}).exit_code, 0);
  sandbox.write("feeds/b.jsonl", R"({"id": "b-1", "body": "Latakia ferry."})" "\n");
  const CliResult loud = sandbox.run({"update", sandbox.path("feeds")});
  EXPECT_TRUE(contains(loud.err, "b.jsonl: info: file read")) << loud.err;

  sandbox.write("feeds/c.jsonl", R"({"id": "c-1", "body": "Homs market."})" "\n{broken\n");
  const CliResult quiet = sandbox.run({"update", "-q", sandbox.path("feeds")});
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(lines_of(quiet.err).size(), 1u) << quiet.err;
  EXPECT_TRUE(contains(quiet.err, "c.jsonl:2: error: ")) << quiet.err;
}

// A database stamped with another analysis version, as an upgrade of akhbar
// leaves it.
void stamp_analysis_version(const std::string& db, const std::string& version) {
  Xapian::WritableDatabase database(db, Xapian::DB_OPEN);
  database.set_metadata(std::string(indexer::schema::kMetaAnalysisVersion), version);
  database.commit();
}

TEST(CliCommandLine, UpdateRebuildsADatabaseOfAnotherAnalysisVersionWhenAsked) {
  CliSandbox sandbox;
  const std::string feeds = sandbox.path("feeds");
  sandbox.write("feeds/a.jsonl", kArticles);
  ASSERT_EQ(sandbox.run({"update", "--prune", feeds}).exit_code, 0);
  stamp_analysis_version(sandbox.db(), std::to_string(kAnalysisVersion - 1));

  // Refused without the flag, as before, with the way out in the message.
  const CliResult refused = sandbox.run({"update", "--prune", feeds});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_TRUE(contains(refused.err, "was built with analysis version " + std::to_string(kAnalysisVersion - 1)))
      << refused.err;
  // The flag rebuilds from the SOURCES alone: it needs --prune.
  EXPECT_EQ(sandbox.run({"update", "--rebuild-if-needed", feeds}).exit_code, 2);

  sandbox.write("feeds/b.jsonl", R"({"id": "b-1", "body": "Latakia ferry."})" "\n");
  const CliResult rebuilt = sandbox.run({"update", "--prune", "--rebuild-if-needed", "--json", feeds});
  EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(contains(rebuilt.err, "rebuilding it from the sources (--rebuild-if-needed)")) << rebuilt.err;
  const JsonValue summary = parse_json(rebuilt.out);
  EXPECT_EQ(summary.at("type").string, "update");
  EXPECT_TRUE(summary.at("rebuilt").boolean);
  EXPECT_EQ(summary.at("added").number, 4);

  const JsonValue stats = parse_json(sandbox.run({"stats", "--json"}).out);
  EXPECT_EQ(stats.at("analysis_version").number, kAnalysisVersion);
  EXPECT_EQ(stats.at("articles").number, 4);
  // The next night is a plain update again.
  const CliResult next = sandbox.run({"update", "--prune", "--rebuild-if-needed", "--json", feeds});
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_FALSE(parse_json(next.out).at("rebuilt").boolean);
  EXPECT_EQ(parse_json(next.out).at("unchanged").number, 4);
}

TEST(CliCommandLine, RebuildIfNeededLeavesADatabaseAkhbarDidNotBuildAlone) {
  CliSandbox sandbox;
  {
    Xapian::WritableDatabase foreign(sandbox.db(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("precious");
    foreign.add_document(document);
    foreign.commit();
  }
  const std::string feed = sandbox.write("feeds/a.jsonl", kArticles);
  const CliResult result = sandbox.run({"update", "--prune", "--rebuild-if-needed", feed});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_TRUE(contains(result.err, "was not built by akhbar")) << result.err;
  EXPECT_EQ(Xapian::Database(sandbox.db()).get_termfreq("precious"), 1u);
}

}  // namespace
}  // namespace akhbar::cli_test
