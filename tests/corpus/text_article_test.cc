#include "text_article.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

using Paragraphs = std::vector<std::string>;

TEST(ParseTextArticle, ReadsTheFullLayout) {
  const Article a = parse_text_article(
      "\n\n# The Title\n\nBy [Nina Petrova](#)\n\nJune 26, 2025\n\n\n\n"
      "First **paragraph** with a [link](#).\n\nSecond\nwrapped line.\n\n"
      "Original url:\n\n<https://example.org/story>\n");
  EXPECT_EQ(a.title, "The Title");
  EXPECT_EQ(a.author, "Nina Petrova");
  EXPECT_EQ(a.published, "2025-06-26");
  EXPECT_EQ(a.url, "https://example.org/story");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"First paragraph with a link.", "Second wrapped line."}));
}

TEST(ParseTextArticle, AcceptsAPlainBylineAndAUrlOnTheLabelLine) {
  const Article a = parse_text_article(
      "Title\nBy Ivan Orlov\n26 июня 2025\nBody.\n\nOriginal url: https://example.org/x\n");
  EXPECT_EQ(a.title, "Title");
  EXPECT_EQ(a.author, "Ivan Orlov");
  EXPECT_EQ(a.published, "2025-06-26");
  EXPECT_EQ(a.url, "https://example.org/x");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"Body."}));
}

TEST(ParseTextArticle, AcceptsTheDateBeforeTheByline) {
  const Article a = parse_text_article("Title\n\n2025-01-02\n\nBy Sara Ali\n\nBody.");
  EXPECT_EQ(a.published, "2025-01-02");
  EXPECT_EQ(a.author, "Sara Ali");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"Body."}));
}

TEST(ParseTextArticle, TextOutsideTheLayoutIsTitleAndParagraphs) {
  const Article a = parse_text_article(
      "Just a heading\n\nBy the end of the year, prices had doubled.\n\nMore text.");
  EXPECT_EQ(a.title, "Just a heading");
  EXPECT_EQ(a.author, "");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.url, "");
  EXPECT_EQ(a.paragraphs,
            (Paragraphs{"By the end of the year, prices had doubled.", "More text."}));
}

TEST(ParseTextArticle, AnOriginalUrlLabelWithoutAnAddressStaysText) {
  const Article a = parse_text_article("T\n\nBody.\n\nOriginal url:\n\nnot an address\n");
  EXPECT_EQ(a.url, "");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"Body.", "Original url:", "not an address"}));
}

TEST(ParseTextArticle, DropsParagraphsThatWereOnlyMarkup) {
  const Article a = parse_text_article("T\n\n![photo](p.jpg)\n\nText \\$5.\n");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"Text $5."}));
}

TEST(ParseTextArticle, SkipsAByteOrderMarkAndCarriageReturns) {
  const Article a = parse_text_article("\xEF\xBB\xBF# Title\r\n\r\nBody\r\n");
  EXPECT_EQ(a.title, "Title");
  EXPECT_EQ(a.paragraphs, (Paragraphs{"Body"}));
}

}  // namespace
}  // namespace akhbar::corpus::detail
