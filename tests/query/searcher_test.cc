// Tests for query/src/searcher.cc end to end: a tiny database in three
// languages built with the indexer, searched through the public API.
#include "akhbar/query/searcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/updater.h"
#include "akhbar/version.h"
#include "query/news_fixture.h"

namespace akhbar::query {
namespace {

using testing::build_news_database;
using testing::TempDir;
using Ids = std::vector<std::string>;
using IdSet = std::set<std::string>;

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    build_news_database(db_path());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db_path() { return dir_->path("news.db"); }

  SearchResults search(const std::string& query, SearchOptions options = {}) {
    return searcher_.search(query, options);
  }

  Ids ids(const std::string& query, SearchOptions options = {}) {
    Ids out;
    for (const Hit& hit : search(query, options).hits) out.push_back(hit.id);
    return out;
  }

  IdSet id_set(const std::string& query, SearchOptions options = {}) {
    const Ids found = ids(query, options);
    return {found.begin(), found.end()};
  }

  std::string first_id(const std::string& query) {
    const Ids found = ids(query);
    return found.empty() ? "(none)" : found.front();
  }

  /// Options matching words only in their own script and language: for the
  /// tests of behaviour within one language (inflection, phrases, filters,
  /// paging), which cross-script matching would blur with the articles of
  /// the other two languages.
  static SearchOptions exact() {
    SearchOptions options;
    options.exact_script = true;
    return options;
  }

