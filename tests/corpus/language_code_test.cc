#include "language_code.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

TEST(NormaliseLanguage, AcceptsTheCommonSpellingsOfTheThreeLanguages) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"en", "en"},    {"EN", "en"},      {"eng", "en"}, {"en-US", "en"}, {"English", "en"},
      {"ru", "ru"},    {"rus", "ru"},     {"ru_RU", "ru"}, {" Ru ", "ru"},
      {"ar", "ar"},    {"ARA", "ar"},     {"ar-SY", "ar"}, {"arabic", "ar"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(normalise_language(input), expected) << input;
  }
}

TEST(NormaliseLanguage, RejectsOtherLanguagesAndNoise) {
  for (const std::string input : {"", "fr", "de-DE", "e", "english language", "-en"}) {
    EXPECT_EQ(normalise_language(input), std::nullopt) << input;
  }
}

}  // namespace
}  // namespace akhbar::corpus::detail
