// Article text files: a title, an optional byline and date, paragraphs, and
// an optional "Original url:" footer.
#include "text_article.h"

#include <optional>
#include <string>
#include <vector>

#include "dates.h"
#include "markdown.h"
#include "paragraphs.h"

namespace akhbar::corpus::detail {
namespace {

// A byline names people, it does not tell the story: a paragraph that
// happens to start with "By" is long or ends a sentence.
constexpr std::size_t kMaxBylineBytes = 120;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(trim(text.substr(start)));
      break;
    }
    lines.push_back(trim(text.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

std::optional<std::string> parse_byline(std::string_view line) {
  if (line.size() > kMaxBylineBytes || !starts_with_ignoring_case(line, "by ")) return std::nullopt;
  std::string author = collapse_whitespace(strip_markdown(line.substr(3)));
  if (author.empty() || author.back() == '.' || author.back() == ',') return std::nullopt;
  return author;
}

std::optional<std::string> parse_date_line(std::string_view line) {
  return parse_written_date(collapse_whitespace(strip_markdown(line)));
}

// The address in "<https://...>" or "https://...", else empty.
std::string url_text(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    text = text.substr(1, text.size() - 2);
  }
  if (text.empty() || text.find_first_of(" \t") != std::string_view::npos) return {};
  return std::string(text);
}

constexpr std::string_view kUrlLabel = "original url:";

// Removes an "Original url:" footer from the end of `lines` and returns the
// address. The footer is the last non-blank line, or that line's label on
// the non-blank line before it.
std::string take_url_footer(std::vector<std::string_view>& lines, std::size_t first) {
  std::size_t last = lines.size();
  while (last > first && lines[last - 1].empty()) --last;
  if (last == first) return {};
  const std::string_view final_line = lines[last - 1];
  if (starts_with_ignoring_case(final_line, kUrlLabel)) {
    std::string url = url_text(final_line.substr(kUrlLabel.size()));
    lines.resize(last - 1);
    return url;
  }
  std::size_t label = last - 1;
  while (label > first && lines[label - 1].empty()) --label;
  if (label == first) return {};
  const std::string_view label_line = lines[label - 1];
  if (trim(label_line).size() == kUrlLabel.size() && starts_with_ignoring_case(label_line, kUrlLabel)) {
    std::string url = url_text(final_line);
    if (url.empty()) return {};
    lines.resize(label - 1);
    return url;
  }
  return {};
}

}  // namespace

Article parse_text_article(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte-order mark
  std::vector<std::string_view> lines = split_lines(text);
  Article article;

  std::size_t pos = 0;
  while (pos < lines.size() && lines[pos].empty()) ++pos;
  if (pos == lines.size()) return article;
  article.title = collapse_whitespace(strip_markdown(lines[pos]));
  ++pos;

  // Byline and date, in either order, each on its own line.
  for (int header_lines = 0; header_lines < 2; ++header_lines) {
    std::size_t next = pos;
    while (next < lines.size() && lines[next].empty()) ++next;
    if (next == lines.size()) break;
    if (article.author.empty()) {
      if (auto author = parse_byline(lines[next])) {
        article.author = std::move(*author);
        pos = next + 1;
        continue;
      }
    }
    if (article.published.empty()) {
      if (auto date = parse_date_line(lines[next])) {
        article.published = std::move(*date);
        pos = next + 1;
        continue;
      }
    }
    break;
  }

  article.url = take_url_footer(lines, pos);

  // Paragraphs: blocks of non-blank lines, each line stripped of markup.
  std::string block;
  auto flush = [&] {
    std::string paragraph = collapse_whitespace(block);
    if (!paragraph.empty()) article.paragraphs.push_back(std::move(paragraph));
    block.clear();
  };
  for (; pos < lines.size(); ++pos) {
    if (lines[pos].empty()) {
      flush();
      continue;
    }
    if (!block.empty()) block += ' ';
    block += strip_markdown(lines[pos]);
  }
  flush();
  return article;
}

}  // namespace akhbar::corpus::detail
