/// @file language_code.h
/// @brief Normalises the language codes found in corpus records.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace akhbar::corpus::detail {

/// "en", "ru" or "ar" for a code naming English, Russian or Arabic, in any
/// case: ISO 639-1 ("EN"), ISO 639-2 ("eng", "rus", "ara"), a BCP 47 tag
/// ("en-US", "ar_EG") or the English name ("Arabic"). std::nullopt otherwise.
std::optional<std::string> normalise_language(std::string_view code);

}  // namespace akhbar::corpus::detail
