// build_gazetteer(): CLDR and iso-codes names, cleaned, analysed, grouped.
#include "gazetteer_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "analysed.h"
#include "cldr_names.h"
#include "iso_codes.h"
#include "resource_format.h"

namespace akhbar::resources {
namespace {

namespace detail = analysis::detail;

constexpr const char* kLanguages[] = {"en", "ru", "ar"};
/// Longest name kept, in words: longer official names ("United Kingdom of
/// Great Britain and Northern Ireland") are not written in running text.
constexpr std::size_t kMaxNameWords = 4;
constexpr std::string_view kCombiningAcute = "\u0301";  // stress marks in Russian names

struct Name {
  std::string form;
  std::string lang;
  std::string text;
};

/// A name as it is written in running text: without stress marks and
/// parenthesised notes; an exemplar city without the state after its comma
/// ("Vincennes, Indiana"). Inverted iso-codes names ("Korea, Republic of")
/// give "".
std::string clean_name(std::string text, bool city) {
  for (std::size_t at; (at = text.find(kCombiningAcute)) != std::string::npos;) text.erase(at, kCombiningAcute.size());
  std::string plain;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) plain.push_back(c);
  }
  for (std::string_view comma : {",", "\u060C"}) {
    const std::size_t at = plain.find(comma);
    if (at == std::string::npos) continue;
    if (!city) return {};
    plain.resize(at);
  }
  return plain;
}

}  // namespace

GazetteerCounts build_gazetteer(const IsoCodesFiles& iso, const std::string& out_path) {
  std::map<std::string, std::vector<Name>> places;  // group id -> names, ids sorted
  for (const char* lang : kLanguages) {
    for (PlaceName& name : cldr_region_names(lang)) places[name.group].push_back({name.form, lang, std::move(name.name)});
    for (PlaceName& name : cldr_exemplar_cities(lang)) places[name.group].push_back({name.form, lang, std::move(name.name)});
  }
  const auto countries = read_iso_3166_1(iso.countries);
  const auto russian = read_mo_catalog(iso.russian);
  const auto arabic = read_mo_catalog(iso.arabic);
  for (const IsoCountry& country : countries) {
    auto& names = places["country/" + country.alpha_2];
    for (const auto& [english, form] : {std::pair{country.name, "iso"}, std::pair{country.common_name, "iso"},
                                        std::pair{country.official_name, "official"}}) {
      if (english.empty()) continue;
      names.push_back({form, "en", english});
      if (const auto it = russian.find(english); it != russian.end()) names.push_back({form, "ru", it->second});
      if (const auto it = arabic.find(english); it != arabic.end()) names.push_back({form, "ar", it->second});
    }
  }

  GazetteerCounts counts;
  detail::ResourceWriter out(out_path, detail::kGazetteerKind, detail::kGazetteerFormat,
                     {"GROUP<TAB>FORM<TAB>LANG<TAB>WORDS<TAB>STEMS<TAB>NAME",
                      "built from " + cldr_version() + " and iso-codes (" + iso.countries + ", " + iso.russian +
                          ", " + iso.arabic + ")"});
  for (const auto& [group, names] : places) {
    const bool city = group.starts_with("city/");
    std::vector<std::vector<std::string>> row;
    std::set<std::pair<std::string, std::string>> seen;  // (lang, words)
    std::set<std::string> languages;
    for (const Name& name : names) {
      const std::string text = clean_name(name.text, city);
      const Analysed analysed = analyse(text);
      if (!usable(analysed, name.lang, kMaxNameWords)) {
        ++counts.dropped;
        continue;
      }
      const std::string words = detail::join_words(analysed.words);
      if (!seen.emplace(name.lang, words).second) continue;
      languages.insert(name.lang);
      row.push_back({group, name.form, name.lang, words, detail::join_stems(analysed.stems), text});
    }
    if (languages.size() < 2) {
      counts.dropped += row.size();
      continue;
    }
    for (const auto& fields : row) out.write(fields);
    ++counts.groups;
    counts.names += row.size();
    if (group.starts_with("country/")) ++counts.countries;
    else if (group.starts_with("region/")) ++counts.regions;
    else ++counts.cities;
  }
  out.finish();
  return counts;
}

}  // namespace akhbar::resources
