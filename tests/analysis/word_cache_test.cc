// Tests of the per-thread memo of per-word results.
#include "word_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace akhbar::analysis::detail {
namespace {

// The value computed for a word, and how many times it was computed.
struct Counter {
  int computed = 0;
  std::string operator()(std::string_view word) {
    ++computed;
    return std::string(word) + "!";
  }
};

TEST(WordCache, ComputesEachWordOnceAndReturnsItsOwnValue) {
  WordCache<std::string> cache(1000);
  Counter compute;
  EXPECT_EQ(cache.get("хмеймим", compute), "хмеймим!");
  EXPECT_EQ(cache.get("tartus", compute), "tartus!");
  EXPECT_EQ(cache.get("хмеймим", compute), "хмеймим!");
  EXPECT_EQ(cache.get("", compute), "!");
  EXPECT_EQ(cache.get("", compute), "!");
  EXPECT_EQ(compute.computed, 3);
}

TEST(WordCache, KeepsManyWordsApart) {
  WordCache<std::string> cache(20000);
  Counter compute;
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(cache.get("w" + std::to_string(i), compute), "w" + std::to_string(i) + "!");
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(cache.get("w" + std::to_string(i), compute), "w" + std::to_string(i) + "!");
  EXPECT_EQ(compute.computed, 20000);
}

TEST(WordCache, AFullCacheEmptiesItselfAndComputesAgain) {
  WordCache<std::string> cache(2);
  Counter compute;
  cache.get("a", compute);
  cache.get("b", compute);
  cache.get("a", compute);
  EXPECT_EQ(compute.computed, 2);
  EXPECT_EQ(cache.get("c", compute), "c!");  // full: emptied, then c
  EXPECT_EQ(compute.computed, 3);
  EXPECT_EQ(cache.get("a", compute), "a!");  // forgotten, computed again
  EXPECT_EQ(compute.computed, 4);
  EXPECT_EQ(cache.get("c", compute), "c!");
  EXPECT_EQ(compute.computed, 4);
}

}  // namespace
}  // namespace akhbar::analysis::detail
