// Tests for query/src/query_builder.cc: the Xapian queries built from parsed
// text, checked by their terms and operators.
#include "query_builder.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "indexer/temp_dir.h"

namespace akhbar::query::detail {
namespace {

/// A database holding only a stem dictionary (schema.h): the words of the
/// stems these tests search for, as an index of them would list them.
const Xapian::Database& stem_dictionary() {
  static const indexer::testing::TempDir dir;
  static const Xapian::Database db = [] {
    Xapian::WritableDatabase writable(dir.path("stems"), Xapian::DB_CREATE);
    const std::string z(indexer::schema::kStemPrefix);
    writable.add_synonym(z + "sanction", "sanctions");
    writable.add_synonym(z + "sanction", "sanctioned");
    writable.add_synonym(z + "port", "ports");
    writable.add_synonym(z + "тартус", "тартусе");
    writable.add_synonym(z + "тартус", "тартуса");
    writable.add_synonym(z + "hama", "hamas");
    // Snowball joins a name and unrelated words under one stem.
    for (const char* word : {"сирии", "сирией", "сирые", "сирых", "сирая"}) writable.add_synonym(z + "сир", word);
    writable.add_synonym(z + "стройтрансгаз", "стройтрансгаза");
    writable.add_synonym(z + "стройтрансгаз", "стройтрансгазом");
    writable.add_synonym(z + "дорог", "дороги");
    writable.add_synonym(z + "дорог", "дорогой");
    writable.commit();
    return Xapian::Database(dir.path("stems"));
  }();
  return db;
}

BuiltQuery build(const std::string& text) {
  return build_query(parse_query(text).root, /*relax=*/false,
                     Expansion{/*lexicon=*/false, /*names=*/nullptr, &stem_dictionary()});
}

std::set<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

std::string description_of(const std::string& text) { return build(text).query.get_description(); }

using Terms = std::set<std::string>;

TEST(QueryBuilder, WordIsSynonymOfEveryWordOfItsStem) {
  const BuiltQuery built = build("sanctions");
  // The stem as a word too: a word that is its own stem is not listed.
  EXPECT_EQ(terms_of(built.query), (Terms{"sanctions", "sanctioned", "sanction"}));
  EXPECT_NE(built.query.get_description().find("SYNONYM"), std::string::npos);
}

TEST(QueryBuilder, WithoutAStemDictionaryAStemReachesOnlyItself) {
  EXPECT_EQ(terms_of(build_query(parse_query("sanctions").root).query), (Terms{"sanctions", "sanction"}));
}

TEST(QueryBuilder, RussianAndArabicWordsUseTheirStems) {
  EXPECT_EQ(terms_of(build("Тартусе").query), (Terms{"тартусе", "тартуса", "тартус"}));
  const Terms arabic = terms_of(build("والعقوبات").query);
  EXPECT_TRUE(arabic.count("والعقوبات")) << description_of("والعقوبات");
  const Terms plain = terms_of(build("العقوبات").query);
  // Proclitic and article stripped: both spellings reach one stem.
  ASSERT_EQ(plain.size(), 2u) << description_of("العقوبات");
  std::string stem;
  for (const auto& term : plain)
    if (term != "العقوبات") stem = term;
  EXPECT_TRUE(arabic.count(stem)) << description_of("والعقوبات");
}

TEST(QueryBuilder, CapitalisedLatinNameIsNotStemmed) {
  EXPECT_EQ(terms_of(build("Hamas").query), (Terms{"hamas"}));
  EXPECT_EQ(terms_of(build("hamas").query), (Terms{"hamas", "hama"}));
}

TEST(QueryBuilder, AllCapsWordIsStemmedLikeLowerCase) {
  EXPECT_EQ(terms_of(build("SANCTIONS").query), terms_of(build("sanctions").query));
  EXPECT_EQ(terms_of(build("HAMAS").query), (Terms{"hamas", "hama"}));
}

TEST(QueryBuilder, CapitalisedCyrillicWordIsStemmed) {
  EXPECT_EQ(terms_of(build("Тартусе").query), terms_of(build("тартусе").query));
}

TEST(QueryBuilder, ImpliedAndBetweenWords) {
  const BuiltQuery built = build("Tartus port");
  EXPECT_EQ(built.and_groups, 2u);
  EXPECT_NE(built.query.get_description().find(" AND "), std::string::npos);
  EXPECT_TRUE(terms_of(built.query).count("tartus"));
  EXPECT_TRUE(terms_of(built.query).count("ports"));
}

TEST(QueryBuilder, RelaxedQueryUsesOrBetweenGroups) {
  const BuiltQuery relaxed = build_query(parse_query("Tartus port").root, /*relax=*/true, Expansion{});
  const std::string description = relaxed.query.get_description();
  EXPECT_NE(description.find(" OR "), std::string::npos) << description;
  EXPECT_EQ(description.find(" AND "), std::string::npos) << description;
}

TEST(QueryBuilder, PhraseIsOverExactTerms) {
  const BuiltQuery built = build("\"air base\"");
  EXPECT_EQ(terms_of(built.query), (Terms{"air", "base"}));
  EXPECT_NE(built.query.get_description().find("air PHRASE 2 base"), std::string::npos)
      << built.query.get_description();
}

TEST(QueryBuilder, PhraseLeavesTheStopwordsPlacesOpen) {
  // Stopwords have no positions in the index: the phrase is over the other
  // words, in a window as wide as from the first of them to the last.
  const BuiltQuery built = build("\"the port of Tartus\"");
  EXPECT_EQ(terms_of(built.query), (Terms{"port", "tartus"}));
  EXPECT_NE(built.query.get_description().find("port PHRASE 3 tartus"), std::string::npos)
      << built.query.get_description();
  // A phrase of stopwords only: the words, anywhere.
  const std::string only = build("\"it is not\"").query.get_description();
  EXPECT_EQ(only.find("PHRASE"), std::string::npos) << only;
  EXPECT_EQ(terms_of(build("\"it is not\"").query), (Terms{"it", "is", "not"}));
}

TEST(QueryBuilder, StopwordsAreDroppedFromFreeText) {
  EXPECT_EQ(terms_of(build("the port of Tartus").query), (Terms{"port", "ports", "tartus"}));
  const Terms russian = terms_of(build("порт в Тартусе").query);
  EXPECT_FALSE(russian.count("в"));
  EXPECT_TRUE(russian.count("тартусе"));
}

TEST(QueryBuilder, StopwordsOnlyQueryKeepsThem) {
  const Terms terms = terms_of(build("the who").query);
  EXPECT_TRUE(terms.count("the"));
  EXPECT_TRUE(terms.count("who"));
}

TEST(QueryBuilder, HyphenatedWordIsCompoundOrPhraseOfParts) {
  const BuiltQuery built = build("al-Sharaa");
  const Terms terms = terms_of(built.query);
  EXPECT_TRUE(terms.count("al")) << built.query.get_description();
  EXPECT_TRUE(terms.count("sharaa")) << built.query.get_description();
  EXPECT_GE(terms.size(), 3u) << built.query.get_description();  // plus the compound
  EXPECT_NE(built.query.get_description().find("al PHRASE 2 sharaa"), std::string::npos)
      << built.query.get_description();
}

TEST(QueryBuilder, ExclusionIsAndNot) {
  const std::string description = description_of("port -Tartus");
  EXPECT_NE(description.find("AND_NOT"), std::string::npos) << description;
  EXPECT_NE(description.find("tartus"), std::string::npos) << description;
}

TEST(QueryBuilder, ExcludedWordsAreNotHighlighted) {
  const BuiltQuery built = build("port -Tartus");
  EXPECT_TRUE(built.forms.words.count("port"));
  EXPECT_FALSE(built.forms.words.count("tartus"));
}

TEST(QueryBuilder, PureExclusionSearchesEverythingElse) {
  const std::string description = description_of("-Tartus");
  EXPECT_NE(description.find("<alldocuments> AND_NOT"), std::string::npos) << description;
}

TEST(QueryBuilder, OrJoinsAlternatives) {
  const BuiltQuery built = build("Tartus OR Тартус");
  EXPECT_EQ(built.and_groups, 1u);
  EXPECT_NE(built.query.get_description().find(" OR "), std::string::npos);
  EXPECT_TRUE(terms_of(built.query).count("тартус"));
}

TEST(QueryBuilder, FieldFiltersAreBooleanFilters) {
  const std::string lang = description_of("lang:ru Тартус");
  EXPECT_NE(lang.find("FILTER Lru"), std::string::npos) << lang;
  const std::string source = description_of("source:\"Moscow Times\" port");
  EXPECT_NE(source.find("FILTER Bmoscow times"), std::string::npos) << source;
  const std::string either = description_of("lang:en lang:ru port");
  EXPECT_NE(either.find("FILTER (Len OR Lru)"), std::string::npos) << either;
}

TEST(QueryBuilder, TitleFieldUsesTitleTerms) {
  EXPECT_EQ(terms_of(build("title:ports").query), (Terms{"Sports", "Sport"}));
  // The stem dictionary lists body words; a title search takes their S terms.
  EXPECT_EQ(terms_of(build("title:port").query), (Terms{"Sport", "Sports"}));
  const std::string phrase = description_of("title:\"air base\"");
  EXPECT_NE(phrase.find("Sair PHRASE 2 Sbase"), std::string::npos) << phrase;
}

TEST(QueryBuilder, FormsMapAWordAndItsStemToOneQueryWord) {
  const BuiltQuery built = build("sanctions Тартус");
  ASSERT_TRUE(built.forms.words.count("sanctions"));
  ASSERT_TRUE(built.forms.stems.count("sanction"));
  EXPECT_EQ(built.forms.words.at("sanctions"), built.forms.stems.at("sanction"));
  EXPECT_NE(built.forms.words.at("sanctions"), built.forms.words.at("тартус"));
}

TEST(QueryBuilder, EmptyQueryBuildsNothing) {
  EXPECT_TRUE(build("").query.empty());
  EXPECT_TRUE(build("  ").query.empty());
}

BuiltQuery build_expanded(const std::string& text) {
  return build_query(parse_query(text).root, /*relax=*/false, Expansion{/*lexicon=*/true, /*names=*/nullptr});
}

TEST(QueryBuilderLexicon, KnownRussianNameTakesOnlyTheWordsOfItsStemThatCouldBeItsCaseForms) {
  const Expansion expansion{/*lexicon=*/true, /*names=*/nullptr, &stem_dictionary()};
  const auto terms = [&](const std::string& text) {
    return terms_of(build_query(parse_query(text).root, false, expansion).query);
  };
  const Terms syria = terms("Сирия");
  EXPECT_TRUE(syria.count("сирия"));
  EXPECT_TRUE(syria.count("сирии"));
  EXPECT_TRUE(syria.count("сирией"));
  EXPECT_FALSE(syria.count("сирые"));
  EXPECT_FALSE(syria.count("сирых"));
  EXPECT_FALSE(syria.count("сирая"));
  // Typed in another case, the name still reaches its other forms.
  const Terms instrumental = terms("Стройтрансгазом");
  EXPECT_TRUE(instrumental.count("стройтрансгаз"));
  EXPECT_TRUE(instrumental.count("стройтрансгаза"));
  // Snippets highlight the name's forms, not every word of its stem.
  const BuiltQuery built = build_query(parse_query("Сирия").root, false, expansion);
  EXPECT_TRUE(built.forms.words.count("сирии"));
  EXPECT_FALSE(built.forms.words.count("сирые"));
  EXPECT_FALSE(built.forms.stems.count("сир"));
  // A title search takes the title terms of the same forms.
  const Terms title = terms("title:Сирия");
  EXPECT_TRUE(title.count("Sсирии"));
  EXPECT_FALSE(title.count("Sсирые"));
  // The Russian member of an English name's alias group, the same way,
  // although its stem is short.
  const Terms english = terms("Syria");
  EXPECT_TRUE(english.count("сирии"));
  EXPECT_FALSE(english.count("сирые"));
  // A word the alias table does not know keeps every word of its stem.
  const Terms road = terms("Дорога");
  EXPECT_TRUE(road.count("дороги"));
  EXPECT_TRUE(road.count("дорогой"));
}

TEST(QueryBuilderLexicon, MultiWordTermIsOneGroupReachingItsEquivalents) {
  const BuiltQuery built = build_expanded("air base");
  EXPECT_EQ(built.and_groups, 1u);
  const Terms terms = terms_of(built.query);
  // The topic's other terms are reached through its mention term, one
  // posting list, not dozens of terms and phrases...
  for (const std::string term : {"air", "base", "Wbases"})
    EXPECT_TRUE(terms.count(term)) << term << " in " << built.query.get_description();
  for (const std::string term : {"airbase", "авиабаза", "база"})
    EXPECT_FALSE(terms.count(term)) << term << " in " << built.query.get_description();
  // The words as typed are the group; the other names only reach the
  // articles without them. The phrase as typed is no other name: every
  // article with it has both words, so it is never tested there.
  const std::string description = built.query.get_description();
  EXPECT_NE(description.find("(Wbases AND_NOT (air AND"), std::string::npos) << description;
  EXPECT_EQ(description.find("PHRASE"), std::string::npos) << description;
  // ...and they stay forms of the query, for highlighting and --explain.
  for (const std::string word : {"airbase", "авиабаза", "военная", "база"})
    EXPECT_TRUE(built.forms.words.count(word)) << word;
}

TEST(QueryBuilderLexicon, AliasPhraseWithAWordOfTheGroupIsLeftOut) {
  // "Vladimir Putin" is an alias of Putin, but every article with it has
  // "putin", already a form of the group: the phrase would only cost
  // position reads. Its words stay forms, for highlighting.
  const BuiltQuery built = build_expanded("Putin");
  const Terms terms = terms_of(built.query);
  for (const std::string term : {"putin", "путин", "بوتين"})
    EXPECT_TRUE(terms.count(term)) << term << " in " << built.query.get_description();
  EXPECT_FALSE(terms.count("vladimir")) << built.query.get_description();
  EXPECT_TRUE(built.forms.words.count("vladimir"));
}

TEST(QueryBuilderLexicon, TitleWordKeepsTheTopicTermsThemselves) {
  // Mention terms count the whole article, so a title search spells them out.
  const Terms terms = terms_of(build_expanded("title:sanctions").query);
  EXPECT_FALSE(terms.count("Wsanctions"));
  EXPECT_TRUE(terms.count("Sembargo"));
  EXPECT_TRUE(terms.count("Sсанкции"));
}

TEST(QueryBuilderLexicon, SpanCountsOnceAmongOtherWords) {
  EXPECT_EQ(build_expanded("naval base contract").and_groups, 2u);
  EXPECT_EQ(build_expanded("Hayat Tahrir al-Sham Russia").and_groups, 2u);
  // Without the lexicon every word is its own group.
  EXPECT_EQ(build("naval base contract").and_groups, 3u);
}

TEST(QueryBuilderLexicon, WordsOfATitleOrQuotedPhraseAreNoSpan) {
  EXPECT_EQ(terms_of(build_expanded("\"air base\"").query).count("airbase"), 0u);
  EXPECT_EQ(build_expanded("title:air base").and_groups, 2u);
}

TEST(QueryBuilderLexicon, SpanEquivalentsAreFormsOfTheWholeSpan) {
  const BuiltQuery built = build_expanded("закон Цезаря");
  EXPECT_TRUE(built.forms.words.count("закон"));
  EXPECT_TRUE(built.forms.words.count("цезаря"));
  ASSERT_TRUE(built.forms.words.count("caesar"));
  EXPECT_EQ(built.forms.word_routes.at("caesar"), "alias");
  EXPECT_EQ(built.forms.query_words.at(built.forms.words.at("caesar")), "закон цезаря");
}

TEST(QueryBuilderLexicon, AmbiguousNameIsWeighedDownWithoutItsContext) {
  const BuiltQuery built = build_expanded("Асад");
  const std::string description = built.query.get_description();
  // The context is the indexer's one context term, not its words.
  EXPECT_TRUE(terms_of(built.query).count("Cасад")) << description;
  EXPECT_FALSE(terms_of(built.query).count("башар")) << description;
  // Everywhere at kWithoutContextWeight, all of it where the context is:
  // 0.2 * (group AND_MAYBE 4 * (group FILTER context)).
  EXPECT_EQ(description.rfind("Query(0.2", 0), 0u) << description;
  EXPECT_NE(description.find(" AND_MAYBE 4 * ("), std::string::npos) << description;
  EXPECT_NE(description.find(" FILTER "), std::string::npos) << description;
  // In a title, the context words themselves, as title terms.
  const Terms title = terms_of(build_expanded("title:Асад").query);
  EXPECT_TRUE(title.count("Sбашар"));
  EXPECT_FALSE(title.count("Cасад"));
  // An unambiguous name is left alone.
  EXPECT_EQ(build_expanded("Damascus").query.get_description().find("AND_MAYBE"), std::string::npos);
}

TEST(QueryBuilderOptions, LanguagesFilter) {
  SearchOptions options;
  options.languages = {"ru", "ar"};
  const std::string description = apply_options(build("port").query, options).get_description();
  EXPECT_NE(description.find("FILTER (Lru OR Lar)"), std::string::npos) << description;
}

TEST(QueryBuilderOptions, DateRangeUsesTheDateValue) {
  SearchOptions options;
  options.since = "2025-01-01";
  options.until = "2025-01-31";
  const std::string both = apply_options(build("port").query, options).get_description();
  EXPECT_NE(both.find("VALUE_RANGE 0 20250101 20250131"), std::string::npos) << both;

  options.until.clear();
  const std::string since = apply_options(build("port").query, options).get_description();
  EXPECT_NE(since.find("VALUE_GE 0 20250101"), std::string::npos) << since;

  options.since.clear();
  options.until = "2024-12-31";
  const std::string until = apply_options(build("port").query, options).get_description();
  EXPECT_NE(until.find("VALUE_LE 0 20241231"), std::string::npos) << until;
}

TEST(QueryBuilderOptions, BadOptionsAreUsageErrors) {
  SearchOptions options;
  options.languages = {"fr"};
  EXPECT_THROW(apply_options(build("port").query, options), UsageError);
  options.languages.clear();
  options.since = "01/02/2025";
  try {
    apply_options(build("port").query, options);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("YYYY-MM-DD"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace akhbar::query::detail
