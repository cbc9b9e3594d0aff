// Tests of index_sources() with several builder threads: the database must
// hold what one thread would have written, replacement by id must hold
// across segments, threads and runs, and no temporary folder may be left
// behind.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/updater.h"
#include "akhbar/indexer/writer.h"
#include "indexer/temp_dir.h"
#include "parallel_index.h"

namespace akhbar::indexer {
namespace {

namespace fs = std::filesystem;

// A deterministic corpus in three languages, with names that recur across
// articles (so name keys and posting lists span the segments).
std::string make_corpus(int articles, const std::string& id_prefix = "art-") {
  const std::vector<std::string> en = {"Tartus", "port", "contract", "Khmeimim", "base", "sanctions",
                                       "grain", "shipment", "Damascus", "navy", "oil", "embargo"};
  const std::vector<std::string> ru = {"Тартус", "порт", "контракт", "Хмеймим", "база", "санкции",
                                       "зерно", "поставка", "Дамаск", "флот", "нефть"};
  const std::vector<std::string> ar = {"طرطوس", "ميناء", "عقد", "حميميم", "قاعدة", "العقوبات",
                                       "القمح", "شحنة", "دمشق", "النفط"};
  std::string corpus;
  for (int i = 0; i < articles; ++i) {
    const auto& words = i % 3 == 0 ? en : (i % 3 == 1 ? ru : ar);
    const char* lang = i % 3 == 0 ? "en" : (i % 3 == 1 ? "ru" : "ar");
    std::string title, body;
    for (int w = 0; w < 4; ++w) title += words[(i * 7 + w * 3) % words.size()] + " ";
    for (int p = 0; p < 3; ++p) {
      if (p > 0) body += "\\n\\n";
      for (int w = 0; w < 30; ++w) body += words[(i * 13 + p * 5 + w * (i % 5 + 1)) % words.size()] + " ";
      body += "w" + std::to_string(i * 31 + p) + ".";
    }
    corpus += R"({"id": ")" + id_prefix + std::to_string(i) + R"(", "lang": ")" + lang +
              R"(", "published": "2025-0)" + std::to_string(i % 9 + 1) + R"(-15", "source": "Wire )" +
              std::to_string(i % 4) + R"(", "title": ")" + title + R"(", "body": ")" + body + "\"}\n";
  }
  return corpus;
}

IndexStats index_with(const std::string& db, const std::vector<std::string>& sources, unsigned threads,
                      std::vector<corpus::Problem>* problems = nullptr, std::size_t memory_mb = 1024) {
  IndexOptions options;
  options.threads = threads;
  options.batch_articles = 50;
  options.memory_budget_mb = memory_mb;
  return index_sources(db, sources, options, {}, [&](const corpus::Problem& problem) {
    if (problems != nullptr) problems->push_back(problem);
  });
}

// index_sources() with `threads` (>= 2) builders that start a new segment
// after every transaction: on a small corpus, the many segments a large
// one is cut into.
IndexStats index_in_small_segments(const std::string& db, const std::vector<std::string>& sources,
                                   unsigned threads, std::vector<corpus::Problem>* problems,
                                   std::size_t memory_mb) {
  IndexOptions options;
  options.threads = threads;
  options.batch_articles = 50;
  options.memory_budget_mb = memory_mb;
  return detail::index_sources_parallel(
      db, sources, options, threads, {},
      [&](const corpus::Problem& problem) {
        if (problems != nullptr) problems->push_back(problem);
      },
      detail::SegmentPlan{.transactions_per_segment = 1});
}

// Every term with its document frequency and collection frequency.
std::map<std::string, std::pair<Xapian::doccount, Xapian::termcount>> term_table(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::pair<Xapian::doccount, Xapian::termcount>> table;
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term)
    table[*term] = {term.get_termfreq(), db.get_collection_freq(*term)};
  return table;
}

std::map<std::string, std::set<std::string>> synonym_table(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::set<std::string>> table;
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
    table[*key] = {db.synonyms_begin(*key), db.synonyms_end(*key)};
  return table;
}

