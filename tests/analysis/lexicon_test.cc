// Tests of the alias groups and the topic lexicon: the shipped files, the
// lookups in every script, the file formats' errors and the user's additions.
#include "akhbar/analysis/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "akhbar/data_files.h"
#include "akhbar/error.h"
#include "lexicon_files.h"
#include "scoped_env.h"

namespace akhbar::analysis {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kDataDir = std::string(AKHBAR_SOURCE_DIR) + "/analysis/data";

const Lexicon& shipped() {
  static const Lexicon lexicon = Lexicon::load(kDataDir + "/aliases.txt", kDataDir + "/topics.txt");
  return lexicon;
}

/// The first analysed word of `text`, as a query or an article has it.
Token word(std::string_view text) {
  const auto tokens = news_analyzer().analyze(text);
  if (tokens.empty()) throw std::logic_error("no token in the test word");
  return tokens.front();
}

/// Entries as their words joined by spaces: "damascus", "ahmad al-sharaa".
std::vector<std::string> words_of(const std::vector<LexiconEntry>& entries) {
  std::vector<std::string> out;
  for (const LexiconEntry& entry : entries) {
    std::string joined;
    for (const std::string& w : entry.words) joined += (joined.empty() ? "" : " ") + w;
    out.push_back(joined);
  }
  return out;
}

std::vector<std::string> topics_in(std::string_view text, std::size_t min_hits) {
  return shipped().topics_of(news_analyzer().analyze(text), min_hits);
}

/// A fresh directory, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "akhbar-lexicon-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string path() const { return path_.string(); }
  std::string write(const std::string& name, const std::string& content) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  fs::path path_;
};

using test::ScopedEnv;

