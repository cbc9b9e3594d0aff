// The corpus reader when the file system changes under it or refuses it:
// files that vanish, grow, shrink or turn into FIFOs between listing and
// reading, and files or directories it may not read. Each is reported by
// name and never stops, crashes or hangs the run.
#include <gtest/gtest.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "corpus/corpus_test_support.h"

namespace akhbar::hostile {
namespace {

using corpus::testing::ReadResult;
using corpus::testing::ScratchDir;

std::string record(const std::string& id) {
  return "{\"id\": \"" + id + "\", \"body\": \"The record " + id + " about the port of Tartus.\"}\n";
}

std::string records(const std::string& prefix, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += record(prefix + std::to_string(i));
  return out;
}

// Reads `paths`, calling `between` once the first article has been returned
// (the walk is done by then and the first file is open).
ReadResult read_with_change(const std::vector<std::string>& paths, const std::function<void()>& between) {
  ReadResult result;
  corpus::CorpusReader reader(paths);
  reader.on_problem([&](const corpus::Problem& p) { result.problems.push_back(p); });
  bool changed = false;
  while (auto article = reader.next()) {
    result.articles.push_back(std::move(*article));
    if (!changed) {
      between();
      changed = true;
    }
  }
  result.stats = reader.stats();
  return result;
}

TEST(FileVanishing, AfterListingIsReportedByNameAndTheRestIsRead) {
  ScratchDir dir;
  dir.write("a.jsonl", record("a0"));
  const std::string vanishing = dir.write("b.jsonl", record("b0"));
  dir.write("c.jsonl", record("c0"));
  const ReadResult result = read_with_change({dir.path("")}, [&] { std::filesystem::remove(vanishing); });
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a0", "c0"}));
  EXPECT_EQ(result.messages(),
            std::vector<std::string>{vanishing + ": error: cannot open: No such file or directory"});
}

TEST(FileVanishing, GivenByAPathThatDoesNotExistIsReportedByName) {
  ScratchDir dir;
  const std::string good = dir.write("a.jsonl", record("a0"));
  const std::string missing = dir.path("missing.jsonl");
  const ReadResult result = corpus::testing::read_all({missing, good});
  EXPECT_EQ(result.ids(), std::vector<std::string>{"a0"});
  EXPECT_EQ(result.messages(),
            std::vector<std::string>{missing + ": error: cannot access: No such file or directory"});
}

// Regression: a listed file replaced by a FIFO before it was opened made
// fopen() wait for a writer forever, stalling the whole run.
TEST(FifoSwappedInAfterListing, IsReportedInsteadOfBlockingTheRun) {
  ScratchDir dir;
  dir.write("a.jsonl", record("a0"));
  const std::string swapped = dir.write("b.jsonl", record("b0"));
  dir.write("c.jsonl", record("c0"));
  const ReadResult result = read_with_change({dir.path("")}, [&] {
    std::filesystem::remove(swapped);
    ASSERT_EQ(::mkfifo(swapped.c_str(), 0600), 0);
  });
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a0", "c0"}));
  EXPECT_EQ(result.messages(), std::vector<std::string>{swapped + ": error: cannot open: not a regular file"});
}

TEST(FileGrowing, WhileReadIsReadToItsNewEndWithoutTornRecords) {
  ScratchDir dir;
  // Far more than one read chunk, so that the appended lines lie beyond
  // what the reader has taken when the file grows.
  const std::string path = dir.write("growing.jsonl", records("old-", 3000));
  const ReadResult result = read_with_change({path}, [&] {
    std::ofstream(path, std::ios::app) << records("new-", 5);
  });
  EXPECT_EQ(result.stats.errors, 0u) << ::testing::PrintToString(result.messages());
  ASSERT_EQ(result.articles.size(), 3005u);
  EXPECT_EQ(result.articles.front().id, "old-0");
  EXPECT_EQ(result.articles.back().id, "new-4");
  EXPECT_EQ(result.articles.back().origin_line, 3005u);
}

TEST(FileShrinking, WhileReadReportsTheCutRecordAndStops) {
  ScratchDir dir;
  const std::string content = records("old-", 3000);
  const std::string path = dir.write("shrinking.jsonl", content);
  // Cut in the middle of a record well past the first read chunk.
  const std::size_t cut = content.find("\"body\"", 200000);
  const std::uint64_t cut_line = static_cast<std::uint64_t>(std::count(content.begin(), content.begin() + cut, '\n')) + 1;
  const ReadResult result = read_with_change({path}, [&] { std::filesystem::resize_file(path, cut); });
  EXPECT_EQ(result.articles.size(), cut_line - 1);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].file, path);
  EXPECT_EQ(result.problems[0].line, cut_line);
  EXPECT_TRUE(result.problems[0].message.starts_with("invalid JSON: expected ")) << result.problems[0].message;
}

