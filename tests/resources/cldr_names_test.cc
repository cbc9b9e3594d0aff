// Tests of the CLDR names read through ICU: countries, world regions and
// exemplar cities in each language, CLDR's alternative forms.
#include "cldr_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace akhbar::resources {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

std::vector<std::string> names_of(const std::vector<PlaceName>& names, const std::string& group) {
  std::vector<std::string> found;
  for (const PlaceName& name : names)
    if (name.group == group) found.push_back(name.form + ":" + name.name);
  return found;
}

TEST(CldrNames, CountriesAndRegionsInEachLanguage) {
  EXPECT_THAT(names_of(cldr_region_names("en"), "country/UY"), Contains("common:Uruguay"));
  EXPECT_THAT(names_of(cldr_region_names("ru"), "country/UY"), Contains("common:Уругвай"));
  EXPECT_THAT(names_of(cldr_region_names("ar"), "region/142"), Contains("common:آسيا"));
}

TEST(CldrNames, AlternativeFormsAreKeptAndTheWorldIsLeftOut) {
  const auto english = cldr_region_names("en");
  EXPECT_THAT(names_of(english, "country/GB"), Contains("short:UK"));
  EXPECT_THAT(names_of(english, "country/CZ"), Contains("variant:Czech Republic"));
  EXPECT_TRUE(names_of(english, "region/001").empty());
  EXPECT_TRUE(names_of(english, "country/XA").empty());  // a pseudo-region
  EXPECT_TRUE(names_of(english, "country/ZZ").empty());  // the unknown region
}

TEST(CldrNames, ExemplarCitiesOfTimeZones) {
  EXPECT_THAT(names_of(cldr_exemplar_cities("ru"), "city/Asia/Tbilisi"), Contains("city:Тбилиси"));
  EXPECT_THAT(names_of(cldr_exemplar_cities("ar"), "city/Europe/Oslo"), Contains("city:أوسلو"));
  EXPECT_GT(cldr_exemplar_cities("en").size(), 300u);
}

TEST(CldrNames, VersionNamesIcuAndCldr) {
  EXPECT_THAT(cldr_version(), HasSubstr("ICU "));
  EXPECT_THAT(cldr_version(), HasSubstr("CLDR "));
}

}  // namespace
}  // namespace akhbar::resources
