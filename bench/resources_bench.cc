// Loading and looking up the resources compiled at build time (the gazetteer
// and the dictionary translations, analysis/resources): what the first query
// that consults them pays once per process, and what each lookup costs.
//
// The files are the build tree's: run from a build. The lookups use the
// files shared() finds ($AKHBAR_DATA_DIR, installed, build tree).
// Reported per load: time, and "bytes" (the file's size, as bytes/s).
//
//   resources_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/analysis/gazetteer.h"
#include "akhbar/analysis/translations.h"

namespace {

using akhbar::analysis::Gazetteer;
using akhbar::analysis::Token;
using akhbar::analysis::Translations;

/// The build tree's copy of resource file `name`.
std::string resource_path(const char* name) { return (std::filesystem::path(AKHBAR_BUILD_DATA_DIR) / name).string(); }

void BM_LoadGazetteer(benchmark::State& state) {
  const std::string path = resource_path("gazetteer.tsv");
  if (!std::filesystem::is_regular_file(path)) return state.SkipWithError(("no " + path + ": build akhbar first").c_str());
  std::size_t groups = 0;
  for (auto _ : state) groups = Gazetteer::load(path).group_count();
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * std::filesystem::file_size(path)));
  state.counters["groups"] = static_cast<double>(groups);
}
BENCHMARK(BM_LoadGazetteer)->Unit(benchmark::kMillisecond);

void BM_LoadTranslations(benchmark::State& state) {
  const std::string path = resource_path("translations.tsv");
  if (!std::filesystem::is_regular_file(path)) return state.SkipWithError(("no " + path + ": build akhbar first").c_str());
  std::size_t pairs = 0;
  for (auto _ : state) pairs = Translations::load(path).size();
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * std::filesystem::file_size(path)));
  state.counters["pairs"] = static_cast<double>(pairs);
}
BENCHMARK(BM_LoadTranslations)->Unit(benchmark::kMillisecond);

/// Query words of the three languages, inflected and not, names and words.
std::vector<Token> query_words() {
  std::vector<Token> words;
  for (const char* text : {"weather", "bridges", "погодой", "мост", "الطقس", "والجسر", "Uruguay", "Тбилиси"})
    words.push_back(akhbar::analysis::news_analyzer().analyze(text).front());
  return words;
}

void BM_LookUpTranslations(benchmark::State& state) {
  const Translations& translations = Translations::shared();
  const std::vector<Token> words = query_words();
  std::size_t found = 0;
  for (auto _ : state)
    for (const Token& word : words)
      for (const char* lang : {"en", "ru", "ar"}) found += translations.of(word, lang).size();
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_LookUpTranslations);

void BM_LookUpGazetteer(benchmark::State& state) {
  const Gazetteer& gazetteer = Gazetteer::shared();
  const std::vector<Token> words = query_words();
  std::size_t found = 0;
  for (auto _ : state)
    for (const Token& word : words) found += gazetteer.groups_of(word).size();
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_LookUpGazetteer);

}  // namespace

BENCHMARK_MAIN();
