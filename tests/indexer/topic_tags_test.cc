// Tests of the topic tags the document builder adds: T + topic boolean terms
// for the topics of the shared lexicon that an article's title and body
// mention at least twice, in any of the three languages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/indexer/schema.h"
#include "document_builder.h"
#include "filter_terms.h"

namespace akhbar::indexer::detail {
namespace {

namespace schema = akhbar::indexer::schema;
using ::testing::ElementsAre;

corpus::Article article(std::string title, std::vector<std::string> paragraphs) {
  corpus::Article a;
  a.id = "topic-test";
  a.title = std::move(title);
  a.paragraphs = std::move(paragraphs);
  return a;
}

/// The document's topic terms, in term order.
std::vector<std::string> topic_terms(const corpus::Article& input) {
  return testing::filter_terms(input, schema::kTopicPrefix);
}

/// The document's kValueTopics value.
std::string topics_value(const corpus::Article& input) {
  DocumentBuilder builder(analysis::news_analyzer(), IndexOptions{});
  const auto built = builder.build(input);
  return built ? built->document.get_value(schema::kValueTopics) : "(no document)";
}

TEST(TopicTags, TheTopicsValueListsTheTagsInNameOrder) {
  const corpus::Article both = article("Sanctions hit the port",
                                       {"The embargo closed the harbour and the port of Tartus.",
                                        "New sanctions followed."});
  EXPECT_THAT(topic_terms(both), ElementsAre("Tports", "Tsanctions"));
  EXPECT_EQ(topics_value(both), "ports sanctions");
  EXPECT_EQ(topics_value(article("Weather", {"Rain is expected tomorrow."})), "");
}

TEST(TopicTags, EnglishArticleAboutSanctionsIsTagged) {
  EXPECT_THAT(topic_terms(article("New sanctions on Damascus",
                                  {"Brussels extended the embargo for a year.",
                                   "Prices at the port rose."})),
              ElementsAre("Tsanctions"));
}

TEST(TopicTags, RussianInflectedFormsCount) {
  EXPECT_THAT(topic_terms(article("Россия сохранит базу в Тартусе",
                                  {"Военная база останется, как и авиабаза Хмеймим."})),
              ElementsAre("Tbases"));
}

TEST(TopicTags, ArabicWithArticleAndCliticsCounts) {
  EXPECT_THAT(topic_terms(article("رفع العقوبات عن سوريا", {"وقالت الحكومة إن العقوبات أضرت بالاقتصاد."})),
              ElementsAre("Tsanctions"));
}

TEST(TopicTags, ArticleAboutSeveralTopicsHasEveryTag) {
  EXPECT_THAT(topic_terms(article("Port deal and grain",
                                  {"The port operator signed a contract for the container terminal.",
                                   "Wheat and flour arrive through the harbour."})),
              ElementsAre("Tcontracts", "Tgrain", "Tports"));
}

TEST(TopicTags, OneMentionIsNotEnough) {
  EXPECT_THAT(topic_terms(article("A concert in Damascus",
                                  {"The orchestra played after the sanctions debate ended."})),
              ElementsAre());
}

TEST(TopicTags, MultiWordTermCountsOnce) {
  // "naval base" is one hit of bases, not two.
  EXPECT_THAT(topic_terms(article("Visit", {"The minister toured the naval base."})), ElementsAre());
  EXPECT_THAT(topic_terms(article("Visit", {"The minister toured the naval base and the airfield."})),
              ElementsAre("Tbases"));
}

TEST(TopicTags, ArticleWithoutTopicWordsHasNoTags) {
  EXPECT_THAT(topic_terms(article("Brahms in the old hall", {"The orchestra played until late."})),
              ElementsAre());
}

}  // namespace
}  // namespace akhbar::indexer::detail
