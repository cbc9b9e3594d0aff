// The corpus reader on the hostile fixtures: every fixture is reported by
// file and line with the exact message, and every good article of the same
// run is read, with its text repaired or converted to UTF-8.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "corpus/corpus_test_support.h"
#include "hostile/fixtures.h"

namespace akhbar::hostile {
namespace {

using corpus::testing::ReadResult;
using corpus::testing::read_all;
using corpus::testing::ScratchDir;

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

const corpus::Article* find_article(const ReadResult& result, const std::string& id) {
  for (const auto& article : result.articles) {
    if (article.id == id) return &article;
  }
  return nullptr;
}

class ReaderOnHostileInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new ScratchDir();
    root_ = new std::string(without_trailing_slash(scratch_->path("")));
    fixtures_ = new std::vector<Fixture>(write_fixtures(*root_));
    result_ = new ReadResult(read_all({*root_}));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete fixtures_;
    delete root_;
    delete scratch_;
  }

  static const corpus::Article& article(const std::string& id) {
    const corpus::Article* found = find_article(*result_, id);
    if (found == nullptr) throw std::runtime_error("article " + id + " was not read");
    return *found;
  }

  static ScratchDir* scratch_;
  static std::string* root_;
  static std::vector<Fixture>* fixtures_;
  static ReadResult* result_;
};

ScratchDir* ReaderOnHostileInput::scratch_ = nullptr;
std::string* ReaderOnHostileInput::root_ = nullptr;
std::vector<Fixture>* ReaderOnHostileInput::fixtures_ = nullptr;
ReadResult* ReaderOnHostileInput::result_ = nullptr;

TEST_F(ReaderOnHostileInput, ReportsEveryFixtureByFileAndLineInReadingOrder) {
  std::vector<std::string> expected;
  for (const Fixture& fixture : *fixtures_) {
    for (const ExpectedProblem& problem : fixture.problems) expected.push_back(problem.to_string(*root_));
  }
  const std::vector<std::string> actual = result_->messages();
  ASSERT_EQ(actual.size(), expected.size()) << ::testing::PrintToString(actual);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_TRUE(glob_match(expected[i], actual[i])) << "expected: " << expected[i] << "\n  actual: " << actual[i];
  }
}

TEST_F(ReaderOnHostileInput, ReadsEveryGoodArticleAndNothingElse) {
  const std::vector<std::string> plain = plain_good_ids();
  std::set<std::string> expected(plain.begin(), plain.end());
  for (const Fixture& fixture : *fixtures_) expected.insert(fixture.good_ids.begin(), fixture.good_ids.end());
  const std::vector<std::string> ids = result_->ids();
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected);
  EXPECT_EQ(ids.size(), expected.size()) << "an article was read twice";
}

TEST_F(ReaderOnHostileInput, ConvertsWindows1251ToTheRussianText) {
  EXPECT_EQ(article("cp1251-ru").title, "Санкции и порт Тартус");
  EXPECT_EQ(article("cp1251-ru").paragraphs.at(0), "Новые санкции против порта Тартус обсуждали в Москве.");
  EXPECT_EQ(article("cp1251-ru-2").paragraphs.at(0), "Авиабаза Хмеймим получила новые самолёты.");
}

TEST_F(ReaderOnHostileInput, ConvertsWindows1256ToTheArabicText) {
  EXPECT_EQ(article("windows1256").title, "عقوبات جديدة على ميناء طرطوس");
  EXPECT_EQ(article("windows1256").paragraphs.at(1), "وقال مسؤول إن العقوبات تشمل ثلاث شركات للتأمين البحري.");
}

TEST_F(ReaderOnHostileInput, ConvertsUtf16FilesThatHaveAByteOrderMark) {
  EXPECT_EQ(article("bom-utf16le-1").paragraphs.at(0), "Wheat shipments through Tartus, in UTF-16.");
  EXPECT_EQ(article("bom-utf16le-2").paragraphs.at(0), "Пшеница через Тартус, в UTF-16.");
  EXPECT_EQ(article("bom_utf16be").title, "Ferry service to Latakia");
}

TEST_F(ReaderOnHostileInput, DropsTheUtf8ByteOrderMark) {
  EXPECT_EQ(article("bom_utf8").title, "Fuel convoy reaches Qamishli");
  EXPECT_EQ(article("bom-utf8").id, "bom-utf8");
}

TEST_F(ReaderOnHostileInput, ReplacesInvalidUtf8AndKeepsTheRecord) {
  EXPECT_EQ(article("utf8-broken").paragraphs.at(0), "Broken bytes \uFFFD( and \uFFFD near the Hmeimim base.");
  EXPECT_EQ(article("utf8-overlong").title, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST_F(ReaderOnHostileInput, CapsAHugeBodyAtTheArticleLimit) {
  const std::string body = article("huge-body").body();
  EXPECT_LE(body.size(), corpus::ReaderOptions{}.max_article_bytes);
  EXPECT_GT(body.size(), corpus::ReaderOptions{}.max_article_bytes - 4096);
  EXPECT_TRUE(body.starts_with("Deir ez-Zor silo report 0."));
}

TEST_F(ReaderOnHostileInput, KeepsTheLastValueOfADuplicateKey) {
  EXPECT_EQ(article("dup-keys").title, "Duplicate keys");
  EXPECT_EQ(article("dup-keys").body(), "The second body of the Baniyas refinery record wins.");
}

TEST_F(ReaderOnHostileInput, KeepsInvisibleControlsForTheAnalyzerToRemove) {
  // The reader passes text on as written; normalisation is analysis' job,
  // and the search tests show the words are found.
  EXPECT_NE(article("bidi-escaped").body().find("Kasp\u200Biysk"), std::string::npos);
}

TEST_F(ReaderOnHostileInput, ReadsTheRecordsOfAZstdFileBeforeItsDamage) {
  EXPECT_EQ(article("zst-cut-3").origin_line, 3u);
  EXPECT_EQ(article("zst-bad-3").origin_line, 3u);
  EXPECT_EQ(find_article(*result_, "zst-cut-4"), nullptr);
  EXPECT_EQ(find_article(*result_, "zst-bad-4"), nullptr);
}

TEST(LongLine, OfOneHundredMegabytesIsSkippedQuicklyWithoutBeingHeld) {
  ScratchDir scratch;
  const std::string path = write_long_line_file(without_trailing_slash(scratch.path("")), "long.jsonl", 100u << 20);
  corpus::ReaderOptions options;
  options.max_line_bytes = 1u << 20;

  rusage before{};
  ::getrusage(RUSAGE_SELF, &before);
  const auto start = std::chrono::steady_clock::now();
  const ReadResult result = read_all({path}, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  ::getrusage(RUSAGE_SELF, &after);

  EXPECT_EQ(result.ids(), (std::vector<std::string>{"before-long", "after-long"}));
  EXPECT_EQ(result.messages(),
            std::vector<std::string>{path + ":2: error: line longer than 1048576 bytes, skipped"});
  EXPECT_LT(seconds, 20.0);
  // ru_maxrss is in kilobytes: the peak may grow by a few line buffers, not
  // by the line.
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 32 * 1024);
}

}  // namespace
}  // namespace akhbar::hostile
