// Tests of the dictionary entry parsers: the candidate translations, in the
// dictionary's order, of entries written in Mueller's and FreeDict's layouts.
#include "dictionary_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace akhbar::resources {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(MuellerEntry, TakesEachSenseUpToItsFirstExample) {
  const char* entry =
      "bridge\n"
      "   [brIdZ]\n"
      "   1. _n.\n"
      "      1) мост; мостик; bridge of boats понтонный мост\n"
      "      2) переносица, перемычка\n"
      "   2. _v. соединять мостом\n";
  EXPECT_THAT(mueller_translations(entry),
              ElementsAre("мост", "мостик", "переносица", "перемычка", "соединять мостом"));
}

TEST(MuellerEntry, SkipsSensesWithUsageLabelsAttributesAndCrossReferences) {
  const char* entry =
      "gate\n"
      "   _I [geIt] _n.\n"
      "      1) ворота; калитка\n"
      "      2) _ист. застава\n"
      "      3) _attr. воротный\n"
      "      4) = gateway\n"
      "   _II [geIt] _v. _разг. запирать\n";
  EXPECT_THAT(mueller_translations(entry), ElementsAre("ворота", "калитка"));
}

TEST(MuellerEntry, DropsGlossesInBracketsAndKeepsGrammaticalLabels) {
  const char* entry =
      "talk\n"
      "   [tO:k] _n.\n"
      "      1) (обыкн. _pl.) переговоры (о мире)\n"
      "      2) _pl. беседы!\n";
  EXPECT_THAT(mueller_translations(entry), ElementsAre("переговоры", "беседы"));
}

TEST(MuellerEntry, ALabelAfterTheFirstPieceEndsTheSenseThere) {
  const char* entry =
      "state\n"
      "   1) состояние; положение; _разг. вид\n";
  EXPECT_THAT(mueller_translations(entry), ElementsAre("состояние", "положение"));
}

TEST(MuellerEntry, AHeadwordAloneHasNoTranslation) {
  EXPECT_THAT(mueller_translations("word"), IsEmpty());
  EXPECT_THAT(mueller_translations(""), IsEmpty());
}

TEST(FreedictEntry, OneTranslationPerLineNumberedOrNot) {
  EXPECT_THAT(freedict_translations("Bridge /brIdZ/\nالجسر\n"), ElementsAre("الجسر"));
  EXPECT_THAT(freedict_translations("جسر /dZisr/\n1. Bridge\n2. Causeway\n"), ElementsAre("Bridge", "Causeway"));
}

TEST(FreedictEntry, SplitsCommaListsAndDropsNotes) {
  EXPECT_THAT(freedict_translations("Crossed /krQst/\nعبر (فعل ماضي)، قطع\n"), ElementsAre("عبر", "قطع"));
  EXPECT_THAT(freedict_translations("American /@merIk@n/\n1. американский, американец\n"),
              ElementsAre("американский", "американец"));
}

}  // namespace
}  // namespace akhbar::resources
