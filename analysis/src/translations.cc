// Translations: loads translations.tsv (resource_format.h) and finds the
// translations of a word, by its text or its stem.
//
// The file is kept whole in memory and each entry is a line of it: an entry
// costs its line and a few dozen bytes, and loading builds no string per
// field. The builder writes the lines sorted by (FROM, WORD), so a word is
// found by binary search in file order; stems are found through a table of
// their hashes.
//
// Invariants of Translations::Impl:
//  1. `entries` are in file order, which is (FROM, WORD) order (checked on
//     loading); a word's translations into one language come best rank
//     first.
//  2. `by_stem` holds (hash of FROM and STEM, entry) sorted, ties in file
//     order, without stems shorter than kMinStemLetters.
#include "akhbar/analysis/translations.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iterator>
#include <unordered_set>
#include <utility>

#include "akhbar/error.h"
#include "akhbar/data_files.h"
#include "resource_format.h"

namespace akhbar::analysis {
namespace {

/// Shorter stems are not looked up: Snowball gives Китая the stem кит
/// ("whale"), and a three-letter stem joins too many unrelated words.
constexpr std::size_t kMinStemLetters = 4;
constexpr int kMaxRank = 9;

enum Field : std::size_t { kFrom, kWord, kStem, kTo, kWords, kStems, kRank, kVia };

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

bool known_language(std::string_view lang) { return lang == "en" || lang == "ru" || lang == "ar"; }

}  // namespace

struct Translations::Impl {
  /// One line of `text`: where it starts and where each field starts.
  struct Entry {
    std::uint32_t begin = 0;
    std::array<std::uint16_t, detail::kTranslationsFields + 1> field{};  ///< offsets from begin; last = end + 1
    std::uint8_t rank = 0;
  };
  std::string text;
  std::vector<Entry> entries;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_stem;

  std::string_view field(const Entry& entry, std::size_t f) const {
    return std::string_view(text).substr(entry.begin + entry.field[f], entry.field[f + 1] - entry.field[f] - 1);
  }
  static std::uint64_t hash(std::string_view from, std::string_view stem) {
    return std::hash<std::string_view>()(stem) * 31 + std::hash<std::string_view>()(from);
  }
  /// The entries whose source is `word` of language `from`.
  std::vector<std::uint32_t> with_word(std::string_view from, std::string_view word) const {
    const std::pair wanted(from, word);
    const auto range = std::equal_range(entries.begin(), entries.end(), wanted, [&](const auto& a, const auto& b) {
      if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Entry>) {
        return std::pair(field(a, kFrom), field(a, kWord)) < b;
      } else {
        return a < std::pair(field(b, kFrom), field(b, kWord));
      }
    });
    std::vector<std::uint32_t> found;
    for (auto it = range.first; it != range.second; ++it) found.push_back(static_cast<std::uint32_t>(it - entries.begin()));
    return found;
  }
  /// The entries whose source has stem `stem` in language `from`.
  std::vector<std::uint32_t> with_stem(std::string_view from, std::string_view stem) const {
    const std::uint64_t wanted = hash(from, stem);
    const auto first = std::lower_bound(by_stem.begin(), by_stem.end(), std::pair(wanted, std::uint32_t{0}));
    std::vector<std::uint32_t> found;
    for (auto it = first; it != by_stem.end() && it->first == wanted; ++it)
      if (field(entries[it->second], kStem) == stem && field(entries[it->second], kFrom) == from) found.push_back(it->second);
    return found;
  }
};

Translations::Translations() : impl_(std::make_unique<Impl>()) {}
Translations::~Translations() = default;
Translations::Translations(Translations&&) noexcept = default;
Translations& Translations::operator=(Translations&&) noexcept = default;

