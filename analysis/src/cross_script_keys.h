// The stages behind name_keys() and same_name() (cross_script.h), exposed
// for tests that check each one alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace akhbar::analysis::detail {

/// Russian (normalised, lower-case) letters -> ASCII Latin, in the common
/// news romanisation: х -> kh, ш -> sh, ж -> zh, ц -> ts, й -> y, я -> ya,
/// ь and ъ dropped. Hyphens and apostrophes are kept; any other character
/// gives std::nullopt.
std::optional<std::string> romanize_cyrillic(std::string_view word);

/// Lower-case Latin letters with diacritics -> ASCII (é -> e, ş -> s,
/// ß -> ss). Hyphens and apostrophes are kept; a non-Latin letter, digit or
/// other character gives std::nullopt.
std::optional<std::string> fold_latin(std::string_view word);

/// The key of an ASCII Latin word (see cross_script.h), article stripped;
/// "" when it has fewer than two consonants.
std::string latin_key(std::string_view ascii_word);

/// The key of one normalised Arabic word, without clitic stripping other than
/// the article; "" when it has fewer than two consonants or a letter outside
/// the Arabic alphabet.
std::string arabic_key(std::string_view word);

/// Fewest single short vowels of `latin` (a Latin or Cyrillic key) that must
/// be left out for it to spell `arabic` (an Arabic key); std::nullopt when no
/// number does.
std::optional<int> vowels_left_out(std::string_view latin, std::string_view arabic);

}  // namespace akhbar::analysis::detail
