// Snippets of our own: Xapian's MSet::snippet() analyses text with its own
// term generator and cannot see our normalised words and stems.
#include "snippet.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::query::detail {
namespace {

using analysis::Token;

constexpr std::string_view kEllipsis = "\u2026";

/// One word as a reader sees it: a plain word, or a hyphenated word with
/// its parts folded in.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<std::size_t> query_word;  ///< id of the query word it matches
};

std::optional<std::size_t> match(const Token& token, const TermForms& forms) {
  if (auto it = forms.words.find(token.text); it != forms.words.end()) return it->second;
  if (!token.stem.empty())
    if (auto it = forms.stems.find(token.stem); it != forms.stems.end()) return it->second;
  return std::nullopt;
}

/// Calls `visit` with every token of `text`. One Token is reused, so its
/// strings keep their buffers: analyze() allocates a vector and, for most
/// Russian and Arabic words, two strings per word, and snippets analyse
/// every stored passage of every hit.
template <typename Visit>
void for_each_token(std::string_view text, Visit&& visit) {
  const std::unique_ptr<analysis::TokenStream> tokens = analysis::news_analyzer().stream(text);
  Token token;
  while (tokens->next(token)) visit(token);
}

std::vector<Word> words_of(std::string_view text, const TermForms& forms) {
  std::vector<Word> words;
  bool in_compound = false;
  for_each_token(text, [&](const Token& token) {
    if (token.kind == Token::Kind::kPart && in_compound && !words.empty()) {
      // A matching part highlights the whole compound (al-Sharaa).
      if (!words.back().query_word) words.back().query_word = match(token, forms);
      return;
    }
    in_compound = token.kind == Token::Kind::kCompound;
    words.push_back(Word{token.begin, token.end, match(token, forms)});
  });
  return words;
}

/// Scores of word windows: distinct query words first, repeats second.
/// Words enter and leave one at a time, so a window sliding over a passage
/// costs one step per word, not one count of the whole window.
class WindowScore {
 public:
  explicit WindowScore(std::size_t query_words) : counts_(query_words, 0) {}

  void enter(const Word& word) {
    if (!word.query_word) return;
    ++matches_;
    if (count(*word.query_word)++ == 0) ++distinct_;
  }
  void leave(const Word& word) {
    if (!word.query_word) return;
    --matches_;
    if (--count(*word.query_word) == 0) --distinct_;
  }
  std::size_t value() const { return distinct_ * 1000 + matches_; }

 private:
  std::size_t& count(std::size_t id) {
    if (id >= counts_.size()) counts_.resize(id + 1, 0);
    return counts_[id];
  }

  std::vector<std::size_t> counts_;
  std::size_t distinct_ = 0;
  std::size_t matches_ = 0;
};

std::size_t score(const std::vector<Word>& words, std::size_t begin, std::size_t end,
                  std::size_t query_words) {
  WindowScore window(query_words);
  for (std::size_t i = begin; i < end; ++i) window.enter(words[i]);
  return window.value();
}

/// The first word of the best window of `length` words. Ties go to the
/// earliest window; then the window moves back a little when that costs no
/// match, so that a match is not the very first word shown.
std::size_t best_window(const std::vector<Word>& words, std::size_t length, std::size_t query_words) {
  if (words.size() <= length) return 0;
  WindowScore window(query_words);
  for (std::size_t i = 0; i < length; ++i) window.enter(words[i]);
  std::size_t best = 0;
  std::size_t best_score = window.value();
  for (std::size_t start = 1; start + length <= words.size(); ++start) {
    window.leave(words[start - 1]);
    window.enter(words[start + length - 1]);
    if (window.value() > best_score) {
      best = start;
      best_score = window.value();
    }
  }
  const std::size_t lead_in = length / 4;
  for (std::size_t back = std::min(best, lead_in); back > 0; --back) {
    if (score(words, best - back, best - back + length, query_words) >= best_score) return best - back;
  }
  return best;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Closing punctuation that belongs with the word before it.
bool is_trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '"' || c == '\'';
}

