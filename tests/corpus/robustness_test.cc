// Random and hostile input: the readers must terminate, never crash, and
// return only articles that keep the reader's promises.
#include <gtest/gtest.h>

#include <random>

#include "corpus_test_support.h"
#include "json_line.h"
#include "markdown.h"
#include "text_article.h"
#include "utf8.h"

namespace akhbar::corpus {
namespace {

using testing::read_all;
using testing::ScratchDir;

bool is_valid_utf8(std::string text) { return detail::repair_utf8(text) == 0; }

// Random bytes biased towards the characters that drive the parsers.
std::string random_text(std::mt19937& rng, std::size_t size) {
  static const std::string kAlphabet = "{}[]\":,\\u0123456789abcdefnrtl \n\n*_#![]()<>-\xD0\x96\xD8\xB9\xFF\x80";
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += (i % 7 == 3) ? static_cast<char>(byte(rng)) : kAlphabet[pick(rng)];
  }
  return out;
}

void expect_article_promises(const Article& a) {
  EXPECT_FALSE(a.id.empty());
  EXPECT_FALSE(a.origin_file.empty());
  EXPECT_GE(a.origin_line, 1u);
  EXPECT_FALSE(a.paragraphs.empty());
  for (const std::string* field : {&a.id, &a.url, &a.title, &a.author, &a.published, &a.lang, &a.source}) {
    EXPECT_TRUE(is_valid_utf8(*field)) << *field;
  }
  for (const auto& p : a.paragraphs) {
    EXPECT_FALSE(p.empty());
    EXPECT_TRUE(is_valid_utf8(p));
  }
}

TEST(Robustness, RandomLinesNeverBreakTheJsonParser) {
  std::mt19937 rng(20250626);
  for (int i = 0; i < 3000; ++i) {
    const std::string line = "{\"body\": \"" + random_text(rng, 60);
    const auto result = detail::parse_json_object(line);
    if (result.ok()) {
      EXPECT_FALSE(result.members.empty());
    } else {
      EXPECT_GE(result.column, 1u);
      EXPECT_LE(result.column, line.size() + 1);
    }
  }
}

TEST(Robustness, RandomTextNeverBreaksMarkdownOrLayout) {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string text = random_text(rng, 200);
    detail::repair_utf8(text);
    EXPECT_TRUE(is_valid_utf8(detail::strip_markdown(text)));
    const Article a = detail::parse_text_article(text);
    for (const auto& p : a.paragraphs) EXPECT_TRUE(is_valid_utf8(p));
  }
}

TEST(Robustness, RandomFilesYieldOnlyValidArticles) {
  ScratchDir dir;
  std::mt19937 rng(42);
  std::vector<std::string> paths;
  for (int i = 0; i < 40; ++i) {
    std::string content;
    for (int line = 0; line < 20; ++line) {
      content += "{\"id\": \"" + random_text(rng, 5) + "\", \"body\": \"" + random_text(rng, 40) + "\"}\n";
    }
    const char* extension = i % 3 == 0 ? ".jsonl" : (i % 3 == 1 ? ".md" : ".jsonl.zst");
    if (i % 3 == 2) content = testing::zstd_compress(content);
    paths.push_back(dir.write("f" + std::to_string(100 + i) + extension, content));
  }
  const auto result = read_all({dir.path("")});
  EXPECT_GT(result.articles.size(), 0u);
  EXPECT_GT(result.stats.errors + result.stats.warnings, 0u);
  EXPECT_EQ(result.stats.files, paths.size());
  for (const auto& a : result.articles) expect_article_promises(a);
  for (const auto& p : result.problems) {
    EXPECT_FALSE(p.file.empty());
    EXPECT_FALSE(p.message.empty());
  }
}

}  // namespace
}  // namespace akhbar::corpus
