// Query execution with snippets over a fixed synthetic index in three
// languages, built once at start-up. Every benchmarked query is first run to
// the end and its result count checked, so a broken index or parser shows as
// an error, not as a fast time.
//
//   query_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "akhbar/corpus/article.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/searcher.h"

namespace {

constexpr std::size_t kArticles = 3000;
/// One article in kMentionEvery mentions the port, in its language.
constexpr std::size_t kMentionEvery = 10;

const std::vector<std::string> kLangs = {"en", "ru", "ar"};

const std::vector<std::vector<std::string>> kVocabulary = {
    {"government", "ministry", "officials", "said", "talks", "trade", "security", "agreement",
     "shipping", "oil", "grain", "market", "province", "envoy", "report", "budget", "army",
     "border", "election", "currency"},
    {"правительство", "министерство", "чиновники", "заявили", "переговоры", "торговля",
     "безопасность", "соглашение", "судоходство", "нефть", "зерно", "рынок", "провинция",
     "посланник", "доклад", "бюджет", "армия", "граница", "выборы", "валюта"},
    {"الحكومة", "الوزارة", "المسؤولون", "قال", "المحادثات", "التجارة", "الأمن", "الاتفاق",
     "الشحن", "النفط", "الحبوب", "السوق", "المحافظة", "المبعوث", "التقرير", "الميزانية", "الجيش",
     "الحدود", "الانتخابات", "العملة"},
};

const std::vector<std::string> kMentions = {
    "The port of Tartus signed a new contract for the grain terminal.",
    "Порт в Тартусе подписал новый контракт на зерновой терминал.",
    "وقع ميناء طرطوس عقدا جديدا لمحطة الحبوب.",
};

/// A deterministic paragraph of `words` words of language `lang_index`.
std::string paragraph(std::size_t lang_index, std::uint64_t& seed, std::size_t words) {
  std::string text;
  const auto& vocabulary = kVocabulary[lang_index];
  for (std::size_t i = 0; i < words; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    text += (i == 0 ? "" : " ") + vocabulary[(seed >> 33) % vocabulary.size()];
  }
  return text + ".";
}

class BenchIndex {
 public:
  BenchIndex() {
    std::string pattern = (std::filesystem::temp_directory_path() / "akhbar-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    path_ = (dir_ / "bench.db").string();
    akhbar::indexer::IndexWriter writer(path_);
    std::uint64_t seed = 42;
    for (std::size_t i = 0; i < kArticles; ++i) {
      const std::size_t lang = i % kLangs.size();
      akhbar::corpus::Article article;
      article.id = "bench-" + std::to_string(i);
      article.lang = kLangs[lang];
      article.published = "2024-0" + std::to_string(1 + i % 9) + "-15";
      article.source = i % 2 == 0 ? "Wire A" : "Wire B";
      article.title = paragraph(lang, seed, 8);
      for (int p = 0; p < 4; ++p) article.paragraphs.push_back(paragraph(lang, seed, 60));
      if (i % kMentionEvery == 0) article.paragraphs[2] += " " + kMentions[lang];
      writer.add(article);
    }
    writer.commit();
  }
  ~BenchIndex() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

const BenchIndex& bench_index() {
  static const BenchIndex index;
  return index;
}

/// Articles of one language that mention the port.
constexpr std::size_t kMentionsPerLanguage = kArticles / kMentionEvery / 3;

struct BenchQuery {
  const char* name;
  const char* text;
  std::size_t expected;  ///< all matching articles
};

const std::vector<BenchQuery> kQueries = {
    {"en_word", "Tartus", kMentionsPerLanguage},
    {"ru_inflected", "Тартус", kMentionsPerLanguage},
    {"ar_word", "طرطوس", kMentionsPerLanguage},
    {"en_phrase", "\"grain terminal\"", kMentionsPerLanguage},
    {"or_scripts", "Tartus OR Тартус OR طرطوس", 3 * kMentionsPerLanguage},
    {"filtered", "Tartus OR Тартус lang:ru", kMentionsPerLanguage},
    {"common_words", "officials talks", kArticles / 3},
    {"malformed", "(\"Tartus contract", kMentionsPerLanguage},
};

/// Runs `query` to the end and checks its count; false with a reason if not.
bool check_count(akhbar::query::Searcher& searcher, const BenchQuery& query, std::string& error) {
  akhbar::query::SearchOptions all;
  all.limit = kArticles;
  const std::size_t found = searcher.search(query.text, all).hits.size();
  if (found == query.expected) return true;
  error = std::string(query.name) + ": expected " + std::to_string(query.expected) + " hits, got " +
          std::to_string(found);
  return false;
}

void BM_Search(benchmark::State& state, const BenchQuery& query) {
  akhbar::query::Searcher searcher(bench_index().path());
  std::string error;
  if (!check_count(searcher, query, error)) {
    state.SkipWithError(error.c_str());
    return;
  }
  akhbar::query::SearchOptions options;  // first page of 10, with snippets
  for (auto _ : state) {
    const auto results = searcher.search(query.text, options);
    benchmark::DoNotOptimize(results.hits.data());
    if (results.hits.size() != std::min<std::size_t>(10, query.expected)) {
      state.SkipWithError("wrong page size");
      break;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_SearchDeepPage(benchmark::State& state) {
  akhbar::query::Searcher searcher(bench_index().path());
  akhbar::query::SearchOptions options;
  options.offset = 90;
  for (auto _ : state) {
    const auto results = searcher.search("officials talks", options);
    if (results.hits.size() != 10) {
      state.SkipWithError("wrong page size");
      break;
    }
    benchmark::DoNotOptimize(results.hits.data());
  }
}
BENCHMARK(BM_SearchDeepPage);

const bool kRegistered = [] {
  for (const BenchQuery& query : kQueries)
    benchmark::RegisterBenchmark((std::string("BM_Search/") + query.name).c_str(), BM_Search, query);
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
