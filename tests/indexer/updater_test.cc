// Tests of update_sources(), rebuild_sources() and check_database(): what an
// update adds, replaces, skips and deletes; generations; locks; the check.
#include "akhbar/indexer/updater.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/searcher.h"
#include "file_state.h"
#include "source_files.h"
#include "indexer/akhbar_process.h"
#include "indexer/temp_dir.h"

namespace akhbar::indexer {
namespace {

namespace fs = std::filesystem;

std::string record(const std::string& id, const std::string& body) {
  return "{\"id\": \"" + id + "\", \"title\": \"Title " + id +
         "\", \"lang\": \"en\", \"published\": \"2025-01-02\", \"body\": \"" + body + "\"}\n";
}

std::set<std::string> ids_in(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::set<std::string> ids;
  const std::string prefix(schema::kIdPrefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term)
    ids.insert((*term).substr(prefix.size()));
  return ids;
}

std::vector<LogEvent> events_named(const std::vector<LogEvent>& events, const std::string& name) {
  std::vector<LogEvent> found;
  for (const LogEvent& event : events)
    if (event.event == name) found.push_back(event);
  return found;
}

/// Moves a file's modification time, as an editor saving it again would.
void touch_later(const std::string& path) {
  const auto time = fs::last_write_time(path);
  fs::last_write_time(path, time + std::chrono::seconds(5));
}

class UpdaterTest : public ::testing::Test {
 protected:
  std::string db() const { return dir_.path("db"); }
  std::string sources() const { return dir_.path("src"); }
  std::string write(const std::string& name, const std::string& content) {
    return dir_.write("src/" + name, content);
  }
  UpdateStats update(UpdateOptions options = {}) {
    events_.clear();
    return update_sources(db(), {sources()}, options,
                          [this](const LogEvent& event) { events_.push_back(event); });
  }

  testing::TempDir dir_;
  std::vector<LogEvent> events_;
};

TEST_F(UpdaterTest, FirstUpdateAddsEveryArticleAndRecordsEachFile) {
  write("a.jsonl", record("a1", "Tartus port deal") + record("a2", "Grain convoy"));
  write("b/c.jsonl", record("c1", "Sanctions on oil"));
  const UpdateStats stats = update();
  EXPECT_EQ(stats.added, 3u);
  EXPECT_EQ(stats.files_read, 2u);
  EXPECT_EQ(ids_in(db()), (std::set<std::string>{"a1", "a2", "c1"}));

  Xapian::Database xdb(db());
  const auto state = detail::decode_file_state(
      xdb.get_metadata(detail::file_state_key(dir_.path("src/a.jsonl"))));
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(state->size, fs::file_size(dir_.path("src/a.jsonl")));
}

TEST_F(UpdaterTest, SecondUpdateSkipsUnchangedFilesUnread) {
  write("a.jsonl", record("a1", "Tartus port deal") + record("a2", "Grain convoy"));
  write("b.jsonl", record("b1", "Sanctions on oil"));
  update();
  Xapian::Database before(db());
  const auto revision = before.get_revision();

  const UpdateStats stats = update();
  EXPECT_EQ(stats.added, 0u);
  EXPECT_EQ(stats.updated, 0u);
  EXPECT_EQ(stats.deleted, 0u);
  EXPECT_EQ(stats.unchanged, 3u);
  EXPECT_EQ(stats.files_read, 0u);
  EXPECT_EQ(stats.files_skipped, 2u);
  EXPECT_EQ(stats.input_bytes, 0u);
  EXPECT_EQ(Xapian::Database(db()).get_revision(), revision) << "a no-op update committed";
}

TEST_F(UpdaterTest, FileSavedAgainUnchangedIsReadButNoArticleIsWritten) {
  const std::string a = write("a.jsonl", record("a1", "Tartus port deal") + record("a2", "Grain"));
  update();
  touch_later(a);
  const UpdateStats stats = update();
  EXPECT_EQ(stats.files_read, 1u);
  EXPECT_EQ(stats.unchanged, 2u);
  EXPECT_EQ(stats.added + stats.updated, 0u);
  // The new modification time is recorded: a third run skips the file.
  EXPECT_EQ(update().files_skipped, 1u);
}

TEST_F(UpdaterTest, ChangedArticleIsReplacedAndFoundByItsNewWords) {
  const std::string a = write("a.jsonl", record("a1", "Tartus port deal") + record("a2", "Grain"));
  update();
  write("a.jsonl", record("a1", "Khmeimim airfield lease") + record("a2", "Grain"));
  touch_later(a);
  const UpdateStats stats = update();
  EXPECT_EQ(stats.updated, 1u);
  EXPECT_EQ(stats.unchanged, 1u);
  EXPECT_EQ(stats.added, 0u);

  query::Searcher searcher(db());
  const auto hits = searcher.search("airfield").hits;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, "a1");
  EXPECT_TRUE(searcher.search("Tartus").hits.empty());
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 2u);
}

