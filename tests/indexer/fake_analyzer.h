// A predictable analyzer for indexer tests, so that expected terms do not
// depend on the real chain's normalisation and stemming rules.
//
// Words are split at spaces and lower-cased (ASCII). A word with hyphens is a
// kCompound token followed by one kPart per part (the compound sharing the
// first part's position). Stem: the text without one trailing 's'; numbers
// have no stem.
#pragma once

#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::indexer::testing {

class FakeTokenizer : public analysis::Tokenizer {
 public:
  std::unique_ptr<analysis::TokenStream> tokenize(std::string_view text) const override {
    return std::make_unique<Stream>(split(text));
  }

 private:
  class Stream : public analysis::TokenStream {
   public:
    explicit Stream(std::vector<analysis::Token> tokens) : tokens_(std::move(tokens)) {}
    bool next(analysis::Token& token) override {
      if (next_ == tokens_.size()) return false;
      token = tokens_[next_++];
      return true;
    }

   private:
    std::vector<analysis::Token> tokens_;
    std::size_t next_ = 0;
  };

  static analysis::Token make(std::string_view word, std::size_t begin, std::uint32_t position,
                              analysis::Token::Kind kind) {
    analysis::Token token;
    for (char c : word) token.text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool number =
        !token.text.empty() && std::isdigit(static_cast<unsigned char>(token.text.front())) != 0;
    token.stem = number ? "" : token.text;
    if (!token.stem.empty() && token.stem.back() == 's') token.stem.pop_back();
    token.begin = begin;
    token.end = begin + word.size();
    token.position = position;
    token.kind = kind;
    token.script = number ? analysis::Script::kNumber : analysis::Script::kLatin;
    return token;
  }

  static std::vector<analysis::Token> split(std::string_view text) {
    std::vector<analysis::Token> tokens;
    std::uint32_t position = 0;
    std::size_t i = 0;
    while (i < text.size()) {
      if (std::isspace(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
      const std::string_view word = text.substr(i, end - i);
      if (word.find('-') == std::string_view::npos) {
        tokens.push_back(make(word, i, position++, analysis::Token::Kind::kWord));
      } else {
        tokens.push_back(make(word, i, position, analysis::Token::Kind::kCompound));
        std::size_t part_begin = 0;
        while (part_begin <= word.size()) {
          std::size_t part_end = word.find('-', part_begin);
          if (part_end == std::string_view::npos) part_end = word.size();
          tokens.push_back(make(word.substr(part_begin, part_end - part_begin), i + part_begin,
                                position++, analysis::Token::Kind::kPart));
          part_begin = part_end + 1;
        }
      }
      i = end;
    }
    return tokens;
  }
};

inline const analysis::Analyzer& fake_analyzer() {
  static const analysis::Analyzer analyzer(std::make_shared<FakeTokenizer>(), {});
  return analyzer;
}

}  // namespace akhbar::indexer::testing
