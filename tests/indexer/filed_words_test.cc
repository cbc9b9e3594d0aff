// Tests of the set that lets a builder file each word in a dictionary once.
#include "filed_words.h"

#include <gtest/gtest.h>

#include <string>

namespace akhbar::indexer::detail {
namespace {

TEST(FiledWords, AWordIsNewOnlyTheFirstTime) {
  FiledWords filed(100);
  EXPECT_TRUE(filed.first_time("базы"));
  EXPECT_FALSE(filed.first_time("базы"));
  EXPECT_TRUE(filed.first_time("базе"));
  EXPECT_TRUE(filed.first_time(""));
  EXPECT_FALSE(filed.first_time(""));
  EXPECT_EQ(filed.size(), 3u);
}

// The table starts small and grows: every one of many words is new once
// and known afterwards, across the growths.
TEST(FiledWords, RemembersEveryWordAcrossGrowth) {
  FiledWords filed(1 << 20);
  for (int i = 0; i < 50000; ++i) ASSERT_TRUE(filed.first_time("w" + std::to_string(i))) << i;
  for (int i = 0; i < 50000; ++i) ASSERT_FALSE(filed.first_time("w" + std::to_string(i))) << i;
  EXPECT_EQ(filed.size(), 50000u);
}

TEST(FiledWords, AFullSetForgetsEverythingAndStartsAgain) {
  FiledWords filed(3);
  EXPECT_TRUE(filed.first_time("a"));
  EXPECT_TRUE(filed.first_time("b"));
  EXPECT_TRUE(filed.first_time("c"));
  EXPECT_FALSE(filed.first_time("a"));
  EXPECT_TRUE(filed.first_time("d"));  // the set was full: it forgot a, b, c
  EXPECT_EQ(filed.size(), 1u);
  EXPECT_TRUE(filed.first_time("a"));
  EXPECT_FALSE(filed.first_time("d"));
}

}  // namespace
}  // namespace akhbar::indexer::detail
