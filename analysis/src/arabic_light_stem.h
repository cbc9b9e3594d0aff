// Light stemming of Arabic: the proclitics and article in front of a word.
#pragma once

#include <string_view>

namespace akhbar::analysis::detail {

/// The word without its leading conjunction (و ف), preposition (ب ك ل) and
/// article (ال), e.g. والعقوبات -> عقوبات, بالقاعده -> قاعده, للقاعده -> قاعده,
/// وطرطوس -> طرطوس. A prefix is removed only when at least three letters
/// remain, so short words that merely begin with و or ب are kept whole.
/// Expects normalised text (see normalize_word); returns a view into `word`.
std::string_view strip_arabic_proclitics(std::string_view word) noexcept;

}  // namespace akhbar::analysis::detail
