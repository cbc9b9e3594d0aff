// Tests of Article -> Xapian::Document: the exact terms, positions, wdf, values and data.
#include "document_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "content_hash.h"
#include "indexer/fake_analyzer.h"

namespace akhbar::indexer::detail {
namespace {

namespace schema = akhbar::indexer::schema;

struct TermEntry {
  std::string term;
  Xapian::termcount wdf;
  std::vector<Xapian::termpos> positions;
  bool operator==(const TermEntry&) const = default;
};

std::ostream& operator<<(std::ostream& out, const TermEntry& entry) {
  out << entry.term << " wdf=" << entry.wdf << " pos=[";
  for (auto p : entry.positions) out << p << ' ';
  return out << ']';
}

std::vector<TermEntry> terms_of(const Xapian::Document& document) {
  std::vector<TermEntry> entries;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    TermEntry entry{*it, it.get_wdf(), {}};
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos)
      entry.positions.push_back(*pos);
    entries.push_back(entry);
  }
  return entries;
}

IndexOptions one_paragraph_per_passage() {
  IndexOptions options;
  options.passage_min_words = 1;
  return options;
}

corpus::Article tiny_article() {
  corpus::Article article;
  article.id = "art-1";
  article.title = "Ports deal";
  article.paragraphs = {"Tartus ports", "al-Sharaa signed 2025"};
  article.lang = "EN";
  article.source = "The  Daily Star";
  article.published = "2025-03-07";
  article.url = "https://example.org/a1";
  article.author = "R. Writer";
  return article;
}

TEST(DocumentBuilder, EmitsTheSchemaTermsOfATinyArticle) {
  DocumentBuilder builder(testing::fake_analyzer(), one_paragraph_per_passage());
  const auto built = builder.build(tiny_article());
  ASSERT_TRUE(built.has_value());

  // Title at 0..1; first passage from 2 + gap = 102; second from 104 + gap.
  std::vector<TermEntry> expected = {
      {"ports", 4, {0, 103}},  // 3 for the title, 1 for the body
      {"deal", 3, {1}},
      {"Sports", 1, {0}},
      {"Sdeal", 1, {1}},
      {"tartus", 1, {102}},
      {"al-sharaa", 1, {204}},  // the compound shares its first part's position
      {"al", 1, {204}},
      {"sharaa", 1, {205}},
      {"signed", 1, {206}},
      {"2025", 1, {207}},
      // No stem terms: the stems are in the stem dictionary (next test).
      {"Qart-1", 0, {}},
      {"Len", 0, {}},
      {"Bthe daily star", 0, {}},
      {"Y2025", 0, {}},
      {"M202503", 0, {}},
      {"Tports", 0, {}},  // "ports" twice: a term of the ports topic (topics.txt)
      {"Wports", 2, {}},  // its mentions, title and body
      {"Wcontracts", 1, {}},  // "deal", once: a mention, too few for a topic tag
  };
  std::sort(expected.begin(), expected.end(),
            [](const TermEntry& a, const TermEntry& b) { return a.term < b.term; });
  EXPECT_EQ(terms_of(built->document), expected);
  EXPECT_EQ(built->id_term, "Qart-1");
  EXPECT_EQ(built->passages, 2u);
}

std::vector<std::pair<std::string, std::string>> stem_entries(const BuiltDocument& built) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& entry : built.synonyms)
    if (entry.first.starts_with(schema::kStemPrefix)) entries.push_back(entry);
  return entries;
}

TEST(DocumentBuilder, FilesEachWordWithAnotherStemUnderItsStemOnce) {
  DocumentBuilder builder(testing::fake_analyzer(), one_paragraph_per_passage());
  const auto first = builder.build(tiny_article());
  ASSERT_TRUE(first.has_value());
  // "ports" is in the title and the body, filed once; "deal", "signed",
  // "al", "sharaa" and "al-sharaa" are their own stems, and a number has
  // none: nothing to file.
  using Entries = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(stem_entries(*first), (Entries{{"Zport", "ports"}, {"Ztartu", "tartus"}}));

  corpus::Article second = tiny_article();
  second.id = "art-2";
  second.paragraphs = {"Tartus ports and harbours"};
  const auto again = builder.build(second);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(stem_entries(*again), (Entries{{"Zharbour", "harbours"}}));  // only the new word
}

TEST(DocumentBuilder, SetsTheSchemaValues) {
  DocumentBuilder builder(testing::fake_analyzer(), one_paragraph_per_passage());
  const corpus::Article article = tiny_article();
  const auto built = builder.build(article);
  ASSERT_TRUE(built.has_value());
  const Xapian::Document& document = built->document;
  EXPECT_EQ(document.get_value(schema::kValueDate), "20250307");
  EXPECT_EQ(document.get_value(schema::kValueArticle), "art-1");
  EXPECT_EQ(document.get_value(schema::kValueHash), hash_hex(content_hash(article)));
  EXPECT_EQ(Xapian::sortable_unserialise(document.get_value(schema::kValuePassages)), 2.0);
}

TEST(DocumentBuilder, StoresTheArticleAndItsPassages) {
  DocumentBuilder builder(testing::fake_analyzer(), one_paragraph_per_passage());
  const auto built = builder.build(tiny_article());
  ASSERT_TRUE(built.has_value());
  const schema::StoredArticle stored = schema::decode_document_data(built->document.get_data());
  EXPECT_EQ(stored.id, "art-1");
  EXPECT_EQ(stored.url, "https://example.org/a1");
  EXPECT_EQ(stored.title, "Ports deal");
  EXPECT_EQ(stored.author, "R. Writer");
  EXPECT_EQ(stored.published, "2025-03-07");
  EXPECT_EQ(stored.lang, "en");
  EXPECT_EQ(stored.source, "The  Daily Star");
  EXPECT_EQ(stored.passages, (std::vector<std::string>{"Tartus ports", "al-Sharaa signed 2025"}));
}

