/// @file gazetteer.h
/// @brief Names of countries, territories, world regions and cities in
/// English, Russian and Arabic, compiled when akhbar is built from packaged
/// data (ICU's CLDR display names and time-zone exemplar cities, iso-codes'
/// country names and their translations): China | Китай | الصين, Damascus |
/// Дамаск | دمشق. They reach names that differ per language, which
/// transliteration cannot.
///
/// The file is gazetteer.tsv in akhbar's data directory (format in
/// analysis/src/resource_format.h and the README). Every name was analysed
/// with news_analyzer() when it was compiled, so lookups take analysed
/// tokens.
///
/// Usage:
/// @code
///   const auto& gazetteer = akhbar::analysis::Gazetteer::shared();
///   const auto token = akhbar::analysis::news_analyzer().analyze("Уругвай").front();
///   for (const auto* group : gazetteer.groups_of(token))
///     for (const auto& name : group->names) std::cout << name.entry.original << "\n";
///       // Uruguay, Уругвай, الأوروغواي, Oriental Republic of Uruguay, ...
/// @endcode
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/analysis/lexicon.h"

namespace akhbar::analysis {

/// One name of a place in one language.
struct GazetteerName {
  /// Which name it is: "common" (CLDR's display name), "short" and
  /// "variant" (CLDR's alternatives: UK, Ivory Coast), "official" and
  /// "iso" (iso-codes' official and short names), "city" (an exemplar city).
  std::string form;
  LexiconEntry entry;  ///< its words and stems; `original` as the package wrote it
};

/// Every name of one place.
struct GazetteerGroup {
  /// "country/CY", "region/142" (a UN M.49 region), "city/Asia/Damascus".
  std::string id;
  std::vector<GazetteerName> names;
};

/// Immutable after loading; thread-safe to read.
class Gazetteer {
 public:
  /// An empty gazetteer.
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  /// Loads `path`. Throws IoError if it cannot be read and DataError
  /// ("FILE:LINE: reason") if its header is not a gazetteer's of this
  /// format and analysis version, or a line is malformed.
  static Gazetteer load(const std::string& path);

  /// The gazetteer akhbar ships: gazetteer.tsv in $AKHBAR_DATA_DIR, else in
  /// the installed data directory, else in the build tree. Loaded once, on
  /// first use. Throws what load() throws, and IoError naming the places it
  /// looked when the file is nowhere; a later call tries again.
  static const Gazetteer& shared();

  /// The groups that have a one-word name equal to the word of `token`, by
  /// text or, for an inflected form, by stem (stems of three letters or
  /// more), in file order, each once.
  std::vector<const GazetteerGroup*> groups_of(const Token& token) const;

  /// The groups that have a name of exactly these normalised words, in
  /// order ("saudi", "arabia"), in file order, each once.
  std::vector<const GazetteerGroup*> groups_named(const std::vector<std::string>& words) const;

  std::size_t group_count() const;
  std::size_t name_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akhbar::analysis
