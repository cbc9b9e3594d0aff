// build_translations(): dictd dictionaries -> ranked, filtered translations.
//
// How candidates are chosen, per direction:
//  1. Every entry's candidates in the dictionary's order (main sense
//     first), each analysed; kept when it is one or two words of the target
//     language's script and no stopword ("بعيدا عن", "away from", is a
//     preposition, and a phrase query holding a stopword matches loosely).
//  2. Ambiguity: a candidate that source words of kMaxSources stems or more
//     list among their first kConsidered candidates is a general word
//     ("дело", "вещь", "أمر") that would join unrelated words; it is
//     refused. Stems, not words: FreeDict lists Boycott, Boycotts and
//     Boycotting apart, and they are one word.
//  3. At most kMaxTranslations of what is left, in the dictionary's order.
//  4. English words are those Mueller's dictionary knows (by stem, so its
//     inflected forms count): FreeDict's English-Arabic and Arabic-English
//     lists hold some 70,000 English words, most of them rare or
//     derivations nobody searches for ("aaronical"), which would triple
//     the file; a word or translation outside Mueller's vocabulary is
//     left out.
//  5. Russian to English reads the English-Russian lists backwards: for a
//     Russian word, the English words that list it, those that list it
//     first before the others, then the ones that sound like it (their
//     transliteration keys' consonants begin alike: санкция and sanction,
//     not assent), then those with the longer entries (a dictionary writes
//     more about the words in common use).
//  6. Russian to Arabic and back go through English: the translations of
//     the word's English translations (of the other English words of their
//     stem where the word itself has none: санкция -> sanction -> sanctions
//     -> العقوبات), those reached through more English words first, then
//     through better-ranked ones.
#include "translations_builder.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

#include "akhbar/analysis/cross_script.h"
#include "analysed.h"
#include "dictd.h"
#include "dictionary_text.h"
#include "resource_format.h"