std::set<std::string> folder_names(const std::string& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

TEST(ParallelIndex, WritesTheSameTermsAndNameKeysAsOneThread) {
  testing::TempDir dir;
  const std::string corpus = dir.write("corpus/news.jsonl", make_corpus(240));
  const IndexStats one = index_with(dir.path("one"), {corpus}, 1);
  const IndexStats three = index_with(dir.path("three"), {corpus}, 3);

  EXPECT_EQ(three.articles, 240u);
  EXPECT_EQ(three.articles, one.articles);
  EXPECT_EQ(three.passages, one.passages);
  EXPECT_EQ(three.input_bytes, one.input_bytes);
  EXPECT_EQ(Xapian::Database(dir.path("three")).get_doccount(), 240u);
  const auto expected_terms = term_table(dir.path("one"));
  ASSERT_GT(expected_terms.size(), 100u);
  EXPECT_TRUE(term_table(dir.path("three")) == expected_terms);
  const auto expected_keys = synonym_table(dir.path("one"));
  ASSERT_FALSE(expected_keys.empty());
  EXPECT_TRUE(synonym_table(dir.path("three")) == expected_keys);
  EXPECT_EQ(Xapian::Database(dir.path("three")).get_metadata("akhbar:analysis_version"),
            Xapian::Database(dir.path("one")).get_metadata("akhbar:analysis_version"));
}

// A 1 MiB budget makes each builder commit a transaction every few dozen
// articles, so the replacements at the end land in later transactions (and,
// with one transaction per segment, later segments) than the articles they
// replace.
void expect_replacements_hold(bool one_transaction_per_segment) {
  testing::TempDir dir;
  std::string text = make_corpus(900);
  for (const int replaced : {3, 100, 451, 899, 3})
    text += R"({"id": "art-)" + std::to_string(replaced) + R"(", "lang": "en", "title": "Revised", "body": "Zanzibar cloves )" +
            std::to_string(replaced) + R"(."})" "\n";
  const std::string corpus = dir.write("corpus/news.jsonl", text);
  index_with(dir.path("one"), {corpus}, 1);
  std::vector<corpus::Problem> problems;
  const IndexStats two = one_transaction_per_segment
                             ? index_in_small_segments(dir.path("two"), {corpus}, 2, &problems, 1)
                             : index_with(dir.path("two"), {corpus}, 2, &problems, 1);

  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(two.articles, 905u);  // writes, as with one thread
  Xapian::Database db(dir.path("two"));
  EXPECT_EQ(db.get_doccount(), 900u);
  EXPECT_EQ(db.get_termfreq("Qart-3"), 1u);
  EXPECT_EQ(db.get_termfreq("zanzibar"), 4u);
  EXPECT_EQ(db.get_termfreq("revised"), 4u);
  EXPECT_TRUE(term_table(dir.path("two")) == term_table(dir.path("one")));
  EXPECT_TRUE(synonym_table(dir.path("two")) == synonym_table(dir.path("one")));
}

TEST(ParallelIndex, ManySmallTransactionsHoldWhatOneThreadWrites) { expect_replacements_hold(false); }

TEST(ParallelIndex, ManySmallSegmentsHoldWhatOneThreadWrites) { expect_replacements_hold(true); }

TEST(ParallelIndex, LeavesAPlainDirectoryAndNoTemporaryFolders) {
  testing::TempDir dir;
  const std::string corpus = dir.write("corpus/news.jsonl", make_corpus(30));
  // Left by a run that was killed: removed once the lock is taken.
  fs::create_directories(dir.path("db.shards-999999/shard-0"));
  fs::create_directories(dir.path("db.new-999999"));
  index_with(dir.path("db"), {corpus}, 2);
  EXPECT_TRUE(fs::is_directory(dir.path("db")));
  EXPECT_EQ(folder_names(dir.path("")), (std::set<std::string>{"corpus", "db"}));
}

TEST(ParallelIndex, LaterArticleWithTheSameIdReplacesTheEarlierOne) {
  testing::TempDir dir;
  const std::string corpus = dir.write(
      "news.jsonl",
      make_corpus(20) + R"({"id": "art-3", "lang": "en", "title": "Replacement", "body": "Zanzibar cloves."})" "\n");
  const IndexStats stats = index_with(dir.path("db"), {corpus}, 4);
  EXPECT_EQ(stats.articles, 21u);  // writes, as with one thread
  Xapian::Database db(dir.path("db"));
  EXPECT_EQ(db.get_doccount(), 20u);
  EXPECT_EQ(db.get_termfreq("Qart-3"), 1u);
  EXPECT_EQ(db.get_termfreq("zanzibar"), 1u);
}

TEST(ParallelIndex, IntoADatabaseWithArticlesReplacesThemById) {
  testing::TempDir dir;
  index_with(dir.path("db"), {dir.write("a/news.jsonl", make_corpus(40))}, 2);
  const std::string update = dir.write(
      "b/news.jsonl", R"({"id": "art-5", "lang": "en", "title": "Revised", "body": "Zanzibar cloves."})" "\n" +
                          make_corpus(10, "new-"));
  const IndexStats stats = index_with(dir.path("db"), {update}, 2);
  EXPECT_EQ(stats.articles, 11u);

  Xapian::Database db(dir.path("db"));
  EXPECT_EQ(db.get_doccount(), 50u);
  EXPECT_EQ(db.get_termfreq("Qart-5"), 1u);
  EXPECT_EQ(db.get_termfreq("Qnew-9"), 1u);
  EXPECT_EQ(db.get_termfreq("zanzibar"), 1u);
  const Xapian::docid revised = *db.postlist_begin("Qart-5");
  EXPECT_EQ(*db.postlist_begin("zanzibar"), revised);
  EXPECT_TRUE(fs::is_directory(dir.path("db")));
  EXPECT_EQ(folder_names(dir.path("")), (std::set<std::string>{"a", "b", "db"}));
}

