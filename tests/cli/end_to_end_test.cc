// End to end: `akhbar index` on the bundled sample corpus (corpus/samples),
// then `akhbar search` in each script must rank the article that answers the
// query first and highlight the words that matched in its snippet.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "cli/json_value.h"

namespace akhbar::cli_test {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(AKHBAR_SOURCE_DIR) / "corpus" / "samples";

// Articles in the sample corpus, counted the way the readers count them: one
// per non-blank JSON Lines line, one per .txt or .md file.
std::size_t count_sample_articles() {
  std::size_t articles = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSamples)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".md") {
      ++articles;
    } else if (ext == ".jsonl") {
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++articles;
    }
  }
  return articles;
}

struct SearchHit {
  std::string id;
  std::string snippet;
  std::vector<std::string> highlighted;  // the snippet's highlighted words
};

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

class CliEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new CliSandbox();
    index_result_ = new CliResult(sandbox_->run({"index", "--json", kSamples.string()}));
  }
  static void TearDownTestSuite() {
    delete index_result_;
    delete sandbox_;
  }

  // Runs `akhbar search --json QUERY` and checks, for every hit, that its
  // highlight spans are ordered and select whole UTF-8 characters of its
  // snippet.
  static std::vector<SearchHit> search(const std::string& query) {
    const CliResult result = sandbox_->run({"search", "--json", "--limit", "10", query});
    EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
    std::vector<SearchHit> hits;
    for (const std::string& line : hit_lines_of(result.out)) {
      const JsonValue json = parse_json(line);
      SearchHit hit{json.at("id").string, json.at("snippet").string, {}};
      std::size_t previous_end = 0;
      for (const JsonValue& span : json.at("highlights").array) {
        const auto begin = static_cast<std::size_t>(span.array.at(0).number);
        const auto end = static_cast<std::size_t>(span.array.at(1).number);
        EXPECT_LE(previous_end, begin) << hit.id;
        EXPECT_LT(begin, end) << hit.id;
        EXPECT_LE(end, hit.snippet.size()) << hit.id;
        if (begin >= end || end > hit.snippet.size()) continue;
        EXPECT_FALSE(is_utf8_continuation(hit.snippet[begin])) << hit.id;
        EXPECT_TRUE(end == hit.snippet.size() || !is_utf8_continuation(hit.snippet[end])) << hit.id;
        hit.highlighted.push_back(hit.snippet.substr(begin, end - begin));
        previous_end = end;
      }
      hits.push_back(std::move(hit));
    }
    return hits;
  }

  static void expect_first(const std::string& query, const std::string& id,
                           const std::vector<std::string>& highlighted) {
    const auto hits = search(query);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].id, id) << query;
    for (const std::string& word : highlighted)
      EXPECT_NE(std::find(hits[0].highlighted.begin(), hits[0].highlighted.end(), word), hits[0].highlighted.end())
          << query << ": '" << word << "' not highlighted in: " << hits[0].snippet;
  }

  static CliSandbox* sandbox_;
  static CliResult* index_result_;
};

CliSandbox* CliEndToEnd::sandbox_ = nullptr;
CliResult* CliEndToEnd::index_result_ = nullptr;

TEST_F(CliEndToEnd, IndexesEveryArticleOfTheSampleCorpusWithoutErrors) {
  ASSERT_EQ(index_result_->exit_code, 0) << index_result_->err;
  const JsonValue summary = parse_json(index_result_->out);
  EXPECT_EQ(summary.at("articles").number, static_cast<double>(count_sample_articles()));
  EXPECT_EQ(summary.at("errors").number, 0);

  const CliResult stats = sandbox_->run({"stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const JsonValue languages = parse_json(stats.out).at("languages");
  for (const char* lang : {"en", "ru", "ar"}) EXPECT_GT(languages.at(lang).number, 0) << lang;
}

TEST_F(CliEndToEnd, EnglishQueriesRankTheAnsweringArticleFirst) {
  expect_first("Goznak banknotes", "en-005", {"Goznak", "banknotes"});  // a .txt article
  expect_first("phosphate Palmyra", "en-012", {"phosphate", "Palmyra"});
}

TEST_F(CliEndToEnd, RussianQueriesMatchInflectedForms) {
  expect_first("солнечное затмение", "ru-019", {"затмение"});  // a .txt article
  // The query's nominative finds the article's instrumental case.
  expect_first("пшеница", "ru-009", {"пшеницей"});
  expect_first("водоочистная станция", "ru-007", {"водоочистной", "станции"});
}

TEST_F(CliEndToEnd, ArabicQueriesRankTheAnsweringArticleFirst) {
  expect_first("الفوسفات تدمر", "ar-010", {"الفوسفات", "تدمر"});
  expect_first("تارتو", "ar-017", {"تارتو"});  // a .md article
}

TEST_F(CliEndToEnd, QueryInOneScriptReachesArticlesInTheOtherTwo) {
  const auto hits = search("phosphate Palmyra");
  const auto find = [&](const std::string& id) {
    return std::find_if(hits.begin(), hits.end(), [&](const SearchHit& hit) { return hit.id == id; });
  };
  const auto russian = find("ru-010");
  const auto arabic = find("ar-010");
  ASSERT_NE(russian, hits.end());
  ASSERT_NE(arabic, hits.end());
  EXPECT_NE(std::find(russian->highlighted.begin(), russian->highlighted.end(), "Пальмиры"), russian->highlighted.end())
      << russian->snippet;
  EXPECT_NE(std::find(arabic->highlighted.begin(), arabic->highlighted.end(), "تدمر"), arabic->highlighted.end())
      << arabic->snippet;
}

TEST_F(CliEndToEnd, ArabicQueryMatchesTheSameNameWrittenWithVowelMarks) {
  const auto hits = search("حميميم");
  const auto vowelled = std::find_if(hits.begin(), hits.end(), [](const SearchHit& hit) { return hit.id == "mx-003"; });
  ASSERT_NE(vowelled, hits.end());
  EXPECT_NE(std::find(vowelled->highlighted.begin(), vowelled->highlighted.end(), "حُمَيْمِيم"),
            vowelled->highlighted.end())
      << vowelled->snippet;
}

}  // namespace
}  // namespace akhbar::cli_test
