// Cross-script matching end to end: a small database with one name in three
// scripts and its look-alikes, indexed with the real indexer (which files the
// name-key dictionary) and searched through the public API. Each line of a
// table is a query and the articles it must and must not find.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "akhbar/analysis/cross_script.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/searcher.h"
#include "query/news_fixture.h"

namespace akhbar::query {
namespace {

using testing::make_article;
using testing::TempDir;
using Ids = std::vector<std::string>;

std::vector<corpus::Article> names_articles() {
  return {
      make_article("en-khmeimim", "en", "2025-01-10", "Wire", "Aircraft leave the coast",
                   {"Two transport aircraft left Khmeimim on Monday, officials said."}),
      make_article("en-hmeimim", "en", "2025-01-11", "Wire", "Flights resume",
                   {"Flights at the Hmeimim airfield resumed after a week of storms."}),
      make_article("ru-khmeimim", "ru", "2025-01-12", "Вестник", "Рейсы возобновлены",
                   {"Транспортные самолёты приземлились на Хмеймиме во вторник."}),
      make_article("ar-khmeimim", "ar", "2025-01-13", "المرصد", "هبوط طائرات",
                   {"هبطت طائرتا نقل في قاعدة حميميم يوم الثلاثاء."}),
      make_article("en-qardaha", "en", "2025-02-01", "Wire", "Town council meets",
                   {"The council of Qardaha met to discuss the water network."}),
      make_article("ru-qardaha", "ru", "2025-02-02", "Вестник", "Совет собрался",
                   {"Совет города Кардаха обсудил водопровод."}),
      make_article("ar-qardaha", "ar", "2025-02-03", "المرصد", "اجتماع المجلس",
                   {"ناقش مجلس مدينة القرداحة شبكة المياه."}),
      make_article("en-hama", "en", "2025-03-01", "Wire", "Waterwheels turn again",
                   {"The norias of Hama turned again after repairs by local craftsmen."}),
      make_article("en-hamas", "en", "2025-03-02", "Wire", "Delegation visits",
                   {"A delegation of Hamas held talks with mediators on Sunday."}),
      make_article("ar-hama", "ar", "2025-03-03", "المرصد", "النواعير",
                   {"عادت النواعير إلى الدوران في مدينة حماة بعد الترميم."}),
      make_article("ar-hamas", "ar", "2025-03-04", "المرصد", "وفد",
                   {"التقى وفد من حماس بالوسطاء يوم الأحد."}),
      make_article("en-homs", "en", "2025-03-05", "Wire", "Market reopens",
                   {"The old market of Homs reopened to shoppers."}),
      make_article("en-hormuz", "en", "2025-03-06", "Wire", "Patrols increase",
                   {"Patrols in the Strait of Hormuz were stepped up."}),
      make_article("en-tartu", "en", "2025-04-01", "Wire", "University anniversary",
                   {"The university in Tartu celebrated its anniversary."}),
      make_article("ru-tartus", "ru", "2025-04-02", "Вестник", "Порт",
                   {"Контракт на порт в Тартусе расторгнут."}),
      make_article("ar-tartus", "ar", "2025-04-03", "المرصد", "ميناء",
                   {"ألغيت اتفاقية الميناء لطرطوس."}),
      make_article("en-sharaa", "en", "2025-05-01", "Wire", "President speaks",
                   {"President Ahmed al-Sharaa spoke to reporters."}),
      make_article("ar-sharaa", "ar", "2025-05-02", "المرصد", "تصريح",
                   {"تحدث الرئيس أحمد الشرع إلى الصحفيين."}),
      make_article("en-sharia", "en", "2025-05-03", "Wire", "Courts",
                   {"Scholars debated how sharia courts handle contracts."}),
  };
}

class CrossScriptTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    indexer::IndexWriter writer(db_path());
    for (const auto& article : names_articles())
      if (!writer.add(article)) throw std::runtime_error("not indexed: " + article.id);
    writer.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db_path() { return dir_->path("names.db"); }

  Ids ids(const std::string& query, SearchOptions options = {}) {
    options.limit = 50;
    Ids out;
    for (const Hit& hit : searcher_.search(query, options).hits) out.push_back(hit.id);
    return out;
  }