  static inline TempDir* dir_ = nullptr;
  Searcher searcher_{db_path()};
};

std::string marked_snippet(const Hit& hit) {
  return mark_highlights(hit.snippet, hit.highlights, "[", "]");
}

TEST_F(SearcherTest, EachScriptFindsItsArticleFirst) {
  EXPECT_EQ(first_id("Tartus port"), "en-tartus-port");
  EXPECT_EQ(first_id("Тартус контракт"), "ru-tartus-port");
  EXPECT_EQ(first_id("ميناء طرطوس"), "ar-tartus-port");
}

TEST_F(SearcherTest, ArticleMatchingMoreWordsRanksFirst) {
  EXPECT_EQ(ids("port OR Tartus", exact()), (Ids{"en-tartus-port", "en-sanctions"}));
  EXPECT_EQ(ids("Тартус OR контракт OR санкции", exact()),
            (Ids{"ru-tartus-port", "ru-sanctions"}));
  EXPECT_EQ(ids("ميناء OR طرطوس OR العقوبات", exact()),
            (Ids{"ar-tartus-port", "ar-sanctions"}));
}

TEST_F(SearcherTest, InflectedFormsMatch) {
  EXPECT_EQ(id_set("Тартус", exact()), (IdSet{"ru-tartus-port"}));
  EXPECT_EQ(id_set("sanction", exact()), (IdSet{"en-sanctions"}));
  EXPECT_EQ(id_set("العقوبات", exact()), (IdSet{"ar-sanctions"}));
  EXPECT_EQ(id_set("санкциями", exact()), (IdSet{"ru-sanctions"}));
}

TEST_F(SearcherTest, NameAndTopicWordFindTheirArticlesInEveryLanguageByDefault) {
  // The default: a name in one script finds its spellings in the others, an
  // inflected topic word its translations, and the query's own language
  // still ranks first.
  EXPECT_EQ(id_set("Тартус"), (IdSet{"ru-tartus-port", "en-tartus-port", "ar-tartus-port"}));
  EXPECT_EQ(first_id("Тартус"), "ru-tartus-port");
  EXPECT_EQ(id_set("санкциями"), (IdSet{"ru-sanctions", "en-sanctions", "ar-sanctions"}));
  EXPECT_EQ(id_set("العقوبات"), (IdSet{"ru-sanctions", "en-sanctions", "ar-sanctions"}));
}

TEST_F(SearcherTest, ExactPhraseMatchesOnlyAdjacentWords) {
  EXPECT_EQ(id_set("air base", exact()), (IdSet{"en-air-base", "en-airline"}));
  EXPECT_EQ(id_set("\"air base\"", exact()), (IdSet{"en-air-base"}));
}

TEST_F(SearcherTest, StopwordsInAPhraseHoldTheirPlaces) {
  // "The port authority ended the contract for the Tartus terminal after a
  // review of its terms." Stopwords have no positions in the index: a
  // phrase keeps room for them, whichever stopword the text has there.
  EXPECT_EQ(id_set("\"ended the contract\"", exact()), (IdSet{"en-tartus-port"}));
  EXPECT_EQ(id_set("\"review of its terms\"", exact()), (IdSet{"en-tartus-port"}));
  EXPECT_EQ(id_set("\"contract of the Tartus\"", exact()), (IdSet{"en-tartus-port"}));
  // Without a stopword between them, the words must still be adjacent;
  // and in order.
  EXPECT_EQ(id_set("\"ended contract\"", exact()), IdSet{});
  EXPECT_EQ(id_set("\"Tartus the contract\"", exact()), IdSet{});
}

TEST_F(SearcherTest, ExcludedWordRemovesArticles) {
  EXPECT_EQ(id_set("port", exact()), (IdSet{"en-tartus-port", "en-sanctions"}));
  EXPECT_EQ(id_set("port -Tartus", exact()), (IdSet{"en-sanctions"}));
  EXPECT_EQ(id_set("air -\"air base\"", exact()), (IdSet{"en-airline"}));
}

TEST_F(SearcherTest, ExcludedNameIsExcludedInEveryScript) {
  // "port" reaches the Russian and Arabic port articles through its
  // translations; "-Tartus" must then remove them too, whatever their script.
  EXPECT_EQ(id_set("port"), (IdSet{"en-tartus-port", "en-sanctions", "ru-tartus-port",
                                   "ar-tartus-port"}));
  EXPECT_EQ(id_set("port -Tartus"), (IdSet{"en-sanctions"}));
}

TEST_F(SearcherTest, OrFindsEitherSpelling) {
  EXPECT_EQ(id_set("Khmeimim OR Hmeimim"), (IdSet{"en-air-base", "en-hmeimim-long"}));
  // Each spelling of Tartus finds the others' articles too, so the Arabic
  // article, written طرطوس, is found although neither alternative is Arabic.
  EXPECT_EQ(id_set("Tartus | Тартус"),
            (IdSet{"en-tartus-port", "ru-tartus-port", "ar-tartus-port"}));
  EXPECT_EQ(id_set("Tartus | Тартус", exact()), (IdSet{"en-tartus-port", "ru-tartus-port"}));
}

TEST_F(SearcherTest, LanguageFilterInQueryAndOptions) {
  EXPECT_EQ(id_set("Tartus OR Тартус lang:ru"), (IdSet{"ru-tartus-port"}));
  SearchOptions options;
  options.languages = {"en"};
  EXPECT_EQ(id_set("Tartus OR Тартус", options), (IdSet{"en-tartus-port"}));
}

TEST_F(SearcherTest, SourceFilterIgnoresCase) {
  EXPECT_EQ(id_set("port source:\"Moscow Times\""), (IdSet{"en-sanctions"}));
  EXPECT_EQ(id_set("port source:reuters"), (IdSet{"en-tartus-port"}));
  EXPECT_EQ(id_set("source:Интерфакс"), (IdSet{"ru-tartus-port", "ru-sanctions"}));
}

TEST_F(SearcherTest, TitleFieldMatchesTitlesOnly) {
  EXPECT_EQ(id_set("title:port", exact()), (IdSet{"en-tartus-port"}));
  EXPECT_EQ(id_set("title:\"port contract\"", exact()), (IdSet{"en-tartus-port"}));
  EXPECT_TRUE(id_set("title:Latakia", exact()).empty());
  // Across scripts the title filter still holds: Latakia is in a body only.
  EXPECT_TRUE(id_set("title:Latakia").empty());
  EXPECT_EQ(id_set("title:Тартус"),
            (IdSet{"ru-tartus-port", "en-tartus-port", "ar-tartus-port"}));
}

TEST_F(SearcherTest, DateRangeIsInclusive) {
  SearchOptions options = exact();
  options.since = "2025-01-21";
  EXPECT_EQ(id_set("port", options), (IdSet{"en-tartus-port"}));
  options.since.clear();
  options.until = "2025-01-20";
  EXPECT_EQ(id_set("port", options), (IdSet{"en-sanctions"}));
  options.since = "2024-11-05";
  options.until = "2024-11-05";
  EXPECT_EQ(id_set("port", options), (IdSet{"en-sanctions"}));
}

TEST_F(SearcherTest, PagesAreDisjointAndCoverAllResults) {
  SearchOptions options;
  options.limit = 2;
  IdSet seen;
  std::size_t rank = 0;
  for (std::size_t offset = 0; offset < 6; offset += 2) {
    options.offset = offset;
    const SearchResults page = search("lang:en", options);
    ASSERT_EQ(page.hits.size(), 2u) << "offset " << offset;
    EXPECT_EQ(page.estimated_total, 6u);
    for (const Hit& hit : page.hits) {
      EXPECT_EQ(hit.rank, ++rank);
      EXPECT_TRUE(seen.insert(hit.id).second) << hit.id << " on two pages";
    }
  }
  EXPECT_EQ(seen.size(), 6u);
  options.offset = 6;
  EXPECT_TRUE(search("lang:en", options).hits.empty());
}

TEST_F(SearcherTest, HitCarriesTheArticleFields) {
  const SearchResults results = search("Тартус", exact());
  ASSERT_EQ(results.hits.size(), 1u);
  const Hit& hit = results.hits.front();
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_GT(hit.score, 0);
  EXPECT_EQ(hit.title, "Контракт на порт в Тартусе расторгнут");
  EXPECT_EQ(hit.url, "https://news.example/ru-tartus-port");
  EXPECT_EQ(hit.published, "2025-01-22");
  EXPECT_EQ(hit.lang, "ru");
  EXPECT_EQ(hit.source, "Интерфакс");
  EXPECT_EQ(results.estimated_total, 1u);
}

TEST_F(SearcherTest, SnippetsHighlightMatchedForms) {
  const SearchResults russian = search("Тартус");
  ASSERT_FALSE(russian.hits.empty());
  EXPECT_NE(marked_snippet(russian.hits[0]).find("[Тартусе]"), std::string::npos)
      << marked_snippet(russian.hits[0]);
  EXPECT_EQ(mark_highlights(russian.hits[0].title, russian.hits[0].title_highlights, "[", "]"),
            "Контракт на порт в [Тартусе] расторгнут");

  const SearchResults english = search("sanction");
  ASSERT_FALSE(english.hits.empty());
  EXPECT_NE(marked_snippet(english.hits[0]).find("[sanctions]"), std::string::npos)
      << marked_snippet(english.hits[0]);

  const SearchResults arabic = search("العقوبات");
  ASSERT_FALSE(arabic.hits.empty());
  EXPECT_NE(marked_snippet(arabic.hits[0]).find("[والعقوبات]"), std::string::npos)
      << marked_snippet(arabic.hits[0]);
}

TEST_F(SearcherTest, SnippetIsTheBestWindowOfALongArticle) {
  SearchOptions options = exact();
  options.snippet_words = 20;
  const SearchResults results = search("Hmeimim", options);
  ASSERT_EQ(results.hits.size(), 1u);
  const std::string snippet = marked_snippet(results.hits[0]);
  EXPECT_NE(snippet.find("[Hmeimim]"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.rfind("\u2026", 0), 0u) << snippet;
  EXPECT_EQ(snippet.substr(snippet.size() - 3), "\u2026") << snippet;
  EXPECT_EQ(snippet.find("intro"), std::string::npos) << snippet;
}

TEST_F(SearcherTest, TitleOnlyMatchShowsTheOpeningPassage) {
  const SearchResults results = search("title:Khmeimim");
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].snippet.rfind(
                "Satellite images show aircraft still parked at the air base near Latakia.", 0),
            0u)
      << results.hits[0].snippet;
  EXPECT_TRUE(results.hits[0].highlights.empty());
  EXPECT_EQ(mark_highlights(results.hits[0].title, results.hits[0].title_highlights, "[", "]"),
            "Russia keeps its presence at [Khmeimim]");
}