namespace akhbar::resources {
namespace {

namespace detail = analysis::detail;

constexpr std::size_t kMaxTranslations = 3;
constexpr std::size_t kMaxTranslationWords = 2;
constexpr std::size_t kConsidered = 6;
constexpr std::size_t kMaxSources = 10;
constexpr std::size_t kMinCognateConsonants = 3;

struct Target {
  Analysed analysed;
  std::string key;  ///< its words joined
  std::string via;
};

struct Source {
  std::string stem;
  std::vector<Target> targets;
  std::size_t entry_bytes = 0;  ///< length of its longest dictionary entry
};

/// Source word -> candidates (or, once chosen, translations), sorted by word.
using Table = std::map<std::string, Source>;

struct Direction {
  std::string from, to;
  std::string name() const { return from + "-" + to; }
};

enum class EntryKind { kMueller, kFreedict };

bool has_stopword(const Analysed& analysed) {
  return std::any_of(analysed.words.begin(), analysed.words.end(),
                     [](const std::string& word) { return analysis::is_stopword(word); });
}

/// Step 1 for one dictionary, added to `table`.
void add_dictionary(const DictdFiles& files, EntryKind kind, const Direction& direction, const std::string& via,
                    Table& table, TranslationCounts& counts) {
  for (const DictdEntry& entry : read_dictd(files.index, files.dict)) {
    // Mueller lists proper names too ("China": китайский); places are the
    // gazetteer's, so only its lower-case headwords are read.
    if (kind == EntryKind::kMueller && !entry.headword.empty() && entry.headword[0] >= 'A' && entry.headword[0] <= 'Z')
      continue;
    const Analysed headword = analyse(entry.headword);
    if (!usable(headword, direction.from, 1)) continue;
    Source& source = table[headword.words.front()];
    if (source.stem.empty()) source.stem = headword.stems.front();
    source.entry_bytes = std::max(source.entry_bytes, entry.text.size());
    const auto candidates = kind == EntryKind::kMueller ? mueller_translations(entry.text) : freedict_translations(entry.text);
    for (const std::string& text : candidates) {
      Analysed analysed = analyse(text);
      if (!usable(analysed, direction.to, kMaxTranslationWords) || has_stopword(analysed)) {
        ++counts.unusable;
        continue;
      }
      std::string key = detail::join_words(analysed.words);
      const bool known = std::any_of(source.targets.begin(), source.targets.end(),
                                     [&](const Target& target) { return target.key == key; });
      if (!known) source.targets.push_back({std::move(analysed), std::move(key), via});
    }
  }
}

/// The stems of the English words of `table` (step 4).
std::set<std::string> english_stems(const Table& table) {
  std::set<std::string> stems;
  for (const auto& [word, source] : table) stems.insert(source.stem.empty() ? word : source.stem);
  return stems;
}

bool known_english(const Analysed& english, const std::set<std::string>& vocabulary) {
  for (std::size_t i = 0; i < english.words.size(); ++i)
    if (vocabulary.count(english.stems[i].empty() ? english.words[i] : english.stems[i]) == 0) return false;
  return true;
}

/// `table` with only the English words of `vocabulary`: its source words
/// (`sources`) or its translations (otherwise).
Table within_vocabulary(Table table, const std::set<std::string>& vocabulary, bool sources) {
  for (auto it = table.begin(); it != table.end();) {
    if (sources) {
      const std::string& key = it->second.stem.empty() ? it->first : it->second.stem;
      it = vocabulary.count(key) != 0 ? std::next(it) : table.erase(it);
      continue;
    }
    std::erase_if(it->second.targets, [&](const Target& target) { return !known_english(target.analysed, vocabulary); });
    it = it->second.targets.empty() ? table.erase(it) : std::next(it);
  }
  return table;
}

/// Steps 2 and 3.
Table choose(const Table& candidates, TranslationCounts& counts) {
  std::unordered_map<std::string, std::set<std::string>> sources_of;  // candidate -> stems listing it
  for (const auto& [word, source] : candidates)
    for (std::size_t i = 0; i < source.targets.size() && i < kConsidered; ++i)
      sources_of[source.targets[i].key].insert(source.stem.empty() ? word : source.stem);
  Table chosen;
  for (const auto& [word, source] : candidates) {
    Source kept{source.stem, {}, source.entry_bytes};
    for (const Target& target : source.targets) {
      if (kept.targets.size() == kMaxTranslations) break;
      if (sources_of[target.key].size() >= kMaxSources) {
        ++counts.ambiguous;
        continue;
      }
      kept.targets.push_back(target);
    }
    if (!kept.targets.empty()) chosen.emplace(word, std::move(kept));
  }
  return chosen;
}

/// True if two words of different scripts sound alike: the consonants of
/// one's transliteration key begin with those of the other's, three at
/// least (санкция and sanction; not санкция and assent).
bool sound_alike(const std::string& a, const std::string& b) {
  const auto keys_a = analysis::name_keys(a), keys_b = analysis::name_keys(b);
  if (keys_a.keys.empty() || keys_b.keys.empty()) return false;
  const std::string x = analysis::key_skeleton(keys_a.keys.front()), y = analysis::key_skeleton(keys_b.keys.front());
  const auto [end_x, end_y] = std::mismatch(x.begin(), x.end(), y.begin(), y.end());
  return static_cast<std::size_t>(end_x - x.begin()) >= kMinCognateConsonants;
}

/// Step 5: `forward` (chosen translations) read backwards.
Table backwards(const Table& forward) {
  struct Use {
    std::size_t rank;   ///< the Russian word's place in the English word's list
    bool cognate;             ///< the English word sounds like the Russian one
    std::size_t entry_bytes;  ///< the length of the English word's entry
    std::string word;
    const Target* english;
    Analysed analysed;
  };
  std::map<std::string, std::pair<std::string, std::vector<Use>>> uses;  // word -> (stem, uses)
  for (const auto& [english, source] : forward) {
    for (std::size_t rank = 0; rank < source.targets.size(); ++rank) {
      const Target& target = source.targets[rank];
      if (target.analysed.words.size() != 1) continue;  // a phrase is no word to look up
      auto& entry = uses[target.key];
      entry.first = target.analysed.stems.front();
      entry.second.push_back({rank, sound_alike(english, target.key), source.entry_bytes, english, &target,
                              Analysed{{english}, {source.stem}, {}}});
    }
  }
  Table table;
  for (auto& [word, entry] : uses) {
    auto& list = entry.second;
    std::sort(list.begin(), list.end(), [](const Use& a, const Use& b) {
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.cognate != b.cognate) return a.cognate;
      if (a.entry_bytes != b.entry_bytes) return a.entry_bytes > b.entry_bytes;
      return a.word < b.word;
    });
    Source source{entry.first, {}};
    for (std::size_t i = 0; i < list.size() && i < kMaxTranslations; ++i)
      source.targets.push_back({list[i].analysed, list[i].word, list[i].english->via});
    table.emplace(word, std::move(source));
  }
  return table;
}

/// Step 6: `first` (into English) followed by `second` (out of English).
Table through_english(const Table& first, const Table& second) {
  std::map<std::string, std::vector<Table::const_iterator>> by_stem;  // English stem -> words of `second`
  for (auto it = second.begin(); it != second.end(); ++it) by_stem[it->second.stem.empty() ? it->first : it->second.stem].push_back(it);
  Table table;
  for (const auto& [word, source] : first) {
    struct Reach {
      std::size_t paths = 0;
      std::size_t best = 0;  ///< smallest sum of the two ranks
      const Target* target = nullptr;
      std::string via;
    };
    std::vector<Reach> reached;
    for (std::size_t i = 0; i < source.targets.size(); ++i) {
      const Analysed& word_in_english = source.targets[i].analysed;
      if (word_in_english.words.size() != 1) continue;
      const std::string& stem = word_in_english.stems.front().empty() ? word_in_english.words.front() : word_in_english.stems.front();
      const auto family = by_stem.find(stem);
      if (family == by_stem.end()) continue;
      // The word itself, or where it has no translation the other words of its stem.
      std::vector<Table::const_iterator> englishes = family->second;
      if (const auto it = second.find(word_in_english.words.front()); it != second.end()) englishes = {it};
      for (std::size_t w = 0; w < englishes.size(); ++w) {
      const auto& english = englishes[w];
      for (std::size_t j = 0; j < english->second.targets.size(); ++j) {
        const Target& target = english->second.targets[j];
        auto it = std::find_if(reached.begin(), reached.end(), [&](const Reach& r) { return r.target->key == target.key; });
        if (it == reached.end()) {
          reached.push_back({1, i + j + w, &target, "en:" + english->first});
        } else {
          ++it->paths;
          it->best = std::min(it->best, i + j + w);
        }
      }
      }
    }
    std::stable_sort(reached.begin(), reached.end(), [](const Reach& a, const Reach& b) {
      return a.paths != b.paths ? a.paths > b.paths : a.best < b.best;
    });
    Source out{source.stem, {}, source.entry_bytes};
    for (std::size_t k = 0; k < reached.size() && k < kMaxTranslations; ++k)
      out.targets.push_back({reached[k].target->analysed, reached[k].target->key, reached[k].via});
    if (!out.targets.empty()) table.emplace(word, std::move(out));
  }
  return table;
}

/// The lines of one direction, added to `rows` (written sorted by source
/// language and word, as the loader requires).
void add_rows(const Direction& direction, const Table& table, std::vector<std::vector<std::string>>& rows,
              TranslationCounts& counts) {
  for (const auto& [word, source] : table) {
    for (std::size_t rank = 0; rank < source.targets.size(); ++rank) {
      const Target& target = source.targets[rank];
      rows.push_back({direction.from, word, source.stem.empty() ? "-" : source.stem, direction.to, target.key,
                      detail::join_stems(target.analysed.stems), std::to_string(rank + 1), target.via});
    }
    ++counts.words[direction.name()];
    counts.pairs[direction.name()] += source.targets.size();
  }
}

}  // namespace

