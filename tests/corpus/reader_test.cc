#include "akhbar/corpus/reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "article_id.h"
#include "corpus_test_support.h"

namespace akhbar::corpus {
namespace {

using testing::read_all;
using testing::ScratchDir;
using testing::test_data;
using testing::zstd_compress;
using Messages = std::vector<std::string>;

TEST(IsCorpusFile, RecognisesTheFourFormatsByExtension) {
  for (const std::string path : {"a.jsonl", "dir/a.jsonl.zst", "a.md", "/x/y/a.txt", "a.b.txt"}) {
    EXPECT_TRUE(is_corpus_file(path)) << path;
  }
  for (const std::string path : {"a.json", "a.zst", "a.jsonl.gz", "a.TXT", "a.txt.bak", ".md", "d/.txt", ""}) {
    EXPECT_FALSE(is_corpus_file(path)) << path;
  }
}

TEST(Problem, ToStringNamesFileLineAndSeverity) {
  EXPECT_EQ((Problem{Problem::Severity::kError, "a.jsonl", 7, "bad"}).to_string(), "a.jsonl:7: error: bad");
  EXPECT_EQ((Problem{Problem::Severity::kWarning, "b.md", 0, "empty file"}).to_string(),
            "b.md: warning: empty file");
}

TEST(CorpusReader, ReadsADirectoryTreeInNameOrder) {
  const std::string root = test_data("tree");
  const auto result = read_all({root});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"tree-a1", "two", "c_top"}));
  EXPECT_TRUE(result.problems.empty()) << ::testing::PrintToString(result.messages());
  EXPECT_EQ(result.articles[1].title, "Second Tree Article");
  EXPECT_EQ(result.articles[1].published, "2025-06-01");
  EXPECT_EQ(result.articles[1].origin_file, root + "/b_sub/deeper/two.md");
  EXPECT_EQ(result.stats.files, 3u);
  EXPECT_EQ(result.stats.articles, 3u);
}

TEST(CorpusReader, ReadsPathsInTheOrderGivenAndCountsEverything) {
  const std::vector<std::string> paths = {test_data("plain_note.txt"), test_data("articles.jsonl"),
                                          test_data("port_contract.md")};
  CorpusReader reader(paths);
  std::uint64_t expected_bytes = 0;
  for (const auto& p : paths) expected_bytes += std::filesystem::file_size(p);
  EXPECT_EQ(reader.total_bytes(), expected_bytes);
  std::vector<std::string> ids;
  while (auto a = reader.next()) ids.push_back(a->id);
  ASSERT_EQ(ids.size(), 5u);
  EXPECT_EQ(ids[0], "plain_note");
  EXPECT_EQ(ids[1], "en-001");
  EXPECT_EQ(ids[2], detail::id_from_url("https://news.example.org/ru/2"));
  EXPECT_EQ(ids[3][0], 'h');  // no id, no url: a content hash
  EXPECT_EQ(ids[4], "port_contract");
  const ReaderStats& stats = reader.stats();
  EXPECT_EQ(stats.files, 3u);
  EXPECT_EQ(stats.articles, 5u);
  EXPECT_EQ(stats.bytes, expected_bytes);
  EXPECT_EQ(stats.errors, 0u);
  EXPECT_EQ(stats.warnings, 0u);
  EXPECT_EQ(reader.next(), std::nullopt);
}

TEST(CorpusReader, ReadsAPlainTextFileWithoutHeaderLines) {
  const auto result = read_all({test_data("plain_note.txt")});
  ASSERT_EQ(result.articles.size(), 1u);
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, "plain_note");
  EXPECT_EQ(a.title, "Sanctions relief debated in Brussels");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.paragraphs, (std::vector<std::string>{
                              "Ministers met on Friday to discuss the timetable for lifting restrictions.",
                              "No agreement was reached."}));
}

