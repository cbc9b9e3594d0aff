// Tests of the context terms the document builder adds: C + name for each
// ambiguous name of the shared lexicon (the "ambiguous:" lines of
// analysis/data/aliases.txt) one of whose context words the article has.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/indexer/schema.h"
#include "filter_terms.h"

namespace akhbar::indexer::detail {
namespace {

namespace schema = akhbar::indexer::schema;
using ::testing::ElementsAre;

/// The context terms of a document built from `title` and `body`, in term order.
std::vector<std::string> context_terms(const std::string& title, const std::string& body) {
  corpus::Article article;
  article.id = "context-test";
  article.title = title;
  article.paragraphs = {body};
  return testing::filter_terms(article, schema::kNameContextPrefix);
}

TEST(NameContext, AnInflectedContextWordMarksTheRussianName) {
  // "Сирии" is "Сирия" by its stem.
  EXPECT_THAT(context_terms("Переговоры в Москве", "Асад прилетел из Сирии."), ElementsAre("Cасад"));
}

TEST(NameContext, AnArabicContextWordMarksTheArabicNames) {
  // Two "ambiguous:" lines name different words; both have سوريا.
  EXPECT_THAT(context_terms("محادثات", "وصل الأسد من سوريا أمس."), ElementsAre("Cالاسد", "Cالشرع"));
}

TEST(NameContext, AMultiWordContextEntryCountsOnlyWhole) {
  EXPECT_THAT(context_terms("خبر", "قالت الإدارة الجديدة إن الاجتماع انتهى."), ElementsAre("Cالشرع"));
  EXPECT_THAT(context_terms("خبر", "قالت الإدارة إن الاجتماع الجديد انتهى."), ElementsAre());
}

TEST(NameContext, AnArticleWithoutContextWordsHasNone) {
  // The footballer: the name, but none of its context.
  EXPECT_THAT(context_terms("Дубль Асада", "Нападающий Асад Рахимов забил два мяча."), ElementsAre());
  EXPECT_THAT(context_terms("Port news", "Ships called at the port of Tartus."), ElementsAre());
}

}  // namespace
}  // namespace akhbar::indexer::detail
