// Tests for cli/common.cc: the JSON writer and the date check that the
// subcommands share.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "akhbar/error.h"
#include "cli/json_value.h"
#include "common.h"

namespace akhbar::cli {
namespace {

TEST(CliJsonOutput, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_string("say \"hi\"\\now"), R"("say \"hi\"\\now")");
  EXPECT_EQ(json_string("a\nb\tc\rd"), R"("a\nb\tc\rd")");
  EXPECT_EQ(json_string(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
  EXPECT_EQ(json_string(std::string("nul\0byte", 8)), R"("nul\u0000byte")");
}

TEST(CliJsonOutput, PassesUtf8ThroughSoByteOffsetsStayValid) {
  const std::string text = "قاعدة حميميم и Хмеймим";
  EXPECT_EQ(json_string(text), "\"" + text + "\"");
  EXPECT_EQ(cli_test::parse_json(json_string(text)).string, text);
}

TEST(CliJsonOutput, ObjectKeepsFieldOrderAndParses) {
  const std::string json = JsonObject()
                               .add_string("title", "Tartus \"port\"")
                               .add_count("rank", 3)
                               .add_number("score", 1.5)
                               .add_bool("degraded", false)
                               .add_raw("highlights", json_array({"[0,6]", "[8,12]"}))
                               .str();
  EXPECT_EQ(json, R"({"title":"Tartus \"port\"","rank":3,"score":1.5,"degraded":false,"highlights":[[0,6],[8,12]]})");
  const cli_test::JsonValue parsed = cli_test::parse_json(json);
  EXPECT_EQ(parsed.at("title").string, "Tartus \"port\"");
  EXPECT_EQ(parsed.at("highlights").array[1].array[0].number, 8);
}

TEST(CliJsonOutput, NonFiniteNumbersBecomeZero) {
  EXPECT_EQ(json_number(std::numeric_limits<double>::quiet_NaN()), "0");
  EXPECT_EQ(json_number(std::numeric_limits<double>::infinity()), "0");
  EXPECT_EQ(json_number(0.25), "0.25");
}

TEST(CliDateFlag, AcceptsRealCalendarDates) {
  EXPECT_NO_THROW(check_date("2025-01-31", "--since"));
  EXPECT_NO_THROW(check_date("2024-02-29", "--since"));  // leap year
  EXPECT_NO_THROW(check_date("2000-02-29", "--since"));  // divisible by 400
}

TEST(CliDateFlag, RejectsMalformedOrImpossibleDatesNamingTheFlag) {
  for (const char* bad : {"2025-1-31", "2025/01/31", "20250131", "2025-00-10", "2025-13-01", "2025-04-31",
                          "2025-02-29", "1900-02-29", "2025-01-3x", ""}) {
    try {
      check_date(bad, "--until");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()), std::string("--until expects a date written YYYY-MM-DD, got '") + bad + "'");
    }
  }
}

TEST(CliByteSizes, UsesTheLargestFittingUnit) {
  EXPECT_EQ(human_bytes(512), "512 B");
  EXPECT_EQ(human_bytes(1536), "1.5 KiB");
  EXPECT_EQ(human_bytes(3u << 20), "3.0 MiB");
}

}  // namespace
}  // namespace akhbar::cli