TEST_F(SearcherTest, QueryWithoutCommonArticleIsRelaxedToOr) {
  const SearchResults results = search("Tartus zqxwvunmatched");
  EXPECT_TRUE(results.relaxed);
  EXPECT_EQ(results.interpreted_as.rfind("relaxed: ", 0), 0u) << results.interpreted_as;
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits[0].id, "en-tartus-port");

  const SearchResults strict = search("Tartus port");
  EXPECT_FALSE(strict.relaxed);
  EXPECT_EQ(strict.interpreted_as.find("relaxed"), std::string::npos);
}

TEST_F(SearcherTest, InterpretedAsNamesTheTerms) {
  const SearchResults results = search("\"air base\" lang:en");
  EXPECT_NE(results.interpreted_as.find("air PHRASE 2 base"), std::string::npos)
      << results.interpreted_as;
  EXPECT_NE(results.interpreted_as.find("Len"), std::string::npos) << results.interpreted_as;
}

TEST_F(SearcherTest, MalformedQueriesReturnResultsInsteadOfThrowing) {
  SearchResults results;
  ASSERT_NO_THROW(results = search("\"Tartus port"));
  EXPECT_TRUE(results.degraded);
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits[0].id, "en-tartus-port");

  ASSERT_NO_THROW(results = search("(Тартус OR"));
  EXPECT_TRUE(results.degraded);
  // Searched as the plain word Тартус, which finds Tartus in every script.
  EXPECT_EQ((IdSet{"ru-tartus-port", "en-tartus-port", "ar-tartus-port"}), [&] {
    IdSet found;
    for (const Hit& hit : results.hits) found.insert(hit.id);
    return found;
  }());

  for (const std::string query : {"OR", "-", "OR OR x", "()", "\x01\x02", "lang:xx", ")))"})
    EXPECT_NO_THROW(search(query)) << query;

  std::string huge;
  while (huge.size() < 10000) huge += "Tartus port ";
  ASSERT_NO_THROW(results = search(huge));
  EXPECT_TRUE(results.degraded);
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits[0].id, "en-tartus-port");
}

