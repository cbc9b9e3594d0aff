// stem_filter(): forms of one word meet at one stem, in each language.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "analysis/token_table.h"
#include "arabic_light_stem.h"

namespace akhbar::analysis {
namespace {

using testing::stems_of;

std::string stem_of(std::string_view word) {
  const auto tokens = news_analyzer().analyze(word);
  EXPECT_EQ(tokens.size(), 1u) << word;
  return tokens.empty() ? std::string() : tokens.front().stem;
}

TEST(StemFilter, GivesTheFormsOfOneWordTheSameStem) {
  const std::vector<std::vector<std::string>> groups = {
      {"sanctions", "sanction", "Sanctions"},
      {"contracts", "contract"},
      {"Тартусе", "Тартуса", "Тартус", "Тартусом"},
      {"Хмеймиме", "Хмеймима", "Хмеймим", "Хмеймимом"},
      {"санкции", "санкций", "санкциями"},
      {"والعقوبات", "العقوبات", "عقوبات", "فالعقوبات", "كالعقوبات"},
      {"بالقاعدة", "القاعدة", "للقاعدة", "قاعدة", "وبالقاعدة"},
      {"وطرطوس", "طرطوس"},
  };
  for (const auto& group : groups) {
    const std::string stem = stem_of(group.front());
    EXPECT_FALSE(stem.empty()) << group.front();
    for (const auto& word : group) EXPECT_EQ(stem_of(word), stem) << word << " vs " << group.front();
  }
}

TEST(StemFilter, StemsEachLanguageWithItsOwnStemmer) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sanctions", "sanction"},  // english
      {"Тартусе", "тартус"},      // russian
      {"Хмеймиме", "хмейм"},      // russian, second pass
      {"военными", "воен"},       // russian, second pass refused: it would leave "во"
      {"والعقوبات", "عقوبا"},     // arabic after light stemming
      {"بالقاعدة", "قاعد"},
  };
  for (const auto& [word, stem] : cases) EXPECT_EQ(stem_of(word), stem) << word;
}

TEST(StemFilter, LeavesNumbersAndOtherScriptsUnstemmed) {
  EXPECT_EQ(stems_of(news_analyzer(), "2025 3.5 ١٢ 東京"),
            (std::vector<std::string>{"", "", "", ""}));
}

TEST(StemFilter, KeepsTheUnstemmedText) {
  const auto tokens = news_analyzer().analyze("Sanctions العقوبات");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "sanctions");
  EXPECT_EQ(tokens[0].stem, "sanction");
  EXPECT_EQ(tokens[1].text, "العقوبات");
}

TEST(StemFilter, StemsCompoundsAndTheirParts) {
  EXPECT_EQ(stems_of(news_analyzer(), "ash-Sham's"),
            (std::vector<std::string>{"ash-sham", "ash", "sham", "s"}));
}

TEST(ArabicLightStem, StripsProcliticsAndArticleKeepingThreeLetters) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"والعقوبات", "عقوبات"}, {"العقوبات", "عقوبات"}, {"فالعقوبات", "عقوبات"},
      {"بالقاعده", "قاعده"},   {"كالقاعده", "قاعده"},  {"للقاعده", "قاعده"},
      {"وبالقاعده", "قاعده"},  {"فللقاعده", "قاعده"},  {"وطرطوس", "طرطوس"},
      {"فطرطوس", "طرطوس"},     {"وزير", "زير"},
      // Too short to lose a prefix, or a preposition without the article.
      {"الله", "الله"}, {"ولد", "ولد"}, {"ال", "ال"}, {"بيت", "بيت"}, {"لبنان", "لبنان"},
      {"طرطوس", "طرطوس"}, {"", ""},
  };
  for (const auto& [word, stripped] : cases) {
    EXPECT_EQ(detail::strip_arabic_proclitics(word), stripped) << word;
  }
}

}  // namespace
}  // namespace akhbar::analysis
