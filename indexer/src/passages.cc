// Paragraphs -> passages: short paragraphs joined, long ones cut.
#include "passages.h"

#include <utility>

namespace akhbar::indexer::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

struct Span {
  std::size_t begin, end;
};

std::vector<Span> word_spans(std::string_view text) {
  std::vector<Span> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    const std::size_t begin = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    spans.push_back({begin, i});
  }
  return spans;
}

bool remove_suffix(std::string_view& word, std::string_view suffix) {
  if (!word.ends_with(suffix)) return false;
  word.remove_suffix(suffix.size());
  return true;
}

// A word that closes a sentence: it ends with . ! ? ؟ or 。, possibly followed
// by closing quotes or brackets ("...said." or (see above.)).
bool ends_sentence(std::string_view word) {
  while (remove_suffix(word, "\"") || remove_suffix(word, "'") || remove_suffix(word, ")") ||
         remove_suffix(word, "\xC2\xBB") /* » */ || remove_suffix(word, "\xE2\x80\x9D") /* ” */) {
  }
  return word.ends_with('.') || word.ends_with('!') || word.ends_with('?') ||
         word.ends_with("\xD8\x9F") /* ؟ */ || word.ends_with("\xE3\x80\x82") /* 。 */;
}

// Appends `text` to `out` as passages of at most `max_words` words.
void split_long(std::string_view text, std::size_t max_words, std::vector<std::string>& out) {
  const std::vector<Span> words = word_spans(text);
  if (words.empty()) return;
  std::size_t first = 0;
  while (words.size() - first > max_words) {
    // Cut after word `cut`: the last sentence end among the next max_words
    // words, unless it would leave a piece shorter than a quarter of them.
    const std::size_t last = first + max_words - 1;
    const std::size_t earliest = first + max_words / 4;
    std::size_t cut = last;
    for (std::size_t i = last + 1; i-- > earliest;) {
      const Span word = words[i];
      if (ends_sentence(text.substr(word.begin, word.end - word.begin))) {
        cut = i;
        break;
      }
    }
    out.emplace_back(text.substr(words[first].begin, words[cut].end - words[first].begin));
    first = cut + 1;
  }
  out.emplace_back(text.substr(words[first].begin, words.back().end - words[first].begin));
}

}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::vector<std::string> make_passages(const std::vector<std::string>& paragraphs,
                                       std::size_t min_words, std::size_t max_words) {
  std::vector<std::string> passages;
  std::string current;
  std::size_t current_words = 0;
  for (const auto& paragraph : paragraphs) {
    const std::string_view text = trim(paragraph);
    if (text.empty()) continue;
    if (!current.empty()) current += "\n\n";
    current += text;
    current_words += count_words(text);
    if (current_words >= min_words) {
      split_long(current, max_words, passages);
      current.clear();
      current_words = 0;
    }
  }
  if (current.empty()) return passages;
  // A short tail reads better as the end of the passage before it.
  if (!passages.empty() && count_words(passages.back()) + current_words <= max_words) {
    passages.back() += "\n\n";
    passages.back() += current;
  } else {
    split_long(current, max_words, passages);
  }
  return passages;
}

}  // namespace akhbar::indexer::detail