  Hit hit_for(const std::string& query, const std::string& id, SearchOptions options = {}) {
    options.limit = 50;
    for (Hit& hit : searcher_.search(query, options).hits)
      if (hit.id == id) return hit;
    ADD_FAILURE() << query << " did not find " << id;
    return {};
  }

  static inline TempDir* dir_ = nullptr;
  Searcher searcher_{db_path()};
};

struct Row {
  std::string query;
  Ids must_find;
  Ids must_not_find;
};

bool contains(const Ids& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST_F(CrossScriptTest, OneNameFindsEverySpellingAndNoLookAlike) {
  const std::vector<Row> table = {
      {"Khmeimim", {"en-khmeimim", "en-hmeimim", "ru-khmeimim", "ar-khmeimim"}, {}},
      {"Хмеймим", {"en-khmeimim", "en-hmeimim", "ru-khmeimim", "ar-khmeimim"}, {}},
      {"حميميم", {"en-khmeimim", "en-hmeimim", "ru-khmeimim", "ar-khmeimim"}, {}},
      {"Qardaha", {"en-qardaha", "ru-qardaha", "ar-qardaha"}, {}},
      {"Кардаха", {"en-qardaha", "ru-qardaha", "ar-qardaha"}, {}},
      {"القرداحة", {"en-qardaha", "ru-qardaha", "ar-qardaha"}, {}},
      {"Hama", {"en-hama", "ar-hama"}, {"en-hamas", "ar-hamas", "en-homs"}},
      {"حماة", {"en-hama", "ar-hama"}, {"en-hamas", "ar-hamas", "en-homs"}},
      {"Hamas", {"en-hamas", "ar-hamas"}, {"en-hama", "ar-hama", "en-homs"}},
      {"Homs", {"en-homs"}, {"en-hormuz", "en-hamas", "ar-hamas", "en-hama"}},
      {"Tartus", {"ru-tartus", "ar-tartus"}, {"en-tartu"}},
      {"Tartu", {"en-tartu"}, {"ru-tartus", "ar-tartus"}},
      {"al-Sharaa", {"en-sharaa", "ar-sharaa"}, {"en-sharia"}},
      {"الشرع", {"en-sharaa", "ar-sharaa"}, {"en-sharia"}},
      {"sharia", {"en-sharia"}, {"en-sharaa", "ar-sharaa"}},
  };
  for (const Row& row : table) {
    const Ids found = ids(row.query);
    for (const std::string& id : row.must_find) EXPECT_TRUE(contains(found, id)) << row.query << " -> " << id;
    for (const std::string& id : row.must_not_find)
      EXPECT_FALSE(contains(found, id)) << row.query << " must not find " << id;
  }
}

TEST_F(CrossScriptTest, ExactSpellingRanksAboveVariants) {
  EXPECT_EQ(ids("Hmeimim").front(), "en-hmeimim");
  EXPECT_EQ(ids("Khmeimim").front(), "en-khmeimim");
  EXPECT_EQ(ids("حميميم").front(), "ar-khmeimim");
}

TEST_F(CrossScriptTest, ExactScriptMatchesOnlyAsWritten) {
  SearchOptions exact;
  exact.exact_script = true;
  EXPECT_EQ(ids("Хмеймим", exact), Ids{"ru-khmeimim"});
  EXPECT_EQ(ids("حميميم", exact), Ids{"ar-khmeimim"});
  EXPECT_EQ(ids("Qardaha", exact), Ids{"en-qardaha"});
}

TEST_F(CrossScriptTest, LowerCaseCommonWordsAreNotTransliterated) {
  // "council" and "water" are not names: no Arabic or Russian article may
  // come back through keys (topics may bring in translations: not here).
  const Ids found = ids("council");
  EXPECT_EQ(found, Ids{"en-qardaha"});
}

TEST_F(CrossScriptTest, LowerCaseNameKnownToTheIndexIsTransliterated) {
  const Ids found = ids("qardaha");
  EXPECT_TRUE(contains(found, "ar-qardaha"));
  EXPECT_TRUE(contains(found, "ru-qardaha"));
}

TEST_F(CrossScriptTest, SnippetHighlightsTheWordAsTheArticleWritesIt) {
  const Hit arabic = hit_for("Qardaha", "ar-qardaha");
  EXPECT_NE(mark_highlights(arabic.snippet, arabic.highlights, "[", "]").find("[القرداحة]"),
            std::string::npos)
      << arabic.snippet;
  const Hit russian = hit_for("حميميم", "ru-khmeimim");
  EXPECT_NE(mark_highlights(russian.snippet, russian.highlights, "[", "]").find("[Хмеймиме]"),
            std::string::npos)
      << russian.snippet;
}

TEST_F(CrossScriptTest, ExplainNamesTheRouteOfEachMatch) {
  SearchOptions options;
  options.explain = true;
  const Hit arabic = hit_for("Qardaha", "ar-qardaha", options);
  EXPECT_NE(std::find(arabic.matches.begin(), arabic.matches.end(),
                      Match{"qardaha", "القرداحه", "transliteration"}),
            arabic.matches.end());
  const Hit english = hit_for("Qardaha", "en-qardaha", options);
  EXPECT_EQ(english.matches, (std::vector<Match>{{"qardaha", "qardaha", "exact"}}));
  const Hit russian = hit_for("Тартус", "ru-tartus", options);
  EXPECT_EQ(russian.matches, (std::vector<Match>{{"тартус", "тартусе", "stem"}}));
  const Hit clitic = hit_for("Tartus", "ar-tartus", options);
  EXPECT_EQ(clitic.matches, (std::vector<Match>{{"tartus", "لطرطوس", "transliteration"}}));
  EXPECT_EQ(hit_for("Tartus", "ar-tartus").matches, std::vector<Match>{});  // explain off
}

TEST_F(CrossScriptTest, IndexFilesNameLikeWordsOnly) {
  Xapian::Database db(db_path());
  // Whether `word` is listed under the skeleton of its first key.
  auto filed = [&](const std::string& word) {
    const analysis::NameKeys keys = analysis::name_keys(word);
    if (keys.keys.empty()) return false;
    const std::string key =
        std::string(indexer::schema::kNameKeyPrefix) + analysis::key_skeleton(keys.keys.front());
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it)
      if (*it == word) return true;
    return false;
  };
  for (const std::string word : {"khmeimim", "hmeimim", "хмеймиме", "حميميم", "لطرطوس", "sharaa"})
    EXPECT_TRUE(filed(word)) << word;
  // Lower-case English words and capitals that only open a sentence or a
  // title are no names.
  for (const std::string word : {"council", "norias", "flights", "scholars", "patrols", "waterwheels"})
    EXPECT_FALSE(filed(word)) << word;
}

// Multi-word names and topic terms, and names that are also something else.
std::vector<corpus::Article> phrase_articles() {
  return {
      make_article("en-airbase", "en", "2025-06-01", "Wire", "Aircraft leave",
                   {"Russian aircraft left the air base near the coast on Monday."}),
      make_article("ru-airbase", "ru", "2025-06-02", "Вестник", "Самолёты улетели",
                   {"Российские самолёты покинули авиабазу у побережья."}),
      make_article("en-fresh-air", "en", "2025-06-03", "Wire", "Spring weather",
                   {"Fresh air and sunshine returned to the city this week."}),
      make_article("en-caesar", "en", "2025-06-04", "Wire", "Law extended",
                   {"Congress extended the Caesar Act for another year."}),
      make_article("ru-caesar", "ru", "2025-06-05", "Вестник", "Закон продлён",
                   {"Конгресс продлил закон Цезаря ещё на год."}),
      make_article("ar-caesar", "ar", "2025-06-06", "المرصد", "تمديد",
                   {"مدد الكونغرس قانون قيصر لعام آخر."}),
      make_article("en-salad", "en", "2025-06-07", "Wire", "Menu",
                   {"A Caesar salad is on the menu of the new restaurant."}),
      make_article("en-hts", "en", "2025-06-08", "Wire", "City taken",
                   {"Hayat Tahrir al-Sham fighters took the city overnight."}),
      make_article("ru-hts", "ru", "2025-06-09", "Вестник", "Город взят",
                   {"Боевики Хайят Тахрир аш-Шам ночью заняли город."}),
      make_article("ar-hts", "ar", "2025-06-10", "المرصد", "السيطرة على المدينة",
                   {"سيطرت هيئة تحرير الشام على المدينة ليلا."}),
      make_article("ru-asad-football", "ru", "2025-07-01", "Спорт", "Дубль Асада",
                   {"Нападающий Асад Рахимов забил два мяча, и Асад стал героем матча. Асад доволен."}),
      make_article("ru-assad", "ru", "2025-07-02", "Вестник", "Год спустя",
                   {"Год назад режим Башара Асада пал, и Асад улетел из Дамаска."}),
      make_article("ar-lion", "ar", "2025-07-03", "المرصد", "أشبال",
                   {"ولدت ثلاثة أشبال من الأسد الأطلسي في حديقة الحيوانات، والأسد بصحة جيدة."}),
      make_article("ar-assad", "ar", "2025-07-04", "المرصد", "سقوط",
                   {"غادر بشار الأسد دمشق بعد سقوط حكمه."}),
      make_article("ar-sharia", "ar", "2025-07-05", "المرصد", "ندوة",
                   {"ناقش القضاة أحكام الشرع في الزواج، وقالوا إن الشرع واضح في الميراث."}),
      make_article("ar-sharaa", "ar", "2025-07-06", "المرصد", "تصريح",
                   {"قال الشرع إن سوريا ستتعافى."}),
  };
}

class PhraseAndContextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    indexer::IndexWriter writer(db_path());
    for (const auto& article : phrase_articles())
      if (!writer.add(article)) throw std::runtime_error("not indexed: " + article.id);
    writer.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db_path() { return dir_->path("phrases.db"); }

