// Tests of IndexWriter on a temporary database: writes, replacement, locking, versions.
#include "akhbar/indexer/writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <stdexcept>
#include <string>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/version.h"
#include "indexer/temp_dir.h"

namespace akhbar::indexer {
namespace {

namespace schema = akhbar::indexer::schema;

corpus::Article article(const std::string& id, const std::string& title, const std::string& body) {
  corpus::Article a;
  a.id = id;
  a.title = title;
  a.paragraphs = {body};
  a.lang = "en";
  a.published = "2025-02-03";
  return a;
}

bool has_term(const Xapian::Database& db, const std::string& term) { return db.term_exists(term); }

TEST(IndexWriter, WritesArticlesThatAReaderSeesAfterCommit) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  {
    IndexWriter writer(path);
    EXPECT_TRUE(writer.add(article("a1", "Tartus port", "Russia keeps the naval base.")));
    EXPECT_TRUE(writer.add(article("a2", "Sanctions", "New sanctions on oil.")));
    writer.commit();
    EXPECT_EQ(writer.stats().articles, 2u);
    EXPECT_EQ(writer.stats().passages, 2u);
    EXPECT_EQ(writer.stats().skipped, 0u);
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_TRUE(has_term(db, "Qa1"));
  EXPECT_TRUE(has_term(db, "Qa2"));
  EXPECT_TRUE(has_term(db, "tartus"));
  EXPECT_TRUE(has_term(db, "Startus"));
  EXPECT_TRUE(has_term(db, "sanctions"));
  EXPECT_TRUE(has_term(db, "Len"));
  EXPECT_TRUE(has_term(db, "M202502"));
  EXPECT_EQ(db.get_termfreq("Y2025"), 2u);
  EXPECT_EQ(db.get_metadata(std::string(schema::kMetaAnalysisVersion)),
            std::to_string(kAnalysisVersion));
  EXPECT_EQ(db.get_metadata(std::string(schema::kMetaFormat)), schema::kFormatName);
}

TEST(IndexWriter, StoredDataDecodesBackToTheArticle) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  {
    IndexWriter writer(path);
    writer.add(article("a1", "Tartus port", "Russia keeps the naval base."));
  }
  Xapian::Database db(path);
  Xapian::PostingIterator posting = db.postlist_begin("Qa1");
  ASSERT_NE(posting, db.postlist_end("Qa1"));
  const auto stored = schema::decode_document_data(db.get_document(*posting).get_data());
  EXPECT_EQ(stored.title, "Tartus port");
  EXPECT_EQ(stored.passages, std::vector<std::string>{"Russia keeps the naval base."});
}

TEST(IndexWriter, ReplacesAnArticleWithTheSameId) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  {
    IndexWriter writer(path);
    writer.add(article("a1", "Tartus port", "first version"));
    writer.commit();
    writer.add(article("a1", "Latakia port", "second version"));
    writer.commit();
    EXPECT_EQ(writer.stats().articles, 2u);  // two writes, one article
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(has_term(db, "tartus"));
  EXPECT_TRUE(has_term(db, "latakia"));
  EXPECT_EQ(db.get_termfreq("Qa1"), 1u);
}

TEST(IndexWriter, ReopensAnExistingDatabaseAndAddsToIt) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  { IndexWriter(path).add(article("a1", "One", "first article")); }
  { IndexWriter(path).add(article("a2", "Two", "second article")); }
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 2u);
}

TEST(IndexWriter, DestructorCommitsPendingArticles) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  {
    IndexWriter writer(path);
    writer.add(article("a1", "Tartus", "body"));
  }
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 1u);
}

TEST(IndexWriter, DropsTheOpenBatchWhenAnExceptionUnwindsThroughIt) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  IndexOptions options;
  options.batch_articles = 2;
  try {
    IndexWriter writer(path, options);
    for (int i = 0; i < 3; ++i) writer.add(article("a" + std::to_string(i), "Title", "body"));
    throw std::runtime_error("the caller failed mid-run");
  } catch (const std::runtime_error&) {
  }
  // The first full batch was committed; the third article was not.
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 2u);
}

TEST(IndexWriter, CommitsEveryBatch) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  IndexOptions options;
  options.batch_articles = 2;
  IndexWriter writer(path, options);
  for (int i = 0; i < 5; ++i)
    writer.add(article("a" + std::to_string(i), "Title", "body " + std::to_string(i)));
  // A separate reader sees only what was committed: two full batches.
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 4u);
  writer.commit();
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 5u);
}

TEST(IndexWriter, SkipsAnArticleWithNoWords) {
  testing::TempDir dir;
  IndexWriter writer(dir.path("db"));
  corpus::Article empty = article("e1", "", " ... ");
  EXPECT_FALSE(writer.add(empty));
  EXPECT_EQ(writer.stats().skipped, 1u);
  EXPECT_EQ(writer.stats().articles, 0u);
}

TEST(IndexWriter, CreatesMissingParentFolders) {
  testing::TempDir dir;
  const std::string path = dir.path("deep/er/db");
  { IndexWriter(path).add(article("a1", "Tartus", "body")); }
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 1u);
}

TEST(IndexWriter, SecondWriterOnTheSameDatabaseIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  IndexWriter first(path);
  try {
    IndexWriter second(path);
    FAIL() << "expected DatabaseLockedError";
  } catch (const DatabaseLockedError& e) {
    EXPECT_EQ(std::string(e.what()), "database " + path + " is being updated by another process");
  }
}

TEST(IndexWriter, RefusesADatabaseOfAnotherAnalysisVersion) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    db.set_metadata(std::string(schema::kMetaAnalysisVersion), "999");
    db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatName));
    db.commit();
  }
  try {
    IndexWriter writer(path);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("analysis version 999"), std::string::npos) << message;
    EXPECT_NE(message.find("index the sources again"), std::string::npos) << message;
  }
}

TEST(IndexWriter, RefusesAPopulatedDatabaseWithoutAkhbarMetadata) {
  testing::TempDir dir;
  const std::string path = dir.path("db");
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    db.add_document(Xapian::Document());
    db.commit();
  }
  try {
    IndexWriter writer(path);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("was not built by akhbar"), std::string::npos) << e.what();
  }
}

TEST(IndexWriter, ReportsAnUnusablePathAsDatabaseError) {
  testing::TempDir dir;
  const std::string file = dir.write("plain-file", "not a database");
  try {
    IndexWriter writer(file + "/db");
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find(file + "/db"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace akhbar::indexer
