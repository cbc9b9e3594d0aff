// Tests of the gazetteer: the file compiled from CLDR and iso-codes reaches a
// place's names in every script; its loader reads the format and refuses
// missing, corrupt, cut-short and stale files with the file named.
#include "akhbar/analysis/gazetteer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/version.h"
#include "akhbar/data_files.h"
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
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::StartsWith;
using test::analysed_word;
using test::ScopedEnv;
using indexer::testing::TempDir;

/// The names, as written, of the groups a word reaches.
std::vector<std::string> names_reached(const Gazetteer& gazetteer, std::string_view word) {
  std::vector<std::string> names;
  for (const GazetteerGroup* group : gazetteer.groups_of(analysed_word(word)))
    for (const GazetteerName& name : group->names) names.push_back(name.entry.original);
  return names;
}

std::vector<std::string> ids_reached(const Gazetteer& gazetteer, std::string_view word) {
  std::vector<std::string> ids;
  for (const GazetteerGroup* group : gazetteer.groups_of(analysed_word(word))) ids.push_back(group->id);
  return ids;
}

std::string gazetteer_text(const std::vector<std::string>& lines) {
  return test::resource_text(detail::kGazetteerKind, detail::kGazetteerFormat, lines);
}

template <typename ErrorType>
std::string load_error(const std::string& path) {
  return test::load_error<Gazetteer, ErrorType>(path);
}

// --- the shipped gazetteer --------------------------------------------------

const Gazetteer& shipped() { return test::shipped_resource<Gazetteer>(detail::kGazetteerFileName); }

TEST(ShippedGazetteer, ACountryReachesItsNamesInTheOtherScripts) {
  const std::vector<std::string> names{"Uruguay", "Уругвай", "الأوروغواي"};
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    EXPECT_THAT(ids_reached(shipped(), name), ElementsAre("country/UY"));
    EXPECT_THAT(names_reached(shipped(), name), IsSupersetOf(names));
  }
}

TEST(ShippedGazetteer, ACityReachesItsNamesInTheOtherScripts) {
  const std::vector<std::string> names{"Tbilisi", "Тбилиси", "تبليسي"};
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    EXPECT_THAT(ids_reached(shipped(), name), ElementsAre("city/Asia/Tbilisi"));
    EXPECT_THAT(names_reached(shipped(), name), IsSupersetOf(names));
  }
}

TEST(ShippedGazetteer, InflectedAndCliticFormsReachTheirPlaceByStem) {
  EXPECT_THAT(ids_reached(shipped(), "Уругвая"), ElementsAre("country/UY"));
  EXPECT_THAT(ids_reached(shipped(), "والأوروغواي"), ElementsAre("country/UY"));
  EXPECT_THAT(ids_reached(shipped(), "وأوسلو"), ElementsAre("city/Europe/Oslo"));
}

TEST(ShippedGazetteer, OfficialNamesAreMultiWordNames) {
  const auto groups = shipped().groups_named({"восточная", "республика", "уругвай"});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front()->id, "country/UY");
  EXPECT_THAT(shipped().groups_named({"eastern", "republic", "of", "uruguay"}), ElementsAre(groups.front()));
}

TEST(ShippedGazetteer, NamesThatAreStopwordsAreLeftOut) {
  // Togo is "Того" in Russian, which is also "of that".
  EXPECT_THAT(ids_reached(shipped(), "того"), IsEmpty());
  EXPECT_THAT(ids_reached(shipped(), "Togo"), ElementsAre("country/TG"));
  EXPECT_THAT(names_reached(shipped(), "Togo"), Not(Contains("Того")));
}

TEST(ShippedGazetteer, HoldsCountriesRegionsAndCitiesOfAllThreeLanguages) {
  EXPECT_GT(shipped().group_count(), 600u);
  EXPECT_THAT(ids_reached(shipped(), "Азия"), ElementsAre("region/142"));
  std::set<std::string> languages;
  for (const GazetteerGroup* group : shipped().groups_of(analysed_word("Oslo")))
    for (const GazetteerName& name : group->names) languages.insert(name.entry.lang);
  EXPECT_THAT(languages, ElementsAre("ar", "en", "ru"));
}

// --- the data directory -------------------------------------------------------

TEST(ResourceFiles, AreFoundInTheBuildTreeWithoutADataDirectory) {
  const ScopedEnv no_override("AKHBAR_DATA_DIR", std::nullopt);
  const std::string path = data_path(detail::kGazetteerFileName);
  EXPECT_EQ(std::filesystem::path(path).filename(), "gazetteer.tsv");
  EXPECT_TRUE(std::filesystem::is_regular_file(path));
}

// --- the loader ---------------------------------------------------------------

