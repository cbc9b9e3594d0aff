/// @file json.h
/// @brief JSON string literals, for the JSON lines akhbar writes (log
/// events, search results, summaries) and for programs that embed it.
#pragma once

#include <string>
#include <string_view>

namespace akhbar {

/// Appends `text` to `out` as a JSON string literal, quotes included.
/// Quote, backslash and control characters are escaped (\n, \t, ... or
/// \u00XX); every other byte, UTF-8 included, is copied as it is.
void append_json_string(std::string& out, std::string_view text);

/// `text` as a JSON string literal (see append_json_string()).
std::string json_string(std::string_view text);

}  // namespace akhbar