/// The message of the DataError that loading these files throws, or "".
std::string load_error(const std::string& aliases, const std::string& topics) {
  try {
    Lexicon::load(aliases, topics);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

// --- the shipped files ------------------------------------------------------

TEST(Lexicon, LoadsTheShippedFilesWithAllTheirTopics) {
  EXPECT_THAT(shipped().topic_names(),
              ElementsAre("bases", "contracts", "currency", "grain", "oil", "ports", "sanctions", "water"));
}

TEST(Lexicon, EmptyPathsLoadAnEmptyLexicon) {
  const Lexicon empty = Lexicon::load("", "");
  EXPECT_THAT(empty.topic_names(), ElementsAre());
  EXPECT_THAT(empty.aliases_of(word("Damascus")), ElementsAre());
  EXPECT_THAT(empty.topics_of(news_analyzer().analyze("sanctions and embargo")), ElementsAre());
}

TEST(Lexicon, MissingFileIsAnIoError) {
  EXPECT_THROW(Lexicon::load("/nonexistent/akhbar/aliases.txt", ""), IoError);
}

// --- aliases ----------------------------------------------------------------

TEST(LexiconAliases, RussianWordReachesEnglishAndArabic) {
  const auto aliases = words_of(shipped().aliases_of(word("дамаск")));
  EXPECT_THAT(aliases, AllOf(Contains("damascus"), Contains("دمشق"), Contains("dimashq")));
  EXPECT_THAT(aliases, Not(Contains("дамаск")));
}

TEST(LexiconAliases, InflectedRussianWordMatchesThroughItsStem) {
  const auto aliases = words_of(shipped().aliases_of(word("Дамаске")));
  EXPECT_THAT(aliases, AllOf(Contains("damascus"), Contains("دمشق")));
  // The member the stem matched is the word itself, not an alias of it.
  EXPECT_THAT(aliases, Not(Contains("дамаск")));
}

TEST(LexiconAliases, EnglishWordReachesRussianAndArabic) {
  const auto aliases = words_of(shipped().aliases_of(word("Damascus")));
  EXPECT_THAT(aliases, AllOf(Contains("дамаск"), Contains("دمشق")));
  EXPECT_THAT(aliases, Not(Contains("damascus")));
}

TEST(LexiconAliases, ArabicWordReachesEnglishAndRussian) {
  EXPECT_THAT(words_of(shipped().aliases_of(word("دمشق"))),
              AllOf(Contains("damascus"), Contains("дамаск")));
  // Tartus with a proclitic preposition: "in Tartus".
  EXPECT_THAT(words_of(shipped().aliases_of(word("بطرطوس"))),
              AllOf(Contains("tartus"), Contains("тартус")));
}

TEST(LexiconAliases, EntriesCarryLanguageAndOriginalSpelling) {
  const auto aliases = shipped().aliases_of(word("Хмеймим"));
  bool found_arabic = false;
  for (const LexiconEntry& entry : aliases) {
    if (entry.original == "حميميم") {
      found_arabic = true;
      EXPECT_EQ(entry.lang, "ar");
      EXPECT_THAT(entry.words, ElementsAre("حميميم"));
    }
    if (entry.original == "Hmeimim") {
      EXPECT_EQ(entry.lang, "en");
    }
  }
  EXPECT_TRUE(found_arabic);
}

TEST(LexiconAliases, MultiWordMembersKeepTheirWordsInOrder) {
  const auto aliases = words_of(shipped().aliases_of(word("Сирия")));
  EXPECT_THAT(aliases, AllOf(Contains("syrian arab republic"), Contains("syria"), Contains("سوريا")));
  // A hyphenated name is one word, as the index's compound term.
  EXPECT_THAT(words_of(shipped().aliases_of(word("Sharaa"))), Contains("ahmad al-sharaa"));
}

TEST(LexiconAliases, HamaAndHamasStayApart) {
  const auto hamas = words_of(shipped().aliases_of(word("Hamas")));
  EXPECT_THAT(hamas, Contains("حماس"));
  EXPECT_THAT(hamas, AllOf(Not(Contains("حماه")), Not(Contains("хама")), Not(Contains("hamah"))));

  const auto hama = words_of(shipped().aliases_of(word("Hama")));
  EXPECT_THAT(hama, AllOf(Contains("حماه"), Contains("хама"), Contains("hamah")));
  EXPECT_THAT(hama, AllOf(Not(Contains("حماس")), Not(Contains("хамас"))));

  // The Russian and Arabic sides too.
  EXPECT_THAT(words_of(shipped().aliases_of(word("ХАМАС"))), AllOf(Contains("hamas"), Not(Contains("hama"))));
  EXPECT_THAT(words_of(shipped().aliases_of(word("حماس"))), AllOf(Contains("hamas"), Not(Contains("hama"))));
}

TEST(LexiconAliases, OtherLookAlikesStayApart) {
  EXPECT_THAT(words_of(shipped().aliases_of(word("Homs"))), Not(Contains("hormuz")));
  EXPECT_THAT(words_of(shipped().aliases_of(word("Tartus"))), Not(Contains("tartu")));
  EXPECT_THAT(words_of(shipped().aliases_of(word("Tartu"))), AllOf(Contains("тарту"), Not(Contains("tartus"))));
}

TEST(LexiconAliases, WordOutsideEveryGroupHasNoAliases) {
  EXPECT_THAT(shipped().aliases_of(word("newspaper")), ElementsAre());
  EXPECT_THAT(shipped().aliases_of(word("газета")), ElementsAre());
}

// --- topic equivalents --------------------------------------------------------

TEST(LexiconTopics, RussianSanctionsReachEnglishAndArabic) {
  const auto equivalents = words_of(shipped().topic_equivalents(word("санкции")));
  EXPECT_THAT(equivalents, AllOf(Contains("sanctions"), Contains("عقوبات"), Contains("embargo")));
  EXPECT_THAT(equivalents, Not(Contains("санкции")));
  // Inflected: "of the sanctions".
  EXPECT_THAT(words_of(shipped().topic_equivalents(word("санкций"))), Contains("sanctions"));
}

TEST(LexiconTopics, BaseReachesRussianAndArabic) {
  const auto equivalents = words_of(shipped().topic_equivalents(word("base")));
  EXPECT_THAT(equivalents, AllOf(Contains("база"), Contains(normalize_word("قاعدة")), Contains("airbase")));
  EXPECT_THAT(equivalents, Not(Contains("base")));
  EXPECT_THAT(words_of(shipped().topic_equivalents(word("bases"))), Contains("база"));
}

TEST(LexiconTopics, ArabicWithArticleReachesEnglish) {
  EXPECT_THAT(words_of(shipped().topic_equivalents(word("العقوبات"))), Contains("sanctions"));
}

TEST(LexiconTopics, WordOutsideTheLexiconHasNoEquivalents) {
  EXPECT_THAT(shipped().topic_equivalents(word("newspaper")), ElementsAre());
  EXPECT_THAT(shipped().topic_equivalents(word("газета")), ElementsAre());
}

TEST(LexiconTopics, TopicsOfTextCountHitsAgainstTheThreshold) {
  const std::string text = "The sanctions regime and a new embargo closed the port.";
  // "sanctions regime" is one hit (the longest term), "embargo" another;
  // "port" is the only hit of ports.
  EXPECT_THAT(topics_in(text, 1), ElementsAre("ports", "sanctions"));
  EXPECT_THAT(topics_in(text, 2), ElementsAre("sanctions"));
  EXPECT_THAT(topics_in(text, 3), ElementsAre());
  // 0 is read as 1: a topic needs some term.
  EXPECT_THAT(topics_in(text, 0), ElementsAre("ports", "sanctions"));
}

TEST(LexiconTopics, TopicsOfRussianAndArabicTextMatchInflectedForms) {
  EXPECT_THAT(topics_in("Россия сохранит авиабазу и военную базу в Тартусе", 2), ElementsAre("bases"));
  EXPECT_THAT(topics_in("فرضت واشنطن العقوبات على دمشق وعقوبات جديدة", 2), ElementsAre("sanctions"));
}

TEST(LexiconTopics, TextWithoutTopicWordsHasNoTopics) {
  EXPECT_THAT(topics_in("The orchestra played Brahms in the old hall.", 1), ElementsAre());
  EXPECT_THAT(topics_in("", 1), ElementsAre());
}

// --- multi-word members and terms in a query ---------------------------------

/// `text` as the lexicon keys an entry: its analysed words (compound parts
/// left out) joined by spaces.
std::string normalised(std::string_view text) {
  std::string joined;
  for (const Token& token : news_analyzer().analyze(text))
    if (token.kind != Token::Kind::kPart) joined += (joined.empty() ? "" : " ") + token.text;
  return joined;
}

std::vector<LexiconMatch> phrases_in(std::string_view text) {
  return shipped().find_phrases(news_analyzer().analyze(text));
}

TEST(LexiconPhrases, TwoWordTopicTermIsOneSpanWithItsEquivalents) {
  const auto matches = phrases_in("air base");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].first, 0u);
  EXPECT_EQ(matches[0].last, 2u);
  EXPECT_EQ(matches[0].words, 2u);
  const auto terms = words_of(matches[0].topic_terms);
  EXPECT_THAT(terms, AllOf(Contains("airbase"), Contains("авиабаза"), Contains(normalised("قاعدة جوية")),
                           Contains("военная база"), Not(Contains("air base"))));
  EXPECT_THAT(matches[0].aliases, ElementsAre());
}

