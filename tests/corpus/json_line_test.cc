#include "json_line.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

using Kind = JsonValue::Kind;

TEST(ParseJsonObject, ReadsMembersOfEveryTypeInOrder) {
  const auto result = parse_json_object(
      R"( {"s": "text", "n": -12.5e+3, "t": true, "f": false, "z": null, "a": [1, "x"], "o": {"k": {}}} )");
  ASSERT_TRUE(result.ok()) << result.error;
  ASSERT_EQ(result.members.size(), 7u);
  EXPECT_EQ(result.members[0].key, "s");
  EXPECT_EQ(result.members[0].value.kind, Kind::kString);
  EXPECT_EQ(result.members[0].value.text, "text");
  EXPECT_EQ(result.members[1].value.kind, Kind::kNumber);
  EXPECT_EQ(result.members[1].value.text, "-12.5e+3");
  EXPECT_EQ(result.members[2].value.kind, Kind::kTrue);
  EXPECT_EQ(result.members[3].value.kind, Kind::kFalse);
  EXPECT_EQ(result.members[4].value.kind, Kind::kNull);
  EXPECT_EQ(result.members[5].value.kind, Kind::kArray);
  EXPECT_EQ(result.members[6].value.kind, Kind::kObject);
}

TEST(ParseJsonObject, DecodesEveryEscape) {
  const auto result = parse_json_object(
      R"({"s": "q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u0416\u20ac \ud83d\ude00"})");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.members[0].value.text, "q\" b\\ s/ \b\f\n\r\t AéЖ€ 😀");
  EXPECT_EQ(result.lone_surrogates, 0u);
}

TEST(ParseJsonObject, ReplacesLoneSurrogatesAndCountsThem) {
  const auto result = parse_json_object(R"({"s": "a\ud83d b\ude00 c\ud83d\u0041"})");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.members[0].value.text, "a\uFFFD b\uFFFD c\uFFFDA");
  EXPECT_EQ(result.lone_surrogates, 3u);
}

TEST(ParseJsonObject, PassesRawUtf8Through) {
  const auto result = parse_json_object(R"({"title": "Хмеймим حميميم"})");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.members[0].value.text, "Хмеймим حميميم");
}

TEST(ParseJsonObject, KeepsDuplicateKeysForTheCallerToResolve) {
  const auto result = parse_json_object(R"({"a": "1", "a": "2"})");
  ASSERT_EQ(result.members.size(), 2u);
  EXPECT_EQ(result.members[1].value.text, "2");
}

struct ErrorCase {
  std::string line;
  std::string error;
  std::size_t column;
};

TEST(ParseJsonObject, ReportsWhatWasExpectedAndTheColumn) {
  const std::vector<ErrorCase> cases = {
      {R"({"a": "1" "b": 2})", "expected ',' or '}', found '\"'", 11},
      {R"({"a": 1,})", "expected a string key, found '}'", 9},
      {R"({"a" 1})", "expected ':' after a key, found '1'", 6},
      {R"({"a": tru})", "expected a value, found 't'", 7},
      {R"({"a": 01})", "expected ',' or '}', found '1'", 8},
      {R"({"a": 1.})", "expected a digit after '.', found '}'", 9},
      {R"({"a": "x\q"})", "invalid escape '\\q'", 9},
      {R"({"a": "\u12G4"})", "expected four hex digits after \\u, found 'G'", 12},
      {R"({"a": "open)", "unterminated string", 12},
      {"{\"a\": \"tab\there\"}", "control character in string (it must be escaped)", 11},
      {R"(["a"])", "expected '{' at the start of a record, found '['", 1},
      {R"({"a": 1} x)", "expected end of line after the object, found 'x'", 10},
      {"", "expected '{' at the start of a record, found end of line", 1},
      {R"({"a": [1, 2)", "expected ',' or ']', found end of line", 12},
  };
  for (const auto& c : cases) {
    const auto result = parse_json_object(c.line);
    EXPECT_FALSE(result.ok()) << c.line;
    EXPECT_EQ(result.error, c.error) << c.line;
    EXPECT_EQ(result.column, c.column) << c.line;
    EXPECT_TRUE(result.members.empty());
  }
}

TEST(ParseJsonObject, LimitsNestingDepth) {
  const std::string deep = "{\"a\": " + std::string(100, '[') + std::string(100, ']') + "}";
  const auto result = parse_json_object(deep);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.error, "nesting deeper than 64 levels");
  EXPECT_EQ(result.column, 7u + 63u);

  const std::string allowed = "{\"a\": " + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_TRUE(parse_json_object(allowed).ok());
}

}  // namespace
}  // namespace akhbar::corpus::detail
