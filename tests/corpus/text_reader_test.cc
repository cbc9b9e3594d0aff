#include <gtest/gtest.h>

#include <filesystem>

#include "corpus_test_support.h"
#include "file_reader.h"

namespace akhbar::corpus {
namespace {

using testing::read_all;
using testing::ScratchDir;
using testing::test_data;
using Paragraphs = std::vector<std::string>;

TEST(TextReader, ReadsAnArticleInTheSeedLayout) {
  const auto result = read_all({test_data("port_contract.md")});
  ASSERT_EQ(result.articles.size(), 1u) << ::testing::PrintToString(result.messages());
  EXPECT_TRUE(result.problems.empty());
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, "port_contract");
  EXPECT_EQ(a.title, "Grain Shipments Resume Through the Port of Tartus");
  EXPECT_EQ(a.author, "Layla Haddad");
  EXPECT_EQ(a.published, "2025-03-03");
  EXPECT_EQ(a.url, "https://news.example.org/2025/03/03/grain-shipments-resume-tartus");
  EXPECT_EQ(a.lang, "");
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.origin_file, test_data("port_contract.md"));
  EXPECT_EQ(a.origin_line, 1u);
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{
                "A cargo ship moored at the quay in Tartus. SAMPLE PHOTO / AGENCY",
                "Port officials in Tartus said on Monday that the first grain cargo in three months "
                "had been unloaded, after the operator renewed its contract with the harbour "
                "authority.",
                "The shipment of 25,000 tonnes cost about $7 million, according to a statement by "
                "the ministry of transport, which did not name the supplier.",
                "Related article: Currency Printing Moves Abroad",
                "Traders expect further deliveries before the summer, although insurance costs "
                "remain high and the snake_case_field stays as it is.",
                "The views expressed here are those of the author.",
            }));
}

TEST(TextReader, ReadsThePublishedSeedArticleWhenPresent) {
  const std::string seed =
      std::string(AKHBAR_SOURCE_DIR) + "/../shared/seed/000_91ba1b67e2671435.txt";
  ScratchDir dir;
  // Without the shared seed, an equivalent file in its layout stands in.
  const std::string path = std::filesystem::exists(seed)
                               ? seed
                               : dir.write("000_91ba1b67e2671435.txt",
                                           "\n\n# As the New Syrian Regime Gains Legitimacy, It Is "
                                           "Pushing Russia Out\n\nBy [Nikita Smagin](#)\n\nJune 26, "
                                           "2025\n\nText.\n\nOriginal url:\n\n<https://www."
                                           "themoscowtimes.com/2025/06/26/as-the-new-syrian-regime-"
                                           "gains-legitimacy-it-is-pushing-russia-out-a89586>\n");
  const auto result = read_all({path});
  ASSERT_EQ(result.articles.size(), 1u);
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, "000_91ba1b67e2671435");
  EXPECT_EQ(a.title, "As the New Syrian Regime Gains Legitimacy, It Is Pushing Russia Out");
  EXPECT_EQ(a.author, "Nikita Smagin");
  EXPECT_EQ(a.published, "2025-06-26");
  EXPECT_EQ(a.url,
            "https://www.themoscowtimes.com/2025/06/26/"
            "as-the-new-syrian-regime-gains-legitimacy-it-is-pushing-russia-out-a89586");
  EXPECT_TRUE(result.problems.empty());
}

TEST(TextReader, EmptyFileIsAWarning) {
  ScratchDir dir;
  const std::string path = dir.write("empty.txt", "\n  \n");
  const auto result = read_all({path});
  EXPECT_TRUE(result.articles.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].to_string(), path + ": warning: empty file");
  EXPECT_EQ(result.stats.warnings, 1u);
  EXPECT_EQ(result.stats.errors, 0u);
}

TEST(TextReader, BinaryFileIsAnErrorAndSkipped) {
  ScratchDir dir;
  const std::string path = dir.write("blob.txt", std::string("Title\n\nText\0\x01\x02 more", 20));
  const auto result = read_all({path});
  EXPECT_TRUE(result.articles.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].to_string(), path + ":1: error: binary data (NUL bytes), file skipped");
}

TEST(TextReader, InvalidUtf8IsReplacedAndReportedOnce) {
  ScratchDir dir;
  const std::string path = dir.write("bad.txt", "Ti\xFFtle\n\nOne \xC3 two \x80\x80.\n");
  const auto result = read_all({path});
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].title, "Ti\uFFFDtle");
  EXPECT_EQ(result.articles[0].paragraphs, (Paragraphs{"One \uFFFD two \uFFFD\uFFFD."}));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].to_string(),
            path + ":1: warning: invalid UTF-8: 4 sequences replaced with U+FFFD");
}

TEST(TextReader, HugeArticleIsCappedAtAWordBoundary) {
  ScratchDir dir;
  std::string body;
  for (int i = 0; i < 100; ++i) body += "word ";
  const std::string path = dir.write("huge.md", "Title\n\nShort first.\n\n" + body + "\n");
  ReaderOptions options;
  options.max_article_bytes = 40;
  const auto result = read_all({path}, options);
  ASSERT_EQ(result.articles.size(), 1u);
  // "Short first." (12) + separator (2) leaves 26 bytes: five whole words.
  EXPECT_EQ(result.articles[0].paragraphs, (Paragraphs{"Short first.", "word word word word word"}));
  EXPECT_LE(result.articles[0].body().size(), 40u);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].to_string(), path + ":1: warning: article capped at 40 bytes");
}

TEST(TextReader, AFileFarLargerThanTheCapIsNotReadWhole) {
  ScratchDir dir;
  const std::string line(1000, 'a');
  std::string text = "Title\n\n";
  for (int i = 0; i < 200; ++i) text += line + " b\n";  // ~200 KB, one paragraph
  const std::string path = dir.write("giant.txt", text);
  ReaderOptions options;
  options.max_article_bytes = 1000;
  const auto result = read_all({path}, options);
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].paragraphs, (Paragraphs{line}));
  EXPECT_LT(result.stats.bytes, text.size());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message, "article capped at 1000 bytes");
}

TEST(TextReader, ReadFailureIsReportedWithTheReason) {
  // A directory opens but cannot be read as a file: the read error path.
  ScratchDir dir;
  const std::string path = dir.path("folder.txt");
  std::filesystem::create_directory(path);
  ReaderStats stats;
  detail::ProblemSink sink(stats);
  std::vector<Problem> problems;
  sink.set_handler([&](const Problem& p) { problems.push_back(p); });
  ReaderOptions options;
  auto reader = detail::open_text_reader(path, options, sink);
  EXPECT_EQ(reader->next(), std::nullopt);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(), path + ": error: cannot read: Is a directory");
  EXPECT_EQ(stats.errors, 1u);
}

}  // namespace
}  // namespace akhbar::corpus
