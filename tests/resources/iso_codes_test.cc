// Tests of the iso-codes readers: the country list's JSON and gettext .mo
// catalogs in both byte orders, and their errors.
#include "iso_codes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "akhbar/error.h"
#include "indexer/temp_dir.h"
#include "package_files.h"
#include "scoped_env.h"

namespace akhbar::resources {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;
using indexer::testing::TempDir;

TEST(MoCatalog, ReadsMessagesInEitherByteOrder) {
  TempDir dir;
  for (const bool little : {true, false}) {
    const std::string path = dir.write(little ? "le.mo" : "be.mo",
                                       test::mo_file({{"Atlantis", "Атлантида"}, {"Lemuria", ""}}, little));
    EXPECT_THAT(read_mo_catalog(path), UnorderedElementsAre(Pair("Atlantis", "Атлантида")));
  }
}

TEST(MoCatalog, RefusesAFileThatIsNoCatalog) {
  TempDir dir;
  const std::string path = dir.write("x.mo", std::string(40, 'x'));
  EXPECT_THAT(test::error_message<DataError>([&] { read_mo_catalog(path); }), AllOf(HasSubstr(path), HasSubstr("magic")));
  std::string cut = test::mo_file({{"Atlantis", "Атлантида"}}, true);
  cut.resize(cut.size() - 12);
  EXPECT_THROW(read_mo_catalog(dir.write("cut.mo", cut)), DataError);
}

TEST(IsoCountries, ReadsCodesAndNames) {
  TempDir dir;
  const std::string path = dir.write("iso_3166-1.json", R"({
  "3166-1": [
    {"alpha_2": "XA", "alpha_3": "XAA", "flag": "\ud83c\udde6", "name": "Atlantis", "numeric": "901",
     "official_name": "Republic of \"Atlantis\""},
    {"alpha_2": "XL", "name": "Lemuria, Kingdom of", "common_name": "Lemuria", "numeric": 902, "extra": [1, {"a": null}]}
  ]
})");
  const auto countries = read_iso_3166_1(path);
  ASSERT_EQ(countries.size(), 2u);
  EXPECT_EQ(countries[0].alpha_2, "XA");
  EXPECT_EQ(countries[0].official_name, "Republic of \"Atlantis\"");
  EXPECT_EQ(countries[1].name, "Lemuria, Kingdom of");
  EXPECT_EQ(countries[1].common_name, "Lemuria");
  EXPECT_EQ(countries[1].official_name, "");
}

TEST(IsoCountries, MalformedJsonNamesTheFile) {
  TempDir dir;
  const std::string path = dir.write("bad.json", R"({"3166-1": [{"alpha_2": "XA", "name": "Atlantis"})");
  EXPECT_THAT(test::error_message<DataError>([&] { read_iso_3166_1(path); }), HasSubstr(path));
  EXPECT_THROW(read_iso_3166_1(dir.write("other.json", R"({"3166-2": []})")), DataError);
}

}  // namespace
}  // namespace akhbar::resources
