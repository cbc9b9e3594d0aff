// The two builders end to end: a gazetteer from ICU's CLDR names and an
// iso-codes list written by the test, translations from small dictionaries
// in the dictd format; each output read back by the engine's loader.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akhbar/analysis/gazetteer.h"
#include "akhbar/analysis/translations.h"
#include "package_files.h"
#include "gazetteer_builder.h"
#include "indexer/temp_dir.h"
#include "scoped_env.h"
#include "translations_builder.h"

namespace akhbar::resources {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::Not;
using indexer::testing::TempDir;

analysis::Token word(std::string_view text) { return analysis::news_analyzer().analyze(text).front(); }

std::vector<std::string> names_of(const analysis::Gazetteer& gazetteer, std::string_view text) {
  std::vector<std::string> names;
  for (const auto* group : gazetteer.groups_of(word(text)))
    for (const auto& name : group->names) names.push_back(name.form + ":" + name.entry.original);
  return names;
}

TEST(GazetteerBuilder, JoinsCldrAndIsoCodesNamesOfOnePlace) {
  TempDir dir;
  IsoCodesFiles iso;
  iso.countries = dir.write("iso.json", R"({"3166-1": [
    {"alpha_2": "UY", "name": "Uruguay", "official_name": "Eastern Republic of Uruguay"},
    {"alpha_2": "QX", "name": "Atlantis"},
    {"alpha_2": "QY", "name": "Lemuria"},
    {"alpha_2": "QZ", "name": "Mu, Kingdom of"}]})");
  iso.russian = dir.write("ru.mo", test::mo_file({{"Eastern Republic of Uruguay", "Восточная Республика Уругвай"},
                                          {"Atlantis", "Атланти\u0301да"}, {"Mu, Kingdom of", "Королевство Му"}}, true));
  iso.arabic = dir.write("ar.mo", test::mo_file({{"Atlantis", "أطلانتس"}}, true));
  const GazetteerCounts counts = build_gazetteer(iso, dir.path("gazetteer.tsv"));
  EXPECT_GT(counts.countries, 200u);
  EXPECT_GT(counts.cities, 300u);

  const auto gazetteer = analysis::Gazetteer::load(dir.path("gazetteer.tsv"));
  EXPECT_EQ(gazetteer.group_count(), counts.groups);
  EXPECT_THAT(names_of(gazetteer, "Уругвай"),
              IsSupersetOf({"common:Uruguay", "common:Уругвай", "official:Eastern Republic of Uruguay",
                            "official:Восточная Республика Уругвай"}));
  // iso-codes alone, its stress mark dropped.
  EXPECT_THAT(names_of(gazetteer, "Атлантида"), ElementsAre("iso:Atlantis", "iso:Атлантида", "iso:أطلانتس"));
  // One language only: no group. An inverted name: not a name.
  EXPECT_THAT(names_of(gazetteer, "Lemuria"), IsEmpty());
  EXPECT_THAT(names_of(gazetteer, "Му"), IsEmpty());
}

/// A Mueller-style entry: "headword\n   [..]\n   1) senses".
std::pair<std::string, std::string> mueller(const std::string& headword, const std::string& senses) {
  return {headword, headword + "\n   [x]\n   " + senses + "\n"};
}
/// A FreeDict-style entry: "Headword /../\ntranslation lines".
std::pair<std::string, std::string> freedict(const std::string& headword, const std::string& lines) {
  return {headword, headword + " /x/\n" + lines + "\n"};
}

std::vector<std::string> translated(const analysis::Translations& translations, std::string_view text,
                                    std::string_view lang) {
  std::vector<std::string> out;
  for (const auto& t : translations.of(word(text), lang)) out.push_back(t.entry.original + "@" + t.via);
  return out;
}

