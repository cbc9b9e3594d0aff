// Place names from ICU's copy of the CLDR data: display names of countries,
// territories and world regions (with CLDR's short and variant forms), and
// the exemplar city of every time zone, in one language.
#pragma once

#include <string>
#include <vector>

namespace akhbar::resources {

/// One name of one place in one language.
struct PlaceName {
  std::string group;  ///< "country/CY", "region/142", "city/Asia/Damascus"
  std::string form;   ///< "common", "short", "variant", "city"
  std::string name;   ///< as CLDR writes it
};

/// The display names in `language` ("en", "ru", "ar") of every ISO 3166
/// country and territory and every UN M.49 region that ICU knows (the
/// world as a whole, CLDR's pseudo-regions and its unknown region left out), with CLDR's short and variant forms. Throws
/// akhbar::DataError if ICU's region data cannot be opened.
std::vector<PlaceName> cldr_region_names(const std::string& language);

/// The exemplar city of every canonical time zone with a location, in
/// `language`. Throws akhbar::DataError if ICU's time-zone names cannot be
/// opened.
std::vector<PlaceName> cldr_exemplar_cities(const std::string& language);

/// "ICU 72.1, CLDR 42.0": the versions the names come from.
std::string cldr_version();

}  // namespace akhbar::resources
