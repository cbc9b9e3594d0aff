// Compiles gazetteer.tsv from ICU's CLDR data and the iso-codes package.
#pragma once

#include <cstddef>
#include <string>

namespace akhbar::resources {

/// Where the iso-codes package keeps its country list and translations.
struct IsoCodesFiles {
  std::string countries;  ///< iso_3166-1.json
  std::string russian;    ///< ru/LC_MESSAGES/iso_3166-1.mo
  std::string arabic;     ///< ar/LC_MESSAGES/iso_3166-1.mo
};

/// What a build kept, for the build log and the README.
struct GazetteerCounts {
  std::size_t groups = 0;       ///< places written
  std::size_t names = 0;        ///< names written
  std::size_t countries = 0;    ///< groups of countries and territories
  std::size_t regions = 0;      ///< groups of world regions
  std::size_t cities = 0;       ///< groups of exemplar cities
  std::size_t dropped = 0;      ///< names refused (stopwords, other scripts, too long)
};

/// Writes the gazetteer to `out_path` (resource_format.h): for every
/// country, territory, world region and exemplar city, its names in
/// English, Russian and Arabic from CLDR (display names with their short
/// and variant forms; exemplar cities) and iso-codes (short, common and
/// official names and their translations). Names are analysed with
/// news_analyzer(); a place left with names in fewer than two languages is
/// dropped. Throws akhbar::IoError / DataError naming the input or output
/// that failed.
GazetteerCounts build_gazetteer(const IsoCodesFiles& iso, const std::string& out_path);

}  // namespace akhbar::resources
