/// @file article_id.h
/// @brief Stable identifiers for articles whose source gives none.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace akhbar::corpus::detail {

/// 64-bit FNV-1a hash of `bytes`: small, fast, and the same on every platform.
std::uint64_t fnv1a_64(std::string_view bytes);

/// "u" followed by the 16 lower-case hex digits of fnv1a_64(url).
std::string id_from_url(std::string_view url);

/// "h" followed by 16 hex digits of a hash of the title and the body.
std::string id_from_content(std::string_view title, std::string_view body);

}  // namespace akhbar::corpus::detail
