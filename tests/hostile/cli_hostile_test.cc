// `akhbar index` on the hostile fixtures, as a user would run it: every
// problem is printed as FILE[:LINE]: severity: message, the exit code says
// there were errors, and every good article of the same run can be found.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

#include "cli/cli_runner.h"
#include "hostile/fixtures.h"
#include "json_line.h"

namespace akhbar::hostile {
namespace {

// AddressSanitizer keeps freed blocks in a quarantine and pads every block,
// so a process under it peaks higher for the same work.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

using cli_test::CliResult;
using cli_test::CliSandbox;
using cli_test::hit_lines_of;
using cli_test::lines_of;

// The top-level members of one line of the command's JSON output, read with
// the corpus reader's strict parser (nested values are checked, not kept).
struct JsonLine {
  explicit JsonLine(const std::string& line) : parsed(corpus::detail::parse_json_object(line)) {
    if (!parsed.ok()) throw std::runtime_error("not a JSON object (" + parsed.error + "): " + line);
  }
  const std::string& at(const std::string& key) const {
    for (const auto& member : parsed.members) {
      if (member.key == key) return member.value.text;
    }
    throw std::runtime_error("no member " + key);
  }
  double number(const std::string& key) const { return std::stod(at(key)); }

  corpus::detail::JsonParseResult parsed;
};

class IndexCommandOnHostileInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new CliSandbox();
    root_ = new std::string(sandbox_->path("input"));
    std::filesystem::create_directories(*root_);
    fixtures_ = new std::vector<Fixture>(write_fixtures(*root_));
    index_ = new CliResult(sandbox_->run({"index", "--json", *root_}));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete fixtures_;
    delete root_;
    delete sandbox_;
  }

  static std::size_t good_article_count() {
    std::size_t count = plain_good_ids().size();
    for (const Fixture& fixture : *fixtures_) count += fixture.good_ids.size();
    return count;
  }

  // The ids `akhbar search` returns for `query`.
  static std::set<std::string> search(const std::string& query) {
    const CliResult result = sandbox_->run({"search", "--json", "--limit", "50", query});
    EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
    std::set<std::string> ids;
    for (const std::string& line : hit_lines_of(result.out)) ids.insert(JsonLine(line).at("id"));
    return ids;
  }

  static void expect_found(const std::string& query, const std::vector<std::string>& ids) {
    const std::set<std::string> found = search(query);
    for (const std::string& id : ids) {
      EXPECT_TRUE(found.contains(id)) << query << " did not find " << id << "; found "
                                      << ::testing::PrintToString(found);
    }
  }

  static CliSandbox* sandbox_;
  static std::string* root_;
  static std::vector<Fixture>* fixtures_;
  static CliResult* index_;
};

CliSandbox* IndexCommandOnHostileInput::sandbox_ = nullptr;
std::string* IndexCommandOnHostileInput::root_ = nullptr;
std::vector<Fixture>* IndexCommandOnHostileInput::fixtures_ = nullptr;
CliResult* IndexCommandOnHostileInput::index_ = nullptr;

TEST_F(IndexCommandOnHostileInput, PrintsEachProblemByFileAndLineAndExitsWithOne) {
  EXPECT_EQ(index_->exit_code, 1) << index_->err;
  std::vector<std::string> expected;
  for (const Fixture& fixture : *fixtures_) {
    for (const ExpectedProblem& problem : fixture.problems) expected.push_back(problem.to_string(*root_));
  }
  const std::vector<std::string> printed = lines_of(index_->err);
  ASSERT_EQ(printed.size(), expected.size()) << index_->err;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_TRUE(glob_match(expected[i], printed[i])) << "expected: " << expected[i] << "\n  printed: " << printed[i];
  }
}

TEST_F(IndexCommandOnHostileInput, IndexesEveryGoodArticleOfTheRun) {
  const JsonLine summary(index_->out);
  EXPECT_EQ(summary.number("articles"), static_cast<double>(good_article_count())) << index_->out;
  std::size_t errors = 0;
  for (const Fixture& fixture : *fixtures_) {
    errors += static_cast<std::size_t>(std::count_if(fixture.problems.begin(), fixture.problems.end(),
        [](const ExpectedProblem& p) { return p.severity == corpus::Problem::Severity::kError; }));
  }
  EXPECT_EQ(summary.number("errors"), static_cast<double>(errors));
}

TEST_F(IndexCommandOnHostileInput, ConvertedLegacyFilesAreSearchableInTheirScript) {
  expect_found("Тартус", {"good-ru", "cp1251-ru", "bom-utf16le-2"});
  expect_found("Хмеймим", {"cp1251-ru-2"});
  expect_found("طرطوس", {"good-ar", "windows1256"});
  expect_found("Latakia ferry", {"bom_utf16be"});
}

TEST_F(IndexCommandOnHostileInput, GoodRecordsBesideBrokenOnesAreSearchable) {
  expect_found("Hmeimim", {"utf8-broken"});
  expect_found("Qamishli", {"after-deep", "bom_utf8"});
  expect_found("Baniyas", {"nul-neighbour", "dup-keys"});
  expect_found("Palmyra", {"huge-number"});
  expect_found("Manbij", {"huge-key"});
  expect_found("Raqqa", {"huge-title"});
  expect_found("silo", {"huge-body"});
  expect_found("Homs", {"inside-dir"});
  expect_found("Novorossiysk grain", {"good_article"});
  expect_found("compressed record", {"zst-cut-1", "zst-cut-3", "zst-bad-1", "zst-bad-3"});
}

TEST_F(IndexCommandOnHostileInput, WordsWithInvisibleControlsAreFoundByTheCleanWord) {
  expect_found("Khmeimim", {"bidi-raw"});
  expect_found("Tartus", {"bidi-raw", "good-en"});
  expect_found("Хмеймим", {"bidi-raw"});
  expect_found("حميميم", {"bidi-raw"});
  expect_found("sanctions", {"bidi-raw"});
  expect_found("Latakia", {"bidi-raw"});
  expect_found("Kaspiysk", {"bidi-escaped"});
  expect_found("Sevastopol", {"bidi-escaped"});
}

TEST_F(IndexCommandOnHostileInput, IndexesNothingFromTheUndecodablePartOfAZstdFile) {
  EXPECT_TRUE(search("damaged frame").empty());
}

TEST(IndexCommandOnALongLine, SkipsOneHundredMegabytesQuicklyInBoundedMemory) {
  CliSandbox sandbox;
  const std::string input = sandbox.path("input");
  std::filesystem::create_directories(input);
  const std::string path = write_long_line_file(input, "long_line.jsonl", 100u << 20);

  const auto start = std::chrono::steady_clock::now();
  const CliResult result = sandbox.run({"index", "--json", path});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage children{};
  ::getrusage(RUSAGE_CHILDREN, &children);

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(lines_of(result.err),
            std::vector<std::string>{path + ":2: error: line longer than 67108864 bytes, skipped"});
  EXPECT_EQ(JsonLine(result.out).number("articles"), 2);
  EXPECT_LT(seconds, 30.0);
  // The reader holds at most one line of the limit (64 MB) while it decides
  // to skip it, never the 100 MB line. ru_maxrss is in kilobytes.
  EXPECT_LT(children.ru_maxrss, (kUnderAddressSanitizer ? 640 : 320) * 1024);
}

}  // namespace
}  // namespace akhbar::hostile
