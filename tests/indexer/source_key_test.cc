// Tests of source_key(), the normalised source name of B terms.
#include <gtest/gtest.h>

#include <string>

#include "akhbar/indexer/schema.h"

namespace akhbar::indexer::schema {
namespace {

TEST(SourceKey, FoldsCaseAndCollapsesWhiteSpace) {
  EXPECT_EQ(source_key("  The   Daily\tStar \n"), "the daily star");
}

TEST(SourceKey, FoldsCyrillicAndKeepsArabic) {
  EXPECT_EQ(source_key("РИА Новости"), "риа новости");
  EXPECT_EQ(source_key("الشرق  الأوسط"), "الشرق الأوسط");
}

TEST(SourceKey, TreatsNoBreakSpaceAsSpace) {
  EXPECT_EQ(source_key("Al\u00a0Jazeera"), "al jazeera");
}

TEST(SourceKey, EmptyAndBlankGiveEmpty) {
  EXPECT_EQ(source_key(""), "");
  EXPECT_EQ(source_key(" \t "), "");
}

TEST(SourceKey, CutsLongNamesAtACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "ж";  // 2 bytes each
  const std::string key = source_key("x" + name);
  EXPECT_LE(key.size() + kSourcePrefix.size(), kMaxTermBytes);
  EXPECT_EQ(key.size() % 2, 1u);  // "x" plus whole two-byte letters
  EXPECT_EQ(key.substr(0, 3), "xж");
}

}  // namespace
}  // namespace akhbar::indexer::schema
