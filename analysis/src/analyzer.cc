// Analyzer and AnalyzerBuilder: a tokenizer with its filters applied in order.
#include "akhbar/analysis/analyzer.h"

#include <utility>

namespace akhbar::analysis {

Analyzer::Analyzer(std::shared_ptr<const Tokenizer> tokenizer,
                   std::vector<std::shared_ptr<const TokenFilter>> filters)
    : tokenizer_(std::move(tokenizer)), filters_(std::move(filters)) {}

std::unique_ptr<TokenStream> Analyzer::stream(std::string_view text) const {
  auto stream = tokenizer_->tokenize(text);
  for (const auto& filter : filters_) stream = filter->wrap(std::move(stream));
  return stream;
}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  std::vector<Token> tokens;
  // News text averages well over six bytes per word in every script, so this
  // avoids most regrowth without reserving much that stays unused.
  tokens.reserve(text.size() / 6 + 1);
  auto tokens_of_text = stream(text);
  Token token;
  while (tokens_of_text->next(token)) tokens.push_back(std::move(token));
  return tokens;
}

AnalyzerBuilder::AnalyzerBuilder(std::shared_ptr<const Tokenizer> tokenizer)
    : tokenizer_(std::move(tokenizer)) {}

AnalyzerBuilder& AnalyzerBuilder::then(std::shared_ptr<const TokenFilter> filter) {
  filters_.push_back(std::move(filter));
  return *this;
}

Analyzer AnalyzerBuilder::build() const { return Analyzer(tokenizer_, filters_); }

}  // namespace akhbar::analysis
