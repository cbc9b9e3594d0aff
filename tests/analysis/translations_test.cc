// Tests of the dictionary translations: the file compiled from the dictd
// dictionaries takes a word of each language to the other two; its loader
// finds words by text and stem and refuses malformed files with the file
// and line named.
#include "akhbar/analysis/translations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akhbar/error.h"
#include "resource_format.h"
#include "resource_test_files.h"
#include "indexer/temp_dir.h"
#include "scoped_env.h"

namespace akhbar::analysis {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;
using test::analysed_word;
using test::ScopedEnv;
using indexer::testing::TempDir;

std::vector<std::string> translated(const Translations& translations, std::string_view word, std::string_view lang) {
  std::vector<std::string> out;
  for (const Translation& translation : translations.of(analysed_word(word), lang))
    out.push_back(translation.entry.original);
  return out;
}

std::string translations_text(const std::vector<std::string>& lines) {
  return test::resource_text(detail::kTranslationsKind, detail::kTranslationsFormat, lines);
}

template <typename ErrorType>
std::string load_error(const std::string& path) {
  return test::load_error<Translations, ErrorType>(path);
}

// --- the shipped translations -------------------------------------------------

const Translations& shipped() { return test::shipped_resource<Translations>(detail::kTranslationsFileName); }

TEST(ShippedTranslations, AWordOfEachLanguageReachesTheOtherTwo) {
  EXPECT_THAT(translated(shipped(), "weather", "ru"), Contains("погода"));
  EXPECT_THAT(translated(shipped(), "weather", "ar"), Contains(normalize_word("الطقس")));
  EXPECT_THAT(translated(shipped(), "погода", "en"), Contains("weather"));
  EXPECT_THAT(translated(shipped(), "погода", "ar"), Contains(normalize_word("الطقس")));  // through English
  EXPECT_THAT(translated(shipped(), "الطقس", "en"), Contains("weather"));
  EXPECT_THAT(translated(shipped(), "الطقس", "ru"), Contains("погода"));  // through English
}

TEST(ShippedTranslations, InflectedWordsAreTranslatedThroughTheirStem) {
  EXPECT_THAT(translated(shipped(), "погодой", "en"), Contains("weather"));
  EXPECT_THAT(translated(shipped(), "bridges", "ru"), Contains("мост"));
}

TEST(ShippedTranslations, AtMostThreePerLanguageTheMainSenseFirst) {
  const auto bridge = shipped().of(analysed_word("bridge"), "ru");
  ASSERT_THAT(bridge, Not(IsEmpty()));
  EXPECT_LE(bridge.size(), 3u);
  EXPECT_EQ(bridge.front().entry.original, "мост");
  EXPECT_EQ(bridge.front().rank, 1);
  EXPECT_EQ(bridge.front().via, "mueller7");
  for (const Translation& translation : shipped().of(analysed_word("мост"), "ar"))
    EXPECT_THAT(translation.via, StartsWith("en:"));
}

TEST(ShippedTranslations, AWordIsNotTranslatedIntoItsOwnLanguage) {
  EXPECT_THAT(translated(shipped(), "weather", "en"), IsEmpty());
  EXPECT_THAT(translated(shipped(), "12345", "ru"), IsEmpty());
}

TEST(ShippedTranslations, ShortStemsAreNotLookedUp) {
  // Snowball stems Китая ("of China") to кит, "whale": a name's inflected
  // form must not be taken for a dictionary word through a short stem.
  EXPECT_THAT(translated(shipped(), "Китая", "en"), IsEmpty());
  EXPECT_THAT(translated(shipped(), "кит", "en"), Contains("whale"));
}

// --- the loader -----------------------------------------------------------------

TEST(TranslationsLoad, FindsWordsByTextThenByStemBestRankFirst) {
  TempDir dir;
  const std::string path = dir.write("t.tsv", translations_text({
                                                  "en\tbridge\tbridg\tru\tмостик\tмостик\t2\tmueller7",
                                                  "en\tbridge\tbridg\tru\tмост\tмост\t1\tmueller7",
                                                  "en\tbridge\tbridg\tar\tجسر\tجسر\t1\tfreedict-eng-ara",
                                                  "en\tbridges\tbridg\tru\tмосты\tмост\t1\tmueller7",
                                                  "ru\tмост\tмост\tar\tجسر\tجسر\t1\ten:bridge",
                                              }));
  const Translations translations = Translations::load(path);
  EXPECT_EQ(translations.size(), 5u);
  EXPECT_THAT(translated(translations, "bridge", "ru"), ElementsAre("мост", "мостик"));
  EXPECT_THAT(translated(translations, "bridges", "ru"), ElementsAre("мосты"));       // by text
  EXPECT_THAT(translated(translations, "bridging", "ru"), ElementsAre("мост", "мосты", "мостик"));  // by stem, by rank
  EXPECT_THAT(translated(translations, "моста", "ar"), ElementsAre("جسر"));
  const auto pivot = translations.of(analysed_word("мост"), "ar");
  ASSERT_THAT(pivot, SizeIs(1));
  EXPECT_EQ(pivot.front().via, "en:bridge");
  EXPECT_EQ(pivot.front().entry.lang, "ar");
  EXPECT_THAT(pivot.front().entry.stems, ElementsAre("جسر"));
}

TEST(TranslationsLoad, AMissingFileIsAnIoErrorNamingIt) {
  EXPECT_THAT(load_error<IoError>("/nonexistent/translations.tsv"), HasSubstr("\"/nonexistent/translations.tsv\""));
}

TEST(TranslationsLoad, AGazetteerIsNotATranslationsFile) {
  TempDir dir;
  const std::string path = dir.write("t.tsv", test::resource_text(detail::kGazetteerKind, detail::kGazetteerFormat, {}));
  EXPECT_THAT(load_error<DataError>(path), AllOf(StartsWith(path + ":1: "), HasSubstr("not an akhbar translations")));
}

TEST(TranslationsLoad, MalformedLinesNameFileAndLine) {
  TempDir dir;
  const std::string same = dir.write("same.tsv", translations_text({"en\tbridge\tbridg\ten\tbridge\tbridg\t1\tx"}));
  EXPECT_THAT(load_error<DataError>(same), AllOf(StartsWith(same + ":3: "), HasSubstr("two different languages")));
  const std::string rank = dir.write("rank.tsv", translations_text({"en\tbridge\tbridg\tru\tмост\tмост\t0\tx"}));
  EXPECT_THAT(load_error<DataError>(rank), AllOf(StartsWith(rank + ":3: "), HasSubstr("rank \"0\"")));
  const std::string phrase = dir.write("phrase.tsv", translations_text({"en\tdraw bridge\tbridg\tru\tмост\tмост\t1\tx"}));
  EXPECT_THAT(load_error<DataError>(phrase), AllOf(StartsWith(phrase + ":3: "), HasSubstr("one word")));
  const std::string stems = dir.write("stems.tsv", translations_text({"en\tbridge\tbridg\tru\tразводной мост\tмост\t1\tx"}));
  EXPECT_THAT(load_error<DataError>(stems), AllOf(StartsWith(stems + ":3: "), HasSubstr("one stem")));
  const std::string order = dir.write("order.tsv", translations_text({"en\tbridge\tbridg\tru\tмост\tмост\t1\tx",
                                                                      "en\tarch\tarch\tru\tарка\tарк\t1\tx"}));
  EXPECT_THAT(load_error<DataError>(order), AllOf(StartsWith(order + ":4: "), HasSubstr("not sorted")));
  const std::string cut = dir.write("cut.tsv", translations_text({"en\tbridge\tbridg\tru\tмост"}));
  EXPECT_THAT(load_error<DataError>(cut), AllOf(StartsWith(cut + ":3: "), HasSubstr("8 tab-separated fields")));
}

TEST(TranslationsShared, IsTheShippedFile) {
  const ScopedEnv no_override("AKHBAR_DATA_DIR", std::nullopt);
  EXPECT_EQ(Translations::shared().size(), shipped().size());
}

}  // namespace
}  // namespace akhbar::analysis
