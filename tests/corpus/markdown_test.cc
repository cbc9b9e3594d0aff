#include "markdown.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

struct Case {
  std::string input;
  std::string expected;
};

void expect_stripped(const std::vector<Case>& cases) {
  for (const auto& c : cases) EXPECT_EQ(strip_markdown(c.input), c.expected) << c.input;
}

TEST(StripMarkdown, RemovesEmphasisMarks) {
  expect_stripped({
      {"**OMAR HAJ KADOUR / AFP**", "OMAR HAJ KADOUR / AFP"},
      {"an *emphasised* word", "an emphasised word"},
      {"an _emphasised_ word", "an emphasised word"},
      {"__strong__ and `code`", "strong and code"},
      {"***both***", "both"},
  });
}

TEST(StripMarkdown, KeepsMarksInsideWordsAndStandingAlone) {
  expect_stripped({
      {"snake_case_name", "snake_case_name"},
      {"2*3 = 6", "2*3 = 6"},
      {"5 * 3", "5 * 3"},
      {"слово_слово", "слово_слово"},
  });
}

TEST(StripMarkdown, KeepsLinkTextAndDropsImages) {
  expect_stripped({
      {"Riyadh [paid off](#) the debt", "Riyadh paid off the debt"},
      {"see [the **report**](https://x.org/a_(b))", "see the report"},
      {"![A crane](https://x.org/c.jpg)", ""},
      {"before ![alt](src) after", "before  after"},
      {"[not a link] (x)", "[not a link] (x)"},
      {"<https://example.org/a>", "https://example.org/a"},
      {"a < b > c", "a < b > c"},
  });
}

TEST(StripMarkdown, UnescapesBackslashEscapes) {
  expect_stripped({
      {"a \\$15 million debt", "a $15 million debt"},
      {"\\*not emphasis\\*", "*not emphasis*"},
      {"C:\\dir", "C:\\dir"},
  });
}

TEST(StripMarkdown, RemovesBlockMarks) {
  expect_stripped({
      {"# Title", "Title"},
      {"### Title ###", "Title"},
      {"#hashtag", "#hashtag"},
      {"> quoted", "quoted"},
      {"- item", "item"},
      {"**Related article:** [Syria's New President – Reports](#)",
       "Related article: Syria's New President – Reports"},
  });
}

}  // namespace
}  // namespace akhbar::corpus::detail