TEST_F(UpdaterTest, SameIdInTwoFilesIsIndexedOnceWithAWarningNamingBoth) {
  write("a.jsonl", record("x1", "Tartus port deal"));
  write("b.jsonl", record("b1", "Grain") + record("x1", "Another text with the same id"));
  const UpdateStats stats = update();
  EXPECT_EQ(stats.added, 2u);
  EXPECT_EQ(stats.duplicates, 1u);
  const auto duplicates = events_named(events_, "duplicate");
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].level, LogEvent::Level::kWarning);
  EXPECT_EQ(duplicates[0].file, dir_.path("src/b.jsonl"));
  EXPECT_EQ(duplicates[0].line, 2u);
  EXPECT_NE(duplicates[0].message.find(dir_.path("src/a.jsonl")), std::string::npos)
      << duplicates[0].message;
  EXPECT_EQ(query::Searcher(db()).search("Tartus").hits.size(), 1u);
  EXPECT_TRUE(query::Searcher(db()).search("another").hits.empty());
}

TEST_F(UpdaterTest, SameIdTwiceInOneFileKeepsTheFirstAndWarns) {
  write("a.jsonl", record("x1", "Tartus port deal") + record("x1", "Grain convoy"));
  const UpdateStats stats = update();
  EXPECT_EQ(stats.added, 1u);
  EXPECT_EQ(stats.duplicates, 1u);
  const auto duplicates = events_named(events_, "duplicate");
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].line, 2u);
  EXPECT_NE(duplicates[0].message.find("a.jsonl:1"), std::string::npos) << duplicates[0].message;
  EXPECT_EQ(query::Searcher(db()).search("Tartus").hits.size(), 1u);
  EXPECT_TRUE(query::Searcher(db()).search("convoy").hits.empty());
}

TEST_F(UpdaterTest, DuplicateInAChangedFileIsStillDetectedWhenTheOwnerIsSkipped) {
  write("a.jsonl", record("x1", "Tartus port deal"));
  const std::string b = write("b.jsonl", record("b1", "Grain"));
  update();
  write("b.jsonl", record("b1", "Grain") + record("x1", "Copy"));
  touch_later(b);
  const UpdateStats stats = update();
  EXPECT_EQ(stats.files_skipped, 1u);
  EXPECT_EQ(stats.duplicates, 1u);
  EXPECT_EQ(stats.updated + stats.added, 0u);
  EXPECT_EQ(query::Searcher(db()).search("Tartus").hits.size(), 1u);
}

TEST_F(UpdaterTest, PruneDeletesArticlesGoneFromAFileAndFromAVanishedFile) {
  const std::string a = write("a.jsonl", record("a1", "Tartus") + record("a2", "Grain"));
  const std::string b = write("b.jsonl", record("b1", "Sanctions"));
  update();
  write("a.jsonl", record("a1", "Tartus"));
  touch_later(a);
  fs::remove(b);

  const UpdateStats kept = update();  // without --prune nothing is deleted
  EXPECT_EQ(kept.deleted, 0u);
  EXPECT_EQ(ids_in(db()), (std::set<std::string>{"a1", "a2", "b1"}));

  UpdateOptions options;
  options.prune = true;
  const UpdateStats pruned = update(options);
  EXPECT_EQ(pruned.deleted, 2u);
  EXPECT_EQ(ids_in(db()), (std::set<std::string>{"a1"}));
  EXPECT_EQ(events_named(events_, "pruned").size(), 2u);
  EXPECT_TRUE(check_database(db()).ok());
}

