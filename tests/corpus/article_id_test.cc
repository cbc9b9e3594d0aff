#include "article_id.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

TEST(ArticleId, Fnv1aMatchesPublishedTestVectors) {
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ull);
}

TEST(ArticleId, UrlIdIsUAndSixteenHexDigitsOfTheUrlHash) {
  EXPECT_EQ(id_from_url("a"), "uaf63dc4c8601ec8c");
  EXPECT_EQ(id_from_url("https://example.org/x"), id_from_url("https://example.org/x"));
  EXPECT_NE(id_from_url("https://example.org/x"), id_from_url("https://example.org/y"));
}

TEST(ArticleId, ContentIdSeparatesTitleFromBody) {
  const std::string id = id_from_content("ab", "c");
  EXPECT_EQ(id.size(), 17u);
  EXPECT_EQ(id[0], 'h');
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef", 1), std::string::npos);
  EXPECT_NE(id, id_from_content("a", "bc"));
  EXPECT_EQ(id, id_from_content("ab", "c"));
}

}  // namespace
}  // namespace akhbar::corpus::detail
