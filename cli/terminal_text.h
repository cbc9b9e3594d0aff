// Text laid out for a terminal: its width in columns, lines wrapped at word
// boundaries, and right-to-left runs isolated so that Arabic reads in order
// inside left-to-right output.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::cli {

/// Columns of the terminal `stream` is, else $COLUMNS when it is a positive
/// number, else 80.
std::size_t terminal_columns(std::FILE* stream);

/// Columns `text` (UTF-8) takes on a terminal: most characters one, East
/// Asian wide ones two, combining marks and format characters (bidi controls,
/// zero-width joiners) none; ANSI escape sequences ("\033[1m") none.
std::size_t display_width(std::string_view text);

/// The first `columns` columns of `text`, cut before a character that would
/// not fit (never inside a character or an escape sequence).
std::string fit_columns(std::string_view text, std::size_t columns);

/// `text` broken into lines of at most `columns` columns at spaces; runs of
/// spaces between words become one. A word wider than a line gets a line of
/// its own (the terminal then cuts it; no word is ever split here).
std::vector<std::string> wrap_words(std::string_view text, std::size_t columns);

/// One line for a left-to-right terminal. If its first strong character is
/// right-to-left (Arabic, Hebrew), the whole line is one right-to-left
/// isolate (U+2067 ... U+2069), so that the Latin words inside it keep
/// their places; otherwise each right-to-left run (from a right-to-left
/// character to the last one before a left-to-right letter, with the spaces,
/// digits, punctuation and escape sequences between) is. The text's own
/// bidi controls (U+202A-U+202E, U+2066-U+2069, which could reorder the rest
/// of the terminal line) are dropped first.
std::string isolate_right_to_left(std::string_view line);

}  // namespace akhbar::cli
