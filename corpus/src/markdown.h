/// @file markdown.h
/// @brief Removes Markdown markup from article text, keeping the words.
#pragma once

#include <string>
#include <string_view>

namespace akhbar::corpus::detail {

/// The text of one line of Markdown without its markup:
///  - a heading mark ("## "), block quote ("> ") or list bullet ("- ") that
///    opens the line is removed;
///  - images "![alt](src)" are removed; links "[text](target)" become text;
///    autolinks "<https://...>" become the address;
///  - emphasis "**", "*", "__", "_" and code "`" marks are removed, except
///    inside a word ("snake_case", "2*3") or standing alone between spaces;
///  - a backslash escape ("\$15", "\*") becomes the character it escapes.
std::string strip_markdown(std::string_view line);

}  // namespace akhbar::corpus::detail
