// Throughput of the analysis chain per language, as the indexer uses it:
// one stream over a paragraph-sized text, every token pulled.
//
// Each text is a fixed paragraph repeated to about 64 KiB. Reported: bytes/s
// (SetBytesProcessed) and tokens/s. Every run checks that the repeated text
// yields exactly `repeats` times the tokens of one paragraph, so a broken
// chain cannot post a fast time.
//
// BM_NewsAnalyzer_Mixed and BM_NewsAnalyzer_Mixed_NameKeys analyse the same
// text, the second also computing cross-script name keys as the indexer
// does: the difference between the two is what name keys add to indexing.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/analysis/cross_script.h"

namespace {

using akhbar::analysis::Analyzer;
using akhbar::analysis::AnalyzerBuilder;
using akhbar::analysis::Token;

constexpr std::size_t kTextBytes = 64 * 1024;

constexpr std::string_view kEnglish =
    "Russia kept its naval facility at Tartus and the Khmeimim air base after talks with "
    "the new authorities in Damascus, officials said on Tuesday. Ahmed al-Sharaa, whose "
    "Hay'at Tahrir al-Sham led the offensive, told reporters that contracts signed with "
    "Moscow in 2017 for the port and for printing currency would be reviewed, and that "
    "sanctions imposed by the United States and the European Union were still blocking "
    "grain, oil and electricity deals worth about 3.5 billion dollars.\n\n";

constexpr std::string_view kRussian =
    "Россия сохранит военно-морской пункт в Тартусе и авиабазу Хмеймим после переговоров "
    "с новыми властями в Дамаске, сообщили во вторник официальные лица. Ахмед аш-Шараа "
    "заявил журналистам, что контракты, подписанные с Москвой в 2017 году на порт и на "
    "печать денежных знаков, будут пересмотрены, а санкции США и Европейского союза всё "
    "ещё мешают сделкам по зерну, нефти и электроэнергии на сумму около 3,5 млрд долларов.\n\n";

constexpr std::string_view kArabic =
    "أبقت روسيا على منشأتها البحرية في طرطوس وعلى قاعدة حميميم الجوية بعد محادثات مع "
    "السلطات الجديدة في دمشق، بحسب ما قاله مسؤولون يوم الثلاثاء. وقال أحمد الشرع إن "
    "العقود الموقعة مع موسكو عام ٢٠١٧ بشأن الميناء وطباعة العملة ستخضع للمراجعة، وإن "
    "العقوبات الأمريكية والأوروبية لا تزال تعرقل صفقات الحبوب والنفط والكهرباء "
    "بقيمة تقارب ٣٫٥ مليار دولار.\n\n";

std::string repeat_to_size(std::string_view paragraph, std::size_t& repeats) {
  std::string text;
  repeats = 0;
  while (text.size() + paragraph.size() <= kTextBytes) {
    text += paragraph;
    ++repeats;
  }
  return text;
}

/// Pulls every token of `text` through `analyzer`, handing each to `visit`;
/// returns how many there were.
template <typename Visit>
std::size_t pull_tokens(const Analyzer& analyzer, std::string_view text, Visit&& visit) {
  std::size_t tokens = 0;
  auto stream = analyzer.stream(text);
  Token token;
  while (stream->next(token)) {
    visit(token);
    ++tokens;
  }
  return tokens;
}

std::size_t count_tokens(const Analyzer& analyzer, std::string_view text) {
  return pull_tokens(analyzer, text,
                     [](const Token& token) { benchmark::DoNotOptimize(token.stem.data()); });
}

void report_throughput(benchmark::State& state, std::size_t text_bytes, std::size_t tokens) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes));
  state.counters["tokens"] = benchmark::Counter(
      static_cast<double>(tokens) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

/// Times `pass` (text -> tokens seen) over `paragraph` repeated to
/// kTextBytes, checking every pass against `repeats` times one paragraph.
template <typename Pass>
void run_passes(benchmark::State& state, std::string_view paragraph, Pass&& pass) {
  std::size_t repeats = 0;
  const std::string text = repeat_to_size(paragraph, repeats);
  const std::size_t expected = repeats * pass(paragraph);
  std::size_t tokens = 0;
  for (auto _ : state) {
    tokens = pass(text);
    if (tokens != expected) {
      state.SkipWithError("the repeated text did not yield the expected number of tokens");
      break;
    }
  }
  report_throughput(state, text.size(), tokens);
}

void run(benchmark::State& state, const Analyzer& analyzer, std::string_view paragraph) {
  run_passes(state, paragraph,
             [&analyzer](std::string_view text) { return count_tokens(analyzer, text); });
}

/// The three paragraphs one after the other: every script in one text.
const std::string& mixed_paragraph() {
  static const std::string mixed =
      std::string(kEnglish) + std::string(kRussian) + std::string(kArabic);
  return mixed;
}

std::size_t letters_in(std::string_view word) {
  std::size_t letters = 0;
  for (char byte : word)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++letters;
  return letters;
}

/// The indexer's test for a word that may be a name and gets keys
/// (DocumentBuilder::note_name): a capitalised Latin or Cyrillic word, or an
/// Arabic word of three letters or more that is not a stopword (Arabic has
/// no capitals), no longer than kMaxKeyedBytes. The indexer also passes over
/// a capital that opens a sentence; that is left out here, as in these
/// paragraphs it adds only one or two words (Russia, Россия) to key.
bool may_be_name(const Token& token) {
  if (token.text.size() > akhbar::analysis::kMaxKeyedBytes) return false;
  switch (token.script) {
    case akhbar::analysis::Script::kLatin:
    case akhbar::analysis::Script::kCyrillic:
      return token.capitalised;
    case akhbar::analysis::Script::kArabic:
      return letters_in(token.text) >= 3 && !akhbar::analysis::is_stopword(token.text);
    case akhbar::analysis::Script::kNumber:
    case akhbar::analysis::Script::kOther:
      return false;
  }
  return false;
}

/// Analyses `text` and keys each name-like word the first time it is seen,
/// as the indexer does: `keyed` holds the words already keyed (the
/// indexer's keyed_words_), so repeats cost a set lookup, not name_keys().
/// Returns the tokens seen; `named` gets the number of words keyed.
std::size_t analyse_with_name_keys(std::string_view text, std::unordered_set<std::string>& keyed,
                                   std::size_t& named) {
  const std::size_t tokens =
      pull_tokens(akhbar::analysis::news_analyzer(), text, [&keyed](const Token& token) {
        benchmark::DoNotOptimize(token.stem.data());
        if (!may_be_name(token) || !keyed.insert(token.text).second) return;
        const akhbar::analysis::NameKeys keys = akhbar::analysis::name_keys(token.text);
        benchmark::DoNotOptimize(keys.keys.data());
      });
  named = keyed.size();
  return tokens;
}

const Analyzer& tokenizer_only() {
  static const Analyzer analyzer = AnalyzerBuilder(akhbar::analysis::icu_tokenizer()).build();
  return analyzer;
}

void BM_NewsAnalyzer_English(benchmark::State& state) {
  run(state, akhbar::analysis::news_analyzer(), kEnglish);
}
void BM_NewsAnalyzer_Russian(benchmark::State& state) {
  run(state, akhbar::analysis::news_analyzer(), kRussian);
}
void BM_NewsAnalyzer_Arabic(benchmark::State& state) {
  run(state, akhbar::analysis::news_analyzer(), kArabic);
}
void BM_NewsAnalyzer_Mixed(benchmark::State& state) {
  run(state, akhbar::analysis::news_analyzer(), mixed_paragraph());
}

/// BM_NewsAnalyzer_Mixed plus name keys for every distinct name-like word.
/// The set of keyed words is emptied before each pass, so that every
/// iteration pays name_keys() for its distinct words, as the indexer does for
/// words it has not met before. name_keys() has its own per-thread word
/// cache, warm after the first pass, as the stem and normalisation caches
/// are in every benchmark here: what is timed is the test, the set and a
/// cached name_keys() per distinct word. The cost of computing keys for
/// words never seen is BM_NameKeys_DistinctWords. Also reports the distinct
/// words keyed per pass ("names").
void BM_NewsAnalyzer_Mixed_NameKeys(benchmark::State& state) {
  std::unordered_set<std::string> keyed;
  std::size_t named = 0;
  run_passes(state, mixed_paragraph(), [&](std::string_view text) {
    keyed.clear();
    return analyse_with_name_keys(text, keyed, named);
  });
  if (named == 0) state.SkipWithError("no word was keyed as a name");
  state.counters["names"] = static_cast<double>(named);
}

void BM_TokenizerOnly_Mixed(benchmark::State& state) {
  run(state, tokenizer_only(), mixed_paragraph());
}
void BM_AnalyzeToVector_Mixed(benchmark::State& state) {
  std::size_t repeats = 0;
  const std::string text = repeat_to_size(mixed_paragraph(), repeats);
  std::size_t tokens = 0;
  for (auto _ : state) {
    const auto all = akhbar::analysis::news_analyzer().analyze(text);
    tokens = all.size();
    benchmark::DoNotOptimize(all.data());
  }
  report_throughput(state, text.size(), tokens);
}

/// Name-like words, all distinct, in the three scripts: syllables combined
/// so that there are many more words than name_keys() caches, and (nearly)
/// every call computes the keys of a word it has not seen.
std::vector<std::string> distinct_names() {
  static constexpr std::string_view kLatin[] = {"kha", "mei", "tar", "tous", "la", "ta", "kia",
                                                "sha", "raa", "ban", "ias", "jab", "lah", "dmur"};
  static constexpr std::string_view kCyrillic[] = {"ха", "мей", "тар", "тус", "ла", "та", "кия",
                                                   "ша", "раа", "бан", "иас", "джеб", "ла", "дмур"};
  static constexpr std::string_view kArabic[] = {"حم", "يم", "طر", "طوس", "لا", "ذق", "يمة",
                                                 "شر", "عم", "با", "نياس", "جب", "لة", "تدمر"};
  std::vector<std::string> names;
  for (const auto* syllables : {kLatin, kCyrillic, kArabic}) {
    for (std::size_t a = 0; a < 14; ++a)
      for (std::size_t b = 0; b < 14; ++b)
        for (std::size_t c = 0; c < 14; ++c)
          for (std::size_t d = 0; d < 14; ++d)
            names.push_back(std::string(syllables[a]) + std::string(syllables[b]) +
                            std::string(syllables[c]) + std::string(syllables[d]));
  }
  return names;
}

/// Keys and skeletons of distinct words, as the indexer computes them once
/// per distinct name-like word. Checks that every word got keys.
void BM_NameKeys_DistinctWords(benchmark::State& state) {
  static const std::vector<std::string> names = distinct_names();
  std::size_t next = 0;
  for (auto _ : state) {
    const akhbar::analysis::NameKeys keys = akhbar::analysis::name_keys(names[next]);
    if (keys.keys.empty()) {
      state.SkipWithError("a name got no keys");
      break;
    }
    benchmark::DoNotOptimize(akhbar::analysis::key_skeleton(keys.keys.front()));
    if (++next == names.size()) next = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(BM_NewsAnalyzer_English);
BENCHMARK(BM_NewsAnalyzer_Russian);
BENCHMARK(BM_NewsAnalyzer_Arabic);
BENCHMARK(BM_NewsAnalyzer_Mixed);
BENCHMARK(BM_NewsAnalyzer_Mixed_NameKeys);
BENCHMARK(BM_TokenizerOnly_Mixed);
BENCHMARK(BM_AnalyzeToVector_Mixed);
BENCHMARK(BM_NameKeys_DistinctWords);

}  // namespace

BENCHMARK_MAIN();
