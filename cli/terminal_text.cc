// Terminal layout of text: widths from ICU's character properties, word
// wrapping, and bidi isolates for right-to-left runs.
//
// The text is walked in pieces: one code point, or one ANSI escape sequence
// (which a terminal does not show, and whose letters are no text direction).
#include "terminal_text.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace akhbar::cli {
namespace {

constexpr std::string_view kRightToLeftIsolate = "\u2067";
constexpr std::string_view kPopDirectionalIsolate = "\u2069";

struct Piece {
  std::size_t begin = 0, end = 0;  ///< bytes of the text
  UChar32 code = 0;                ///< the code point; negative for an ill-formed byte
  bool escape = false;             ///< an escape sequence, not a character
};

/// Calls `visit(piece)` for each piece of `text`, in order.
template <typename Visit>
void for_each_piece(std::string_view text, Visit visit) {
  const auto size = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < size) {
    if (text[static_cast<std::size_t>(i)] == '\033') {
      std::int32_t end = i + 1;
      if (end < size && text[static_cast<std::size_t>(end)] == '[') {
        // CSI: parameters, then one final byte in 0x40..0x7E.
        ++end;
        while (end < size) {
          const auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(end++)]);
          if (byte >= 0x40 && byte <= 0x7E) break;
        }
      } else if (end < size) {
        ++end;
      }
      visit(Piece{static_cast<std::size_t>(i), static_cast<std::size_t>(end), 0x1B, true});
      i = end;
      continue;
    }
    const std::int32_t begin = i;
    UChar32 code = 0;
    U8_NEXT(text.data(), i, size, code);
    visit(Piece{static_cast<std::size_t>(begin), static_cast<std::size_t>(i), code, false});
  }
}

int columns_of(const Piece& piece) {
  if (piece.escape) return 0;
  const UChar32 c = piece.code;
  if (c < 0) return 1;  // an ill-formed byte shows as a replacement character
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const auto type = static_cast<UCharCategory>(u_charType(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

enum class Strong { kNone, kLeftToRight, kRightToLeft };

Strong strong_direction(const Piece& piece) {
  if (piece.escape || piece.code < 0) return Strong::kNone;
  switch (u_charDirection(piece.code)) {
    case U_LEFT_TO_RIGHT: return Strong::kLeftToRight;
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC: return Strong::kRightToLeft;
    default: return Strong::kNone;
  }
}

/// Embeddings, overrides and isolates (not the marks U+200E/U+200F, which
/// are strong characters and end at themselves).
bool is_bidi_control(const Piece& piece) {
  return !piece.escape && ((piece.code >= 0x202A && piece.code <= 0x202E) ||
                           (piece.code >= 0x2066 && piece.code <= 0x2069));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::size_t terminal_columns(std::FILE* stream) {
  winsize size{};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  return 80;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for_each_piece(text, [&](const Piece& piece) { width += static_cast<std::size_t>(columns_of(piece)); });
  return width;
}

std::string fit_columns(std::string_view text, std::size_t columns) {
  std::size_t width = 0, end = 0;
  bool full = false;
  for_each_piece(text, [&](const Piece& piece) {
    if (full) return;
    const auto piece_width = static_cast<std::size_t>(columns_of(piece));
    if (width + piece_width > columns) {
      full = true;
      return;
    }
    width += piece_width;
    end = piece.end;
  });
  return std::string(text.substr(0, end));
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (start == i) break;
    const std::string_view word = text.substr(start, i - start);
    const std::size_t word_width = display_width(word);
    if (!line.empty() && line_width + 1 + word_width > columns) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line.push_back(' ');
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string isolate_right_to_left(std::string_view line) {
  std::string text;
  text.reserve(line.size());
  for_each_piece(line, [&](const Piece& piece) {
    if (!is_bidi_control(piece)) text.append(line.substr(piece.begin, piece.end - piece.begin));
  });

  Strong first = Strong::kNone;
  for_each_piece(text, [&](const Piece& piece) {
    if (first == Strong::kNone) first = strong_direction(piece);
  });
  if (first == Strong::kNone) return text;
  if (first == Strong::kRightToLeft)
    return std::string(kRightToLeftIsolate) + text + std::string(kPopDirectionalIsolate);

  // Left to right: isolate each run [run_begin, run_end) from a
  // right-to-left character to the last one before a left-to-right letter.
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t copied = 0;
  bool in_run = false;
  std::size_t run_begin = 0, run_end = 0;
  const auto close_run = [&] {
    out.append(text, copied, run_begin - copied);
    out += kRightToLeftIsolate;
    out.append(text, run_begin, run_end - run_begin);
    out += kPopDirectionalIsolate;
    copied = run_end;
    in_run = false;
  };
  for_each_piece(text, [&](const Piece& piece) {
    const Strong direction = strong_direction(piece);
    if (direction == Strong::kRightToLeft) {
      if (!in_run) run_begin = piece.begin;
      in_run = true;
      run_end = piece.end;
    } else if (direction == Strong::kLeftToRight && in_run) {
      close_run();
    }
  });
  if (in_run) close_run();
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace akhbar::cli