TEST_F(UpdaterTest, PruneTouchesOnlyArticlesFromTheSourcesGiven) {
  write("a.jsonl", record("a1", "Tartus"));
  const std::string other = dir_.write("other/o.jsonl", record("o1", "Grain"));
  update();
  update_sources(db(), {other});
  UpdateOptions options;
  options.prune = true;
  EXPECT_EQ(update(options).deleted, 0u);
  EXPECT_EQ(ids_in(db()), (std::set<std::string>{"a1", "o1"}));
}

TEST_F(UpdaterTest, PruneWithAMissingSourceDeletesNothing) {
  write("a.jsonl", record("a1", "Tartus"));
  update();
  fs::rename(sources(), dir_.path("unmounted"));
  UpdateOptions options;
  options.prune = true;
  const UpdateStats stats = update(options);
  EXPECT_EQ(stats.deleted, 0u);
  EXPECT_EQ(stats.failed, 1u);
  ASSERT_EQ(events_named(events_, "problem").size(), 1u);
  EXPECT_EQ(ids_in(db()), (std::set<std::string>{"a1"}));
}

TEST_F(UpdaterTest, BadRecordIsCountedAsFailedAndTheRestIsIndexed) {
  write("a.jsonl", record("a1", "Tartus") + "{not json\n" + record("a2", "Grain"));
  const UpdateStats stats = update();
  EXPECT_EQ(stats.added, 2u);
  EXPECT_EQ(stats.failed, 1u);
  const auto problems = events_named(events_, "problem");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2u);
}

TEST_F(UpdaterTest, RefusesADatabaseOfAnotherAnalysisVersionAndSaysHowToRebuild) {
  write("a.jsonl", record("a1", "Tartus"));
  update();
  {
    Xapian::WritableDatabase xdb(db(), Xapian::DB_OPEN);
    xdb.set_metadata(std::string(schema::kMetaAnalysisVersion), "0");
    xdb.commit();
  }
  try {
    update();
    FAIL() << "update accepted an incompatible database";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("akhbar index --rebuild"), std::string::npos) << e.what();
  }
  const CheckReport report = check_database(db());
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.analysis_version, "0");
}

TEST_F(UpdaterTest, RebuildReplacesAnIncompatibleDatabaseBesideItAndSwitches) {
  write("a.jsonl", record("a1", "Tartus") + record("a2", "Grain"));
  update();
  {
    Xapian::WritableDatabase xdb(db(), Xapian::DB_OPEN);
    xdb.set_metadata(std::string(schema::kMetaAnalysisVersion), "0");
    xdb.commit();
  }
  const UpdateStats stats = rebuild_sources(db(), {sources()});
  EXPECT_EQ(stats.added, 2u);
  // The plain directory became a stub naming generation 1.
  EXPECT_TRUE(fs::is_regular_file(db()));
  std::ifstream stub(db());
  std::string line;
  std::getline(stub, line);
  EXPECT_EQ(line, "auto db.d/gen-1");
  EXPECT_TRUE(check_database(db()).ok());
  EXPECT_EQ(update().files_skipped, 1u);  // the rebuild recorded the files
  EXPECT_EQ(query::Searcher(db()).search("Tartus").hits.size(), 1u);
}

TEST_F(UpdaterTest, ReaderOpenDuringRebuildFollowsTheSwitchToTheNewGeneration) {
  write("a.jsonl", record("a1", "Tartus"));
  rebuild_sources(db(), {sources()});
  query::Searcher old_reader(db());
  write("b.jsonl", record("b1", "Tartus again"));
  rebuild_sources(db(), {sources()});

  // Its generation is gone; the searcher notices the stub changed and reopens.
  EXPECT_EQ(old_reader.search("Tartus").hits.size(), 2u);
  EXPECT_EQ(query::Searcher(db()).search("Tartus").hits.size(), 2u);
  std::vector<std::string> generations;
  for (const auto& entry : fs::directory_iterator(db() + ".d"))
    generations.push_back(entry.path().filename().string());
  EXPECT_EQ(generations, (std::vector<std::string>{"gen-2"}));
}

