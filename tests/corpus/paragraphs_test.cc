#include "paragraphs.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

using Paragraphs = std::vector<std::string>;

TEST(SplitParagraphs, SplitsOnBlankLinesAndCollapsesWhitespace) {
  EXPECT_EQ(split_paragraphs("  One\tline\nwrapped  \n\nTwo\n \t \nThree\r\n\r\nFour"),
            (Paragraphs{"One line wrapped", "Two", "Three", "Four"}));
}

TEST(SplitParagraphs, DropsEmptyParagraphs) {
  EXPECT_EQ(split_paragraphs("\n\n\nOnly\n\n\n\n   \n"), (Paragraphs{"Only"}));
  EXPECT_EQ(split_paragraphs(" \n \n "), Paragraphs{});
}

TEST(CapParagraphs, KeepsWholeParagraphsThatFit) {
  Paragraphs p{"aaaa", "bbbb", "cccc"};  // body: 4 + 2 + 4 + 2 + 4 = 16 bytes
  EXPECT_FALSE(cap_paragraphs(p, 16));
  EXPECT_EQ(p.size(), 3u);
  EXPECT_TRUE(cap_paragraphs(p, 10));
  EXPECT_EQ(p, (Paragraphs{"aaaa", "bbbb"}));
}

TEST(CapParagraphs, CutsTheNextParagraphAtAWordBoundary) {
  Paragraphs p{"first", "alpha beta gamma"};
  EXPECT_TRUE(cap_paragraphs(p, 5 + 2 + 12));
  EXPECT_EQ(p, (Paragraphs{"first", "alpha beta"}));
}

TEST(CapParagraphs, CutsAWordlessParagraphBetweenCharacters) {
  Paragraphs p{"жжжжж"};
  EXPECT_TRUE(cap_paragraphs(p, 5));
  EXPECT_EQ(p, (Paragraphs{"жж"}));
}

}  // namespace
}  // namespace akhbar::corpus::detail
