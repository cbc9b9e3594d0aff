// Transliteration keys (cross_script.h): our own tables rather than ICU
// transforms, which run at a fraction of the speed and cannot fold the
// variation of news spellings (kh/h, ou/u, doubled letters) anyway.
//
// Invariants:
//  1. A key holds only the symbols cross_script.h lists, so keys of all three
//     scripts are directly comparable.
//  2. Latin and Cyrillic words go through one path: Cyrillic is romanised to
//     ASCII first, then folded like Latin, so Хмеймим and Khmeimim meet.
//  3. Arabic keys never hold short vowels; every other difference between
//     scripts is settled in vowels_left_out(), not by weakening the keys.
#include "cross_script_keys.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "akhbar/analysis/cross_script.h"
#include "arabic_light_stem.h"
#include "text_scan.h"
#include "word_cache.h"

namespace akhbar::analysis {
namespace detail {
namespace {

constexpr std::size_t kCachedWords = 1 << 16;
/// A reading without a clitic or case ending must keep this many letters, or
/// short words would turn into other words (Хама -> Хам).
constexpr std::size_t kMinimumBaseLetters = 3;
constexpr std::size_t kMinimumStrippedBaseLetters = 4;
/// Names of this many consonants or more may differ in more short vowels.
constexpr int kLongNameConsonants = 4;
/// Latin spellings of a name this long may differ in one vowel (Idlib / Idleb).
constexpr int kVowelVariantConsonants = 3;

constexpr char kGlottal = '\'';
constexpr char kTaMarbuta = '@';

bool is_vowel(char symbol) { return symbol == 'a' || symbol == 'i' || symbol == 'u'; }

bool is_consonant(char symbol) { return symbol >= 'b' && symbol <= 'z' && !is_vowel(symbol); }

int consonants_in(std::string_view key) {
  return static_cast<int>(std::count_if(key.begin(), key.end(), is_consonant));
}

/// Too few of these and a key says too little to compare (a, al, the).
bool spells_enough(std::string_view key) {
  return std::count_if(key.begin(), key.end(), [](char symbol) {
           return is_consonant(symbol) || symbol == kGlottal;
         }) >= 2;
}

std::size_t letters_in(std::string_view word) {
  std::size_t letters = 0;
  for (char byte : word)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++letters;
  return letters;
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2011; }

/// Collapses runs of one symbol (Lattakia -> latakia, Sharaa -> shara).
std::string collapse_doubles(std::string key) {
  key.erase(std::unique(key.begin(), key.end()), key.end());
  return key;
}

// ---- Latin ----------------------------------------------------------------

/// Articles written before Arabic names in Latin and romanised Cyrillic.
constexpr std::string_view kLatinArticles[] = {
    "al-", "el-", "ul-", "ash-", "ech-", "as-", "es-", "ad-", "ed-", "at-", "et-",
    "ar-", "er-", "az-", "ez-", "an-", "en-", "ath-", "adh-", "al'-", "el'-"};

/// Spellings of one sound, longest first at each position.
struct Digraph {
  std::string_view spelling;
  std::string_view symbols;
};
constexpr Digraph kDigraphs[] = {
    {"shch", "c"}, {"dzh", "j"}, {"kh", "h"}, {"gh", "g"}, {"sh", "c"}, {"ch", "c"},
    {"zh", "z"},   {"th", "t"},  {"dh", "d"}, {"ts", "s"}, {"tz", "s"}, {"dj", "j"},
    {"ph", "f"},   {"ck", "k"},  {"ee", "i"}, {"oo", "u"}, {"ou", "u"}, {"ei", "i"},
    {"ey", "i"},   {"ai", "i"},  {"ay", "i"},
};

char latin_symbol(char letter) {
  switch (letter) {
    case 'a': case 'e': return 'a';
    case 'i': case 'y': return 'i';
    case 'o': case 'u': case 'w': return 'u';
    case 'p': return 'b';
    case 'c': case 'q': return 'k';
    case 'v': return 'f';
    case 'x': return 'h';
    case '\'': return kGlottal;
    default: return (letter >= 'a' && letter <= 'z') ? letter : '\0';
  }
}

// ---- Cyrillic ---------------------------------------------------------------

std::string_view cyrillic_latin(char32_t c) {
  static constexpr std::array<std::string_view, 32> kLetters = {
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
      "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  if (c >= 0x0430 && c <= 0x044F) return kLetters[c - 0x0430];
  if (c == 0x0451) return "yo";
  return {};
}

/// Readings of a Russian word without its case ending: the nominative of a
/// name in -ия, in -а, or ending in a consonant.
std::vector<std::string> cyrillic_readings(std::string_view word) {
  struct Ending {
    std::string_view ending, replacement;
    std::size_t minimum_base;
  };
  static constexpr Ending kEndings[] = {
      {"ией", "ия", kMinimumBaseLetters}, {"ии", "ия", kMinimumBaseLetters},
      {"ию", "ия", kMinimumBaseLetters},  {"ой", "а", kMinimumBaseLetters},
      {"ою", "а", kMinimumBaseLetters},   {"ы", "а", kMinimumBaseLetters},
      {"е", "а", kMinimumBaseLetters},    {"у", "а", kMinimumBaseLetters},
      {"ом", "", kMinimumStrippedBaseLetters}, {"ем", "", kMinimumStrippedBaseLetters},
      {"а", "", kMinimumStrippedBaseLetters},  {"у", "", kMinimumStrippedBaseLetters},
      {"е", "", kMinimumStrippedBaseLetters},
  };
  std::vector<std::string> readings{std::string(word)};
  for (const Ending& rule : kEndings) {
    if (!word.ends_with(rule.ending)) continue;
    const std::string_view base = word.substr(0, word.size() - rule.ending.size());
    if (letters_in(base) < rule.minimum_base) continue;
    // Never read a hyphen as the end of a name (аш-Шараа -> аш-).
    if (base.ends_with('-')) continue;
    readings.push_back(std::string(base).append(rule.replacement));
  }
  return readings;
}

// ---- Arabic -----------------------------------------------------------------

char arabic_symbol(char32_t c) {
  switch (c) {
    case 0x0627: case 0x0623: case 0x0625: case 0x0622: case 0x0671: return 'a';
    case 0x0628: case 0x067E: return 'b';
    case 0x062A: case 0x062B: case 0x0637: return 't';
    case 0x062C: return 'j';
    case 0x062D: case 0x062E: case 0x0647: case 0x06C1: return 'h';
    case 0x062F: case 0x0630: case 0x0636: return 'd';
    case 0x0631: return 'r';
    case 0x0632: case 0x0638: case 0x0698: return 'z';
    case 0x0633: case 0x0635: return 's';
    case 0x0634: case 0x0686: return 'c';
    case 0x0639: case 0x0621: case 0x0624: case 0x0626: return kGlottal;
    case 0x063A: case 0x06AF: return 'g';
    case 0x0641: case 0x06A4: return 'f';
    case 0x0642: case 0x0643: case 0x06A9: return 'k';
    case 0x0644: return 'l';
    case 0x0645: return 'm';
    case 0x0646: return 'n';
    case 0x0648: return 'u';
    case 0x064A: case 0x0649: case 0x06CC: return 'i';
    case 0x0629: return kTaMarbuta;
    default: return '\0';
  }
}

bool is_arabic_mark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
}

constexpr std::string_view kArabicArticle = "\u0627\u0644";  // ال
/// One-letter proclitics (و ف ب ك ل), which strip_arabic_proclitics() keeps
/// unless an article follows: for a name they are a reading worth trying.
constexpr std::string_view kArabicProclitics[] = {"\u0648", "\u0641", "\u0628", "\u0643", "\u0644"};

std::string_view without_article(std::string_view word) {
  if (word.starts_with(kArabicArticle) &&
      letters_in(word.substr(kArabicArticle.size())) >= kMinimumBaseLetters)
    return word.substr(kArabicArticle.size());
  return word;
}

// ---- Keys of a word ---------------------------------------------------------

enum class WordScript { kNone, kLatin, kCyrillic, kArabic };

WordScript script_of_word(std::string_view word) {
  WordScript found = WordScript::kNone;
  std::size_t i = 0;
  while (i < word.size()) {
    const char32_t c = decode_utf8(word, i);
    if (is_hyphen(c) || is_apostrophe(c)) continue;
    WordScript script = WordScript::kNone;
    switch (detail::script_of(c)) {
      case Script::kLatin: script = WordScript::kLatin; break;
      case Script::kCyrillic: script = WordScript::kCyrillic; break;
      case Script::kArabic: script = WordScript::kArabic; break;
      case Script::kNumber:
      case Script::kOther:
        if (is_arabic_mark(c)) continue;
        return WordScript::kNone;
    }
    if (found != WordScript::kNone && found != script) return WordScript::kNone;
    found = script;
  }
  return found;
}

void add_key(std::vector<std::string>& keys, std::string key) {
  if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) return;
  keys.push_back(std::move(key));
}

NameKeys compute_keys(std::string_view word) {
  NameKeys keys;
  if (word.empty() || word.size() > kMaxKeyedBytes) return keys;
  switch (script_of_word(word)) {
    case WordScript::kNone:
      break;
    case WordScript::kLatin:
      if (auto ascii = fold_latin(word)) add_key(keys.keys, latin_key(*ascii));
      break;
    case WordScript::kCyrillic:
      for (const std::string& reading : cyrillic_readings(word))
        if (auto ascii = romanize_cyrillic(reading)) add_key(keys.keys, latin_key(*ascii));
      break;
    case WordScript::kArabic: {
      keys.vowels_omitted = true;
      add_key(keys.keys, arabic_key(word));
      add_key(keys.keys, arabic_key(strip_arabic_proclitics(word)));
      for (std::string_view proclitic : kArabicProclitics) {
        if (!word.starts_with(proclitic)) continue;
        const std::string_view rest = word.substr(proclitic.size());
        if (letters_in(without_article(rest)) >= kMinimumBaseLetters) add_key(keys.keys, arabic_key(rest));
      }
      break;
    }
  }
  return keys;
}

/// Both keys Latin or Cyrillic: equal; one vowel apart in a name of three
/// consonants or more (Idlib / Idleb); or one short vowel apart in a long one.
bool same_latin(std::string a, std::string b) {
  std::erase(a, kGlottal);
  std::erase(b, kGlottal);
  a = collapse_doubles(std::move(a));
  b = collapse_doubles(std::move(b));
  if (a == b) return true;
  if (a.size() == b.size()) {
    if (consonants_in(a) < kVowelVariantConsonants) return false;
    std::size_t differences = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) continue;
      if (!is_vowel(a[i]) || !is_vowel(b[i])) return false;
      ++differences;
    }
    return differences == 1;
  }
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() != b.size() + 1 || consonants_in(b) < kLongNameConsonants) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool single_vowel = is_vowel(a[i]) && (i == 0 || !is_vowel(a[i - 1])) &&
                              (i + 1 == a.size() || !is_vowel(a[i + 1]));
    if (single_vowel && a.compare(0, i, b, 0, i) == 0 && a.compare(i + 1, std::string::npos, b, i) == 0)
      return true;
  }
  return false;
}

