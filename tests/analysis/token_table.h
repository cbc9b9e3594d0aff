// The one helper the analysis tests check token tables with.
//
// Tokens are compared as one line each ("al-sharaa@2 [19,28) compound"), so a
// failing test prints the whole expected and actual streams side by side.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::analysis::testing {

/// One expected token: its text, byte offsets, position and kind.
struct ExpectedToken {
  std::string text;
  std::size_t begin;
  std::size_t end;
  std::uint32_t position;
  Token::Kind kind = Token::Kind::kWord;
};

inline std::string_view kind_name(Token::Kind kind) {
  switch (kind) {
    case Token::Kind::kWord:
      return "word";
    case Token::Kind::kCompound:
      return "compound";
    case Token::Kind::kPart:
      return "part";
  }
  return "?";
}

inline std::string describe(std::string_view text, std::size_t begin, std::size_t end,
                            std::uint32_t position, Token::Kind kind) {
  return std::string(text) + "@" + std::to_string(position) + " [" + std::to_string(begin) +
         "," + std::to_string(end) + ") " + std::string(kind_name(kind));
}

/// Analyses `input` and expects exactly `expected`, in order.
inline void expect_tokens(const Analyzer& analyzer, std::string_view input,
                          const std::vector<ExpectedToken>& expected) {
  std::vector<std::string> actual_lines;
  for (const Token& token : analyzer.analyze(input)) {
    actual_lines.push_back(
        describe(token.text, token.begin, token.end, token.position, token.kind));
  }
  std::vector<std::string> expected_lines;
  for (const ExpectedToken& token : expected) {
    expected_lines.push_back(
        describe(token.text, token.begin, token.end, token.position, token.kind));
  }
  EXPECT_EQ(actual_lines, expected_lines) << "input: " << input;
}

/// The texts of the tokens of `input`, in order.
inline std::vector<std::string> texts_of(const Analyzer& analyzer, std::string_view input) {
  std::vector<std::string> texts;
  for (const Token& token : analyzer.analyze(input)) texts.push_back(token.text);
  return texts;
}

/// The stems of the tokens of `input`, in order.
inline std::vector<std::string> stems_of(const Analyzer& analyzer, std::string_view input) {
  std::vector<std::string> stems;
  for (const Token& token : analyzer.analyze(input)) stems.push_back(token.stem);
  return stems;
}

}  // namespace akhbar::analysis::testing
