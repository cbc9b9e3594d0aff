// news_analyzer(): the whole chain, as the indexer and queries see it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "analysis/token_table.h"

namespace akhbar::analysis {
namespace {

using testing::expect_tokens;
using testing::stems_of;
using testing::texts_of;
using Kind = Token::Kind;

TEST(NewsAnalyzer, IsBuiltOnce) { EXPECT_EQ(&news_analyzer(), &news_analyzer()); }

TEST(NewsAnalyzer, AnalysesMixedScriptNews) {
  const std::string text = "В Тартусе, al-Sharaa said: «العقوبات» 2025";
  expect_tokens(news_analyzer(), text,
                {{"в", 0, 2, 0},
                 {"тартусе", 3, 17, 1},
                 {"al-sharaa", 19, 28, 2, Kind::kCompound},
                 {"al", 19, 21, 2, Kind::kPart},
                 {"sharaa", 22, 28, 3, Kind::kPart},
                 {"said", 29, 33, 4},
                 {"العقوبات", 37, 53, 5},
                 {"2025", 56, 60, 6}});
  EXPECT_EQ(stems_of(news_analyzer(), text),
            (std::vector<std::string>{"в", "тартус", "al-sharaa", "al", "sharaa", "said", "عقوبا",
                                      ""}));
}

TEST(NewsAnalyzer, MatchesAHyphenatedNameByEachOfItsSpellings) {
  // The compound and its parts make "al-Sharaa", "al Sharaa" and "Sharaa" all
  // produce terms that the indexed "al-Sharaa" also produced.
  const auto indexed = texts_of(news_analyzer(), "al-Sharaa");
  for (const char* query : {"al-Sharaa", "al Sharaa", "Sharaa", "AL‐SHARAA"}) {
    for (const auto& term : texts_of(news_analyzer(), query)) {
      EXPECT_NE(std::find(indexed.begin(), indexed.end(), term), indexed.end())
          << query << ": " << term;
    }
  }
}

TEST(NewsAnalyzer, EmptyAndBlankTextHaveNoTokens) {
  EXPECT_TRUE(news_analyzer().analyze(std::string_view()).empty());
  EXPECT_TRUE(news_analyzer().analyze("").empty());
  EXPECT_TRUE(news_analyzer().analyze(" \n\t ").empty());
  EXPECT_TRUE(news_analyzer().analyze("«…» — !?").empty());
}

}  // namespace
}  // namespace akhbar::analysis