TEST(CorpusReader, ExplicitPathsThatCannotBeReadAreErrors) {
  ScratchDir dir;
  const std::string missing = dir.path("nope.jsonl");
  const std::string csv = dir.write("table.csv", "a,b\n");
  const auto result = read_all({missing, csv});
  EXPECT_TRUE(result.articles.empty());
  EXPECT_EQ(result.messages(),
            (Messages{missing + ": error: cannot access: No such file or directory",
                      csv + ": error: unknown file type (expected .jsonl, .jsonl.zst, .md or .txt)"}));
  EXPECT_EQ(result.stats.errors, 2u);
  EXPECT_EQ(result.stats.files, 0u);
}

TEST(CorpusReader, GoodInputSurvivesBadInputInTheSameRun) {
  ScratchDir dir;
  dir.write("run/a.jsonl", "{\"id\": \"a1\", \"body\": \"ok\"}\n{broken\n{\"id\": \"a2\", \"body\": \"ok\"}\n");
  std::string truncated = zstd_compress("{\"id\": \"lost\", \"body\": \"" + std::string(5000, 'q') + "\"}\n");
  truncated.resize(truncated.size() - 10);
  dir.write("run/b.jsonl.zst", truncated);
  dir.write("run/c.txt", std::string("bin\0ary", 7));
  dir.write("run/d.md", "");
  dir.write("run/e.md", "Good Title\n\nJune 26, 2025\n\nGood body.\n");
  dir.write("run/f.jsonl", "{\"id\": \"f1\", \"body\": \"bad \xFF byte\"}\n");
  const std::string run = dir.path("run");
  const auto result = read_all({run});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a1", "a2", "e", "f1"}));
  EXPECT_EQ(result.messages(),
            (Messages{
                run + "/a.jsonl:2: error: invalid JSON: expected a string key, found 'b' at column 2, record skipped",
                run + "/b.jsonl.zst:1: error: truncated zstd data: the file ends inside a frame",
                run + "/c.txt:1: error: binary data (NUL bytes), file skipped",
                run + "/d.md: warning: empty file",
                run + "/f.jsonl:1: warning: invalid UTF-8: 1 sequence replaced with U+FFFD",
            }));
  EXPECT_EQ(result.stats.errors, 3u);
  EXPECT_EQ(result.stats.warnings, 2u);
  EXPECT_EQ(result.stats.articles, 4u);
  EXPECT_EQ(result.stats.files, 6u);
  for (const auto& a : result.articles) {
    EXPECT_FALSE(a.origin_file.empty());
    EXPECT_GE(a.origin_line, 1u);
  }
}

TEST(CorpusReader, WithoutAHandlerProblemsAreStillCounted) {
  ScratchDir dir;
  const std::string path = dir.write("x.jsonl", "nope\n{\"body\": \"fine\"}\n");
  CorpusReader reader({path});
  std::vector<std::string> titles;
  while (auto a = reader.next()) titles.push_back(a->body());
  EXPECT_EQ(titles, (std::vector<std::string>{"fine"}));
  EXPECT_EQ(reader.stats().errors, 1u);
}

TEST(CorpusReader, WalkProblemsArriveInReadingOrderEvenAfterTotalBytes) {
  ScratchDir dir;
  const std::string first = dir.write("1.jsonl", "{\"id\": \"one\", \"body\": \"x\"}\n");
  const std::string missing = dir.path("2.jsonl");
  CorpusReader reader({first, missing});
  std::vector<std::string> events;
  reader.on_problem([&](const Problem& p) { events.push_back("problem " + p.file); });
  EXPECT_EQ(reader.total_bytes(), std::filesystem::file_size(first));
  EXPECT_TRUE(events.empty());
  while (auto a = reader.next()) events.push_back("article " + a->id);
  EXPECT_EQ(events, (std::vector<std::string>{"article one", "problem " + missing}));
}

}  // namespace
}  // namespace akhbar::corpus
