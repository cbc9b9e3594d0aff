// Tests for query/src/snippet.cc: the passage and window chosen, the cuts,
// and the highlighted word forms, asserted on the marked-up text.
#include "snippet.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <sstream>
#include <string>
#include <vector>

#include "query_builder.h"
#include "query_parser.h"

namespace akhbar::query::detail {
namespace {

TermForms forms_of(const std::string& query) { return build_query(parse_query(query).root).forms; }

std::string marked(const Snippet& snippet) {
  return mark_highlights(snippet.text, snippet.highlights, "[", "]");
}

std::string snippet_for(const std::string& query, const std::vector<std::string>& passages,
                        std::size_t words = 36) {
  return marked(make_snippet(passages, forms_of(query), words));
}

bool valid_utf8(const std::string& text) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::size_t count_words(const std::string& text) {
  std::istringstream in(text);
  std::size_t words = 0;
  for (std::string word; in >> word;) ++words;
  return words;
}

std::string numbered(const std::string& stem, std::size_t from, std::size_t count) {
  std::string text;
  for (std::size_t i = from; i < from + count; ++i) text += (text.empty() ? "" : " ") + stem + std::to_string(i);
  return text;
}

TEST(Snippet, HighlightsRussianInflectedForm) {
  EXPECT_EQ(snippet_for("Тартус", {"Власти расторгли контракт с компанией, управлявшей портом в Тартусе."}),
            "Власти расторгли контракт с компанией, управлявшей портом в [Тартусе].");
}

TEST(Snippet, HighlightsEnglishFormsOfTheStem) {
  EXPECT_EQ(snippet_for("sanction", {"Sanctions were widened; two sanctioned tankers left."}),
            "[Sanctions] were widened; two [sanctioned] tankers left.");
}

TEST(Snippet, HighlightsArabicWordWithProclitic) {
  const std::string passage = "أعلن الاتحاد الأوروبي توسيع نطاق والعقوبات المفروضة على ناقلات النفط.";
  const std::string text = snippet_for("العقوبات", {passage});
  EXPECT_NE(text.find("[والعقوبات]"), std::string::npos) << text;
  EXPECT_EQ(text.find("[", text.find("]")), std::string::npos) << "one highlight only: " << text;
}

TEST(Snippet, ArabicInMixedTextHasLogicalOrderOffsets) {
  const Snippet snippet =
      make_snippet({"Officials in طرطوس said the port of طرطوس reopened."}, forms_of("طرطوس"), 36);
  ASSERT_EQ(snippet.highlights.size(), 2u);
  for (const Span& span : snippet.highlights)
    EXPECT_EQ(snippet.text.substr(span.begin, span.end - span.begin), "طرطوس");
  EXPECT_LT(snippet.highlights[0].end, snippet.highlights[1].begin);
}

TEST(Snippet, HighlightsHyphenatedNameAsOneWord) {
  EXPECT_EQ(snippet_for("Sharaa", {"Syria's interim leader al-Sharaa said the talks went well."}),
            "Syria's interim leader [al-Sharaa] said the talks went well.");
  EXPECT_EQ(snippet_for("al-Sharaa", {"Envoys met al-Sharaa in Damascus."}),
            "Envoys met [al-Sharaa] in Damascus.");
}

TEST(Snippet, PicksThePassageWithMoreDistinctWords) {
  EXPECT_EQ(snippet_for("port contract",
                        {"The port, the port and the port again.", "A contract for the port."}),
            "A [contract] for the [port].");
}

TEST(Snippet, RepeatsDecideBetweenPassagesWithTheSameWords) {
  EXPECT_EQ(snippet_for("port contract", {"A port.", "The port, the port and the port again."}),
            "The [port], the [port] and the [port] again.");
}

TEST(Snippet, BestWindowOfALongPassageHasTheMostDistinctWords) {
  // Sixty filler words, then both query words close together, then one
  // again far on: the window holds the two.
  const std::string passage = numbered("w", 0, 60) + " port contract " + numbered("x", 0, 60) + " port";
  const std::string snippet = snippet_for("port contract", {passage}, 10);
  EXPECT_NE(snippet.find("[port] [contract]"), std::string::npos) << snippet;
}

TEST(Snippet, WithoutMatchShowsTheOpeningOfTheFirstPassage) {
  const Snippet snippet =
      make_snippet({"", numbered("w", 0, 100), "other words"}, forms_of("Tartus"), 10);
  EXPECT_TRUE(snippet.highlights.empty());
  EXPECT_EQ(snippet.text, numbered("w", 0, 10) + "\u2026");
}

TEST(Snippet, WindowIsCutAtWordBoundariesAroundTheMatch) {
  const std::string passage = numbered("before", 0, 80) + " supply flights through Hmeimim doubled " +
                              numbered("after", 0, 80);
  const Snippet snippet = make_snippet({passage}, forms_of("Hmeimim"), 30);
  const std::string text = marked(snippet);
  EXPECT_NE(text.find("[Hmeimim]"), std::string::npos) << text;
  ASSERT_EQ(text.rfind("\u2026", 0), 0u) << text;
  ASSERT_EQ(text.substr(text.size() - 3), "\u2026") << text;
  EXPECT_EQ(count_words(snippet.text), 30u) << snippet.text;

  // The text between the ellipses is a run of whole words of the passage.
  const std::string inner = snippet.text.substr(3, snippet.text.size() - 6);
  const std::size_t at = passage.find(inner);
  ASSERT_NE(at, std::string::npos) << inner;
  EXPECT_EQ(passage[at - 1], ' ');
  EXPECT_EQ(passage[at + inner.size()], ' ');
  // Some context before the match, not the match as the first word.
  EXPECT_NE(inner.rfind("Hmeimim", 0), 0u) << inner;
}

TEST(Snippet, CutsNeverSplitMultiByteCharacters) {
  std::string passage;
  for (int i = 0; i < 120; ++i) passage += (i == 70 ? "Тартусе" : "слово" + std::to_string(i)) + " ";
  passage += "конец.";
  const Snippet snippet = make_snippet({passage}, forms_of("Тартус"), 12);
  EXPECT_TRUE(valid_utf8(snippet.text)) << snippet.text;
  EXPECT_NE(marked(snippet).find("[Тартусе]"), std::string::npos) << snippet.text;
  EXPECT_EQ(count_words(snippet.text), 12u) << snippet.text;
}

TEST(Snippet, KeepsClosingPunctuationWithTheLastWord) {
  const Snippet snippet = make_snippet({"Tartus reopened. Then " + numbered("w", 0, 50)},
                                       forms_of("Tartus"), 2);
  EXPECT_EQ(marked(snippet), "[Tartus] reopened.\u2026");
}

TEST(Snippet, JoinsLinesOfAPassage) {
  EXPECT_EQ(snippet_for("Tartus", {"Port of\nTartus\treopened."}), "Port of [Tartus] reopened.");
  EXPECT_EQ(snippet_for("Tartus", {"Port closed.\n\nTartus  reopened."}),
            "Port closed. [Tartus] reopened.");
}

TEST(Snippet, EmptyPassagesGiveEmptySnippet) {
  const Snippet snippet = make_snippet({}, forms_of("Tartus"), 36);
  EXPECT_TRUE(snippet.text.empty());
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST(HighlightWords, MarksTitleWordsInAnyForm) {
  const std::string title = "Контракт на порт в Тартусе расторгнут";
  EXPECT_EQ(mark_highlights(title, highlight_words(title, forms_of("тартус порт")), "[", "]"),
            "Контракт на [порт] в [Тартусе] расторгнут");
}

TEST(HighlightWords, NoFormsNoHighlights) {
  EXPECT_TRUE(highlight_words("Port contract at Tartus", TermForms{}).empty());
}

}  // namespace
}  // namespace akhbar::query::detail
