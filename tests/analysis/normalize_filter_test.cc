// normalize_filter() and normalize_word(): every folding rule, with offsets
// kept on the original word.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "analysis/token_table.h"
#include "text_scan.h"

namespace akhbar::analysis {
namespace {

using testing::ExpectedToken;
using testing::expect_tokens;
using testing::texts_of;
using Kind = Token::Kind;

const Analyzer& normalizing() {
  static const Analyzer analyzer = AnalyzerBuilder(icu_tokenizer()).then(normalize_filter()).build();
  return analyzer;
}

struct FoldCase {
  std::string rule;
  std::string word;
  std::string normalised;
};

TEST(NormalizeWord, AppliesEveryFoldingRule) {
  const std::vector<FoldCase> cases = {
      {"ASCII lower-cased", "SANCTIONS", "sanctions"},
      {"Latin case folded", "ÉLYSÉE", "élysée"},
      {"German sharp s folded", "Straße", "strasse"},
      {"full-width Latin", "ＴＡＲＴＵＳ", "tartus"},
      {"Cyrillic lower-cased", "ТАРТУС", "тартус"},
      {"ё becomes е", "ёлка", "елка"},
      {"Ё becomes е", "Ёлка", "елка"},
      {"decomposed ё becomes е", "е\u0308лка", "елка"},
      {"й untouched", "Йемен", "йемен"},
      {"decomposed й composed, not stripped", "и\u0306од", "йод"},
      {"fatha, shadda, damma, kasra removed", "مُحَمَّدٍ", "محمد"},
      {"fathatan and sukun removed", "شُكْرًا", "شكرا"},
      {"superscript alef removed", "هٰذا", "هذا"},
      {"combining hamza and madda fold with their alef", "ا\u0655ا\u0653x", "ااx"},
      {"Quranic marks removed", "قال\u06D6", "قال"},
      {"tatweel removed", "عـــلى", "علي"},
      {"alef with hamza above", "أحمد", "احمد"},
      {"alef with hamza below", "إسرائيل", "اسرائيل"},
      {"alef with madda", "آلاف", "الاف"},
      {"alef wasla", "ٱلله", "الله"},
      {"alef maqsura becomes yeh", "على", "علي"},
      {"ta marbuta becomes heh", "القاعدة", "القاعده"},
      {"Arabic presentation forms", "ﻻ", "لا"},
      {"Persian yeh and keheh", "ایران کشور", "ايران كشور"},
      {"Arabic-Indic digits", "٢٠٢٥", "2025"},
      {"Persian digits", "۱۴۰۳", "1403"},
      {"Arabic decimal separator", "٣٫٥", "3.5"},
      {"zero-width space", "Хмей\u200Bмим", "хмеймим"},
      {"zero-width non-joiner and joiner", "ab\u200Cc\u200Dd", "abcd"},
      {"left-to-right and right-to-left marks", "\u200Eطرطوس\u200F", "طرطوس"},
      {"bidi embeddings and override", "\u202Atar\u202Btus\u202C\u202D\u202E", "tartus"},
      {"bidi isolates", "\u2066tar\u2067tus\u2068\u2069", "tartus"},
      {"byte order mark", "\uFEFFtartus", "tartus"},
      {"Arabic letter mark", "\u061Cسوريا", "سوريا"},
      {"soft hyphen", "Ab\u00ADdul", "abdul"},
      {"typographic hyphens", "ash\u2010sham ash\u2011sham", "ash-sham ash-sham"},
      {"typographic apostrophes", "o\u2019brien hay\u02BCat", "o'brien hay'at"},
      {"only controls", "\u200B\u200F\uFEFF", ""},
      {"hyphen left at an edge by a vanished letter", "\u0640-sham", "sham"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(normalize_word(c.word), c.normalised) << c.rule;
  }
}

TEST(NormalizeWord, IsIdempotent) {
  for (const char* word : {"Тартусе", "والعقوبات", "بالقاعدة", "Hay’at", "ЁЛКА", "إلى"}) {
    const std::string once = normalize_word(word);
    EXPECT_EQ(normalize_word(once), once) << word;
  }
}

TEST(NormalizeWord, ReadsInvalidUtf8AsReplacementCharacters) {
  EXPECT_EQ(normalize_word("ab\xFF" "C"), "ab\uFFFD" "c");
  EXPECT_EQ(normalize_word("\xD0"), "\uFFFD");
}

TEST(NormalizeFilter, KeepsTheOffsetsOfTheOriginalWord) {
  expect_tokens(normalizing(), "ЁЛКА «\u200Fعَلَى» al\u2011Sharaa",
                {{"елка", 0, 8, 0},
                 {"علي", 14, 24, 1},
                 {"al-sharaa", 27, 38, 2, Kind::kCompound},
                 {"al", 27, 29, 2, Kind::kPart},
                 {"sharaa", 32, 38, 3, Kind::kPart}});
}

TEST(NormalizeFilter, CleansWordsThatHoldInvisibleControls) {
  EXPECT_EQ(texts_of(normalizing(), "Хмей\u200Bмим \u200Fطرطوس Ab\u00ADdul"),
            (std::vector<std::string>{"хмеймим", "طرطوس", "abdul"}));
}

TEST(NormalizeFilter, DropsTokensThatNormaliseToNothing) {
  // A lone tatweel is a letter to ICU and nothing after normalisation; the
  // next word keeps its own position.
  expect_tokens(normalizing(), "\u0640 قال", {{"قال", 3, 9, 1}});
}

TEST(NormalizeFilter, FoldsArabicSpellingsOfOneWordTogether) {
  const auto spellings = texts_of(normalizing(), "القاعدة القاعده الْقَاعِدَة القـاعدة");
  EXPECT_EQ(spellings, std::vector<std::string>(4, "القاعده"));
}

// The normaliser passes words that is_normal_cyrillic_or_arabic() accepts
// through untouched. Every two-byte letter it accepts must be one that the
// full path (ICU, then the folds) leaves unchanged too; behind an 'x' the
// word is not all Russian or Arabic, so it takes that path.
TEST(NormalizeWord, LettersThatSkipNormalisationAreUnchangedByIt) {
  std::size_t accepted = 0;
  for (char32_t c = 0x80; c < 0x800; ++c) {
    std::string letter;
    detail::append_utf8(letter, c);
    if (!detail::is_normal_cyrillic_or_arabic(letter)) continue;
    ++accepted;
    EXPECT_EQ(normalize_word("x" + letter), "x" + letter) << "U+" << std::hex << static_cast<unsigned>(c);
    EXPECT_EQ(normalize_word(letter + letter + letter), letter + letter + letter);
  }
  EXPECT_EQ(accepted, 32u + 22u + 9u);  // а..я; ء..غ but آ أ إ ة; ف..ي but ى
}

TEST(NormalizeWord, OnlyWholeWordsOfNormalLettersSkipNormalisation) {
  EXPECT_TRUE(detail::is_normal_cyrillic_or_arabic("тартус"));
  EXPECT_TRUE(detail::is_normal_cyrillic_or_arabic("طرطوس"));
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic(""));
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("Тартус"));    // capital
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("ёлка"));      // ё folds to е
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("القاعدة"));   // ة folds to ه
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("أحمد"));      // أ folds to ا
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("تـرطوس"));    // tatweel
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("бар-код"));   // hyphen
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("тартусx"));   // ASCII
  EXPECT_FALSE(detail::is_normal_cyrillic_or_arabic("\xD0"));      // truncated
  EXPECT_EQ(normalize_word("Тартусе"), "тартусе");
  EXPECT_EQ(normalize_word("القاعدة"), "القاعده");
}

}  // namespace
}  // namespace akhbar::analysis