Snippet cut(std::string_view passage, const std::vector<Word>& words, std::size_t first,
            std::size_t count) {
  const std::size_t last = std::min(words.size(), first + count);  // one past
  std::size_t begin = first == 0 ? 0 : words[first].begin;
  std::size_t end = last == words.size() ? passage.size() : words[last - 1].end;
  // Only ASCII bytes are skipped, so a cut never falls inside a UTF-8 sequence.
  while (end < passage.size() && is_trailing_punctuation(passage[end])) ++end;
  while (begin < end && is_space(passage[begin])) ++begin;
  while (end > begin && is_space(passage[end - 1])) --end;

  Snippet snippet;
  const bool cut_before = first > 0;
  const bool cut_after = last < words.size();
  if (cut_before) snippet.text = kEllipsis;
  // Passages may join paragraphs: show one line, each run of white space as
  // one space. at[i] is where byte begin + i of the passage lands.
  std::vector<std::size_t> at(end - begin + 1);
  for (std::size_t i = begin; i < end; ++i) {
    at[i - begin] = snippet.text.size();
    if (!is_space(passage[i])) {
      snippet.text += passage[i];
    } else if (!is_space(passage[i - 1])) {  // i > begin: begin is not a space
      snippet.text += ' ';
    }
  }
  at[end - begin] = snippet.text.size();
  if (cut_after) snippet.text += kEllipsis;

  for (std::size_t i = first; i < last; ++i) {
    const Word& word = words[i];
    if (!word.query_word || word.begin < begin || word.end > end) continue;
    snippet.highlights.push_back(Span{at[word.begin - begin], at[word.end - begin]});
  }
  return snippet;
}

/// The Match of one token, if it matches a form.
std::optional<Match> match_of(const Token& token, const TermForms& forms) {
  auto make = [&](std::size_t id, const std::unordered_map<std::string, std::string>& routes,
                  const std::string& form) {
    Match m;
    m.query_word = id < forms.query_words.size() ? forms.query_words[id] : std::string();
    m.document_word = token.text;
    const auto route = routes.find(form);
    m.route = route == routes.end() ? "exact" : route->second;
    // The query word itself, found through its stem in another form.
    if (m.route == "exact" && m.document_word != m.query_word) m.route = "stem";
    return m;
  };
  if (auto it = forms.words.find(token.text); it != forms.words.end())
    return make(it->second, forms.word_routes, token.text);
  if (!token.stem.empty())
    if (auto it = forms.stems.find(token.stem); it != forms.stems.end())
      return make(it->second, forms.stem_routes, token.stem);
  return std::nullopt;
}

}  // namespace

std::vector<Match> explain_matches(std::string_view title, const std::vector<std::string>& passages,
                                   const TermForms& forms) {
  std::vector<Match> matches;
  if (forms.empty()) return matches;
  std::set<std::string> seen;
  auto scan = [&](std::string_view text) {
    for_each_token(text, [&](const Token& token) {
      if (seen.count(token.text) != 0) return;
      if (auto m = match_of(token, forms)) {
        seen.insert(token.text);
        matches.push_back(std::move(*m));
      }
    });
  };
  scan(title);
  for (const std::string& passage : passages) scan(passage);
  return matches;
}

std::vector<Span> highlight_words(std::string_view text, const TermForms& forms) {
  std::vector<Span> spans;
  if (forms.empty()) return spans;
  for (const Word& word : words_of(text, forms))
    if (word.query_word) spans.push_back(Span{word.begin, word.end});
  return spans;
}

Snippet make_snippet(const std::vector<std::string>& passages, const TermForms& forms,
                     std::size_t snippet_words) {
  const std::size_t length = std::max<std::size_t>(snippet_words, 1);
  std::size_t ids = 0;  // one past the largest query word id
  for (const auto& [form, id] : forms.words) ids = std::max(ids, id + 1);
  for (const auto& [form, id] : forms.stems) ids = std::max(ids, id + 1);
  std::optional<std::size_t> best_passage;
  std::vector<Word> best_words;
  std::size_t best_score = 0;
  for (std::size_t i = 0; i < passages.size(); ++i) {
    std::vector<Word> words = words_of(passages[i], forms);
    if (words.empty()) continue;
    WindowScore whole(ids);
    for (const Word& word : words) whole.enter(word);
    if (!best_passage || whole.value() > best_score) {
      best_passage = i;
      best_words = std::move(words);
      best_score = whole.value();
    }
  }
  if (!best_passage) return {};
  return cut(passages[*best_passage], best_words, best_window(best_words, length, ids), length);
}

}  // namespace akhbar::query::detail
