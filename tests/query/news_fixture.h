// A tiny news database in three languages, written with the real indexer
// into a temporary directory, for the query tests and the query benchmark.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "akhbar/corpus/article.h"
#include "akhbar/indexer/writer.h"
#include "indexer/temp_dir.h"

namespace akhbar::query::testing {

/// The same scratch directory the indexer tests use.
using TempDir = indexer::testing::TempDir;

inline corpus::Article make_article(std::string id, std::string lang, std::string published,
                                    std::string source, std::string title,
                                    std::vector<std::string> paragraphs) {
  corpus::Article article;
  article.id = std::move(id);
  article.url = "https://news.example/" + article.id;
  article.lang = std::move(lang);
  article.published = std::move(published);
  article.source = std::move(source);
  article.title = std::move(title);
  article.paragraphs = std::move(paragraphs);
  return article;
}

/// A paragraph of `words` words of filler that no test searches for.
inline std::string filler(std::size_t words, const std::string& word = "lorem") {
  std::string text;
  for (std::size_t i = 0; i < words; ++i) text += (i == 0 ? "" : " ") + word + std::to_string(i);
  return text;
}

/// The articles of the test database. Ids say what each is about.
inline std::vector<corpus::Article> news_articles() {
  return {
      make_article("en-tartus-port", "en", "2025-01-21", "Reuters", "Port contract at Tartus",
                   {"The port authority ended the contract for the Tartus terminal after a "
                    "review of its terms.",
                    "Shipping firms said the decision would not change traffic in the "
                    "eastern Mediterranean this winter."}),
      make_article("en-sanctions", "en", "2024-11-05", "Moscow Times",
                   "EU widens shipping measures",
                   {"Brussels announced new sanctions against tankers that carried Russian oil "
                    "above the price cap.",
                    "Officials said the sanctioned vessels would be barred from European ports."}),
      make_article("en-air-base", "en", "2024-12-10", "Moscow Times",
                   "Russia keeps its presence at Khmeimim",
                   {"Satellite images show aircraft still parked at the air base near Latakia.",
                    "Diplomats expect talks on the future of the facility to continue."}),
      make_article("en-airline", "en", "2024-12-12", "Reuters", "Airline resumes flights",
                   {"The national carrier said air traffic would rise and the base fare "
                    "would fall next month."}),
      make_article("en-sharaa", "en", "2025-01-05", "Reuters", "Ahmed al-Sharaa meets envoys",
                   {"Syria's interim leader al-Sharaa said the talks with foreign envoys "
                    "covered trade and security."}),
      make_article("en-hmeimim-long", "en", "2024-08-01", "Analyst Weekly",
                   "A long report on regional logistics",
                   {filler(60, "intro"),
                    filler(60, "before") + " Supply flights through Hmeimim doubled over the summer " +
                        filler(60, "after"),
                    filler(40, "closing")}),
      make_article("ru-tartus-port", "ru", "2025-01-22", "Интерфакс",
                   "Контракт на порт в Тартусе расторгнут",
                   {"Власти расторгли контракт с компанией, управлявшей портом в Тартусе."}),
      make_article("ru-sanctions", "ru", "2024-10-01", "Интерфакс", "Новые ограничения для флота",
                   {"Евросоюз ввёл новые санкции против танкеров теневого флота."}),
      make_article("ar-sanctions", "ar", "2024-09-15", "الجزيرة", "الاتحاد الأوروبي يوسع القيود",
                   {"أعلن الاتحاد الأوروبي توسيع نطاق والعقوبات المفروضة على ناقلات النفط."}),
      make_article("ar-tartus-port", "ar", "2025-02-01", "الجزيرة", "عقد ميناء طرطوس",
                   {"وقعت الحكومة عقدا لتشغيل ميناء طرطوس لمدة خمسين عاما."}),
  };
}

/// Writes news_articles() into a new database at `path`.
inline void build_news_database(const std::string& path) {
  indexer::IndexWriter writer(path);
  for (const auto& article : news_articles())
    if (!writer.add(article)) throw std::runtime_error("test article not indexed: " + article.id);
  writer.commit();
}

}  // namespace akhbar::query::testing