TEST(LexiconPhrases, InflectedRussianTermMatchesThroughStemsAndKeepsTheListedForm) {
  const auto matches = phrases_in("военной базы");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].words, 2u);
  // The term as listed is another spelling of what was typed.
  EXPECT_THAT(words_of(matches[0].topic_terms), AllOf(Contains("военная база"), Contains("air base")));
}

TEST(LexiconPhrases, MultiWordAliasReachesEveryScript) {
  const auto russian = phrases_in("закон Цезаря");
  ASSERT_EQ(russian.size(), 1u);
  EXPECT_THAT(words_of(russian[0].aliases),
              AllOf(Contains("caesar act"), Contains(normalised("قانون قيصر")), Not(Contains("закон цезаря"))));
  // Also a term of the sanctions topic.
  EXPECT_THAT(words_of(russian[0].topic_terms), AllOf(Contains("sanctions"), Contains("санкции")));

  const auto arabic = phrases_in("هيئة تحرير الشام");
  ASSERT_EQ(arabic.size(), 1u);
  EXPECT_EQ(arabic[0].words, 3u);
  EXPECT_THAT(words_of(arabic[0].aliases), AllOf(Contains("hayat tahrir al-sham"), Contains("hts")));
}

TEST(LexiconPhrases, LongestRunWinsAndRunsDoNotOverlap) {
  // "naval base" (bases), then "contract" alone is no span; "water
  // treatment plant" is one term of three words, not "water" + "plant".
  const auto matches = phrases_in("naval base contract water treatment plant");
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].first, 0u);
  EXPECT_EQ(matches[0].last, 2u);
  EXPECT_EQ(matches[1].first, 3u);
  EXPECT_EQ(matches[1].last, 6u);
  EXPECT_EQ(matches[1].words, 3u);
  EXPECT_THAT(words_of(matches[1].topic_terms), Contains("водоочистная станция"));
}

