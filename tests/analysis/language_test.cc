// detect_language(), language_of() and is_stopword().
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "stopwords.h"

namespace akhbar::analysis {
namespace {

TEST(LanguageOf, MapsEachScriptToItsLanguage) {
  EXPECT_EQ(language_of(Script::kLatin), "en");
  EXPECT_EQ(language_of(Script::kCyrillic), "ru");
  EXPECT_EQ(language_of(Script::kArabic), "ar");
  EXPECT_EQ(language_of(Script::kNumber), "");
  EXPECT_EQ(language_of(Script::kOther), "");
}

TEST(DetectLanguage, PicksTheScriptWithMostLetters) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Russia's bases in Syria", "en"},
      {"Россия сохранит базы в Сирии", "ru"},
      {"روسيا تحتفظ بقواعدها في سوريا", "ar"},
      {"Reuters: Россия заявила о новых санкциях против Сирии", "ru"},
      {"قال al-Sharaa إن القوات الروسية ستبقى في طرطوس", "ar"},
      {"Élysée, Zürich and São Paulo", "en"},
  };
  for (const auto& [text, language] : cases) EXPECT_EQ(detect_language(text), language) << text;
}

TEST(DetectLanguage, IsEmptyWithoutLettersOfThoseScripts) {
  for (const std::string text : {"", "   ", "2025-01-01, 15%", "東京 שלום", "\xFF\xFE\xD0"}) {
    EXPECT_EQ(detect_language(text), "") << text;
  }
}

TEST(IsStopword, KnowsFunctionWordsOfEachLanguage) {
  for (const char* word : {"the", "of", "and", "was", "и", "в", "не", "что", "который", "في",
                           "من", "علي", "الي", "ان", "هذه", "التي"}) {
    EXPECT_TRUE(is_stopword(word)) << word;
  }
}

TEST(IsStopword, ExpectsTheNormalisedForm) {
  for (const char* word : {"The", "Её", "على", "إلى", "أن", "حتى"}) {
    EXPECT_TRUE(is_stopword(normalize_word(word))) << word;
  }
}

TEST(IsStopword, ListsEveryWordOnceInItsNormalisedForm) {
  const auto words = detail::all_stopwords();
  EXPECT_GT(words.size(), 300u);
  std::set<std::string_view> seen;
  for (std::string_view word : words) {
    EXPECT_EQ(normalize_word(word), word);
    EXPECT_TRUE(seen.insert(word).second) << "listed twice: " << word;
    EXPECT_TRUE(is_stopword(word)) << word;
  }
}

TEST(IsStopword, KeepsTopicWords) {
  for (const char* word : {"sanctions", "base", "tartus", "санкции", "база", "тартус", "عقوبات",
                           "قاعده", "طرطوس", ""}) {
    EXPECT_FALSE(is_stopword(word)) << word;
  }
}

}  // namespace
}  // namespace akhbar::analysis
