// Query execution with snippets over a fixed synthetic index in three
// languages, built once at start-up. Every benchmarked query is first run to
// the end and its result count checked, so a broken index or parser shows as
// an error, not as a fast time.
//
// BM_Snippet times the snippet of one hit alone (query/src/snippet.h, an
// internal header: see bench/CMakeLists.txt), without the search around it.
//
//   query_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "akhbar/corpus/article.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/searcher.h"
#include "query_builder.h"
#include "query_parser.h"
#include "snippet.h"

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

// A name in any script finds its mentions in all three languages (the
// alias table and the name keys), so the one-word queries match all of them.
const std::vector<BenchQuery> kQueries = {
    {"en_word", "Tartus", 3 * kMentionsPerLanguage},
    {"ru_inflected", "Тартус", 3 * kMentionsPerLanguage},
    {"ar_word", "طرطوس", 3 * kMentionsPerLanguage},
    {"en_phrase", "\"grain terminal\"", kMentionsPerLanguage},
    {"or_scripts", "Tartus OR Тартус OR طرطوس", 3 * kMentionsPerLanguage},
    {"filtered", "Tartus OR Тартус lang:ru", kMentionsPerLanguage},
    {"common_words", "officials talks", kArticles / 3},
    {"malformed", "(\"Tartus contract", 3 * kMentionsPerLanguage},
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

/// A hit's snippet in one language: a three-word query whose words the
/// hit's passages hold, some in other forms (Тартусе for Тартус).
struct SnippetCase {
  const char* name;
  std::size_t lang_index;
  const char* query;
};

const std::vector<SnippetCase> kSnippetCases = {
    {"en", 0, "Tartus grain terminal"},
    {"ru", 1, "Тартус зерно контракт"},
    {"ar", 2, "ميناء طرطوس الحبوب"},
};

/// Passages per hit, each of about passage_max_words (IndexOptions), the
/// longest the indexer stores.
constexpr std::size_t kSnippetPassages = 4;
constexpr std::size_t kPassageWords = 200;

/// The passages of one hit: vocabulary words, with the port sentence in the
/// middle of the second passage (the query's words also occur on their own
/// in the vocabulary, so that the window search has rivals to weigh).
std::vector<std::string> snippet_passages(std::size_t lang_index) {
  std::uint64_t seed = 7;
  std::vector<std::string> passages;
  for (std::size_t i = 0; i < kSnippetPassages; ++i) {
    if (i == 1) {
      const std::size_t half = kPassageWords / 2;
      passages.push_back(paragraph(lang_index, seed, half) + " " + kMentions[lang_index] + " " +
                         paragraph(lang_index, seed, half - 10));
    } else {
      passages.push_back(paragraph(lang_index, seed, kPassageWords));
    }
  }
  return passages;
}

/// The snippet work of one hit in Searcher (make_hit): the best window of
/// its passages, and the title's highlights. The query's forms come from the
/// bench index, as a search builds them (other spellings from its name-key
/// dictionary), once outside the timing. Checked once before timing: the
/// snippet must highlight something. Reports hits/s and passages/s.
void BM_Snippet(benchmark::State& state, const SnippetCase& snippet_case) {
  using namespace akhbar::query::detail;
  const akhbar::query::SearchOptions options;
  const Xapian::Database db(bench_index().path());
  const TermForms forms =
      build_query(parse_query(snippet_case.query).root, false, expansion_for(options, db)).forms;
  const std::vector<std::string> passages = snippet_passages(snippet_case.lang_index);
  std::uint64_t seed = 11;
  const std::string title = paragraph(snippet_case.lang_index, seed, 8);
  if (make_snippet(passages, forms, options.snippet_words).highlights.empty()) {
    state.SkipWithError((std::string(snippet_case.name) + ": the snippet highlights nothing").c_str());
    return;
  }
  for (auto _ : state) {
    const Snippet snippet = make_snippet(passages, forms, options.snippet_words);
    benchmark::DoNotOptimize(snippet.text.data());
    const auto title_highlights = highlight_words(title, forms);
    benchmark::DoNotOptimize(title_highlights.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["passages"] = benchmark::Counter(
      static_cast<double>(state.iterations() * passages.size()), benchmark::Counter::kIsRate);
}

const bool kRegistered = [] {
  for (const BenchQuery& query : kQueries)
    benchmark::RegisterBenchmark((std::string("BM_Search/") + query.name).c_str(), BM_Search, query);
  for (const SnippetCase& snippet_case : kSnippetCases)
    benchmark::RegisterBenchmark((std::string("BM_Snippet/") + snippet_case.name).c_str(),
                                 BM_Snippet, snippet_case);
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
