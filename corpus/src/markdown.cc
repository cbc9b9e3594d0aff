// Markdown stripping for article text files. The goal is the words a reader
// sees, not a faithful CommonMark renderer: news text uses a small subset
// (emphasis, links, images, headings), and anything unrecognised is kept
// as text rather than lost.
#include "markdown.h"

#include <cstring>

namespace akhbar::corpus::detail {
namespace {

bool is_ascii_punctuation(char c) {
  return c != '\0' && std::strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Bytes of non-ASCII letters count as word characters, so "слово_слово" is
// treated like "word_word".
bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Index of the bracket closing the one at `open` (same kind), or npos.
std::size_t find_closing(std::string_view text, std::size_t open, char open_c, char close_c) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == open_c) ++depth;
    if (text[i] == close_c && --depth == 0) return i;
  }
  return std::string_view::npos;
}

std::string_view remove_block_prefix(std::string_view line) {
  std::size_t pos = 0;
  while (pos < line.size() && is_space(line[pos])) ++pos;
  line.remove_prefix(pos);
  // "# Title", "### Title" (at most six marks, then a space or the end).
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes > 0 && hashes <= 6 && (hashes == line.size() || is_space(line[hashes]))) {
    line.remove_prefix(hashes);
    // A closing sequence "## Title ##" goes too.
    std::size_t end = line.size();
    while (end > 0 && is_space(line[end - 1])) --end;
    std::size_t closing = end;
    while (closing > 0 && line[closing - 1] == '#') --closing;
    if (closing < end && (closing == 0 || is_space(line[closing - 1]))) end = closing;
    line = line.substr(0, end);
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    return line;
  }
  while (!line.empty() && line[0] == '>') {
    line.remove_prefix(1);
    while (!line.empty() && is_space(line[0])) line.remove_prefix(1);
  }
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && is_space(line[1])) {
    line.remove_prefix(2);
  }
  return line;
}

class InlineStripper {
 public:
  explicit InlineStripper(std::string& out) : out_(out) {}

  void strip(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == '\\' && pos + 1 < text.size() && is_ascii_punctuation(text[pos + 1])) {
        out_ += text[pos + 1];
        pos += 2;
      } else if (c == '!' && pos + 1 < text.size() && text[pos + 1] == '[' &&
                 try_link(text, pos + 1, /*keep_text=*/false, pos)) {
        continue;
      } else if (c == '[' && try_link(text, pos, /*keep_text=*/true, pos)) {
        continue;
      } else if (c == '<' && try_autolink(text, pos)) {
        continue;
      } else if (c == '*' || c == '_' || c == '`') {
        pos = emphasis_run(text, pos);
      } else {
        out_ += c;
        ++pos;
      }
    }
  }

 private:
  // "[text](target)" at `open`: on success appends the text (stripped in
  // turn) if `keep_text`, sets `pos` past the link and returns true.
  bool try_link(std::string_view text, std::size_t open, bool keep_text, std::size_t& pos) {
    const std::size_t close = find_closing(text, open, '[', ']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '(') {
      return false;
    }
    const std::size_t target_end = find_closing(text, close + 1, '(', ')');
    if (target_end == std::string_view::npos) return false;
    if (keep_text) strip(text.substr(open + 1, close - open - 1));
    pos = target_end + 1;
    return true;
  }

  bool try_autolink(std::string_view text, std::size_t& pos) {
    const std::size_t close = text.find('>', pos);
    if (close == std::string_view::npos) return false;
    const std::string_view inside = text.substr(pos + 1, close - pos - 1);
    const bool is_address = inside.starts_with("http://") || inside.starts_with("https://") ||
                            inside.starts_with("mailto:");
    if (!is_address || inside.find(' ') != std::string_view::npos) return false;
    out_ += inside;
    pos = close + 1;
    return true;
  }

  // A run of one delimiter character at `pos`; returns the index after it.
  std::size_t emphasis_run(std::string_view text, std::size_t pos) {
    const char c = text[pos];
    std::size_t end = pos;
    while (end < text.size() && text[end] == c) ++end;
    const char before = pos == 0 ? ' ' : text[pos - 1];
    const char after = end == text.size() ? ' ' : text[end];
    const bool alone = is_space(before) && is_space(after);
    const bool inside_word = c != '`' && is_word_byte(before) && is_word_byte(after);
    if (alone || inside_word) out_.append(text.substr(pos, end - pos));
    return end;
  }

  std::string& out_;
};

}  // namespace

std::string strip_markdown(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  InlineStripper(out).strip(remove_block_prefix(line));
  return out;
}

}  // namespace akhbar::corpus::detail
