#include <gtest/gtest.h>

#include "corpus_test_support.h"

namespace akhbar::corpus {
namespace {

using testing::read_all;
using testing::ScratchDir;
using testing::zstd_compress;
using Messages = std::vector<std::string>;

// Many records, so the compressed stream spans several read chunks.
std::string many_records(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) {
    text += "{\"id\": \"r" + std::to_string(i) + "\", \"body\": \"record number " + std::to_string(i) +
            " of the compressed test corpus, with some words to fill it: " + std::to_string(i * 7919) +
            "\"}\n";
  }
  return text;
}

TEST(ZstdReader, ReadsCompressedJsonLinesWithDecompressedLineNumbers) {
  ScratchDir dir;
  const std::string path = dir.write(
      "c.jsonl.zst", zstd_compress("{\"id\": \"a\", \"body\": \"x\"}\n\nnot json\n{\"id\": \"b\", \"body\": \"y\"}\n"));
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(result.articles[1].origin_line, 4u);
  EXPECT_EQ(result.articles[1].origin_file, path);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].file, path);
  EXPECT_EQ(result.problems[0].line, 3u);
}

TEST(ZstdReader, StreamsALargeFileAndCountsCompressedBytes) {
  ScratchDir dir;
  const std::string compressed = zstd_compress(many_records(20000));
  const std::string path = dir.write("big.jsonl.zst", compressed);
  CorpusReader reader({path});
  EXPECT_EQ(reader.total_bytes(), compressed.size());
  std::uint64_t count = 0;
  std::string last_id;
  while (auto article = reader.next()) {
    ++count;
    last_id = article->id;
    EXPECT_EQ(article->origin_line, count);
  }
  EXPECT_EQ(count, 20000u);
  EXPECT_EQ(last_id, "r20000");
  EXPECT_EQ(reader.stats().bytes, compressed.size());
  EXPECT_EQ(reader.stats().errors, 0u);
}

TEST(ZstdReader, ConcatenatedFramesReadAsOneStream) {
  ScratchDir dir;
  const std::string path = dir.write(
      "two.jsonl.zst", zstd_compress("{\"id\": \"a\", \"body\": \"x\"}\n") +
                           zstd_compress("{\"id\": \"b\", \"body\": \"y\"}\n"));
  EXPECT_EQ(read_all({path}).ids(), (std::vector<std::string>{"a", "b"}));
}

TEST(ZstdReader, TruncatedFileKeepsTheArticlesBeforeTheCut) {
  ScratchDir dir;
  // Enough text for several zstd blocks, so half the file decodes.
  const std::string compressed = zstd_compress(many_records(20000));
  const std::string path = dir.write("cut.jsonl.zst", compressed.substr(0, compressed.size() / 2));
  const auto result = read_all({path});
  ASSERT_GT(result.articles.size(), 0u);
  ASSERT_LT(result.articles.size(), 20000u);
  // The articles returned are the first ones, complete and in order.
  for (std::size_t i = 0; i < result.articles.size(); ++i) {
    EXPECT_EQ(result.articles[i].id, "r" + std::to_string(i + 1));
  }
  ASSERT_EQ(result.problems.size(), 1u);
  const Problem& p = result.problems[0];
  EXPECT_EQ(p.severity, Problem::Severity::kError);
  EXPECT_EQ(p.line, result.articles.size() + 1);
  EXPECT_EQ(p.to_string(), path + ":" + std::to_string(result.articles.size() + 1) +
                               ": error: truncated zstd data: the file ends inside a frame");
}

TEST(ZstdReader, CorruptFrameIsAnErrorNamingTheLineReached) {
  ScratchDir dir;
  std::string compressed = zstd_compress(many_records(20000));
  for (std::size_t i = compressed.size() / 2; i < compressed.size() / 2 + 16; ++i) compressed[i] ^= 0x5A;
  const std::string path = dir.write("flip.jsonl.zst", compressed);
  const auto result = read_all({path});
  ASSERT_EQ(result.problems.size(), 1u) << ::testing::PrintToString(result.messages());
  const Problem& p = result.problems[0];
  EXPECT_EQ(p.file, path);
  EXPECT_GE(p.line, 1u);
  EXPECT_EQ(p.message.rfind("corrupt zstd data: ", 0), 0u) << p.message;
  EXPECT_GT(result.articles.size(), 0u);
  EXPECT_LT(result.articles.size(), 20000u);
  for (std::size_t i = 0; i < result.articles.size(); ++i) {
    EXPECT_EQ(result.articles[i].id, "r" + std::to_string(i + 1));
  }
}

TEST(ZstdReader, FileThatIsNotZstdIsCorrupt) {
  ScratchDir dir;
  const std::string path = dir.write("plain.jsonl.zst", "{\"id\": \"a\", \"body\": \"x\"}\n");
  const auto result = read_all({path});
  EXPECT_TRUE(result.articles.empty());
  EXPECT_EQ(result.messages(), (Messages{path + ":1: error: corrupt zstd data: Unknown frame descriptor"}));
}

TEST(ZstdReader, EmptyFileIsAWarning) {
  ScratchDir dir;
  const std::string path = dir.write("empty.jsonl.zst", "");
  EXPECT_EQ(read_all({path}).messages(), (Messages{path + ": warning: empty file"}));
}

TEST(ZstdReader, GoodFilesAfterABadOneAreStillRead) {
  ScratchDir dir;
  const std::string bad = dir.write("1_bad.jsonl.zst", "garbage that is not zstd");
  const std::string good = dir.write("2_good.jsonl.zst", zstd_compress("{\"id\": \"g\", \"body\": \"ok\"}\n"));
  const auto result = read_all({bad, good});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"g"}));
  EXPECT_EQ(result.stats.errors, 1u);
  EXPECT_EQ(result.stats.files, 2u);
}

}  // namespace
}  // namespace akhbar::corpus