TEST(DocumentBuilder, BodyStartsAtZeroWithoutATitle) {
  corpus::Article article = tiny_article();
  article.title.clear();
  DocumentBuilder builder(testing::fake_analyzer(), one_paragraph_per_passage());
  const auto built = builder.build(article);
  ASSERT_TRUE(built.has_value());
  const auto terms = terms_of(built->document);
  const auto tartus = std::find_if(terms.begin(), terms.end(),
                                   [](const TermEntry& e) { return e.term == "tartus"; });
  ASSERT_NE(tartus, terms.end());
  EXPECT_EQ(tartus->positions, std::vector<Xapian::termpos>{0});
  EXPECT_TRUE(std::none_of(terms.begin(), terms.end(), [](const TermEntry& e) {
    return e.term.starts_with("S");
  }));
}

TEST(DocumentBuilder, JoinsShortParagraphsIntoOnePassage) {
  DocumentBuilder builder(testing::fake_analyzer(), IndexOptions{});  // min 40 words
  const auto built = builder.build(tiny_article());
  ASSERT_TRUE(built.has_value());
  EXPECT_EQ(built->passages, 1u);
  const auto terms = terms_of(built->document);
  const auto al = std::find_if(terms.begin(), terms.end(),
                               [](const TermEntry& e) { return e.term == "al"; });
  ASSERT_NE(al, terms.end());
  EXPECT_EQ(al->positions, std::vector<Xapian::termpos>{104});  // one passage: no second gap
}

TEST(DocumentBuilder, SkipsAnArticleWithoutWords) {
  corpus::Article article;
  article.id = "empty";
  article.paragraphs = {"   ", std::string(schema::kMaxTermBytes + 1, 'a')};
  DocumentBuilder builder(testing::fake_analyzer(), IndexOptions{});
  EXPECT_FALSE(builder.build(article).has_value());
}

TEST(DocumentBuilder, LeavesOutTermsOverTheLengthLimit) {
  corpus::Article article;
  article.id = "long";
  const std::string longest(schema::kMaxTermBytes, 'b');
  article.paragraphs = {std::string(schema::kMaxTermBytes + 1, 'a') + " " + longest};
  DocumentBuilder builder(testing::fake_analyzer(), IndexOptions{});
  const auto built = builder.build(article);
  ASSERT_TRUE(built.has_value());
  std::vector<std::string> words;
  for (const auto& entry : terms_of(built->document))
    if (!entry.positions.empty()) words.push_back(entry.term);
  EXPECT_EQ(words, std::vector<std::string>{longest});
}

TEST(DocumentBuilder, LeavesOutDateTermsForAnUnknownDate) {
  corpus::Article article = tiny_article();
  article.published = "March 2025";
  DocumentBuilder builder(testing::fake_analyzer(), IndexOptions{});
  const auto built = builder.build(article);
  ASSERT_TRUE(built.has_value());
  EXPECT_EQ(built->document.get_value(schema::kValueDate), "");
  for (const auto& entry : terms_of(built->document)) {
    EXPECT_FALSE(entry.term.starts_with("Y")) << entry.term;
    EXPECT_FALSE(entry.term.starts_with("M")) << entry.term;
  }
}

TEST(DocumentBuilder, RefusesAnArticleWithoutId) {
  corpus::Article article = tiny_article();
  article.id.clear();
  DocumentBuilder builder(testing::fake_analyzer(), IndexOptions{});
  EXPECT_THROW(builder.build(article), UsageError);
}

TEST(DocumentBuilder, ReusedBuilderGivesTheSameDocument) {
  DocumentBuilder builder(testing::fake_analyzer(), one_paragraph_per_passage());
  const auto first = builder.build(tiny_article());
  corpus::Article other = tiny_article();
  other.id = "art-2";
  other.title = "Something else entirely";
  ASSERT_TRUE(builder.build(other).has_value());
  const auto again = builder.build(tiny_article());
  ASSERT_TRUE(first && again);
  EXPECT_EQ(terms_of(first->document), terms_of(again->document));
}

TEST(IdTerm, KeepsOrdinaryIds) { EXPECT_EQ(id_term("rt-2025/01"), "Qrt-2025/01"); }

TEST(IdTerm, ShortensLongIdsDistinctly) {
  const std::string base = "https://example.org/" + std::string(300, 'p');
  const std::string a = id_term(base + "/one");
  const std::string b = id_term(base + "/two");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 1 + kMaxIdBytes + 1 + 16);
  EXPECT_TRUE(a.starts_with("Q" + base.substr(0, kMaxIdBytes) + "#"));
}

TEST(DateValue, AcceptsOnlyIsoDates) {
  EXPECT_EQ(date_value("2024-12-31"), "20241231");
  EXPECT_EQ(date_value(""), "");
  EXPECT_EQ(date_value("2024-12"), "");
  EXPECT_EQ(date_value("2024/12/31"), "");
  EXPECT_EQ(date_value("20x4-12-31"), "");
}

}  // namespace
}  // namespace akhbar::indexer::detail