TEST_F(SearcherTest, AllCapsQueryFindsTheSameArticles) {
  EXPECT_EQ(id_set("SANCTIONS"), id_set("sanctions"));
  EXPECT_EQ(id_set("TARTUS PORT"), id_set("tartus port"));
}

TEST_F(SearcherTest, EmptyQueryFindsNothing) {
  const SearchResults results = search("   ");
  EXPECT_TRUE(results.hits.empty());
  EXPECT_FALSE(results.degraded);
}

TEST_F(SearcherTest, StatsDescribeTheDatabase) {
  const DatabaseStats stats = searcher_.stats();
  EXPECT_EQ(stats.articles, 10u);
  EXPECT_GE(stats.passages, 10u);
  EXPECT_GT(stats.terms, 100u);
  EXPECT_EQ(stats.languages, (std::map<std::string, std::uint64_t>{{"ar", 2}, {"en", 6}, {"ru", 2}}));
  EXPECT_EQ(stats.first_date, "2024-08-01");
  EXPECT_EQ(stats.last_date, "2025-02-01");
  EXPECT_GT(stats.size_bytes, 0u);
  EXPECT_EQ(stats.analysis_version, kAnalysisVersion);
}

TEST(SearcherOpen, MissingDatabaseTellsTheUserToIndex) {
  TempDir dir;
  try {
    Searcher searcher(dir.path("nowhere.db"));
    FAIL() << "expected DatabaseNotFoundError";
  } catch (const DatabaseNotFoundError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("akhbar index"), std::string::npos) << message;
    EXPECT_NE(message.find("nowhere.db"), std::string::npos) << message;
  }
}

TEST(SearcherOpen, DirectoryWithoutDatabaseIsNotFound) {
  TempDir dir;
  EXPECT_THROW(Searcher searcher(dir.path("")), DatabaseNotFoundError);
}

TEST(SearcherOpen, FileThatIsNotADatabaseIsADatabaseError) {
  TempDir dir;
  const std::string path = dir.path("notes.txt");
  {
    std::ofstream(path) << "not a database\n";
  }
  EXPECT_THROW(Searcher searcher(path), DatabaseError);
}

