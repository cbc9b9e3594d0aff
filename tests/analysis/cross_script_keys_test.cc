// Tests for analysis/src/cross_script_keys.cc: each line of a table is a word
// in one script and the words it must and must not be taken for.
#include "akhbar/analysis/cross_script.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "cross_script_keys.h"

namespace akhbar::analysis {
namespace {

NameKeys keys_of(const std::string& word) { return name_keys(normalize_word(word)); }

bool same(const std::string& a, const std::string& b) { return same_name(keys_of(a), keys_of(b)); }

struct NameCase {
  std::string word;
  std::vector<std::string> matches;
  std::vector<std::string> not_matches;
};

void check(const std::vector<NameCase>& table) {
  for (const NameCase& row : table) {
    for (const std::string& other : row.matches) {
      EXPECT_TRUE(same(row.word, other)) << row.word << " should match " << other;
      EXPECT_TRUE(same(other, row.word)) << other << " should match " << row.word << " (reversed)";
    }
    for (const std::string& other : row.not_matches) {
      EXPECT_FALSE(same(row.word, other)) << row.word << " should not match " << other;
      EXPECT_FALSE(same(other, row.word)) << other << " should not match " << row.word << " (reversed)";
    }
  }
}

TEST(NameKeys, OneNameMatchesAcrossScriptsAndSpellings) {
  check({
      {"Khmeimim", {"Hmeimim", "Humaymim", "Хмеймим", "Хмеймиме", "Хмеймима", "حميميم", "حُمَيْمِيم"}, {}},
      {"Tartus", {"Tartous", "Тартус", "Тартусе", "Тартуса", "طرطوس", "لطرطوس", "وطرطوس"}, {}},
      {"Latakia", {"Lattakia", "Латакия", "Латакии"}, {}},
      {"Ladhiqiyah", {"اللاذقية", "باللاذقية", "اللاذقيه"}, {}},
      {"Sharaa", {"al-Sharaa", "al-Shara", "аш-Шараа", "Шараа", "الشرع"}, {}},
      {"Ahmad", {"Ahmed", "Ахмед", "Ахмедом", "أحمد", "احمد"}, {}},
      {"Banias", {"Баниас", "Баниасе", "بانياس", "ببانياس"}, {}},
      {"Jablah", {"Jableh", "Джебла", "Джеблы", "جبلة"}, {}},
      {"Tadmur", {"Tadmor", "تدمر"}, {}},
      {"Stroitransgaz", {"Stroytransgaz", "Стройтрансгаз", "Стройтрансгазом", "سترويترانسغاز"}, {}},
      {"Goznak", {"Гознак", "Гознака", "غوزناك"}, {}},
      {"Hama", {"Hamah", "Хама", "Хамы", "حماة", "حماه"}, {}},
      {"Hamas", {"ХАМАС", "Хамас", "حماس"}, {}},
      {"Homs", {"Хомс", "حمص"}, {}},
      {"Hormuz", {"هرمز"}, {}},
      {"Idlib", {"Idleb", "Идлиб", "Идлибе", "إدلب", "ادلب"}, {}},
      {"Palmyra", {"Пальмира", "Пальмиры"}, {}},
      {"Hay'at", {"Hayat", "Хайят", "هيئة"}, {}},
      {"Tahrir", {"Тахрир", "تحرير"}, {}},
      {"ash-Sham", {"al-Sham", "аш-Шам", "الشام"}, {}},
  });
}

TEST(NameKeys, LookAlikesStayApart) {
  check({
      {"Hama", {}, {"Hamas", "Хамас", "حماس", "Homs", "حمص", "الخام", "خام"}},
      {"Хама", {}, {"ХАМАС", "حماس", "Хомс"}},
      {"حماة", {}, {"Hamas", "Хамас", "Homs", "Хомс"}},
      {"Homs", {}, {"Hormuz", "Ормуз", "هرمز", "Hamas", "حماس", "حماة"}},
      {"حمص", {}, {"Hamas", "Хамас", "Hama", "Hormuz"}},
      {"Tartus", {}, {"Tartu", "Тарту", "تارتو"}},
      {"Тартус", {}, {"Tartu", "Тарту"}},
      {"Sharaa", {}, {"sharia", "шариат", "الشريعة", "Syria", "Сирия", "سوريا"}},
      {"الشرع", {}, {"sharia", "Sharia", "shariah", "шариат", "Syria", "Сирия"}},
  });
}

TEST(NameKeys, ArabicNeedsItsLongVowelsSpelt) {
  // Latin may leave out short vowels, not the long ones Arabic writes.
  check({
      {"طرطوس", {"Tartus"}, {"Tarts", "Tartis"}},
      {"حميميم", {"Hmeimim"}, {"Hmmm", "Hamam"}},
  });
}

TEST(NameKeys, WordsThatCannotBeNamesHaveNoKeys) {
  for (const std::string word : {"", "2025", "x", "al", "the", "a1b2", "东京", "Ταρτούς",
                                  "Tartus2", "mixedЛатиница"}) {
    EXPECT_TRUE(keys_of(word).keys.empty()) << word;
  }
  EXPECT_TRUE(name_keys(std::string(kMaxKeyedBytes + 1, 'b')).keys.empty());
  EXPECT_TRUE(name_keys("\xff\xfe\xfd").keys.empty());
}

TEST(NameKeys, WordWithoutKeysMatchesNothing) {
  EXPECT_FALSE(same("2025", "2025"));
  EXPECT_FALSE(same_name(NameKeys{}, NameKeys{}));
}

TEST(NameKeys, ArabicKeysOmitVowelsAndOthersDoNot) {
  EXPECT_TRUE(keys_of("طرطوس").vowels_omitted);
  EXPECT_FALSE(keys_of("Tartus").vowels_omitted);
  EXPECT_FALSE(keys_of("Тартус").vowels_omitted);
}

TEST(NameKeys, KeysAndSkeletons) {
  struct Row {
    std::string word, first_key, skeleton;
  };
  const std::vector<Row> table = {
      {"Khmeimim", "hmimim", "hmmm"},   {"Хмеймим", "hmimim", "hmmm"},
      {"حميميم", "hmimim", "hmmm"},      {"Tartous", "tartus", "trts"},
      {"طرطوس", "trtus", "trts"},        {"al-Sharaa", "cara", "cr"},
      {"الشرع", "cr'", "cr"},            {"Lattakia", "latakia", "ltk"},
      {"حماة", "hma@", "hm"},            {"Deir-ez-Zor", "dirazur", "drzr"},
  };
  for (const Row& row : table) {
    const NameKeys keys = keys_of(row.word);
    ASSERT_FALSE(keys.keys.empty()) << row.word;
    EXPECT_EQ(keys.keys.front(), row.first_key) << row.word;
    EXPECT_EQ(key_skeleton(keys.keys.front()), row.skeleton) << row.word;
  }
}

TEST(NameKeys, RussianCaseEndingsGiveNominativeReadings) {
  const NameKeys keys = keys_of("Латакии");
  EXPECT_NE(std::find(keys.keys.begin(), keys.keys.end(), "latakia"), keys.keys.end());
  const NameKeys tartuse = keys_of("Тартусом");
  EXPECT_NE(std::find(tartuse.keys.begin(), tartuse.keys.end(), "tartus"), tartuse.keys.end());
  // A short word keeps its ending: Хама is not read as Хам.
  EXPECT_EQ(keys_of("Хама").keys, (std::vector<std::string>{"hama"}));
}

TEST(CrossScriptStages, RomanizesCyrillic) {
  EXPECT_EQ(detail::romanize_cyrillic("хмеймим"), "khmeymim");
  EXPECT_EQ(detail::romanize_cyrillic("аш-шараа"), "ash-sharaa");
  EXPECT_EQ(detail::romanize_cyrillic("латакия"), "latakiya");
  EXPECT_EQ(detail::romanize_cyrillic("пальмира"), "palmira");
  EXPECT_EQ(detail::romanize_cyrillic("джебла"), "dzhebla");
  EXPECT_EQ(detail::romanize_cyrillic("тартус1"), std::nullopt);
}

TEST(CrossScriptStages, FoldsLatinDiacritics) {
  EXPECT_EQ(detail::fold_latin("türkiye"), "turkiye");
  EXPECT_EQ(detail::fold_latin("ḥumaymīm"), "humaymim");
  EXPECT_EQ(detail::fold_latin("straße"), "strasse");
  EXPECT_EQ(detail::fold_latin("hay\u2019at"), "hay'at");
  EXPECT_EQ(detail::fold_latin("tartus!"), std::nullopt);
}

TEST(CrossScriptStages, CountsShortVowelsLeftOut) {
  EXPECT_EQ(detail::vowels_left_out("tartus", "trtus"), 1);
  EXPECT_EQ(detail::vowels_left_out("hmimim", "hmimim"), 0);
  EXPECT_EQ(detail::vowels_left_out("humimim", "hmimim"), 1);
  EXPECT_EQ(detail::vowels_left_out("tadmur", "tdmr"), 2);
  EXPECT_EQ(detail::vowels_left_out("cara", "cr'"), 1);
  EXPECT_EQ(detail::vowels_left_out("idlib", "adlb"), 1);  // initial alef: any vowel
  EXPECT_EQ(detail::vowels_left_out("tartu", "trtus"), std::nullopt);
  // "ia" is two letters of one sound, never a short vowel to drop.
  EXPECT_EQ(detail::vowels_left_out("caria", "cr'"), std::nullopt);
  // A final vowel is written in Arabic: Hama is not خام ("crude").
  EXPECT_EQ(detail::vowels_left_out("hama", "ham"), std::nullopt);
  EXPECT_EQ(detail::vowels_left_out("hama", "hma@"), 1);
}

}  // namespace
}  // namespace akhbar::analysis
