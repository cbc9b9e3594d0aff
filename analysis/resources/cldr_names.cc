// CLDR place names through ICU: the "Countries" tables of ICU's region
// bundles (keys: ISO 3166 codes and UN M.49 numbers; "Countries%short" and
// "Countries%variant" hold the alternative forms), and TimeZoneNames.
#include "cldr_names.h"

#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <string_view>

#include "akhbar/error.h"

namespace akhbar::resources {
namespace {

constexpr const char* kWorld = "001";
/// CLDR's pseudo-regions (for testing translations: "Pseudo-Accents") and
/// its unknown region: no places.
constexpr std::string_view kNoPlaces[] = {"XA", "XB", "ZZ"};

struct BundleCloser {
  void operator()(UResourceBundle* bundle) const { ures_close(bundle); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool is_country_code(const std::string& key) {
  return key.size() == 2 && key[0] >= 'A' && key[0] <= 'Z' && key[1] >= 'A' && key[1] <= 'Z';
}
bool is_region_number(const std::string& key) {
  return key.size() == 3 && key.find_first_not_of("0123456789") == std::string::npos;
}

/// The entries of one table of the language's region bundle: "Countries"
/// and its alternative forms. A table the language lacks gives nothing.
void add_table(UResourceBundle* bundle, const char* table, const char* form, std::vector<PlaceName>& names) {
  UErrorCode status = U_ZERO_ERROR;
  Bundle entries(ures_getByKey(bundle, table, nullptr, &status));
  if (U_FAILURE(status)) return;
  const std::int32_t size = ures_getSize(entries.get());
  for (std::int32_t i = 0; i < size; ++i) {
    status = U_ZERO_ERROR;
    Bundle entry(ures_getByIndex(entries.get(), i, nullptr, &status));
    if (U_FAILURE(status)) continue;
    const std::string key = ures_getKey(entry.get());
    std::int32_t length = 0;
    const UChar* text = ures_getString(entry.get(), &length, &status);
    if (U_FAILURE(status) || key == kWorld) continue;
    if (std::find(std::begin(kNoPlaces), std::end(kNoPlaces), key) != std::end(kNoPlaces)) continue;
    if (is_country_code(key)) {
      names.push_back({"country/" + key, form, utf8(icu::UnicodeString(text, length))});
    } else if (is_region_number(key)) {
      names.push_back({"region/" + key, form, utf8(icu::UnicodeString(text, length))});
    }
  }
}

}  // namespace

std::vector<PlaceName> cldr_region_names(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  Bundle bundle(ures_open(U_ICUDATA_NAME "-region", language.c_str(), &status));
  if (U_FAILURE(status))
    throw DataError("cannot open ICU's region names for \"" + language + "\": " + u_errorName(status));
  std::vector<PlaceName> names;
  add_table(bundle.get(), "Countries", "common", names);
  add_table(bundle.get(), "Countries%short", "short", names);
  add_table(bundle.get(), "Countries%variant", "variant", names);
  if (names.empty()) throw DataError("ICU has no region names for \"" + language + "\"");
  return names;
}

std::vector<PlaceName> cldr_exemplar_cities(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> zone_names(
      icu::TimeZoneNames::createInstance(icu::Locale(language.c_str()), status));
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status))
    throw DataError("cannot open ICU's time-zone names for \"" + language + "\": " + u_errorName(status));
  std::vector<PlaceName> names;
  while (const icu::UnicodeString* zone = zones->snext(status)) {
    if (U_FAILURE(status)) break;
    icu::UnicodeString city;
    zone_names->getExemplarLocationName(*zone, city);
    if (!city.isEmpty()) names.push_back({"city/" + utf8(*zone), "city", utf8(city)});
  }
  if (U_FAILURE(status)) throw DataError(std::string("cannot list ICU's time zones: ") + u_errorName(status));
  return names;
}

std::string cldr_version() {
  UErrorCode status = U_ZERO_ERROR;
  UVersionInfo cldr;
  ulocdata_getCLDRVersion(cldr, &status);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(cldr, text);
  return std::string("ICU ") + U_ICU_VERSION + ", CLDR " + (U_SUCCESS(status) ? text : "unknown");
}

}  // namespace akhbar::resources