TEST(LexiconPhrases, CompoundPartsBelongToTheirWordsSpan) {
  const auto tokens = news_analyzer().analyze("Hayat Tahrir ash-Sham today");
  const auto matches = shipped().find_phrases(tokens);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].words, 3u);
  ASSERT_LT(matches[0].last, tokens.size());
  EXPECT_EQ(tokens[matches[0].last].text, "today");
}

TEST(LexiconPhrases, SingleWordsAndUnknownRunsAreNoSpans) {
  EXPECT_THAT(phrases_in("sanctions"), ElementsAre());
  EXPECT_THAT(phrases_in("Damascus"), ElementsAre());
  EXPECT_THAT(phrases_in("base air"), ElementsAre());
  EXPECT_THAT(phrases_in(""), ElementsAre());
  EXPECT_THAT(Lexicon::load("", "").find_phrases(news_analyzer().analyze("air base")), ElementsAre());
}

// --- ambiguous names ----------------------------------------------------------

TEST(LexiconContext, AmbiguousNameHasItsContextInEveryForm) {
  EXPECT_THAT(words_of(shipped().context_of(word("Асад"))), AllOf(Contains("башар"), Contains("сирия")));
  EXPECT_THAT(words_of(shipped().context_of(word("Асада"))), Contains("башар"));  // through the stem
  EXPECT_THAT(words_of(shipped().context_of(word("الأسد"))), Contains(normalised("بشار")));
  EXPECT_THAT(words_of(shipped().context_of(word("الشرع"))),
              AllOf(Contains(normalised("أحمد")), Contains(normalised("الرئيس السوري"))));
}

TEST(LexiconContext, UnambiguousWordsHaveNoContext) {
  EXPECT_THAT(shipped().context_of(word("Assad")), ElementsAre());
  EXPECT_THAT(shipped().context_of(word("Башар")), ElementsAre());
  EXPECT_THAT(shipped().context_of(word("Damascus")), ElementsAre());
}

TEST(LexiconContext, ContextsAreNamedByTheFirstNameOfTheirLine) {
  EXPECT_THAT(shipped().context_names(word("Асада")), ElementsAre("асад"));
  EXPECT_THAT(shipped().context_names(word("الاسد")), ElementsAre(normalised("الأسد")));
  EXPECT_THAT(shipped().context_names(word("Assad")), ElementsAre());
}

