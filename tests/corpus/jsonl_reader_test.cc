#include <gtest/gtest.h>

#include "article_id.h"
#include "corpus_test_support.h"

namespace akhbar::corpus {
namespace {

using testing::read_all;
using testing::ScratchDir;
using testing::test_data;
using Paragraphs = std::vector<std::string>;
using Messages = std::vector<std::string>;

TEST(JsonLinesReader, ReadsEveryFieldOfTheFixture) {
  const std::string path = test_data("articles.jsonl");
  const auto result = read_all({path});
  ASSERT_EQ(result.articles.size(), 3u) << ::testing::PrintToString(result.messages());
  EXPECT_TRUE(result.problems.empty()) << ::testing::PrintToString(result.messages());

  const Article& en = result.articles[0];
  EXPECT_EQ(en.id, "en-001");
  EXPECT_EQ(en.url, "https://news.example.org/a/1");
  EXPECT_EQ(en.title, "Base lease extended");
  EXPECT_EQ(en.author, "Omar Saleh");
  EXPECT_EQ(en.published, "2025-06-26");
  EXPECT_EQ(en.lang, "en");
  EXPECT_EQ(en.source, "Example News");
  EXPECT_EQ(en.paragraphs,
            (Paragraphs{"The lease of the naval base was extended.", "Officials declined to comment."}));
  EXPECT_EQ(en.origin_file, path);
  EXPECT_EQ(en.origin_line, 1u);

  const Article& ru = result.articles[1];
  EXPECT_EQ(ru.id, detail::id_from_url("https://news.example.org/ru/2"));
  EXPECT_EQ(ru.title, "Контракт на порт");
  EXPECT_EQ(ru.published, "2025-06-27");
  EXPECT_EQ(ru.lang, "ru");
  EXPECT_EQ(ru.paragraphs, (Paragraphs{"Контракт был расторгнут в январе."}));
  EXPECT_EQ(ru.origin_line, 2u);

  const Article& ar = result.articles[2];
  EXPECT_EQ(ar.id, detail::id_from_content("عقوبات جديدة",
                                           "أعلنت الحكومة عن عقوبات جديدة.\n\nوقال المتحدث إن القرار نهائي."));
  EXPECT_EQ(ar.lang, "ar");
  EXPECT_EQ(ar.paragraphs,
            (Paragraphs{"أعلنت الحكومة عن عقوبات جديدة.", "وقال المتحدث إن القرار نهائي."}));
  EXPECT_EQ(ar.origin_line, 4u);  // line 3 is blank

  EXPECT_EQ(result.stats.files, 1u);
  EXPECT_EQ(result.stats.articles, 3u);
}

TEST(JsonLinesReader, AcceptsAByteOrderMarkAndCrLfLineEnds) {
  ScratchDir dir;
  const std::string path =
      dir.write("bom.jsonl", "\xEF\xBB\xBF{\"id\": \"a\", \"body\": \"x\"}\r\n{\"id\": \"b\", \"body\": \"y\"}\r\n");
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(result.problems.empty());
}

TEST(JsonLinesReader, NumericIdIsTakenAsItsDecimalText) {
  ScratchDir dir;
  const std::string path = dir.write("n.jsonl", "{\"id\": 12345, \"body\": \"x\"}\n");
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"12345"}));
  EXPECT_TRUE(result.problems.empty());
}

TEST(JsonLinesReader, BadOptionalFieldsAreWarningsAndLeftEmpty) {
  ScratchDir dir;
  const std::string path = dir.write(
      "w.jsonl",
      "{\"id\": 1.5, \"title\": [\"x\"], \"author\": null, \"published\": \"yesterday\", "
      "\"lang\": \"fr\", \"url\": \"https://x.org/1\", \"body\": \"text\"}\n");
  const auto result = read_all({path});
  ASSERT_EQ(result.articles.size(), 1u);
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, detail::id_from_url("https://x.org/1"));
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.author, "");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.lang, "");
  EXPECT_EQ(result.messages(),
            (Messages{
                path + ":1: warning: \"id\" is a number, expected a string; ignored",
                path + ":1: warning: \"title\" is an array, expected a string; ignored",
                path + ":1: warning: \"published\" \"yesterday\" is not a date (YYYY-MM-DD or RFC 3339); ignored",
                path + ":1: warning: \"lang\" \"fr\" is not en, ru or ar; ignored",
            }));
  EXPECT_EQ(result.stats.warnings, 4u);
  EXPECT_EQ(result.stats.errors, 0u);
}

TEST(JsonLinesReader, DuplicateKeyKeepsTheLastValueWithAWarning) {
  ScratchDir dir;
  const std::string path =
      dir.write("d.jsonl", "{\"title\": \"first\", \"body\": \"b\", \"title\": \"second\", \"id\": \"x\"}\n");
  const auto result = read_all({path});
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].title, "second");
  EXPECT_EQ(result.messages(),
            (Messages{path + ":1: warning: duplicate key \"title\", the last value is used"}));
}

