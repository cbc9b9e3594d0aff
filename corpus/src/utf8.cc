// UTF-8 repair: corpus text must be valid UTF-8 before it reaches ICU and
// Xapian, and one bad byte must not cost the whole record.
#include "utf8.h"

#include <cstdint>

namespace akhbar::corpus::detail {
namespace {

// Length of the well-formed sequence starting at text[pos], or 0 if it is
// ill-formed. On failure, `bad` receives the length of the maximal subpart
// to replace (at least 1). Ranges follow Table 3-7 of the Unicode standard.
std::size_t sequence_length(std::string_view text, std::size_t pos, std::size_t& bad) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  bad = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;   // no overlong forms
    if (lead == 0xED) second_high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;   // no overlong forms
    if (lead == 0xF4) second_high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (pos + i >= text.size()) {
      bad = i;
      return 0;
    }
    const unsigned char next = byte(pos + i);
    const unsigned char low = i == 1 ? second_low : 0x80;
    const unsigned char high = i == 1 ? second_high : 0xBF;
    if (next < low || next > high) {
      bad = i;
      return 0;
    }
  }
  return length;
}

}  // namespace

std::size_t repair_utf8(std::string& text) {
  // Cheap path first: most text is valid and needs no copy.
  std::size_t pos = 0;
  std::size_t bad = 0;
  while (pos < text.size()) {
    const std::size_t length = sequence_length(text, pos, bad);
    if (length == 0) break;
    pos += length;
  }
  if (pos == text.size()) return 0;

  std::string repaired(text, 0, pos);
  std::size_t replacements = 0;
  while (pos < text.size()) {
    const std::size_t length = sequence_length(text, pos, bad);
    if (length == 0) {
      repaired += kReplacementCharacter;
      ++replacements;
      pos += bad;
    } else {
      repaired.append(text, pos, length);
      pos += length;
    }
  }
  text = std::move(repaired);
  return replacements;
}

void append_utf8(std::string& out, char32_t code_point) {
  const auto cp = static_cast<std::uint32_t>(code_point);
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t end = max_bytes;
  // Step back over continuation bytes so the cut falls between characters.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace akhbar::corpus::detail
