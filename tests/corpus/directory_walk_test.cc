#include "directory_walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "corpus_test_support.h"

namespace akhbar::corpus::detail {
namespace {

using corpus::testing::ScratchDir;
using corpus::testing::test_data;

std::vector<std::string> paths_of(const std::vector<WalkEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.path);
  return out;
}

TEST(WalkPaths, SortsByNameRecursesAndSkipsHiddenAndUnknownFiles) {
  const std::string root = test_data("tree");
  const auto entries = walk_paths({root});
  EXPECT_EQ(paths_of(entries), (std::vector<std::string>{
                                   root + "/a_sub/one.jsonl",
                                   root + "/b_sub/deeper/two.md",
                                   root + "/c_top.txt",
                               }));
  for (const auto& e : entries) {
    EXPECT_FALSE(e.is_error);
    EXPECT_EQ(e.size, std::filesystem::file_size(e.path));
  }
}

TEST(WalkPaths, OrdersNamesByBytesNotByLocale) {
  ScratchDir dir;
  for (const std::string name : {"b.txt", "B.txt", "a.txt", "_x.txt", "10.txt", "9.txt"}) {
    dir.write("d/" + name, "t\n\nx\n");
  }
  const std::string d = dir.path("d");
  EXPECT_EQ(paths_of(walk_paths({d})),
            (std::vector<std::string>{d + "/10.txt", d + "/9.txt", d + "/B.txt", d + "/_x.txt",
                                      d + "/a.txt", d + "/b.txt"}));
}

TEST(WalkPaths, KeepsTheOrderOfExplicitPaths) {
  ScratchDir dir;
  const std::string z = dir.write("z.jsonl", "{}\n");
  const std::string a = dir.write("a.md", "x\n");
  EXPECT_EQ(paths_of(walk_paths({z, a})), (std::vector<std::string>{z, a}));
}

TEST(WalkPaths, StopsAtSymlinkLoops) {
  ScratchDir dir;
  dir.write("root/sub/file.txt", "t\n\nx\n");
  ASSERT_EQ(::symlink("..", dir.path("root/sub/up").c_str()), 0);
  ASSERT_EQ(::symlink(".", dir.path("root/self").c_str()), 0);
  const auto entries = walk_paths({dir.path("root")});
  std::vector<std::string> files;
  std::size_t warnings = 0;
  for (const auto& e : entries) {
    EXPECT_FALSE(e.is_error) << e.path << ": " << e.message;
    if (e.is_warning) {
      ++warnings;
      EXPECT_EQ(e.message, "directory already read (symbolic link loop or duplicate), skipped");
    } else {
      files.push_back(e.path);
    }
  }
  EXPECT_EQ(files, (std::vector<std::string>{dir.path("root/sub/file.txt")}));
  EXPECT_EQ(warnings, 2u);
}

TEST(WalkPaths, FollowsSymlinksButReadsEachDirectoryOnce) {
  ScratchDir dir;
  dir.write("real/a.txt", "t\n\nx\n");
  std::filesystem::create_directories(dir.path("top"));
  ASSERT_EQ(::symlink(dir.path("real").c_str(), dir.path("top/link1").c_str()), 0);
  ASSERT_EQ(::symlink(dir.path("real").c_str(), dir.path("top/link2").c_str()), 0);
  ASSERT_EQ(::symlink(dir.path("real/a.txt").c_str(), dir.path("top/z.txt").c_str()), 0);
  const auto entries = walk_paths({dir.path("top")});
  EXPECT_EQ(paths_of(entries), (std::vector<std::string>{dir.path("top/link1/a.txt"),
                                                         dir.path("top/link2"),
                                                         dir.path("top/z.txt")}));
  EXPECT_TRUE(entries[1].is_warning);
  EXPECT_FALSE(entries[2].is_warning);
}

TEST(WalkPaths, ReportsMissingUnknownAndSpecialExplicitPaths) {
  ScratchDir dir;
  const std::string missing = dir.path("missing.jsonl");
  const std::string csv = dir.write("data.csv", "a,b\n");
  const std::string fifo = dir.path("pipe.jsonl");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string dangling = dir.path("d/dangling.md");
  std::filesystem::create_directories(dir.path("d"));
  ASSERT_EQ(::symlink("nowhere.md", dangling.c_str()), 0);
  const auto entries = walk_paths({missing, csv, fifo, dir.path("d")});
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].message, "cannot access: No such file or directory");
  EXPECT_EQ(entries[1].message, "unknown file type (expected .jsonl, .jsonl.zst, .md or .txt)");
  EXPECT_EQ(entries[2].message, "not a regular file or directory");
  EXPECT_EQ(entries[3].path, dangling);
  EXPECT_EQ(entries[3].message, "cannot access: No such file or directory");
  for (const auto& e : entries) EXPECT_TRUE(e.is_error);
}

}  // namespace
}  // namespace akhbar::corpus::detail
