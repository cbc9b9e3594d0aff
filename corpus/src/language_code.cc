// Language code normalisation: the engine knows three languages, and sources
// name them in many ways.
#include "language_code.h"

#include <array>
#include <utility>

namespace akhbar::corpus::detail {

std::optional<std::string> normalise_language(std::string_view code) {
  while (!code.empty() && (code.front() == ' ' || code.front() == '\t')) code.remove_prefix(1);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t')) code.remove_suffix(1);
  std::string primary;
  for (const char c : code) {
    if (c == '-' || c == '_') break;  // keep the primary subtag only
    primary += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kNames{{
      {"en", "en"}, {"eng", "en"}, {"english", "en"},
      {"ru", "ru"}, {"rus", "ru"}, {"russian", "ru"},
      {"ar", "ar"}, {"ara", "ar"}, {"arabic", "ar"},
  }};
  for (const auto& [name, normal] : kNames) {
    if (primary == name) return std::string(normal);
  }
  return std::nullopt;
}

}  // namespace akhbar::corpus::detail