TEST(LexiconContext, ContextsInATextAreFoundByWordStemAndWholePhrase) {
  TempDir dir;
  const std::string path = dir.write(
      "aliases.txt", "ambiguous: Paris | Парис => France | Франция | Eiffel Tower\nambiguous: Jordan => Amman\n");
  const Lexicon lexicon = Lexicon::load(path, "");
  EXPECT_THAT(lexicon.contexts_in(news_analyzer().analyze("Paris is far from Amman")), ElementsAre("jordan"));
  EXPECT_THAT(lexicon.contexts_in(news_analyzer().analyze("from France to Amman")), ElementsAre("jordan", "paris"));
  EXPECT_THAT(lexicon.contexts_in(news_analyzer().analyze("во Франции")), ElementsAre("paris"));  // by stem
  EXPECT_THAT(lexicon.contexts_in(news_analyzer().analyze("the Eiffel Tower")), ElementsAre("paris"));
  EXPECT_THAT(lexicon.contexts_in(news_analyzer().analyze("the Eiffel bridge and a tower")), ElementsAre());
  EXPECT_THAT(lexicon.context_names(word("Парис")), ElementsAre("paris"));
}

TEST(LexiconContext, AmbiguousLineIsReadFromAFile) {
  TempDir dir;
  const std::string path = dir.write("aliases.txt",
                                     "Paris | Париж\nambiguous: Paris => France | Франция | Eiffel Tower\n");
  const Lexicon lexicon = Lexicon::load(path, "");
  EXPECT_THAT(words_of(lexicon.context_of(word("Paris"))), ElementsAre("france", "франция", "eiffel tower"));
  EXPECT_THAT(words_of(lexicon.aliases_of(word("Paris"))), ElementsAre("париж"));
}

TEST(LexiconFormat, MalformedAmbiguousLinesNameFileAndLine) {
  TempDir dir;
  const std::string no_arrow = dir.write("a.txt", "Paris | Париж\nambiguous: Paris | France\n");
  EXPECT_THAT(load_error(no_arrow, ""), AllOf(StartsWith(no_arrow + ":2: "), HasSubstr("=>")));
  const std::string two_words = dir.write("b.txt", "ambiguous: New York => USA\n");
  EXPECT_THAT(load_error(two_words, ""), AllOf(StartsWith(two_words + ":1: "), HasSubstr("one word")));
  const std::string empty = dir.write("c.txt", "ambiguous: Paris =>  | France\n");
  EXPECT_THAT(load_error(empty, ""), AllOf(StartsWith(empty + ":1: "), HasSubstr("empty context")));
}

// --- malformed files ----------------------------------------------------------

TEST(LexiconFormat, AliasGroupOfOneMemberNamesFileAndLine) {
  TempDir dir;
  const std::string path = dir.write("aliases.txt", "# comment\nDamascus | Дамаск\nTartus\n");
  const std::string message = load_error(path, "");
  EXPECT_THAT(message, StartsWith(path + ":3: "));
  EXPECT_THAT(message, HasSubstr("at least two members"));
}

TEST(LexiconFormat, EmptyAliasMemberIsRejected) {
  TempDir dir;
  const std::string path = dir.write("aliases.txt", "Damascus |  | Дамаск\n");
  EXPECT_THAT(load_error(path, ""), AllOf(StartsWith(path + ":1: "), HasSubstr("empty member")));
}

TEST(LexiconFormat, BarWithoutSpacesIsRejected) {
  TempDir dir;
  const std::string path = dir.write("aliases.txt", "Damascus | Дамаск|دمشق\n");
  EXPECT_THAT(load_error(path, ""), AllOf(StartsWith(path + ":1: "), HasSubstr("space, bar, space")));
}

TEST(LexiconFormat, MemberInTwoGroupsIsRejected) {
  TempDir dir;
  const std::string path = dir.write("aliases.txt", "Damascus | Дамаск\n\nDimashq | DAMASCUS\n");
  EXPECT_THAT(load_error(path, ""),
              AllOf(StartsWith(path + ":3: "), HasSubstr("already in the group on line 1")));
}