TEST(SearcherOpen, OtherAnalysisVersionAsksForARebuild) {
  TempDir dir;
  build_news_database(dir.path("old.db"));
  {
    Xapian::WritableDatabase db(dir.path("old.db"));
    db.set_metadata(std::string(indexer::schema::kMetaAnalysisVersion),
                    std::to_string(kAnalysisVersion + 1));
    db.commit();
  }
  try {
    Searcher searcher(dir.path("old.db"));
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseNotFoundError&) {
    FAIL() << "a version mismatch is not a missing database";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("akhbar index --rebuild"), std::string::npos) << e.what();
  }
}

TEST(SearcherConcurrency, NextSearchSeesAnArticleCommittedAfterTheSearcherOpened) {
  TempDir dir;
  build_news_database(dir.path("live.db"));
  Searcher searcher(dir.path("live.db"));
  ASSERT_TRUE(searcher.search("Zanzibar").hits.empty());
  {
    indexer::IndexWriter writer(dir.path("live.db"));
    corpus::Article article;
    article.id = "late";
    article.lang = "en";
    article.title = "Cloves from Zanzibar";
    article.paragraphs = {"A shipment of cloves left Zanzibar."};
    writer.add(article);
    writer.commit();  // one commit: the searcher's revision is still readable
  }
  const SearchResults results = searcher.search("Zanzibar");
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].id, "late");
}

TEST(SearcherConcurrency, SearchKeepsItsSnapshotWhenThePathIsMovedAway) {
  TempDir dir;
  build_news_database(dir.path("live.db"));
  Searcher searcher(dir.path("live.db"));
  const std::size_t before = searcher.search("Tartus").hits.size();
  ASSERT_GT(before, 0u);
  std::filesystem::rename(dir.path("live.db"), dir.path("moved.db"));
  SearchResults results;
  ASSERT_NO_THROW(results = searcher.search("Tartus"));
  EXPECT_EQ(results.hits.size(), before);
}

TEST(SearcherConcurrency, SearchSurvivesCommitsByAWriter) {
  TempDir dir;
  build_news_database(dir.path("live.db"));
  Searcher searcher(dir.path("live.db"));
  SearchOptions options;
  options.exact_script = true;  // counts the Russian article and its copies only
  ASSERT_EQ(searcher.search("Тартус", options).hits.size(), 1u);
  {
    indexer::IndexWriter writer(dir.path("live.db"));
    for (int round = 0; round < 5; ++round) {
      for (auto article : testing::news_articles()) {
        article.id += "-copy" + std::to_string(round);
        writer.add(article);
      }
      writer.commit();
    }
  }
  SearchResults results;
  ASSERT_NO_THROW(results = searcher.search("Тартус", options));
  EXPECT_EQ(results.hits.size(), 6u);  // the original and its five copies
}

/// A database rebuilt from JSON Lines sources with rebuild_sources(), as
/// `akhbar index --rebuild` does: its path becomes a stub file naming the
/// current generation directory.
class SearcherRebuild : public ::testing::Test {
 protected:
  std::string db() const { return dir_.path("news.db"); }
  std::string sources() const { return dir_.path("sources"); }

  void write_source(const std::string& name, const std::string& id, const std::string& body) {
    std::filesystem::create_directories(sources());
    std::ofstream(sources() + "/" + name)
        << "{\"id\": \"" << id << "\", \"title\": \"Report " << id
        << "\", \"lang\": \"en\", \"published\": \"2025-03-01\", \"body\": \"" << body
        << "\"}\n";
  }

  void rebuild() { indexer::rebuild_sources(db(), {sources()}); }

  static IdSet found(Searcher& searcher, const std::string& query) {
    IdSet ids;
    for (const Hit& hit : searcher.search(query).hits) ids.insert(hit.id);
    return ids;
  }

  /// The generation directories beside the stub.
  std::vector<std::string> generations() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(db() + ".d"))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir dir_;
};

