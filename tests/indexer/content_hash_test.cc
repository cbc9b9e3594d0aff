// Tests of the content fingerprint: canonical text in, stable hash out.
#include "content_hash.h"

#include <gtest/gtest.h>

namespace akhbar::indexer::detail {
namespace {

corpus::Article article(std::string title, std::vector<std::string> paragraphs) {
  corpus::Article a;
  a.title = std::move(title);
  a.paragraphs = std::move(paragraphs);
  return a;
}

TEST(ContentHash, IgnoresWhiteSpaceLayout) {
  EXPECT_EQ(content_hash(article("Port deal", {"Russia keeps Tartus.", "Talks go on."})),
            content_hash(article(" Port  deal\n", {"Russia\nkeeps Tartus.  ", "\tTalks go on."})));
}

TEST(ContentHash, SeparatesWordsAcrossParagraphs) {
  EXPECT_NE(content_hash(article("", {"base", "line"})), content_hash(article("", {"baseline"})));
}

TEST(ContentHash, ChangesWithAnyWord) {
  EXPECT_NE(content_hash(article("Port deal", {"Russia keeps Tartus."})),
            content_hash(article("Port deal", {"Russia leaves Tartus."})));
}

TEST(ContentHash, IgnoresMetadata) {
  corpus::Article a = article("T", {"body"});
  corpus::Article b = a;
  b.id = "other";
  b.url = "https://example.org";
  b.published = "2024-01-01";
  EXPECT_EQ(content_hash(a), content_hash(b));
}

TEST(ContentHash, HexIsSixteenLowerCaseDigits) {
  EXPECT_EQ(hash_hex(0), "0000000000000000");
  EXPECT_EQ(hash_hex(0xdeadbeef0123abcdull), "deadbeef0123abcd");
}

TEST(ContentHash, EmptyArticleHashesToTheFnvOffset) {
  EXPECT_EQ(content_hash(article("", {})), 14695981039346656037ull);
}

}  // namespace
}  // namespace akhbar::indexer::detail