TEST_F(UpdaterTest, WriterFollowsTheStubToTheCurrentGeneration) {
  write("a.jsonl", record("a1", "Tartus"));
  rebuild_sources(db(), {sources()});
  {
    IndexWriter writer(db());
    corpus::Article article;
    article.id = "w1";
    article.title = "Written through the stub";
    article.paragraphs = {"Grain convoy"};
    writer.add(article);
  }
  EXPECT_TRUE(fs::is_regular_file(db()));
  EXPECT_EQ(ids_in(db() + ".d/gen-1"), (std::set<std::string>{"a1", "w1"}));
}

TEST_F(UpdaterTest, SecondWriterFailsAtOnceOrWaitsForTheLock) {
  write("a.jsonl", record("a1", "Tartus"));
  update();
  auto holder = std::make_unique<IndexWriter>(db());
  try {
    update();
    FAIL() << "a second writer got the lock";
  } catch (const DatabaseLockedError& e) {
    EXPECT_EQ(std::string(e.what()), "database " + db() + " is being updated by another process");
  }
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.reset();
  });
  UpdateOptions options;
  options.index.wait_seconds = 20;
  EXPECT_NO_THROW(update(options));
  release.join();
}

TEST_F(UpdaterTest, CheckFindsATrackedArticleThatIsMissing) {
  write("a.jsonl", record("a1", "Tartus") + record("a2", "Grain"));
  update();
  EXPECT_TRUE(check_database(db()).ok());
  {
    Xapian::WritableDatabase xdb(db(), Xapian::DB_OPEN);
    xdb.delete_document("Qa2");
    xdb.commit();
  }
  const CheckReport report = check_database(db());
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("a2 is missing"), std::string::npos) << report.problems[0];
  EXPECT_EQ(report.articles, 1u);
  EXPECT_EQ(report.tracked_articles, 2u);
}

TEST_F(UpdaterTest, CheckFindsStoredTextItCannotRead) {
  write("a.jsonl", record("a1", "Tartus") + record("a2", "Grain") + record("a3", "Port"));
  update();
  // a2's text compressed with a dictionary the database does not hold,
  // a3's damaged.
  std::vector<schema::StoredArticle> samples(300);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i].id = "sample-" + std::to_string(i);
    for (std::size_t p = 0; p < 8; ++p)
      samples[i].passages.push_back("Convoy " + std::to_string(i * p) + " reached Tartus port on day " +
                                    std::to_string(p * 7 + i % 13) + " with grain and fuel.");
  }
  const auto dictionary = schema::TextDictionary::train(samples);
  ASSERT_NE(dictionary, nullptr);
  {
    Xapian::WritableDatabase xdb(db(), Xapian::DB_OPEN);
    for (const char* id : {"Qa2", "Qa3"}) {
      const Xapian::docid docid = *xdb.postlist_begin(id);
      Xapian::Document document = xdb.get_document(docid);
      schema::StoredArticle article = schema::decode_document_data(document.get_data());
      document.set_data(id == std::string("Qa2") ? schema::encode_document_data(article, dictionary.get())
                                                  : std::string("\x01garbage"));
      xdb.replace_document(docid, document);
    }
    xdb.commit();
  }
  const CheckReport report = check_database(db());
  ASSERT_EQ(report.problems.size(), 2u);
  EXPECT_NE(report.problems[0].find("article a2 cannot be read: document data needs text dictionary " +
                                    std::to_string(dictionary->id())),
            std::string::npos)
      << report.problems[0];
  EXPECT_NE(report.problems[1].find("article a3 cannot be read: corrupt document data"), std::string::npos)
      << report.problems[1];

  // With the dictionary in the database, only the damaged one is left.
  {
    Xapian::WritableDatabase xdb(db(), Xapian::DB_OPEN);
    xdb.set_metadata(dictionary->metadata_key(), dictionary->bytes());
    xdb.commit();
  }
  const CheckReport again = check_database(db());
  ASSERT_EQ(again.problems.size(), 1u);
  EXPECT_NE(again.problems[0].find("article a3"), std::string::npos) << again.problems[0];
}

