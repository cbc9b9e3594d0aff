// embed_search: indexes two articles into a database of its own and searches
// it, using only akhbar's public API.
//
//   embed_search DB_DIR QUERY...
#include <akhbar/corpus/article.h>
#include <akhbar/error.h>
#include <akhbar/indexer/writer.h>
#include <akhbar/query/searcher.h>

#include <iostream>
#include <string>

namespace {

akhbar::corpus::Article make_article(std::string id, std::string title, std::string lang,
                                     std::string published, std::string body) {
  akhbar::corpus::Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.lang = std::move(lang);
  article.published = std::move(published);
  article.paragraphs.push_back(std::move(body));
  return article;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: embed_search DB_DIR QUERY...\n";
    return 2;
  }
  try {
    {
      akhbar::indexer::IndexWriter writer(argv[1]);
      writer.add(make_article("port-1", "Port contract at Tartus", "en", "2025-01-21",
                              "The port authority ended the contract for the Tartus "
                              "terminal after a review of its terms."));
      writer.add(make_article("port-2", "Контракт на порт в Тартусе расторгнут", "ru",
                              "2025-01-22",
                              "Власти расторгли контракт с компанией, управлявшей портом "
                              "в Тартусе."));
      writer.commit();
    }

    std::string query;
    for (int i = 2; i < argc; ++i) query += std::string(i > 2 ? " " : "") + argv[i];

    akhbar::query::Searcher searcher(argv[1]);
    const auto results = searcher.search(query);
    std::cout << results.hits.size() << " hits\n";
    for (const auto& hit : results.hits) {
      std::cout << hit.rank << ". " << hit.id << " | " << hit.title << "\n   "
                << akhbar::query::mark_highlights(hit.snippet, hit.highlights, "[", "]")
                << "\n";
    }
    return 0;
  } catch (const akhbar::Error& e) {
    std::cerr << "embed_search: " << e.what() << "\n";
    return 1;
  }
}