class TranslationsBuilder : public ::testing::Test {
 protected:
  void SetUp() override {
    // Ten words that list one general word first: it is refused as
    // ambiguous, and each keeps its own translation.
    std::vector<std::pair<std::string, std::string>> english_russian{
        mueller("bridge", "1. _n. 1) мост; мостик; bridge of boats понтонный мост 2) _ист. переправа"),
        mueller("arch", "1) арка; свод")};
    const std::vector<std::pair<std::string, std::string>> fruits{
        {"apple", "яблоко"},    {"berry", "ягода"},    {"cherry", "вишня"},   {"date", "финик"},
        {"elder", "бузина"},    {"fig", "инжир"},      {"grape", "виноград"}, {"hazel", "орешник"},
        {"iris", "ирис"},       {"juniper", "можжевельник"}};
    for (const auto& [english, russian] : fruits) english_russian.push_back(mueller(english, "1) штука, " + russian));
    DictionaryFiles files;
    const auto mueller_files = test::write_dictd(dir_, "mueller7", english_russian);
    files.mueller_en_ru = {mueller_files.first, mueller_files.second};
    const auto eng_rus = test::write_dictd(dir_, "freedict-eng-rus", {freedict("Arch", "дуга")});
    files.freedict_en_ru = {eng_rus.first, eng_rus.second};
    const auto eng_ara = test::write_dictd(dir_, "freedict-eng-ara",
                                           {freedict("Bridge", "الجسر"), freedict("Arch", "قوس"),
                                            freedict("Aardvark", "خنزير الأرض")});
    files.freedict_en_ar = {eng_ara.first, eng_ara.second};
    const auto ara_eng = test::write_dictd(dir_, "freedict-ara-eng", {freedict("جسر", "1. Bridge\n2. Aardvark")});
    files.freedict_ar_en = {ara_eng.first, ara_eng.second};
    counts_ = build_translations(files, dir_.path("translations.tsv"));
    translations_ = analysis::Translations::load(dir_.path("translations.tsv"));
  }

  TempDir dir_;
  TranslationCounts counts_;
  analysis::Translations translations_;
};

TEST_F(TranslationsBuilder, EachDictionaryGivesItsDirectionInItsOrder) {
  EXPECT_THAT(translated(translations_, "bridge", "ru"), ElementsAre("мост@mueller7", "мостик@mueller7"));
  EXPECT_THAT(translated(translations_, "arch", "ru"),
              ElementsAre("арка@mueller7", "свод@mueller7", "дуга@freedict-eng-rus"));
  EXPECT_THAT(translated(translations_, "bridge", "ar"), ElementsAre("الجسر@freedict-eng-ara"));
  EXPECT_THAT(translated(translations_, "جسر", "en"), ElementsAre("bridge@freedict-ara-eng"));
}

TEST_F(TranslationsBuilder, RussianToEnglishReadsTheEnglishDictionaryBackwards) {
  EXPECT_THAT(translated(translations_, "мост", "en"), ElementsAre("bridge@mueller7"));
  EXPECT_THAT(translated(translations_, "яблоко", "en"), ElementsAre("apple@mueller7"));
}

TEST_F(TranslationsBuilder, RussianAndArabicMeetThroughEnglish) {
  EXPECT_THAT(translated(translations_, "мост", "ar"), ElementsAre("الجسر@en:bridge"));
  EXPECT_THAT(translated(translations_, "جسر", "ru"), ElementsAre("мост@en:bridge", "мостик@en:bridge"));
}

TEST_F(TranslationsBuilder, AGeneralWordOfManySensesIsRefused) {
  EXPECT_THAT(translated(translations_, "apple", "ru"), ElementsAre("яблоко@mueller7"));
  EXPECT_THAT(translated(translations_, "штука", "en"), IsEmpty());
  EXPECT_GE(counts_.ambiguous, 10u);
}

TEST_F(TranslationsBuilder, WordsOutsideMuellersVocabularyAndLabelledSensesAreLeftOut) {
  EXPECT_THAT(translated(translations_, "aardvark", "ar"), IsEmpty());
  EXPECT_THAT(translated(translations_, "جسر", "en"), Not(Contains("aardvark@freedict-ara-eng")));
  EXPECT_THAT(translated(translations_, "bridge", "ru"), Not(Contains("переправа@mueller7")));
}

}  // namespace
}  // namespace akhbar::resources
