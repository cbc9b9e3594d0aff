// Reading the iso-codes package: the ISO 3166-1 country list
// (/usr/share/iso-codes/json/iso_3166-1.json) and the gettext catalogs that
// translate its names (/usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace akhbar::resources {

/// One country of ISO 3166-1, with the English names iso-codes gives.
struct IsoCountry {
  std::string alpha_2;        ///< "CY"
  std::string name;           ///< "Cyprus"; sometimes inverted: "Korea, Republic of"
  std::string official_name;  ///< "Republic of Cyprus", or ""
  std::string common_name;    ///< "South Korea", or ""
};

/// The countries of an iso_3166-1.json file, in file order. Throws
/// akhbar::IoError if it cannot be read, akhbar::DataError ("FILE: reason")
/// if it is not JSON of that shape.
std::vector<IsoCountry> read_iso_3166_1(const std::string& path);

/// A gettext catalog: msgid -> msgstr (the first form of plural messages;
/// the header entry and untranslated messages left out). Throws
/// akhbar::IoError if it cannot be read, akhbar::DataError ("FILE: reason")
/// if it is not a .mo file.
std::unordered_map<std::string, std::string> read_mo_catalog(const std::string& path);

}  // namespace akhbar::resources
