/// @file cross_script.h
/// @brief Transliteration keys: one name, every spelling. Khmeimim, Hmeimim,
/// Хмеймим (Хмеймиме) and حميميم reduce to keys that can be compared, while
/// look-alikes (Hama / Hamas, Homs / Hormuz, Tartus / Tartu) stay apart.
///
/// A key is a short ASCII string over a folded alphabet:
///   consonant classes  b d f g h j k l m n r s t z, and c for sh/ch/ш/ش
///                      (kh/x/х/ح/خ -> h, q/ق -> k, gh/غ -> g, dh/ذ -> d,
///                      th/ث -> t, dj/dzh/дж -> j, ts/ц -> s, v/p -> f/b)
///   vowel classes      a (a, e), i (i, y, ee, ei, ai...), u (o, u, ou, w...)
///   '                  a glottal stop or ayn (ع ء, or an apostrophe)
///   @                  a final Arabic ta marbuta (ة), which Latin writes as
///                      -a, -ah, -at or nothing
/// Doubled letters are collapsed and the Arabic article (al-, ash-, аль-,
/// аш-, ال...) is stripped. Arabic keys keep only the long vowels the script
/// writes (ا و ي); Latin and Cyrillic keys keep every vowel, and match an
/// Arabic key with some short vowels left out.
///
/// Usage:
/// @code
///   using namespace akhbar::analysis;
///   const NameKeys query = name_keys(normalize_word("Tartous"));
///   const NameKeys word = name_keys(normalize_word("طرطوس"));
///   same_name(query, word);                    // true
///   key_skeleton(query.keys.front());          // "trts": the lookup key
/// @endcode
///
/// All functions are thread-safe; name_keys() caches per word and thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace akhbar::analysis {

/// The keys of one word. `keys` is empty for a word that cannot be a name
/// (digits, other scripts, fewer than two consonants, over kMaxKeyedBytes).
struct NameKeys {
  /// True for Arabic-script words: their keys lack the short vowels.
  bool vowels_omitted = false;
  /// Distinct keys, the word as written first; then readings without
  /// clitics (Arabic لطرطوس -> طرطوس) or case endings (Russian Тартусе ->
  /// Тартус, Латакии -> Латакия).
  std::vector<std::string> keys;
  friend bool operator==(const NameKeys&, const NameKeys&) = default;
};

/// Longest normalised word, in bytes, that gets keys.
inline constexpr std::size_t kMaxKeyedBytes = 48;

/// The keys of `normalised_word` (the text of an analysed token, see
/// normalize_word()). Never throws; invalid UTF-8 gives no keys.
NameKeys name_keys(std::string_view normalised_word);

/// The consonants of `key`, in order: the coarse lookup key under which a
/// word is filed (schema.h), compared in full by same_name() afterwards.
std::string key_skeleton(std::string_view key);

/// True if the two words can be one name written differently:
///  - both Latin or Cyrillic: equal keys; keys of three consonants or more
///    that differ in one vowel (Idlib / Idleb); keys of four consonants or
///    more where one has one short vowel more (Hmeimim / Humaymim);
///  - one Arabic: the other's key, with some of its single inner short
///    vowels left out (a final vowel is always written), spells the Arabic key (initial alef stands for any vowel; ayn and
///    hamza for a vowel, an apostrophe or nothing; final ta marbuta for -a,
///    -t or nothing). At most one vowel may be left out of a name of three
///    consonants or fewer, so Hamas does not become حمص (Homs);
///  - both Arabic: equal keys.
/// False when either has no keys.
bool same_name(const NameKeys& a, const NameKeys& b);

}  // namespace akhbar::analysis
