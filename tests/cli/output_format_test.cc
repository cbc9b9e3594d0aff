// Tests for cli/common.cc: the JSON writer and the date check that the
// subcommands share.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "akhbar/error.h"
#include "cli/json_value.h"
#include "common.h"
#include "progress_bar.h"
#include "terminal_text.h"

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

TEST(CliByteSizes, CompressedInputShowsItsTextAndWhatWasRead) {
  EXPECT_EQ(input_size(3u << 20, 3u << 20), "3.0 MiB");
  EXPECT_EQ(input_size(1u << 20, 9u << 20), "9.0 MiB of text (1.0 MiB read)");
}

TEST(CliCounts, OneIsSingularEverythingElsePlural) {
  EXPECT_EQ(counted(1, "article"), "1 article");
  EXPECT_EQ(counted(0, "article"), "0 articles");
  EXPECT_EQ(counted(2, "passage"), "2 passages");
  EXPECT_EQ(counted(1, "judged query", "judged queries"), "1 judged query");
  EXPECT_EQ(counted(3, "judged query", "judged queries"), "3 judged queries");
}

TEST(CliJsonOutput, RecordsStartWithTheirTypeAndTheSchemaVersion) {
  EXPECT_EQ(JsonObject::record("summary").add_count("total", 0).str(),
            R"({"type":"summary","version":1,"total":0})");
}

// --- terminal layout ----------------------------------------------------------

constexpr std::string_view kRli = "\u2067";
constexpr std::string_view kPdi = "\u2069";

TEST(CliTerminalText, WidthCountsColumnsNotBytes) {
  EXPECT_EQ(display_width("Tartus"), 6u);
  EXPECT_EQ(display_width("Тартус"), 6u);
  EXPECT_EQ(display_width("حميميم"), 6u);
  EXPECT_EQ(display_width("حَمِيمِيم"), 6u);  // vowel marks take no column
  EXPECT_EQ(display_width("\033[1mTartus\033[0m"), 6u);
  EXPECT_EQ(display_width("日本"), 4u);
  EXPECT_EQ(display_width("a\u2067b\u2069\u200Bc"), 3u);
}

TEST(CliTerminalText, FitCutsBeforeACharacterThatWouldNotFit) {
  EXPECT_EQ(fit_columns("Tartus port", 6), "Tartus");
  EXPECT_EQ(fit_columns("حميميم", 2), "حم");
  EXPECT_EQ(fit_columns("日本", 3), "日");
  EXPECT_EQ(fit_columns("\033[1mTartus", 3), "\033[1mTar");
  EXPECT_EQ(fit_columns("short", 80), "short");
}

TEST(CliTerminalText, WrapBreaksAtSpacesOnly) {
  EXPECT_EQ(wrap_words("one two three four", 9), (std::vector<std::string>{"one two", "three", "four"}));
  EXPECT_EQ(wrap_words("  spaced    out  ", 40), (std::vector<std::string>{"spaced out"}));
  // A word wider than the line stands alone, whole.
  EXPECT_EQ(wrap_words("a extraordinarily b", 5), (std::vector<std::string>{"a", "extraordinarily", "b"}));
  // Columns, not bytes: six Arabic letters are six columns (twelve bytes).
  EXPECT_EQ(wrap_words("قاعدة حميميم الجوية", 12), (std::vector<std::string>{"قاعدة حميميم", "الجوية"}));
  EXPECT_EQ(wrap_words("\033[1mTartus\033[0m port", 11),
            (std::vector<std::string>{"\033[1mTartus\033[0m port"}));
  EXPECT_TRUE(wrap_words("", 10).empty());
}

TEST(CliTerminalText, RightToLeftRunsInLeftToRightTextAreIsolated) {
  EXPECT_EQ(isolate_right_to_left("the base [حميميم] near Latakia"),
            "the base [" + std::string(kRli) + "حميميم" + std::string(kPdi) + "] near Latakia");
  // Spaces and digits between Arabic words stay inside the run.
  EXPECT_EQ(isolate_right_to_left("at قاعدة 12 حميميم today"),
            "at " + std::string(kRli) + "قاعدة 12 حميميم" + std::string(kPdi) + " today");
  EXPECT_EQ(isolate_right_to_left("Hmeimim is \033[1mحميميم\033[0m in Arabic"),
            "Hmeimim is \033[1m" + std::string(kRli) + "حميميم" + std::string(kPdi) + "\033[0m in Arabic");
  EXPECT_EQ(isolate_right_to_left("Tartus and Хмеймим"), "Tartus and Хмеймим");
  EXPECT_EQ(isolate_right_to_left("2025"), "2025");
}

TEST(CliTerminalText, ALineThatStartsRightToLeftIsOneIsolate) {
  // Latin inside Arabic keeps its place in the Arabic sentence.
  EXPECT_EQ(isolate_right_to_left("قاعدة Khmeimim الجوية"),
            std::string(kRli) + "قاعدة Khmeimim الجوية" + std::string(kPdi));
}

TEST(CliTerminalText, TheTextsOwnBidiControlsAreDropped) {
  // A stray override would reverse the rest of the terminal line.
  EXPECT_EQ(isolate_right_to_left("Tartus\u202E port\u202C"), "Tartus port");
  EXPECT_EQ(isolate_right_to_left("\u2067Tartus\u2069"), "Tartus");
}

// --- progress line ------------------------------------------------------------

indexer::Progress progress_at(std::uint64_t done, std::uint64_t total, std::uint64_t text, std::uint64_t articles) {
  indexer::Progress progress;
  progress.bytes_done = done;
  progress.bytes_total = total;
  progress.text_bytes = text;
  progress.articles = articles;
  return progress;
}

TEST(CliProgressLine, FitsANarrowTerminalWithoutWrapping) {
  const indexer::Progress progress = progress_at(40, 100, 400'000'000, 123'456);
  for (const std::size_t columns : {std::size_t{45}, std::size_t{30}, std::size_t{12}, std::size_t{120}}) {
    const std::string line = progress_line(progress, 125, columns);
    EXPECT_LT(display_width(line), columns) << columns << ": " << line;
  }
  EXPECT_EQ(progress_line(progress, 125, 45).find('['), std::string::npos)  // no room for a bar
      << progress_line(progress, 125, 45);
  EXPECT_EQ(progress_line(progress, 125, 120),
            "[############..................]  40%  123456 articles  3.2 MB/s  ETA 3:08");
}

TEST(CliProgressLine, RateIsTheTextReadAndTheEtaFollowsTheFractionDone) {
  // A .zst file: a tenth of its compressed bytes held 87 MB of text.
  const std::string line = progress_line(progress_at(1'000'000, 10'000'000, 87'000'000, 1), 10, 200);
  EXPECT_NE(line.find("  10%  1 article  8.7 MB/s  ETA 1:30"), std::string::npos) << line;
  // No estimate in the first second, nor once done.
  EXPECT_EQ(progress_line(progress_at(1, 10, 1, 1), 0.5, 200).find("ETA"), std::string::npos);
  EXPECT_EQ(progress_line(progress_at(10, 10, 10, 1), 30, 200).find("ETA"), std::string::npos);
  EXPECT_NE(progress_line(progress_at(1, 2, 1, 1), 7200, 200).find("ETA 2:00:00"), std::string::npos);
}

}  // namespace
}  // namespace akhbar::cli