TranslationCounts build_translations(const DictionaryFiles& files, const std::string& out_path) {
  TranslationCounts counts;
  const Direction en_ru{"en", "ru"}, ru_en{"ru", "en"}, en_ar{"en", "ar"}, ar_en{"ar", "en"}, ru_ar{"ru", "ar"},
      ar_ru{"ar", "ru"};
  Table candidates;
  add_dictionary(files.mueller_en_ru, EntryKind::kMueller, en_ru, "mueller7", candidates, counts);
  add_dictionary(files.freedict_en_ru, EntryKind::kFreedict, en_ru, "freedict-eng-rus", candidates, counts);
  const std::set<std::string> vocabulary = english_stems(candidates);
  const Table english_russian = choose(candidates, counts);
  candidates.clear();
  add_dictionary(files.freedict_en_ar, EntryKind::kFreedict, en_ar, "freedict-eng-ara", candidates, counts);
  const Table english_arabic = choose(within_vocabulary(std::move(candidates), vocabulary, true), counts);
  candidates.clear();
  add_dictionary(files.freedict_ar_en, EntryKind::kFreedict, ar_en, "freedict-ara-eng", candidates, counts);
  const Table arabic_english = choose(within_vocabulary(std::move(candidates), vocabulary, false), counts);
  const Table russian_english = backwards(english_russian);

  detail::ResourceWriter out(out_path, detail::kTranslationsKind, detail::kTranslationsFormat,
                             {"FROM<TAB>WORD<TAB>STEM<TAB>TO<TAB>WORDS<TAB>STEMS<TAB>RANK<TAB>VIA",
                              "built from " + files.mueller_en_ru.index + ", " + files.freedict_en_ru.index + ", " +
                                  files.freedict_en_ar.index + ", " + files.freedict_ar_en.index});
  std::vector<std::vector<std::string>> rows;
  add_rows(en_ru, english_russian, rows, counts);
  add_rows(en_ar, english_arabic, rows, counts);
  add_rows(ru_en, russian_english, rows, counts);
  add_rows(ar_en, arabic_english, rows, counts);
  add_rows(ru_ar, through_english(russian_english, english_arabic), rows, counts);
  add_rows(ar_ru, through_english(arabic_english, english_russian), rows, counts);
  // By (FROM, WORD), then TO and RANK: the order of the rows of one
  // direction is kept (stable) and the ranks stay in order.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a[0], a[1], a[3]) < std::tie(b[0], b[1], b[3]);
  });
  for (const auto& row : rows) out.write(row);
  out.finish();
  return counts;
}

}  // namespace akhbar::resources
