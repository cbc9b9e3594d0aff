// A forgiving UTF-8 decoder and code point classes (see text_scan.h).
#include "text_scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace akhbar::analysis::detail {

namespace {

constexpr bool is_continuation(unsigned char byte) noexcept { return (byte & 0xC0) == 0x80; }

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t& i) noexcept {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  char32_t c = 0;
  char32_t min_value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, c = lead & 0x1F, min_value = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, c = lead & 0x0F, min_value = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, c = lead & 0x07, min_value = 0x10000;
  } else {
    ++i;
    return kReplacementChar;
  }
  if (text.size() - i < length) {
    ++i;
    return kReplacementChar;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if (!is_continuation(byte)) {
      ++i;
      return kReplacementChar;
    }
    c = (c << 6) | (byte & 0x3F);
  }
  if (c < min_value || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return kReplacementChar;
  }
  i += length;
  return c;
}

char32_t decode_utf8_backward(std::string_view text, std::size_t& i) noexcept {
  // Step back over at most three continuation bytes to a lead byte, then
  // check that decoding forward from it ends exactly at i.
  const std::size_t end = i;
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && is_continuation(static_cast<unsigned char>(text[start])))
    --start;
  std::size_t next = start;
  const char32_t c = decode_utf8(text, next);
  if (next == end) {
    i = start;
    return c;
  }
  i = end - 1;
  return static_cast<unsigned char>(text[end - 1]) < 0x80
             ? static_cast<char32_t>(static_cast<unsigned char>(text[end - 1]))
             : kReplacementChar;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

Script script_of(char32_t c) noexcept {
  if (c < 0x80) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return Script::kLatin;
    if (c >= U'0' && c <= U'9') return Script::kNumber;
    return Script::kOther;
  }
  const auto code_point = static_cast<UChar32>(c);
  if (u_charType(code_point) == U_DECIMAL_DIGIT_NUMBER) return Script::kNumber;
  if (!u_isUAlphabetic(code_point)) return Script::kOther;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(code_point, &status)) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    default:
      return Script::kOther;
  }
}

bool is_letter(char32_t c) noexcept {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  return u_isUAlphabetic(static_cast<UChar32>(c));
}

bool is_normal_cyrillic_or_arabic(std::string_view word) noexcept {
  if (word.empty() || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    const auto lead = static_cast<unsigned char>(word[i]);
    const auto trail = static_cast<unsigned char>(word[i + 1]);
    const bool ok =
        (lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF) ||  // а..п U+0430..U+043F
        (lead == 0xD1 && trail >= 0x80 && trail <= 0x8F) ||  // р..я U+0440..U+044F
        // ء..غ U+0621..U+063A, without آ أ إ ة (U+0622, U+0623, U+0625, U+0629)
        (lead == 0xD8 && trail >= 0xA1 && trail <= 0xBA && trail != 0xA2 && trail != 0xA3 &&
         trail != 0xA5 && trail != 0xA9) ||
        // ف..ي U+0641..U+064A, without ى (U+0649)
        (lead == 0xD9 && trail >= 0x81 && trail <= 0x8A && trail != 0x89);
    if (!ok) return false;
  }
  return true;
}

}  // namespace akhbar::analysis::detail