bool same_across_scripts(std::string_view latin, std::string_view arabic) {
  const std::optional<int> left_out = vowels_left_out(latin, arabic);
  if (!left_out) return false;
  const int consonants = consonants_in(arabic);
  const int allowed = consonants < kLongNameConsonants ? 1 : consonants - 2;
  return *left_out <= allowed;
}

}  // namespace

std::optional<std::string> romanize_cyrillic(std::string_view word) {
  std::string out;
  std::size_t i = 0;
  while (i < word.size()) {
    const char32_t c = decode_utf8(word, i);
    if (is_hyphen(c)) {
      out += '-';
    } else if (is_apostrophe(c)) {
      out += '\'';
    } else if (c == 0x044A || c == 0x044C) {
      continue;  // hard and soft signs: no sound of their own
    } else if (const std::string_view latin = cyrillic_latin(c); !latin.empty()) {
      out += latin;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::optional<std::string> fold_latin(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  std::size_t i = 0;
  while (i < word.size()) {
    const char32_t c = decode_utf8(word, i);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || c == '-' || c == '\'') {
        out += static_cast<char>(c);
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
        continue;
      }
      return std::nullopt;
    }
    if (is_hyphen(c)) { out += '-'; continue; }
    if (is_apostrophe(c) || c == 0x02BF || c == 0x02BE) { out += '\''; continue; }
    switch (c) {
      case 0x00DF: out += "ss"; continue;  // ß
      case 0x00E6: out += "ae"; continue;  // æ
      case 0x0153: out += "oe"; continue;  // œ
      case 0x00F8: out += 'o'; continue;   // ø
      case 0x0111: out += 'd'; continue;   // đ
      case 0x0142: out += 'l'; continue;   // ł
      case 0x0131: out += 'i'; continue;   // dotless ı
      case 0x00FE: out += "th"; continue;  // þ
      case 0x00F0: out += 'd'; continue;   // ð
      default: break;
    }
    // Letters with diacritics: the base letter of their decomposition.
    icu::UnicodeString decomposed;
    if (U_FAILURE(status) || nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(c), decomposed))
      return std::nullopt;
    const UChar base = decomposed.charAt(0);
    if (base >= 'a' && base <= 'z') {
      out += static_cast<char>(base);
    } else if (base >= 'A' && base <= 'Z') {
      out += static_cast<char>(base - 'A' + 'a');
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::string latin_key(std::string_view ascii_word) {
  std::string_view word = ascii_word;
  for (std::string_view article : kLatinArticles) {
    if (!word.starts_with(article)) continue;
    const std::string_view rest = word.substr(article.size());
    const auto letters = std::count_if(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (letters >= static_cast<long>(kMinimumBaseLetters)) word = rest;
    break;
  }
  std::string key;
  std::size_t i = 0;
  while (i < word.size()) {
    if (word[i] == '-') {  // Deir-ez-Zor: one name
      ++i;
      continue;
    }
    bool matched = false;
    for (const Digraph& digraph : kDigraphs) {
      if (word.compare(i, digraph.spelling.size(), digraph.spelling) == 0) {
        key += digraph.symbols;
        i += digraph.spelling.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char symbol = latin_symbol(word[i]);
    if (symbol == '\0') return {};
    key += symbol;
    ++i;
  }
  key = collapse_doubles(std::move(key));
  // A final h after a vowel is the Arabic ta marbuta or a silent letter
  // (Hamah, Jablah, Latakiyah): the same name as without it.
  if (key.size() >= 2 && key.back() == 'h' && is_vowel(key[key.size() - 2])) key.pop_back();
  if (!spells_enough(key)) return {};
  return key;
}

std::string arabic_key(std::string_view word) {
  const std::string_view stem = without_article(word);
  std::string key;
  std::size_t i = 0;
  while (i < stem.size()) {
    const char32_t c = decode_utf8(stem, i);
    if (is_arabic_mark(c)) continue;
    const char symbol = arabic_symbol(c);
    if (symbol == '\0') return {};
    // A final ه is the ta marbuta that normalisation folded into it.
    key += (symbol == 'h' && i == stem.size() && c == 0x0647) ? kTaMarbuta : symbol;
  }
  key = collapse_doubles(std::move(key));
  if (!spells_enough(key)) return {};
  return key;
}

std::optional<int> vowels_left_out(std::string_view latin, std::string_view arabic) {
  const std::size_t n = latin.size();
  const std::size_t m = arabic.size();
  constexpr int kImpossible = 1 << 20;
  // best[i][j]: fewest vowels left out to spell arabic[j..] with latin[i..].
  std::vector<int> best((n + 1) * (m + 1), kImpossible);
  auto at = [&](std::size_t i, std::size_t j) -> int& { return best[i * (m + 1) + j]; };
  at(n, m) = 0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      if (i == n && j == m) continue;
      int result = kImpossible;
      auto consider = [&](int value) { result = std::min(result, value); };
      if (j < m) {
        const char a = arabic[j];
        if (a == kGlottal || a == kTaMarbuta) consider(at(i, j + 1));  // written in Arabic only
        if (i < n) {
          const char l = latin[i];
          if (l == a) consider(at(i + 1, j + 1));
          if (a == 'a' && j == 0 && is_vowel(l)) consider(at(i + 1, j + 1));  // initial alef
          if (a == kGlottal && is_vowel(l)) consider(at(i + 1, j + 1));
          if (a == kTaMarbuta && (l == 'a' || (l == 't' && i + 1 == n))) consider(at(i + 1, j + 1));
        }
      }
      if (i < n) {
        const char l = latin[i];
        if (l == kGlottal) consider(at(i + 1, j));
        // A final vowel is always written in Arabic (ا ة ى ي و ع), so only
        // an inner one may be left out: Hama is حماة, never خام.
        const bool short_vowel = is_vowel(l) && i + 1 < n && (i == 0 || !is_vowel(latin[i - 1])) &&
                                 !is_vowel(latin[i + 1]);
        if (short_vowel) consider(at(i + 1, j) + 1);
      }
      at(i, j) = result;
    }
  }
  if (at(0, 0) >= kImpossible) return std::nullopt;
  return at(0, 0);
}

}  // namespace detail

NameKeys name_keys(std::string_view normalised_word) {
  thread_local detail::WordCache<NameKeys> cache(detail::kCachedWords);
  return cache.get(normalised_word, detail::compute_keys);
}

std::string key_skeleton(std::string_view key) {
  std::string skeleton;
  for (char symbol : key)
    if (detail::is_consonant(symbol)) skeleton += symbol;
  return skeleton;
}

bool same_name(const NameKeys& a, const NameKeys& b) {
  for (const std::string& x : a.keys) {
    for (const std::string& y : b.keys) {
      if (a.vowels_omitted == b.vowels_omitted) {
        if (a.vowels_omitted ? x == y : detail::same_latin(x, y)) return true;
      } else if (a.vowels_omitted ? detail::same_across_scripts(y, x)
                                  : detail::same_across_scripts(x, y)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace akhbar::analysis