Translations Translations::load(const std::string& path) {
  Translations translations;
  Impl& impl = *translations.impl_;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot read " + std::string(detail::kTranslationsKind) + " file \"" + path + "\"");
    impl.text = detail::read_whole(in);
    if (in.bad()) throw IoError("error while reading " + std::string(detail::kTranslationsKind) + " file \"" + path + "\"");
  }
  if (impl.text.size() >= UINT32_MAX) throw DataError(path + ": too large for a translations file");
  detail::for_each_resource_line(
      impl.text, path, detail::kTranslationsKind, detail::kTranslationsFormat, detail::kTranslationsFields,
      [&](const std::vector<std::string_view>& fields, std::size_t line) {
        const std::string_view from = fields[kFrom], word = fields[kWord], to = fields[kTo];
        if (!known_language(from) || !known_language(to) || from == to)
          detail::resource_line_error(path, line, "expected two different languages of en, ru, ar, found \"" +
                                                      std::string(from) + "\" and \"" + std::string(to) + "\"");
        if (fields.back().data() + fields.back().size() - fields[0].data() >= UINT16_MAX)
          detail::resource_line_error(path, line, "line too long");
        if (word.empty() || word.find(' ') != std::string_view::npos)
          detail::resource_line_error(path, line, "the translated word must be one word");
        if (fields[kWords].empty() || std::count(fields[kStems].begin(), fields[kStems].end(), ' ') !=
                                          std::count(fields[kWords].begin(), fields[kWords].end(), ' '))
          detail::resource_line_error(path, line, "a translation needs words and one stem (or \"-\") per word");
        int rank = 0;
        const std::string_view rank_text = fields[kRank];
        const auto [end, error] = std::from_chars(rank_text.data(), rank_text.data() + rank_text.size(), rank);
        if (error != std::errc() || end != rank_text.data() + rank_text.size() || rank < 1 || rank > kMaxRank)
          detail::resource_line_error(path, line, "rank \"" + std::string(rank_text) + "\" is not 1 to " +
                                                      std::to_string(kMaxRank));
        Impl::Entry entry;
        entry.begin = static_cast<std::uint32_t>(fields[0].data() - impl.text.data());
        for (std::size_t f = 0; f < fields.size(); ++f)
          entry.field[f] = static_cast<std::uint16_t>(fields[f].data() - fields[0].data());
        entry.field[fields.size()] = static_cast<std::uint16_t>(fields.back().data() + fields.back().size() + 1 -
                                                                fields[0].data());
        entry.rank = static_cast<std::uint8_t>(rank);
        if (!impl.entries.empty()) {
          const Impl::Entry& previous = impl.entries.back();
          if (std::pair(from, word) < std::pair(impl.field(previous, kFrom), impl.field(previous, kWord)))
            detail::resource_line_error(path, line, "lines are not sorted by language and word: rebuild the resources");
        }
        impl.entries.push_back(entry);
      });
  for (std::uint32_t e = 0; e < impl.entries.size(); ++e) {
    const std::string_view stem = impl.field(impl.entries[e], kStem);
    if (stem != "-" && code_points(stem) >= kMinStemLetters)
      impl.by_stem.emplace_back(Impl::hash(impl.field(impl.entries[e], kFrom), stem), e);
  }
  std::sort(impl.by_stem.begin(), impl.by_stem.end());
  return translations;
}

const Translations& Translations::shared() {
  // A static whose initialiser throws is initialised again by the next call.
  static const Translations translations = load(akhbar::data_path(detail::kTranslationsFileName));
  return translations;
}

std::vector<Translation> Translations::of(const Token& token, std::string_view lang) const {
  const std::string_view from = language_of(token.script);
  std::vector<Translation> result;
  if (from.empty() || from == lang) return result;
  const auto collect = [&](const std::vector<std::uint32_t>& found) {
    std::unordered_set<std::string_view> seen;
    for (const std::uint32_t e : found) {
      const Impl::Entry& entry = impl_->entries[e];
      if (impl_->field(entry, kTo) != lang || !seen.insert(impl_->field(entry, kWords)).second) continue;
      Translation translation;
      translation.entry.words = detail::split_words(impl_->field(entry, kWords));
      translation.entry.stems = detail::split_stems(impl_->field(entry, kStems));
      translation.entry.lang = std::string(lang);
      translation.entry.original = std::string(impl_->field(entry, kWords));
      translation.rank = entry.rank;
      translation.via = std::string(impl_->field(entry, kVia));
      result.push_back(std::move(translation));
    }
  };
  // The word's own translations into `lang`; where it has none (it may have
  // some into the other language), those of the words of its stem.
  collect(impl_->with_word(from, token.text));
  if (result.empty() && code_points(token.stem) >= kMinStemLetters) collect(impl_->with_stem(from, token.stem));
  std::stable_sort(result.begin(), result.end(),
                   [](const Translation& a, const Translation& b) { return a.rank < b.rank; });
  return result;
}

std::size_t Translations::size() const { return impl_->entries.size(); }

}  // namespace akhbar::analysis
