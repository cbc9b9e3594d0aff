// Tests of paragraphs -> passages: joining short ones, cutting long ones.
#include "passages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace akhbar::indexer::detail {
namespace {

using Strings = std::vector<std::string>;

// "w1 w2 ... wN" with an optional sentence end after some words.
std::string words(int first, int last, const std::string& end = "") {
  std::string text;
  for (int i = first; i <= last; ++i) {
    if (!text.empty()) text += ' ';
    text += "w" + std::to_string(i);
  }
  return text + end;
}

struct Case {
  const char* name;
  Strings paragraphs;
  std::size_t min_words, max_words;
  Strings expected;
};

TEST(MakePassages, Table) {
  const std::vector<Case> cases = {
      {"no paragraphs", {}, 3, 10, {}},
      {"blank paragraphs dropped", {"", "  \n", "\t"}, 3, 10, {}},
      {"long enough paragraphs stay apart", {"a b c", "d e f"}, 3, 10, {"a b c", "d e f"}},
      {"short paragraphs joined until min", {"a", "b", "c", "d e f"}, 3, 10, {"a\n\nb\n\nc", "d e f"}},
      {"short tail joins the passage before", {"a b c", "d"}, 3, 10, {"a b c\n\nd"}},
      {"short tail alone when the join is too long", {words(1, 9), "x"}, 3, 9, {words(1, 9), "x"}},
      {"paragraphs trimmed", {"  a b c \n"}, 1, 10, {"a b c"}},
      {"single short paragraph kept", {"alone"}, 40, 200, {"alone"}},
      {"long passage cut at the last sentence end",
       {words(1, 3, ".") + " " + words(4, 6, "!") + " " + words(7, 12)}, 1, 8,
       {words(1, 3, ".") + " " + words(4, 6, "!"), words(7, 12)}},
      {"no sentence end: cut at max words", {words(1, 10)}, 1, 4,
       {words(1, 4), words(5, 8), words(9, 10)}},
      {"sentence end too early is ignored", {"w1. " + words(2, 9)}, 1, 8,
       {"w1. " + words(2, 8), "w9"}},
      {"question mark ends a sentence", {"a b? c d e"}, 1, 3, {"a b?", "c d e"}},
      {"Arabic question mark ends a sentence", {"a? b c؟ d e f"}, 1, 5, {"a? b c؟", "d e f"}},
      {"closing quote after a full stop ends a sentence", {"he said \"no.\" then left town"}, 1, 4,
       {"he said \"no.\"", "then left town"}},
      {"ideographic full stop ends a sentence", {"a b。 c d e"}, 1, 3, {"a b。", "c d e"}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(make_passages(c.paragraphs, c.min_words, c.max_words), c.expected) << c.name;
}

TEST(MakePassages, NoPassageExceedsMaxWordsAndNoWordIsLost) {
  Strings paragraphs;
  std::size_t total = 0;
  for (int p = 0; p < 30; ++p) {
    std::string text;
    for (int w = 0; w < (p * 37) % 90 + 1; ++w) {
      text += "word" + std::to_string(w) + ((w % 11 == 10) ? ". " : " ");
      ++total;
    }
    paragraphs.push_back(text);
  }
  const Strings passages = make_passages(paragraphs, 40, 60);
  std::size_t seen = 0;
  for (const auto& passage : passages) {
    EXPECT_LE(count_words(passage), 60u);
    seen += count_words(passage);
  }
  EXPECT_EQ(seen, total);
  // The first paragraph (one word) is too short to stand alone.
  ASSERT_FALSE(passages.empty());
  EXPECT_NE(passages.front().find("\n\n"), std::string::npos);
}

TEST(CountWords, CountsRunsOfNonSpace) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("   "), 0u);
  EXPECT_EQ(count_words("one"), 1u);
  EXPECT_EQ(count_words(" Тартус  طرطوس\nTartus "), 3u);
}

}  // namespace
}  // namespace akhbar::indexer::detail