  Ids ids(const std::string& query) {
    SearchOptions options;
    options.limit = 50;
    Ids out;
    for (const Hit& hit : searcher_.search(query, options).hits) out.push_back(hit.id);
    return out;
  }

  static inline TempDir* dir_ = nullptr;
  Searcher searcher_{db_path()};
};

TEST_F(PhraseAndContextTest, MultiWordNameOrTermFindsItsEquivalentsInEveryLanguage) {
  const std::vector<Row> table = {
      {"air base", {"en-airbase", "ru-airbase"}, {"en-fresh-air"}},
      {"авиабаза", {"en-airbase", "ru-airbase"}, {"en-fresh-air"}},
      {"Caesar Act", {"en-caesar", "ru-caesar", "ar-caesar"}, {"en-salad"}},
      {"закон Цезаря", {"en-caesar", "ru-caesar", "ar-caesar"}, {"en-salad"}},
      {"قانون قيصر", {"en-caesar", "ru-caesar", "ar-caesar"}, {"en-salad"}},
      {"Hayat Tahrir al-Sham", {"en-hts", "ru-hts", "ar-hts"}, {}},
      {"هيئة تحرير الشام", {"en-hts", "ru-hts", "ar-hts"}, {}},
      {"Хайят Тахрир аш-Шам", {"en-hts", "ru-hts", "ar-hts"}, {}},
  };
  for (const Row& row : table) {
    const Ids found = ids(row.query);
    for (const std::string& id : row.must_find) EXPECT_TRUE(contains(found, id)) << row.query << " -> " << id;
    for (const std::string& id : row.must_not_find)
      EXPECT_FALSE(contains(found, id)) << row.query << " must not find " << id;
  }
}

