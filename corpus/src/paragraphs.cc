// Paragraph splitting and capping, shared by every reader.
#include "paragraphs.h"

#include "utf8.h"

namespace akhbar::corpus::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::size_t kSeparatorBytes = 2;  // "\n\n" between paragraphs in Article::body()

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> split_paragraphs(std::string_view body) {
  std::vector<std::string> paragraphs;
  std::size_t paragraph_start = 0;
  std::size_t pos = 0;
  while (pos < body.size()) {
    if (body[pos] != '\n') {
      ++pos;
      continue;
    }
    // A newline: look past whitespace for a second one.
    std::size_t scan = pos + 1;
    bool blank_line = false;
    while (scan < body.size() && is_space(body[scan])) {
      if (body[scan] == '\n') blank_line = true;
      ++scan;
    }
    if (blank_line) {
      std::string paragraph = collapse_whitespace(body.substr(paragraph_start, pos - paragraph_start));
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
      paragraph_start = scan;
    }
    pos = scan;
  }
  std::string last = collapse_whitespace(body.substr(paragraph_start));
  if (!last.empty()) paragraphs.push_back(std::move(last));
  return paragraphs;
}

bool cap_paragraphs(std::vector<std::string>& paragraphs, std::size_t max_bytes) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const std::size_t separator = i == 0 ? 0 : kSeparatorBytes;
    if (used + separator + paragraphs[i].size() <= max_bytes) {
      used += separator + paragraphs[i].size();
      continue;
    }
    // Paragraph i does not fit: keep what fits of it, if anything.
    std::size_t keep = 0;
    if (used + separator < max_bytes) {
      const std::size_t budget = max_bytes - used - separator;
      const std::string& text = paragraphs[i];
      const std::size_t space = text.rfind(' ', budget);
      if (space != std::string::npos && space > 0) {
        keep = space;
      } else {
        keep = utf8_prefix_length(text, budget);
      }
    }
    if (keep > 0) {
      paragraphs[i].resize(keep);
      paragraphs.resize(i + 1);
    } else {
      paragraphs.resize(i);
    }
    return true;
  }
  return false;
}

}  // namespace akhbar::corpus::detail