TEST(GazetteerLoad, GroupsNamesByIdAndFindsThemByWordStemAndPhrase) {
  TempDir dir;
  const std::string path = dir.write("g.tsv", gazetteer_text({
                                                  "city/X/Atlantis\tcity\ten\tatlantis\tatlanti\tAtlantis",
                                                  "city/X/Atlantis\tcity\tru\tатлантида\tатлантид\tАтлантида",
                                                  "city/X/Atlantis\tofficial\ten\tcity of atlantis\tciti of atlanti\tCity of Atlantis",
                                                  "city/X/Lemuria\tcity\ten\tlemuria\tlemuria\tLemuria",
                                                  "city/X/Lemuria\tcity\tar\tليموريا\tليموريا\tليموريا",
                                              }));
  const Gazetteer gazetteer = Gazetteer::load(path);
  EXPECT_EQ(gazetteer.group_count(), 2u);
  EXPECT_EQ(gazetteer.name_count(), 5u);
  const auto groups = gazetteer.groups_of(analysed_word("Атлантиды"));  // by stem
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front()->id, "city/X/Atlantis");
  ASSERT_EQ(groups.front()->names.size(), 3u);
  EXPECT_EQ(groups.front()->names[2].form, "official");
  EXPECT_THAT(groups.front()->names[2].entry.words, ElementsAre("city", "of", "atlantis"));
  EXPECT_THAT(gazetteer.groups_named({"city", "of", "atlantis"}), ElementsAre(groups.front()));
  EXPECT_EQ(gazetteer.groups_of(analysed_word("Lemuria")), gazetteer.groups_named({"lemuria"}));
  EXPECT_THAT(gazetteer.groups_of(analysed_word("Mu")), IsEmpty());
}

TEST(GazetteerLoad, AMissingFileIsAnIoErrorNamingIt) {
  EXPECT_THAT(load_error<IoError>("/nonexistent/gazetteer.tsv"), HasSubstr("\"/nonexistent/gazetteer.tsv\""));
}

TEST(GazetteerLoad, AFileOfAnotherKindIsRefused) {
  TempDir dir;
  const std::string path = dir.write("g.tsv", "Uruguay | Уругвай\n");
  EXPECT_THAT(load_error<DataError>(path), AllOf(StartsWith(path + ":1: "), HasSubstr("not an akhbar gazetteer")));
  const std::string empty = dir.write("empty.tsv", "");
  EXPECT_THAT(load_error<DataError>(empty), AllOf(StartsWith(empty + ": "), HasSubstr("empty")));
}

TEST(GazetteerLoad, AFileOfAnotherAnalysisVersionOrFormatIsRefusedWithAWordToRebuild) {
  TempDir dir;
  std::string text = gazetteer_text({"country/XX\tcommon\ten\tatlantis\tatlanti\tAtlantis"});
  const std::string current = " analysis " + std::to_string(akhbar::kAnalysisVersion);
  text.replace(text.find(current), current.size(), " analysis " + std::to_string(akhbar::kAnalysisVersion - 1));
  const std::string stale = dir.write("stale.tsv", text);
  EXPECT_THAT(load_error<DataError>(stale), AllOf(StartsWith(stale + ":1: "), HasSubstr("analysis version"),
                                                 HasSubstr("rebuild")));
  const std::string future = dir.write("future.tsv", "#akhbar gazetteer 99" + current + "\n#end 0\n");
  EXPECT_THAT(load_error<DataError>(future), AllOf(StartsWith(future + ":1: "), HasSubstr("format 99")));
}

TEST(GazetteerLoad, AFileCutShortIsRefused) {
  TempDir dir;
  std::string text = gazetteer_text({"country/XX\tcommon\ten\tatlantis\tatlanti\tAtlantis",
                                     "country/XX\tcommon\tru\tатлантида\tатлантид\tАтлантида"});
  const std::string no_end = dir.write("no_end.tsv", text.substr(0, text.find("#end")));
  EXPECT_THAT(load_error<DataError>(no_end), AllOf(StartsWith(no_end + ":"), HasSubstr("cut short")));
  std::string miscounted = text;
  miscounted.replace(miscounted.find("#end 2"), 6, "#end 3");
  const std::string wrong_count = dir.write("count.tsv", miscounted);
  EXPECT_THAT(load_error<DataError>(wrong_count), AllOf(StartsWith(wrong_count + ":5: "), HasSubstr("3 entries")));
}

TEST(GazetteerLoad, MalformedLinesNameFileAndLine) {
  TempDir dir;
  const std::string fields = dir.write("f.tsv", gazetteer_text({"country/XX\tcommon\ten\tatlantis\tAtlantis"}));
  EXPECT_THAT(load_error<DataError>(fields), AllOf(StartsWith(fields + ":3: "), HasSubstr("6 tab-separated fields")));
  const std::string language = dir.write("l.tsv", gazetteer_text({"country/XX\tcommon\tfr\tatlantide\tatlantid\tAtlantide"}));
  EXPECT_THAT(load_error<DataError>(language), AllOf(StartsWith(language + ":3: "), HasSubstr("\"fr\"")));
  const std::string stems = dir.write("s.tsv", gazetteer_text({"country/XX\tcommon\ten\tnew atlantis\tatlanti\tNew Atlantis"}));
  EXPECT_THAT(load_error<DataError>(stems), AllOf(StartsWith(stems + ":3: "), HasSubstr("one stem")));
}

TEST(GazetteerShared, IsTheShippedGazetteer) {
  const ScopedEnv no_override("AKHBAR_DATA_DIR", std::nullopt);
  EXPECT_EQ(Gazetteer::shared().group_count(), shipped().group_count());
  EXPECT_THAT(ids_reached(Gazetteer::shared(), "Уругвай"), ElementsAre("country/UY"));
}

}  // namespace
}  // namespace akhbar::analysis
