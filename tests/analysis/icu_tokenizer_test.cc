// icu_tokenizer(): words, offsets, positions, compounds, scripts, and
// robustness on hostile input.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "analysis/token_table.h"

namespace akhbar::analysis {
namespace {

using testing::ExpectedToken;
using testing::expect_tokens;
using testing::texts_of;
using Kind = Token::Kind;

const Analyzer& tokenizer_only() {
  static const Analyzer analyzer = AnalyzerBuilder(icu_tokenizer()).build();
  return analyzer;
}

struct TokenizerCase {
  std::string name;
  std::string input;
  std::vector<ExpectedToken> expected;
};

void PrintTo(const TokenizerCase& c, std::ostream* out) { *out << c.name; }

class IcuTokenizerTable : public ::testing::TestWithParam<TokenizerCase> {};

TEST_P(IcuTokenizerTable, EmitsWordsWithOriginalOffsetsAndPositions) {
  expect_tokens(tokenizer_only(), GetParam().input, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Scripts, IcuTokenizerTable,
    ::testing::Values(
        TokenizerCase{"English",
                      "The sanctions, announced in 2025, cost 3.5 billion.",
                      {{"The", 0, 3, 0},
                       {"sanctions", 4, 13, 1},
                       {"announced", 15, 24, 2},
                       {"in", 25, 27, 3},
                       {"2025", 28, 32, 4},
                       {"cost", 34, 38, 5},
                       {"3.5", 39, 42, 6},
                       {"billion", 43, 50, 7}}},
        TokenizerCase{"Russian",
                      "В Тартусе база.",
                      {{"В", 0, 2, 0}, {"Тартусе", 3, 17, 1}, {"база", 18, 26, 2}}},
        TokenizerCase{"Arabic",
                      "قاعدة حميميم في سوريا",
                      {{"قاعدة", 0, 10, 0},
                       {"حميميم", 11, 23, 1},
                       {"في", 24, 28, 2},
                       {"سوريا", 29, 39, 3}}},
        TokenizerCase{"MixedScripts",
                      "Tartus (Тартус, طرطوس) 15",
                      {{"Tartus", 0, 6, 0},
                       {"Тартус", 8, 20, 1},
                       {"طرطوس", 22, 32, 2},
                       {"15", 34, 36, 3}}},
        TokenizerCase{"PunctuationAndSpacesOnly", "... — !? « » \t\n ()", {}},
        TokenizerCase{"Empty", "", {}},
        TokenizerCase{"WhitespaceOnly", "   \t\r\n  ", {}}),
    [](const auto& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Compounds, IcuTokenizerTable,
    ::testing::Values(
        TokenizerCase{"HyphenatedName",
                      "al-Sharaa said",
                      {{"al-Sharaa", 0, 9, 0, Kind::kCompound},
                       {"al", 0, 2, 0, Kind::kPart},
                       {"Sharaa", 3, 9, 1, Kind::kPart},
                       {"said", 10, 14, 2}}},
        TokenizerCase{"ApostropheInsideOneIcuWord",
                      "Hay'at Tahrir",
                      {{"Hay'at", 0, 6, 0, Kind::kCompound},
                       {"Hay", 0, 3, 0, Kind::kPart},
                       {"at", 4, 6, 1, Kind::kPart},
                       {"Tahrir", 7, 13, 2}}},
        TokenizerCase{"CyrillicHyphen",
                      "Аш-Шараа",
                      {{"Аш-Шараа", 0, 15, 0, Kind::kCompound},
                       {"Аш", 0, 4, 0, Kind::kPart},
                       {"Шараа", 5, 15, 1, Kind::kPart}}},
        TokenizerCase{"TypographicApostrophe",
                      "O\u2019Brien",
                      {{"O\u2019Brien", 0, 9, 0, Kind::kCompound},
                       {"O", 0, 1, 0, Kind::kPart},
                       {"Brien", 4, 9, 1, Kind::kPart}}},
        TokenizerCase{"ModifierLetterApostrophe",
                      "Hay\u02BCat",
                      {{"Hay\u02BCat", 0, 7, 0, Kind::kCompound},
                       {"Hay", 0, 3, 0, Kind::kPart},
                       {"at", 5, 7, 1, Kind::kPart}}},
        TokenizerCase{"NonBreakingHyphen",
                      "ash\u2011Sham",
                      {{"ash\u2011Sham", 0, 10, 0, Kind::kCompound},
                       {"ash", 0, 3, 0, Kind::kPart},
                       {"Sham", 6, 10, 1, Kind::kPart}}},
        TokenizerCase{"ChainOfThree",
                      "Abu-Bakr-Ali",
                      {{"Abu-Bakr-Ali", 0, 12, 0, Kind::kCompound},
                       {"Abu", 0, 3, 0, Kind::kPart},
                       {"Bakr", 4, 8, 1, Kind::kPart},
                       {"Ali", 9, 12, 2, Kind::kPart}}},
        TokenizerCase{"NoJoinWithoutLettersOnBothSides",
                      "F-16 2024-2025 a--b -al al-",
                      {{"F", 0, 1, 0},
                       {"16", 2, 4, 1},
                       {"2024", 5, 9, 2},
                       {"2025", 10, 14, 3},
                       {"a", 15, 16, 4},
                       {"b", 18, 19, 5},
                       {"al", 21, 23, 6},
                       {"al", 24, 26, 7}}},
        TokenizerCase{"NoJoinAcrossSpaces",
                      "al - Sharaa",
                      {{"al", 0, 2, 0}, {"Sharaa", 5, 11, 1}}},
        TokenizerCase{"LongChainIsCutAtEightParts",
                      "a-b-c-d-e-f-g-h-i-j",
                      {{"a-b-c-d-e-f-g-h", 0, 15, 0, Kind::kCompound},
                       {"a", 0, 1, 0, Kind::kPart},
                       {"b", 2, 3, 1, Kind::kPart},
                       {"c", 4, 5, 2, Kind::kPart},
                       {"d", 6, 7, 3, Kind::kPart},
                       {"e", 8, 9, 4, Kind::kPart},
                       {"f", 10, 11, 5, Kind::kPart},
                       {"g", 12, 13, 6, Kind::kPart},
                       {"h", 14, 15, 7, Kind::kPart},
                       {"i-j", 16, 19, 8, Kind::kCompound},
                       {"i", 16, 17, 8, Kind::kPart},
                       {"j", 18, 19, 9, Kind::kPart}}}),
    [](const auto& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    InvisibleControls, IcuTokenizerTable,
    ::testing::Values(
        TokenizerCase{"ZeroWidthSpaceInsideWordDoesNotSplitIt",
                      "Хмей\u200Bмим база",
                      {{"Хмей\u200Bмим", 0, 17, 0}, {"база", 18, 26, 1}}},
        TokenizerCase{"RightToLeftMarkBeforeWordIsNotPartOfIt",
                      "\u200Fطرطوس",
                      {{"طرطوس", 3, 13, 0}}},
        TokenizerCase{"SoftHyphenStaysInsideWord",
                      "Ab\u00ADdul",
                      {{"Ab\u00ADdul", 0, 7, 0}}}),
    [](const auto& info) { return info.param.name; });

struct ScriptCase {
  std::string word;
  Script script;
  bool capitalised;
};

TEST(IcuTokenizer, SetsScriptAndCapitalisationFromTheLetters) {
  const std::vector<ScriptCase> cases = {
      {"Sharaa", Script::kLatin, true},      {"sharaa", Script::kLatin, false},
      {"Élysée", Script::kLatin, true},      {"Тартус", Script::kCyrillic, true},
      {"тартус", Script::kCyrillic, false},  {"طرطوس", Script::kArabic, false},
      {"2025", Script::kNumber, false},      {"3.5", Script::kNumber, false},
      {"١٢٣", Script::kNumber, false},       {"15th", Script::kLatin, false},
      {"東京", Script::kOther, false},       {"שלום", Script::kOther, false},
  };
  for (const auto& c : cases) {
    const auto tokens = tokenizer_only().analyze(c.word);
    ASSERT_EQ(tokens.size(), 1u) << c.word;
    EXPECT_EQ(tokens[0].script, c.script) << c.word;
    EXPECT_EQ(tokens[0].capitalised, c.capitalised) << c.word;
  }
}

TEST(IcuTokenizer, CompoundPartsHaveTheirOwnCapitalisation) {
  const auto tokens = tokenizer_only().analyze("al-Sharaa");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_FALSE(tokens[0].capitalised);
  EXPECT_FALSE(tokens[1].capitalised);
  EXPECT_TRUE(tokens[2].capitalised);
}

TEST(IcuTokenizer, StreamKeepsReturningFalseAfterTheEnd) {
  auto stream = tokenizer_only().stream("one");
  Token token;
  ASSERT_TRUE(stream->next(token));
  EXPECT_EQ(token.text, "one");
  EXPECT_FALSE(stream->next(token));
  EXPECT_FALSE(stream->next(token));
}

// Every token lies inside the input, is non-empty, and positions never go back.
void expect_well_formed(const std::vector<Token>& tokens, std::string_view input) {
  std::uint32_t last_position = 0;
  for (const Token& token : tokens) {
    ASSERT_LT(token.begin, token.end);
    ASSERT_LE(token.end, input.size());
    ASSERT_FALSE(token.text.empty());
    ASSERT_GE(token.position, last_position);
    last_position = token.position;
  }
}

TEST(IcuTokenizer, InvalidUtf8IsReadAsReplacementCharacters) {
  // A stray byte, a truncated Cyrillic letter, and a lone lead byte at the end.
  const std::string input = "abc\xFF" "def \xD0\xA2\xD0\xB0\xD1 \xD1\x80\xC3";
  const auto tokens = tokenizer_only().analyze(input);
  expect_well_formed(tokens, input);
  ASSERT_GE(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "abc");
  EXPECT_EQ(tokens[0].end, 3u);
  EXPECT_EQ(tokens[1].text, "def");
  EXPECT_EQ(tokens[1].begin, 4u);
}

TEST(IcuTokenizer, RandomBytesNeverBreakTheOffsets) {
  std::mt19937 random(20250101);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(1, 300);
  for (int round = 0; round < 300; ++round) {
    std::string input(static_cast<std::size_t>(length(random)), '\0');
    for (char& c : input) c = static_cast<char>(byte(random));
    expect_well_formed(tokenizer_only().analyze(input), input);
    expect_well_formed(news_analyzer().analyze(input), input);
  }
}

TEST(IcuTokenizer, HandlesOneMegabyteOfMixedText) {
  const std::string sentence = "al-Sharaa visited Тартус and حميميم in 2025. ";
  // Per sentence: compound + 2 parts, visited, Тартус, and, حميميم, in, 2025.
  constexpr std::size_t kTokensPerSentence = 9;
  constexpr std::uint32_t kPositionsPerSentence = 8;
  std::string input;
  std::size_t sentences = 0;
  while (input.size() + sentence.size() <= (1u << 20)) {
    input += sentence;
    ++sentences;
  }
  const auto tokens = news_analyzer().analyze(input);
  ASSERT_EQ(tokens.size(), sentences * kTokensPerSentence);
  EXPECT_EQ(tokens[tokens.size() - 5].text, "тартус");
  EXPECT_EQ(tokens.back().text, "2025");
  EXPECT_EQ(tokens.back().position, sentences * kPositionsPerSentence - 1);
  EXPECT_EQ(tokens.back().end, input.size() - 2);
}

TEST(IcuTokenizer, RandomMixesOfLettersJoinersAndControlsStayWellFormed) {
  // Fragments chosen to hit the compound and zero-width joining paths, cut
  // UTF-8 sequences, and the edges of the text.
  const std::vector<std::string> fragments = {
      "al", "Шараа", "طرطوس", "-", "'", "\u2019", "\u2011", "\u02BC", "\u200B", "\u200F",
      " ", ".", "2025", "3.5", "\xD0", "\xFF", "\u0640", "\u064E", "\u00AD", "東京", "\n"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    for (int k = 0; k < 12; ++k) input += fragments[pick(random)];
    const auto tokens = news_analyzer().analyze(input);
    expect_well_formed(tokens, input);
    for (const Token& token : tokens) {
      if (token.kind == Kind::kPart) continue;
      // Compounds and words never start or end on a joiner.
      ASSERT_FALSE(token.text.starts_with("-") || token.text.ends_with("-")) << input;
    }
  }
}

TEST(IcuTokenizer, GivesTheSameTokensFromManyThreads) {
  const std::string input = "al-Sharaa в Тартусе, العقوبات 2025 Hay'at Tahrir ash-Sham";
  const auto expected = texts_of(news_analyzer(), input);
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) result = texts_of(news_analyzer(), input);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace akhbar::analysis