TEST(ParallelIndex, AnEmptyGenerationDatabaseIsSwitchedToTheMergedOne) {
  testing::TempDir dir;
  const std::string db_path = dir.path("db");
  const std::string empty = dir.write("empty/none.jsonl", "");
  rebuild_sources(db_path, {empty});
  ASSERT_TRUE(fs::is_regular_file(db_path));  // a stub naming db.d/gen-1

  index_with(db_path, {dir.write("a/news.jsonl", make_corpus(25))}, 2);
  Xapian::Database db(db_path);
  EXPECT_EQ(db.get_doccount(), 25u);
  EXPECT_EQ(folder_names(db_path + ".d"), (std::set<std::string>{"gen-2"}));
}

TEST(ParallelIndex, ReportsProblemsOnTheCallingThread) {
  testing::TempDir dir;
  const std::string corpus = dir.write(
      "news.jsonl", make_corpus(10) + "{\"id\": broken\n" +
                        R"({"id": "empty-1", "title": "", "body": "... !!! ..."})" "\n");
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<corpus::Problem> problems;
  bool all_on_caller = true;
  IndexOptions options;
  options.threads = 2;
  const IndexStats stats = index_sources(dir.path("db"), {corpus}, options, {}, [&](const corpus::Problem& p) {
    all_on_caller = all_on_caller && std::this_thread::get_id() == caller;
    problems.push_back(p);
  });
  EXPECT_TRUE(all_on_caller);
  EXPECT_EQ(stats.articles, 10u);
  EXPECT_EQ(stats.skipped, 1u);
  EXPECT_EQ(stats.errors, 1u);
  EXPECT_EQ(stats.warnings, 1u);
  ASSERT_EQ(problems.size(), 2u);
  const auto skipped = std::find_if(problems.begin(), problems.end(), [](const corpus::Problem& p) {
    return p.message.find("empty-1") != std::string::npos;
  });
  ASSERT_NE(skipped, problems.end());
  EXPECT_EQ(skipped->severity, corpus::Problem::Severity::kWarning);
  EXPECT_EQ(skipped->line, 12u);
}

TEST(ParallelIndex, LockedDatabaseFailsAndLeavesNoTemporaryFolders) {
  testing::TempDir dir;
  const std::string corpus = dir.write("corpus/news.jsonl", make_corpus(5));
  IndexWriter holder(dir.path("db"));
  EXPECT_THROW(index_with(dir.path("db"), {corpus}, 2), DatabaseLockedError);
  EXPECT_EQ(folder_names(dir.path("")), (std::set<std::string>{"corpus", "db"}));
}

TEST(ParallelIndex, ZeroThreadsMeansOnePerCoreAtMostEight) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_EQ(detail::resolve_index_threads(0), std::min(cores, 8u));
  EXPECT_EQ(detail::resolve_index_threads(3), 3u);
}

TEST(ParallelIndex, SegmentsShareTheTextDictionaryTheyTrainAndEveryArticleDecodes) {
  // A 64 MiB budget cuts transactions of 2 MiB, here each its own segment:
  // each builder trains a dictionary on its first 1 MiB, and its later
  // segments must be given it.
  testing::TempDir dir;
  std::string text;
  const std::string base = make_corpus(3000);
  std::size_t line_begin = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::size_t line_end = base.find('\n', line_begin);
    std::string line = base.substr(line_begin, line_end - line_begin);
    line_begin = line_end + 1;
    // Three more passages, drawn from other articles' bodies.
    const std::size_t body = line.rfind("\"body\": \"") + 10;
    const std::string more = line.substr(body, line.size() - body - 2);
    line.insert(line.size() - 2, "\\n\\n" + more + "\\n\\n" + more);
    text += line + "\n";
  }
  const std::string corpus = dir.write("corpus/news.jsonl", text);
  const IndexStats stats = index_in_small_segments(dir.path("db"), {corpus}, 2, nullptr, 64);
  ASSERT_EQ(stats.articles, 3000u);

  Xapian::Database db(dir.path("db"));
  const schema::TextDictionaries dictionaries = schema::load_text_dictionaries(db);
  ASSERT_FALSE(dictionaries.empty());
  EXPECT_LE(dictionaries.size(), 2u);  // one per builder at most, not one per segment
  std::size_t with_dictionary = 0;
  for (auto posting = db.postlist_begin(""); posting != db.postlist_end(""); ++posting) {
    const std::string data = db.get_document(*posting).get_data();
    if (schema::text_dictionary_id(data) != 0) ++with_dictionary;
    const schema::StoredArticle article = schema::decode_document_data(data, &dictionaries);
    EXPECT_FALSE(article.passages.empty()) << article.id;
  }
  // The first articles of each builder are the samples, stored plainly.
  EXPECT_GT(with_dictionary, 1500u);
  EXPECT_LT(with_dictionary, 3000u);
}

}  // namespace
}  // namespace akhbar::indexer