TEST(JsonLinesReader, RecordsWithoutAUsableBodyAreErrorsAndSkipped) {
  ScratchDir dir;
  const std::string path = dir.write("b.jsonl",
                                     "{\"id\": \"none\"}\n"
                                     "{\"id\": \"empty\", \"body\": \" \\n\\n \"}\n"
                                     "{\"id\": \"number\", \"body\": 7}\n"
                                     "{\"id\": \"good\", \"body\": \"kept\"}\n");
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"good"}));
  EXPECT_EQ(result.articles[0].origin_line, 4u);
  EXPECT_EQ(result.messages(),
            (Messages{
                path + ":1: error: record has no \"body\", skipped",
                path + ":2: error: \"body\" is empty, record skipped",
                path + ":3: error: \"body\" is a number, expected a string; record skipped",
            }));
  EXPECT_EQ(result.stats.errors, 3u);
}

TEST(JsonLinesReader, MalformedLinesAreSkippedAndGoodOnesKept) {
  ScratchDir dir;
  const std::string path = dir.write("m.jsonl",
                                     "{\"id\": \"one\", \"body\": \"a\"}\n"
                                     "{\"id\": \"two\", \"body\": \"b\"\n"
                                     "not json at all\n"
                                     "{\"id\": \"three\", \"body\": \"c\"}\n");
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"one", "three"}));
  EXPECT_EQ(result.messages(),
            (Messages{
                path + ":2: error: invalid JSON: expected ',' or '}', found end of line at column 26, record skipped",
                path + ":3: error: invalid JSON: expected '{' at the start of a record, found 'n' at column 1, record skipped",
            }));
}

TEST(JsonLinesReader, InvalidUtf8AndLoneSurrogatesAreOneWarningPerRecord) {
  ScratchDir dir;
  const std::string path = dir.write("u.jsonl",
                                     "{\"id\": \"u\", \"title\": \"T\xFF\", \"body\": \"a\\ud800 b\xC3\"}\n");
  const auto result = read_all({path});
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].title, "T\uFFFD");
  EXPECT_EQ(result.articles[0].paragraphs, (Paragraphs{"a\uFFFD b\uFFFD"}));
  EXPECT_EQ(result.messages(),
            (Messages{path + ":1: warning: invalid UTF-8: 3 sequences replaced with U+FFFD"}));
}

TEST(JsonLinesReader, BinaryLineIsAnErrorAndSkipped) {
  ScratchDir dir;
  const std::string binary_line("\x01\x00\x02\x00\n", 5);
  const std::string path = dir.write("bin.jsonl", "{\"id\": \"a\", \"body\": \"x\"}\n" + binary_line +
                                                      "{\"id\": \"b\", \"body\": \"y\"}\n");
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(result.messages(), (Messages{path + ":2: error: binary data (NUL bytes), line skipped"}));
}

TEST(JsonLinesReader, OverLongLineIsSkippedWithAnError) {
  ScratchDir dir;
  const std::string huge = "{\"id\": \"big\", \"body\": \"" + std::string(300000, 'x') + "\"}\n";
  const std::string path =
      dir.write("long.jsonl", huge + "{\"id\": \"small\", \"body\": \"fits\"}\n");
  ReaderOptions options;
  options.max_line_bytes = 1000;
  const auto result = read_all({path}, options);
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"small"}));
  EXPECT_EQ(result.articles[0].origin_line, 2u);
  EXPECT_EQ(result.messages(), (Messages{path + ":1: error: line longer than 1000 bytes, skipped"}));
}

TEST(JsonLinesReader, HugeBodyIsCappedWithAWarning) {
  ScratchDir dir;
  const std::string path = dir.write(
      "cap.jsonl", "{\"id\": \"c\", \"body\": \"one two three\\n\\nfour five six seven\"}\n");
  ReaderOptions options;
  options.max_article_bytes = 24;
  const auto result = read_all({path}, options);
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].paragraphs, (Paragraphs{"one two three", "four five"}));
  EXPECT_EQ(result.messages(), (Messages{path + ":1: warning: article capped at 24 bytes"}));
}

TEST(JsonLinesReader, EmptyFileIsAWarning) {
  ScratchDir dir;
  const std::string path = dir.write("empty.jsonl", "");
  const auto result = read_all({path});
  EXPECT_TRUE(result.articles.empty());
  EXPECT_EQ(result.messages(), (Messages{path + ": warning: empty file"}));
}

TEST(JsonLinesReader, BlankLinesAreSkippedSilently) {
  ScratchDir dir;
  const std::string path = dir.write("blank.jsonl", "\n  \n\t\r\n{\"id\": \"x\", \"body\": \"y\"}\n\n");
  const auto result = read_all({path});
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"x"}));
  EXPECT_EQ(result.articles[0].origin_line, 4u);
  EXPECT_TRUE(result.problems.empty());
}

}  // namespace
}  // namespace akhbar::corpus
