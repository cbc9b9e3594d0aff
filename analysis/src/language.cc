// language_of() and detect_language(): languages from scripts.
//
// akhbar analyses one language per script, so counting letters by script is
// enough to tell its three languages apart, and needs no model.
#include <array>
#include <string>

#include "akhbar/analysis/analyzer.h"
#include "text_scan.h"

namespace akhbar::analysis {

std::string_view language_of(Script script) noexcept {
  switch (script) {
    case Script::kLatin:
      return "en";
    case Script::kCyrillic:
      return "ru";
    case Script::kArabic:
      return "ar";
    case Script::kNumber:
    case Script::kOther:
      break;
  }
  return "";
}

std::string detect_language(std::string_view text) {
  std::array<std::size_t, 5> letters{};  // indexed by Script
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      // ASCII fast path: most of an English text never reaches ICU.
      if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') ++letters[static_cast<std::size_t>(Script::kLatin)];
      ++i;
      continue;
    }
    ++letters[static_cast<std::size_t>(detail::script_of(detail::decode_utf8(text, i)))];
  }
  Script best = Script::kOther;
  std::size_t best_count = 0;
  for (Script script : {Script::kLatin, Script::kCyrillic, Script::kArabic}) {
    const std::size_t count = letters[static_cast<std::size_t>(script)];
    if (count > best_count) best = script, best_count = count;
  }
  return std::string(language_of(best));
}

}  // namespace akhbar::analysis