TEST(LexiconFormat, CommentsAndSpellingsThatNormaliseAlikeAreAccepted) {
  TempDir dir;
  const std::string path = dir.write("aliases.txt", "Hama | حماة | حماه   # two spellings\n");
  const Lexicon lexicon = Lexicon::load(path, "");
  EXPECT_THAT(words_of(lexicon.aliases_of(word("hama"))), ElementsAre("حماه"));
}

TEST(LexiconFormat, TopicLineWithTwoFieldsNamesFileAndLine) {
  TempDir dir;
  const std::string path = dir.write("topics.txt", "# topics\nbases\ten\tbase\nbases ru база\n");
  EXPECT_THAT(load_error("", path), AllOf(StartsWith(path + ":3: "), HasSubstr("TOPIC<TAB>LANG<TAB>terms")));
}

TEST(LexiconFormat, TopicLineErrorsAreReported) {
  TempDir dir;
  const std::string language = dir.write("language.txt", "bases\tfr\tbase\n");
  EXPECT_THAT(load_error("", language), AllOf(StartsWith(language + ":1: "), HasSubstr("\"fr\"")));
  const std::string name = dir.write("name.txt", "Bases\ten\tbase\n");
  EXPECT_THAT(load_error("", name), AllOf(StartsWith(name + ":1: "), HasSubstr("lower-case")));
  const std::string empty_term = dir.write("empty.txt", "bases\ten\tbase, , airbase\n");
  EXPECT_THAT(load_error("", empty_term), AllOf(StartsWith(empty_term + ":1: "), HasSubstr("empty term")));
  const std::string twice = dir.write("twice.txt", "bases\ten\tbase\n\nbases\ten\tairbase\n");
  EXPECT_THAT(load_error("", twice), AllOf(StartsWith(twice + ":3: "), HasSubstr("(line 1)")));
}

// --- where the files are, and the user's additions ------------------------------

TEST(DataFiles, TheDataDirectoryIsTheOneStagedBesideTheLibrary) {
  // The build tree mirrors the install layout: the library in BUILD/lib, its
  // data in BUILD/share/akhbar; never the source tree.
  const ScopedEnv data("AKHBAR_DATA_DIR", std::nullopt);
  EXPECT_EQ(fs::path(data_directory()), fs::path(AKHBAR_BUILD_DATA_DIR).lexically_normal());
  EXPECT_EQ(fs::canonical(data_path("aliases.txt")), fs::canonical(kDataDir + "/aliases.txt"));
  EXPECT_TRUE(fs::is_directory(data_path("samples")));
}

TEST(DataFiles, TheEnvironmentReplacesTheDataDirectory) {
  TempDir dir;
  const std::string topics = dir.write("topics.txt", "bases\ten\tbase\n");
  const ScopedEnv data("AKHBAR_DATA_DIR", dir.path());
  EXPECT_EQ(data_directory(), dir.path());
  EXPECT_EQ(data_path("topics.txt"), topics);
}

TEST(DataFiles, AMissingFileIsAnErrorNamingItAndWhereItWasLookedFor) {
  TempDir dir;
  {
    const ScopedEnv data("AKHBAR_DATA_DIR", dir.path());
    try {
      data_path("no-such-file.tsv");
      FAIL() << "no error for a missing data file";
    } catch (const IoError& e) {
      EXPECT_THAT(e.what(), AllOf(HasSubstr("no-such-file.tsv"), HasSubstr(dir.path()),
                                  HasSubstr("$AKHBAR_DATA_DIR")));
    }
  }
  const ScopedEnv data("AKHBAR_DATA_DIR", std::nullopt);
  try {
    data_path("no-such-file.tsv");
    FAIL() << "no error for a missing data file";
  } catch (const IoError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("no-such-file.tsv"), HasSubstr(data_directory()),
                                HasSubstr("libakhbar.so"), HasSubstr("AKHBAR_DATA_DIR")));
  }
}