TEST_F(UpdaterTest, CheckNotesArticlesNoFileStateTracks) {
  {
    IndexWriter writer(db());
    corpus::Article article;
    article.id = "w1";
    article.paragraphs = {"Grain convoy"};
    writer.add(article);
  }
  const CheckReport report = check_database(db());
  EXPECT_TRUE(report.ok());
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_NE(report.notes[0].find("1 articles are not tracked"), std::string::npos);
}

TEST(SourceWalk, ListsCorpusFilesInReadingOrderWithTheirStat) {
  testing::TempDir dir;
  dir.write("src/b.jsonl", "x");
  dir.write("src/a/z.md", "yy");
  dir.write("src/.hidden.jsonl", "z");
  dir.write("src/notes.pdf", "z");
  const detail::SourceWalk walk = detail::walk_sources({dir.path("src/"), dir.path("missing")});
  ASSERT_EQ(walk.files.size(), 2u);
  EXPECT_EQ(walk.files[0].absolute, dir.path("src/a/z.md"));
  EXPECT_EQ(walk.files[0].size, 2u);
  EXPECT_EQ(walk.files[1].absolute, dir.path("src/b.jsonl"));
  EXPECT_EQ(walk.roots, (std::vector<std::string>{dir.path("src")}));
  ASSERT_EQ(walk.problems.size(), 1u);
  EXPECT_EQ(walk.problems[0].path, dir.path("missing"));
}

TEST(SourceWalk, IsUnderMatchesWholePathComponents) {
  EXPECT_TRUE(detail::is_under("/srv/feeds/a.jsonl", "/srv/feeds"));
  EXPECT_TRUE(detail::is_under("/srv/feeds", "/srv/feeds"));
  EXPECT_FALSE(detail::is_under("/srv/feeds2/a.jsonl", "/srv/feeds"));
  EXPECT_TRUE(detail::is_under("/srv/a.jsonl", "/"));
}

TEST(CheckDatabase, MissingDatabaseIsNotFound) {
  testing::TempDir dir;
  EXPECT_THROW(check_database(dir.path("none")), DatabaseNotFoundError);
}

TEST(FileState, RoundTripsIdsWithAnyCharacter) {
  detail::FileState state{1234, 1700000000123456789, {"a1", "with space", "line\nbreak", ""}};
  const auto decoded = detail::decode_file_state(detail::encode_file_state(state));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->size, 1234u);
  EXPECT_EQ(decoded->mtime_ns, 1700000000123456789);
  EXPECT_EQ(decoded->ids, state.ids);
}

TEST(FileState, MalformedValueIsRejected) {
  EXPECT_FALSE(detail::decode_file_state("12").has_value());
  EXPECT_FALSE(detail::decode_file_state("12 x").has_value());
  EXPECT_FALSE(detail::decode_file_state(std::string("12 3x\0id", 8)).has_value());
}

TEST(LogEvent, TextNamesFileLineAndLevel) {
  const LogEvent event{LogEvent::Level::kWarning, "duplicate", "b.jsonl", 7, "article x1 is also in a", {}};
  EXPECT_EQ(event.to_text(), "b.jsonl:7: warning: article x1 is also in a");
}

TEST(LogEvent, JsonHasTheFixedFieldsThenTheCounts) {
  const LogEvent event{LogEvent::Level::kInfo, "file", "dir/\"a\".jsonl", 0, "file read",
                       {{"added", 3}, {"updated", 0}}};
  EXPECT_EQ(event.to_json(),
            "{\"level\":\"info\",\"event\":\"file\",\"file\":\"dir/\\\"a\\\".jsonl\",\"line\":0,"
            "\"message\":\"file read\",\"added\":3,\"updated\":0}");
}

}  // namespace
}  // namespace akhbar::indexer
