#include "utf8.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

struct RepairCase {
  std::string input;
  std::string expected;
  std::size_t replacements;
};

TEST(RepairUtf8, LeavesValidTextUntouched) {
  std::string text = "plain, Русский, عربي, 😀";
  EXPECT_EQ(repair_utf8(text), 0u);
  EXPECT_EQ(text, "plain, Русский, عربي, 😀");
}

TEST(RepairUtf8, ReplacesEachMaximalIllFormedSubpart) {
  const std::vector<RepairCase> cases = {
      {"a\xFF" "b", "a\uFFFD" "b", 1},                  // byte never used in UTF-8
      {"\x80\x80", "\uFFFD\uFFFD", 2},                 // stray continuation bytes
      {"x\xE2\x82", "x\uFFFD", 1},                     // truncated three-byte sequence
      {"\xC0\xAF", "\uFFFD\uFFFD", 2},                 // overlong '/'
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3},       // encoded surrogate U+D800
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD", 4},  // above U+10FFFF
      {"\xE2\x82" "A", "\uFFFD" "A", 1},               // sequence cut by ASCII
  };
  for (const auto& c : cases) {
    std::string text = c.input;
    EXPECT_EQ(repair_utf8(text), c.replacements) << c.expected;
    EXPECT_EQ(text, c.expected);
  }
}

TEST(AppendUtf8, EncodesEveryLength) {
  std::string out;
  append_utf8(out, U'A');
  append_utf8(out, U'ж');
  append_utf8(out, U'€');
  append_utf8(out, U'😀');
  EXPECT_EQ(out, "Aж€😀");
}

TEST(Utf8PrefixLength, NeverSplitsACharacter) {
  const std::string text = "жжж";  // two bytes each
  EXPECT_EQ(utf8_prefix_length(text, 3), 2u);
  EXPECT_EQ(utf8_prefix_length(text, 4), 4u);
  EXPECT_EQ(utf8_prefix_length(text, 100), 6u);
  EXPECT_EQ(utf8_prefix_length(text, 1), 0u);
}

}  // namespace
}  // namespace akhbar::corpus::detail