// Tests run as root, which reads any file: with the file-system user set to
// nobody (Linux setfsuid, this thread only) permissions apply again, so the
// reader meets a real EACCES.
class AsNobody {
 public:
  AsNobody() {
    if (::geteuid() == 0) {
      ::setfsuid(65534);
      active_ = ::setfsuid(65534) == 65534;
    }
  }
  ~AsNobody() {
    if (active_) ::setfsuid(0);
  }
  AsNobody(const AsNobody&) = delete;
  AsNobody& operator=(const AsNobody&) = delete;
  /// False only when running as root without the right to change it.
  bool effective() const { return ::geteuid() != 0 || active_; }

 private:
  bool active_ = false;
};

TEST(UnreadableInput, FileIsReportedByNameAndTheRestIsRead) {
  ScratchDir dir;
  ::chmod(dir.path("").c_str(), 0755);
  dir.write("a.jsonl", record("a0"));
  const std::string locked = dir.write("b.jsonl", record("b0"));
  dir.write("c.md", "# Title\n\nA readable article about Homs.\n");
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  ReadResult result;
  {
    AsNobody nobody;
    ASSERT_TRUE(nobody.effective()) << "cannot drop file-system privileges";
    result = corpus::testing::read_all({dir.path("")});
  }
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a0", "c"}));
  EXPECT_EQ(result.messages(), std::vector<std::string>{locked + ": error: cannot open: Permission denied"});
}

TEST(UnreadableInput, DirectoryIsReportedByNameAndTheRestIsRead) {
  ScratchDir dir;
  ::chmod(dir.path("").c_str(), 0755);
  dir.write("a.jsonl", record("a0"));
  dir.write("locked/b.jsonl", record("b0"));
  dir.write("z.jsonl", record("z0"));
  const std::string locked = dir.path("locked");
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  ReadResult result;
  {
    AsNobody nobody;
    ASSERT_TRUE(nobody.effective()) << "cannot drop file-system privileges";
    result = corpus::testing::read_all({dir.path("")});
  }
  EXPECT_EQ(result.ids(), (std::vector<std::string>{"a0", "z0"}));
  EXPECT_EQ(result.messages(),
            std::vector<std::string>{locked + ": error: cannot open directory: Permission denied"});
}

TEST(SymbolicLinks, LoopsEndWithAWarningAndEachFileIsReadOnce) {
  ScratchDir dir;
  dir.write("news/a.jsonl", record("a0"));
  ASSERT_EQ(::symlink("..", dir.path("news/up").c_str()), 0);
  ASSERT_EQ(::symlink("../news", dir.path("news/again").c_str()), 0);
  const ReadResult result = corpus::testing::read_all({dir.path("news")});
  EXPECT_EQ(result.ids(), std::vector<std::string>{"a0"});
  const std::string skipped = ": warning: directory already read (symbolic link loop or duplicate), skipped";
  EXPECT_EQ(result.messages(),
            (std::vector<std::string>{dir.path("news/again") + skipped, dir.path("news/up/news") + skipped}));
}

}  // namespace
}  // namespace akhbar::hostile