TEST(LexiconFiles, BothShippedFilesComeFromTheDataDirectory) {
  TempDir dir;
  const std::string aliases = dir.write("aliases.txt", "Hama | حماة\n");
  const std::string topics = dir.write("topics.txt", "bases\ten\tbase\n");
  const ScopedEnv data("AKHBAR_DATA_DIR", dir.path());
  const auto files = detail::find_lexicon_files();
  EXPECT_EQ(files.aliases, aliases);
  EXPECT_EQ(files.topics, topics);
}

TEST(LexiconFiles, AMissingShippedFileIsAnErrorNotAnEmptyLexicon) {
  // Without aliases.txt every alias would be silently lost.
  TempDir dir;
  dir.write("topics.txt", "bases\ten\tbase\n");
  const ScopedEnv data("AKHBAR_DATA_DIR", dir.path());
  EXPECT_THROW(detail::find_lexicon_files(), IoError);
}

TEST(LexiconFiles, WithoutDataDirTheShippedFilesAreFound) {
  const ScopedEnv data("AKHBAR_DATA_DIR", std::nullopt);
  const auto files = detail::find_lexicon_files();
  EXPECT_EQ(files.aliases, data_directory() + "/aliases.txt");
  EXPECT_EQ(files.topics, data_directory() + "/topics.txt");
}

TEST(LexiconFiles, UserFilesComeFromXdgConfigHomeElseHome) {
  TempDir config;
  const std::string user_aliases = config.write("akhbar/aliases.txt", "Damascus | Damas\n");
  {
    const ScopedEnv xdg("XDG_CONFIG_HOME", config.path());
    const auto files = detail::find_lexicon_files();
    EXPECT_EQ(files.user_aliases, user_aliases);
    EXPECT_EQ(files.user_topics, "");  // no such file: nothing to load
  }
  TempDir home;
  const std::string home_topics = home.write(".config/akhbar/topics.txt", "bases\ten\tbase\n");
  const ScopedEnv xdg("XDG_CONFIG_HOME", std::nullopt);
  const ScopedEnv home_env("HOME", home.path());
  EXPECT_EQ(detail::find_lexicon_files().user_topics, home_topics);
}

// Lexicon::shared() loads once per process, so the check runs in a child
// process started afresh ("threadsafe" death tests re-execute the binary).
TEST(LexiconShared, UserFilesExtendTheShippedLexicon) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        TempDir config;
        config.write("akhbar/aliases.txt", "# mine\nDamascus | Damas | Dimashk\nTartous | Tartous city\n");
        config.write("akhbar/topics.txt",
                     "tobacco\ten\ttobacco, cigarette, hookah\nsanctions\ten\tsanctions-busting\n");
        ::setenv("XDG_CONFIG_HOME", config.path().c_str(), 1);
        ::unsetenv("AKHBAR_DATA_DIR");
        const Lexicon& lexicon = Lexicon::shared();
        const auto damascus = words_of(lexicon.aliases_of(word("دمشق")));
        const auto tartus = words_of(lexicon.aliases_of(word("Тартус")));
        const auto topics = lexicon.topic_names();
        const auto tags = lexicon.topics_of(news_analyzer().analyze("a hookah and a cigarette"), 2);
        const bool ok =
            std::find(damascus.begin(), damascus.end(), "damas") != damascus.end() &&
            std::find(damascus.begin(), damascus.end(), "damascus") != damascus.end() &&
            std::find(tartus.begin(), tartus.end(), "tartous city") != tartus.end() &&
            std::find(topics.begin(), topics.end(), "tobacco") != topics.end() &&
            std::find(topics.begin(), topics.end(), "sanctions") != topics.end() &&
            tags == std::vector<std::string>{"tobacco"} &&
            !words_of(lexicon.topic_equivalents(word("санкции"))).empty();
        std::cerr << (ok ? "extended" : "not extended") << '\n';
        std::exit(ok ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "extended");
}

}  // namespace
}  // namespace akhbar::analysis