TEST_F(PhraseAndContextTest, SpanAsTypedRanksAboveItsEquivalents) {
  EXPECT_EQ(ids("air base").front(), "en-airbase");
  EXPECT_EQ(ids("закон Цезаря").front(), "ru-caesar");
  EXPECT_EQ(ids("Caesar Act").front(), "en-caesar");
}

TEST_F(PhraseAndContextTest, AmbiguousNameRanksItsContextFirst) {
  // Each query word is more frequent in the look-alike, which ranked it
  // first by term frequency alone.
  struct Trap {
    std::string query, meant, look_alike;
  };
  for (const Trap& trap : std::vector<Trap>{{"Асад", "ru-assad", "ru-asad-football"},
                                            {"الأسد", "ar-assad", "ar-lion"},
                                            {"الشرع", "ar-sharaa", "ar-sharia"}}) {
    const Ids found = ids(trap.query);
    ASSERT_FALSE(found.empty()) << trap.query;
    EXPECT_EQ(found.front(), trap.meant) << trap.query;
    const auto meant = std::find(found.begin(), found.end(), trap.meant);
    const auto look_alike = std::find(found.begin(), found.end(), trap.look_alike);
    EXPECT_LT(meant, look_alike) << trap.query;
  }
}

}  // namespace
}  // namespace akhbar::query