TEST_F(SearcherRebuild, OpenSearcherSeesTheNewGenerationAfterARebuild) {
  write_source("a.jsonl", "a1", "Grain convoy reached Tartus.");
  rebuild();
  Searcher searcher(db());
  ASSERT_EQ(found(searcher, "convoy"), (IdSet{"a1"}));

  write_source("b.jsonl", "b1", "A second convoy left Latakia.");
  rebuild();
  // The generation the searcher had open is deleted by now.
  ASSERT_EQ(generations(), (std::vector<std::string>{"gen-2"}));
  IdSet after;
  ASSERT_NO_THROW(after = found(searcher, "convoy"));
  EXPECT_EQ(after, (IdSet{"a1", "b1"}));
  EXPECT_EQ(searcher.stats().articles, 2u);
}

TEST_F(SearcherRebuild, OpenSearcherFollowsAPlainDatabaseReplacedByAStub) {
  build_news_database(db());
  Searcher searcher(db());
  ASSERT_FALSE(found(searcher, "Khmeimim").empty());

  write_source("a.jsonl", "a1", "Grain convoy reached Tartus.");
  rebuild();
  ASSERT_TRUE(std::filesystem::is_regular_file(db()));
  EXPECT_EQ(found(searcher, "convoy"), (IdSet{"a1"}));
  EXPECT_TRUE(found(searcher, "Khmeimim").empty());
}

TEST_F(SearcherRebuild, OpenSearcherFollowsAStubRewrittenInPlace) {
  write_source("a.jsonl", "a1", "Grain convoy reached Tartus.");
  rebuild();
  Searcher searcher(db());
  build_news_database(dir_.path("other.db"));
  // Same inode, new content: only the size and modification time tell.
  std::ofstream(db(), std::ios::trunc) << "auto other.db\n";
  EXPECT_TRUE(found(searcher, "convoy").empty());
  EXPECT_FALSE(found(searcher, "Khmeimim").empty());
}

TEST_F(SearcherRebuild, StatsSizeIsTheGenerationNotTheStub) {
  write_source("a.jsonl", "a1", "Grain convoy reached Tartus.");
  rebuild();
  rebuild();
  ASSERT_EQ(generations(), (std::vector<std::string>{"gen-2"}));
  std::uint64_t generation_bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(db() + ".d/gen-2"))
    if (entry.is_regular_file()) generation_bytes += entry.file_size();
  ASSERT_LT(std::filesystem::file_size(db()), 100u);
  ASSERT_GT(generation_bytes, 1000u);
  EXPECT_EQ(Searcher(db()).stats().size_bytes, generation_bytes);
}

TEST_F(SearcherRebuild, StatsSizeAddsEveryDatabaseAStubLists) {
  build_news_database(dir_.path("one.db"));
  build_news_database(dir_.path("two.db"));
  const auto bytes_of = [](const std::string& folder) {
    std::uint64_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
      if (entry.is_regular_file()) total += entry.file_size();
    return total;
  };
  const std::string stub = dir_.path("both.stub");
  std::ofstream(stub) << "# two shards\nauto one.db\nglass " << dir_.path("two.db") << "\n";
  const DatabaseStats stats = Searcher(stub).stats();
  EXPECT_EQ(stats.articles, 20u);
  EXPECT_EQ(stats.size_bytes, bytes_of(dir_.path("one.db")) + bytes_of(dir_.path("two.db")));
}

TEST_F(SearcherRebuild, ShardsHoldingCopiesShowEachArticleOnce) {
  build_news_database(dir_.path("one.db"));
  build_news_database(dir_.path("two.db"));
  // A Xapian stub file: two databases searched as one.
  const std::string shard_list = dir_.path("copies.stub");
  std::ofstream(shard_list) << "auto one.db\nauto two.db\n";
  SearchOptions options;
  options.limit = 100;
  const SearchResults results = Searcher(shard_list).search("Tartus", options);
  ASSERT_GE(results.hits.size(), 2u);
  std::set<std::string> ids;
  for (const Hit& hit : results.hits) EXPECT_TRUE(ids.insert(hit.id).second) << hit.id << " twice";
  EXPECT_EQ(results.hits.size(), Searcher(dir_.path("one.db")).search("Tartus", options).hits.size());
}

}  // namespace
}  // namespace akhbar::query
