// Parsing the text of dictd entries into candidate translations.
#include "dictionary_text.h"

#include <algorithm>
#include <array>

namespace akhbar::resources {
namespace {

constexpr std::string_view kArabicComma = "\u060C";
constexpr std::string_view kArabicSemicolon = "\u061B";
/// Grammatical labels of Mueller's dictionary: a sense carrying only these
/// is general usage.
constexpr std::array<std::string_view, 14> kGrammaticalLabels = {
    "_n.", "_v.", "_a.", "_adv.", "_pl.", "_prep.", "_cj.", "_pron.", "_int.", "_interj.", "_sing.", "_pass.", "_refl.",
    "_predic."};

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

/// `text` without the parts between `open` and `close` (nesting counted).
std::string without_brackets(std::string_view text, char open, char close) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == open) {
      ++depth;
    } else if (c == close && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

/// `text` with every run of white space made one space.
std::string squeeze_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool has_latin(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::vector<std::string_view> split_any(std::string_view text, std::initializer_list<std::string_view> separators) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    bool matched = false;
    for (std::string_view separator : separators) {
      if (text.substr(i).starts_with(separator)) {
        pieces.push_back(text.substr(start, i - start));
        i += separator.size();
        start = i;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

/// True if `word` is a sense marker of Mueller's: "_I", "_IV", "1.", "12)", "а)".
bool is_sense_marker(std::string_view word) {
  if (word.size() >= 2 && word[0] == '_' &&
      std::all_of(word.begin() + 1, word.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; }))
    return true;
  if (word.size() >= 2 && (word.back() == '.' || word.back() == ')') &&
      std::all_of(word.begin(), word.end() - 1, [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  // A Cyrillic letter and ")": а) б) в) ...
  return word.size() == 3 && static_cast<unsigned char>(word[0]) == 0xD0 && word[2] == ')';
}

/// The translations of one sense of a Mueller entry (see the header): the
/// ';'-separated pieces before the first example. A usage label in the
/// first piece marks the whole sense; one in a later piece ends the list.
void add_mueller_sense(std::string_view sense, std::vector<std::string>& out) {
  const std::string text = squeeze_spaces(without_brackets(sense, '(', ')'));
  if (text.empty() || text.front() == '=') return;
  bool first = true;
  for (std::string_view piece : split_any(text, {";"})) {
    std::string kept;
    for (std::string_view word : split_any(trim(piece), {" "})) {
      if (word.starts_with("_")) {
        if (std::find(kGrammaticalLabels.begin(), kGrammaticalLabels.end(), word) == kGrammaticalLabels.end())
          return;
        continue;
      }
      if (!kept.empty()) kept.push_back(' ');
      kept += word;
    }
    if (has_latin(kept) || (kept.starts_with("=") && first)) return;
    first = false;
    for (std::string_view item : split_any(kept, {","})) {
      std::string_view candidate = trim(item);
      while (!candidate.empty() && std::string_view("!?.").find(candidate.back()) != std::string_view::npos)
        candidate.remove_suffix(1);
      if (!candidate.empty()) out.emplace_back(candidate);
    }
  }
}

}  // namespace

std::vector<std::string> mueller_translations(std::string_view entry_text) {
  std::vector<std::string> out;
  const std::size_t body = entry_text.find('\n');
  if (body == std::string_view::npos) return out;
  const std::string text = squeeze_spaces(without_brackets(entry_text.substr(body + 1), '[', ']'));
  // Cut at the sense markers; what lies between two markers is one sense.
  std::string sense;
  for (std::string_view word : split_any(text, {" "})) {
    if (is_sense_marker(word)) {
      add_mueller_sense(sense, out);
      sense.clear();
      continue;
    }
    if (!sense.empty()) sense.push_back(' ');
    sense += word;
  }
  add_mueller_sense(sense, out);
  return out;
}

std::vector<std::string> freedict_translations(std::string_view entry_text) {
  std::vector<std::string> out;
  bool headword = true;
  for (std::string_view line : split_any(entry_text, {"\n"})) {
    line = trim(line);
    if (line.empty()) continue;
    if (headword) {  // "Word /transcription/"
      headword = false;
      continue;
    }
    // "1. translation"
    const std::size_t digits = line.find_first_not_of("0123456789");
    if (digits != std::string_view::npos && digits > 0 && line.substr(digits).starts_with(". "))
      line = trim(line.substr(digits + 2));
    const std::string plain = without_brackets(line, '(', ')');
    for (std::string_view item : split_any(plain, {",", ";", kArabicComma, kArabicSemicolon})) {
      const std::string_view candidate = trim(item);
      if (!candidate.empty()) out.emplace_back(candidate);
    }
  }
  return out;
}

}  // namespace akhbar::resources
