// Compression of stored article data with zstd, as the indexer does it
// (indexer/src/document_data.cc): every article serialised and compressed
// alone, at the indexer's level, with one context reused for all of them.
//
// Measured with and without a dictionary. A frame of a few KB starts with an
// empty history, so the words, names and stock phrases every article repeats
// are paid for again in each one; a dictionary trained on other articles
// gives every frame that history. Reported: bytes/s of article data (input
// of compression, output of decompression), articles/s, and "ratio" (article
// bytes / compressed bytes, frames only, without the indexer's format byte).
//
// The articles are generated, deterministically, from fixed word lists in
// English, Russian and Arabic with a small PRNG: news-like in shape (opening
// words, names, figures, stock attributions), so that the benchmark needs no
// files and runs from any directory. The vocabulary is far smaller than real
// news, so absolute ratios are higher than on real text; the comparison
// between the two ways is the point. The dictionary is trained on articles
// of another seed than the ones measured.
//
//   store_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// kCompressionLevel of indexer/src/document_data.cc (internal there).
constexpr int kIndexerLevel = 3;
constexpr std::size_t kDictionaryBytes = 64 * 1024;
/// Articles compressed per iteration, a third in each language.
constexpr std::size_t kMeasuredArticles = 300;
/// Articles the dictionary is trained on (zstd suggests about 100 times the
/// dictionary's size in samples; this gives a few MB).
constexpr std::size_t kTrainingArticles = 1200;
constexpr std::uint64_t kMeasuredSeed = 20240315;
constexpr std::uint64_t kTrainingSeed = 19700101;

/// xorshift64*: deterministic on every platform, unlike std:: distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed == 0 ? 1 : seed) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  /// Uniform in [low, high].
  std::size_t between(std::size_t low, std::size_t high) { return low + next() % (high - low + 1); }
  /// An index in [0, n) that favours the front of a list, as word
  /// frequencies do: the lists below put function words first.
  std::size_t skewed(std::size_t n) {
    const double u = static_cast<double>(next() >> 11) / 9007199254740992.0;  // [0, 1)
    return std::min(n - 1, static_cast<std::size_t>(static_cast<double>(n) * u * u));
  }
  bool chance(std::size_t percent) { return next() % 100 < percent; }

 private:
  std::uint64_t state_;
};

struct Language {
  std::string_view code;
  std::vector<std::string_view> openers;  ///< first words of sentences
  std::vector<std::string_view> words;    ///< most frequent first
  std::vector<std::string_view> names;    ///< places, people, bodies
  std::vector<std::string_view> clauses;  ///< stock attributions, after a comma
  std::string_view comma;
};

const std::array<Language, 3>& languages() {
  static const std::array<Language, 3> all = {
      Language{
          "en",
          {"The", "Officials", "In", "A", "On", "After", "Local", "Russian", "Syrian", "Turkish"},
          {"the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "with", "by", "was",
           "is", "at", "from", "its", "had", "have", "were", "after", "would", "has", "not", "also",
           "but", "government", "officials", "minister", "talks", "forces", "security",
           "agreement", "port", "contract", "grain", "oil", "sanctions", "border", "province",
           "president", "foreign", "military", "ceasefire", "election", "statement", "spokesman",
           "reporters", "week", "month", "year", "country", "region", "city", "northern",
           "southern", "eastern", "western", "new", "former", "local", "international",
           "economic", "humanitarian", "aid", "refugees", "delegation", "meeting", "visit", "deal",
           "troops", "attack", "killed", "wounded", "residents", "prices", "currency", "bank",
           "trade", "exports", "imports", "shipping", "electricity", "fuel", "shortages",
           "reconstruction", "council", "parliament", "opposition", "committee", "negotiations",
           "withdrawal", "base", "airport"},
          {"Tartus", "Damascus", "Latakia", "Aleppo", "Homs", "Idlib", "Moscow", "Ankara",
           "Tehran", "Beirut", "Washington", "Brussels", "Khmeimim", "Ahmed al-Sharaa",
           "Sergei Lavrov", "the United Nations", "the European Union", "Hay'at Tahrir al-Sham"},
          {"officials said on Tuesday", "according to a statement",
           "the ministry said in a statement", "a spokesman told reporters",
           "state media reported", "sources familiar with the matter said"},
          ", "},
      Language{
          "ru",
          {"В", "По", "Власти", "Министр", "Как", "После", "Российские", "Сирийские", "Местные",
           "Представители"},
          {"и", "в", "на", "с", "по", "что", "не", "о", "для", "из", "к", "от", "за", "также",
           "заявил", "сообщили", "правительство", "министр", "министерство", "переговоры", "силы",
           "безопасности", "соглашение", "порт", "контракт", "зерна", "нефти", "санкции",
           "границы", "провинции", "президент", "иностранных", "дел", "военные", "перемирие",
           "выборы", "заявление", "представитель", "журналистам", "неделе", "месяца", "года",
           "страны", "региона", "города", "северной", "южной", "восточной", "новые", "бывший",
           "местные", "международные", "экономической", "гуманитарной", "помощи", "беженцев",
           "делегация", "встречи", "визит", "сделка", "войска", "атаки", "погибли", "ранены",
           "жители", "цены", "валюты", "банк", "торговли", "экспорт", "импорт", "судоходство",
           "электроэнергии", "топлива", "нехватка", "восстановления", "совет", "парламент",
           "оппозиция", "комитет", "вывод", "базы", "аэропорта"},
          {"Тартус", "Тартусе", "Дамаск", "Дамаске", "Латакии", "Алеппо", "Хомс", "Идлиб",
           "Москва", "Москвой", "Анкара", "Тегеран", "Бейрут", "Вашингтон", "Брюссель", "Хмеймим",
           "Ахмед аш-Шараа", "Сергей Лавров", "ООН", "Евросоюз", "Хайят Тахрир аш-Шам"},
          {"сообщили во вторник официальные лица", "говорится в заявлении",
           "заявил журналистам представитель министерства", "передают государственные СМИ",
           "сообщил источник, знакомый с ситуацией", "по данным агентства"},
          ", "},
      Language{
          "ar",
          {"وقال", "وأضاف", "وفي", "من", "وأكد", "وذكرت", "وبحسب", "كما"},
          {"في", "من", "على", "إلى", "أن", "مع", "عن", "التي", "الذي", "قال", "وقال", "كما", "بعد",
           "خلال", "الحكومة", "وزير", "الوزارة", "المحادثات", "القوات", "الأمن", "الاتفاق",
           "الميناء", "العقد", "الحبوب", "النفط", "العقوبات", "الحدود", "المحافظة", "الرئيس",
           "الخارجية", "العسكرية", "وقف", "إطلاق", "النار", "الانتخابات", "بيان", "المتحدث",
           "للصحفيين", "الأسبوع", "الشهر", "العام", "البلاد", "المنطقة", "المدينة", "شمال",
           "جنوب", "شرق", "غرب", "الجديدة", "السابق", "المحلية", "الدولية", "الاقتصادية",
           "الإنسانية", "المساعدات", "اللاجئين", "وفد", "اجتماع", "زيارة", "صفقة", "هجوم",
           "مقتل", "إصابة", "السكان", "الأسعار", "العملة", "المصرف", "التجارة", "الصادرات",
           "الواردات", "الشحن", "الكهرباء", "الوقود", "نقص", "إعادة", "الإعمار", "مجلس",
           "البرلمان", "المعارضة", "اللجنة", "المفاوضات", "انسحاب", "القاعدة", "المطار"},
          {"طرطوس", "دمشق", "اللاذقية", "حلب", "حمص", "إدلب", "موسكو", "أنقرة", "طهران", "بيروت",
           "واشنطن", "بروكسل", "حميميم", "أحمد الشرع", "سيرغي لافروف", "الأمم المتحدة",
           "الاتحاد الأوروبي", "هيئة تحرير الشام"},
          {"بحسب ما قاله مسؤولون يوم الثلاثاء", "وفق بيان رسمي", "قال متحدث باسم الوزارة للصحفيين",
           "أفادت وسائل الإعلام الرسمية", "قال مصدر مطلع", "بحسب وكالة الأنباء"},
          "، "},
  };
  return all;
}

constexpr std::array<std::string_view, 4> kSources = {"Wire A", "Wire B", "Levant Daily",
                                                      "North Gazette"};
constexpr std::array<std::string_view, 5> kAuthors = {"Staff", "Lina Haddad", "Ivan Petrov",
                                                      "Sara Mansour", "John Carter"};

template <typename List>
std::string_view pick(Rng& rng, const List& list) {
  return list[rng.next() % list.size()];
}

/// One sentence: an opener, then words with the odd name or figure, and
/// sometimes a stock attribution.
std::string sentence(Rng& rng, const Language& language) {
  std::string text(pick(rng, language.openers));
  const std::size_t words = rng.between(8, 18);
  for (std::size_t i = 0; i < words; ++i) {
    text += ' ';
    if (rng.chance(10))
      text += pick(rng, language.names);
    else if (rng.chance(4))
      text += std::to_string(rng.between(2, 2025));
    else
      text += language.words[rng.skewed(language.words.size())];
  }
  if (rng.chance(30)) text.append(language.comma).append(pick(rng, language.clauses));
  return text + ".";
}

/// The fields of a stored article (schema::StoredArticle) that the indexer
/// serialises, paragraphs standing for its passages.
struct GeneratedArticle {
  std::string id, url, title, author, published, lang, source;
  std::vector<std::string> paragraphs;
};

GeneratedArticle generate_article(Rng& rng, std::size_t number) {
  const Language& language = languages()[number % languages().size()];
  GeneratedArticle article;
  article.lang = language.code;
  article.id = "news-" + article.lang + "-" + std::to_string(number);
  const std::string month = std::to_string(rng.between(10, 12));
  const std::string day = std::to_string(rng.between(10, 28));
  article.published = "2024-" + month + "-" + day;
  article.url = "https://news.example/" + article.lang + "/2024/" + month + "/" + day + "/" +
                std::to_string(rng.next() % 1000000) + ".html";
  article.author = pick(rng, kAuthors);
  article.source = pick(rng, kSources);
  article.title = sentence(rng, language);
  const std::size_t paragraphs = rng.between(4, 7);
  for (std::size_t p = 0; p < paragraphs; ++p) {
    std::string paragraph = sentence(rng, language);
    const std::size_t sentences = rng.between(2, 4);
    for (std::size_t s = 0; s < sentences; ++s) paragraph += " " + sentence(rng, language);
    article.paragraphs.push_back(std::move(paragraph));
  }
  return article;
}

void append_varint(std::string& out, std::uint64_t value) {
  for (; value >= 0x80; value >>= 7) out.push_back(static_cast<char>(0x80 | (value & 0x7f)));
  out.push_back(static_cast<char>(value));
}

void append_field(std::string& out, std::string_view field) {
  append_varint(out, field.size());
  out.append(field);
}

/// The bytes the indexer hands to zstd for an article: the layout of
/// document_data.cc (seven fields, the passage count, the passages, each
/// string after its varint length).
std::string serialise(const GeneratedArticle& article) {
  std::string raw;
  for (const std::string* field : {&article.id, &article.url, &article.title, &article.author,
                                   &article.published, &article.lang, &article.source})
    append_field(raw, *field);
  append_varint(raw, article.paragraphs.size());
  for (const std::string& paragraph : article.paragraphs) append_field(raw, paragraph);
  return raw;
}

std::vector<std::string> serialised_articles(std::uint64_t seed, std::size_t count) {
  Rng rng(seed);
  std::vector<std::string> articles;
  articles.reserve(count);
  for (std::size_t i = 0; i < count; ++i) articles.push_back(serialise(generate_article(rng, i)));
  return articles;
}

struct ZstdFree {
  void operator()(ZSTD_CCtx* p) const { ZSTD_freeCCtx(p); }
  void operator()(ZSTD_DCtx* p) const { ZSTD_freeDCtx(p); }
  void operator()(ZSTD_CDict* p) const { ZSTD_freeCDict(p); }
  void operator()(ZSTD_DDict* p) const { ZSTD_freeDDict(p); }
};
template <typename T>
using ZstdPtr = std::unique_ptr<T, ZstdFree>;

/// A dictionary trained with ZDICT_trainFromBuffer on `samples`, or "" (and
/// `error` set) if training failed.
std::string train_dictionary(const std::vector<std::string>& samples, std::string& error) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& sample : samples) {
    joined += sample;
    sizes.push_back(sample.size());
  }
  std::string dictionary(kDictionaryBytes, '\0');
  const std::size_t size = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(),
                                                 sizes.data(), static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) {
    error = std::string("dictionary training failed: ") + ZDICT_getErrorName(size);
    return {};
  }
  dictionary.resize(size);
  return dictionary;
}

/// The measured articles and the dictionary, made once for all benchmarks.
struct StoreCorpus {
  std::vector<std::string> articles;
  std::size_t article_bytes = 0;
  std::size_t largest = 0;
  std::string dictionary;
  ZstdPtr<ZSTD_CDict> cdict;  ///< the dictionary digested once for level kIndexerLevel
  ZstdPtr<ZSTD_DDict> ddict;
  std::string error;  ///< why the dictionary is missing, if it is

  StoreCorpus() : articles(serialised_articles(kMeasuredSeed, kMeasuredArticles)) {
    for (const std::string& article : articles) {
      article_bytes += article.size();
      largest = std::max(largest, article.size());
    }
    dictionary = train_dictionary(serialised_articles(kTrainingSeed, kTrainingArticles), error);
    if (dictionary.empty()) return;
    cdict.reset(ZSTD_createCDict(dictionary.data(), dictionary.size(), kIndexerLevel));
    ddict.reset(ZSTD_createDDict(dictionary.data(), dictionary.size()));
    if (!cdict || !ddict) error = "cannot digest the dictionary";
  }
};

const StoreCorpus& store_corpus() {
  static const StoreCorpus corpus;
  return corpus;
}

/// Compresses one article into `out` (at least ZSTD_compressBound of it),
/// with `cdict` if not null; returns the frame size or a zstd error code.
std::size_t compress_one(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict, std::string_view article,
                         std::string& out) {
  if (cdict != nullptr)
    return ZSTD_compress_usingCDict(cctx, out.data(), out.size(), article.data(), article.size(),
                                    cdict);
  return ZSTD_compressCCtx(cctx, out.data(), out.size(), article.data(), article.size(),
                           kIndexerLevel);
}

std::size_t decompress_one(ZSTD_DCtx* dctx, const ZSTD_DDict* ddict, std::string_view frame,
                           std::string& out) {
  if (ddict != nullptr)
    return ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame.data(), frame.size(),
                                      ddict);
  return ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.data(), frame.size());
}

/// The corpus, or an error on `state` (false) when a benchmark that wants the
/// dictionary has none.
const StoreCorpus* corpus_for(benchmark::State& state, bool with_dictionary) {
  const StoreCorpus& corpus = store_corpus();
  if (with_dictionary && !corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return nullptr;
  }
  return &corpus;
}

void report(benchmark::State& state, const StoreCorpus& corpus, std::size_t compressed_bytes,
            bool with_dictionary) {
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<std::int64_t>(corpus.article_bytes));
  state.SetItemsProcessed(iterations * static_cast<std::int64_t>(corpus.articles.size()));
  if (compressed_bytes != 0)
    state.counters["ratio"] =
        static_cast<double>(corpus.article_bytes) / static_cast<double>(compressed_bytes);
  if (with_dictionary) state.counters["dict_bytes"] = static_cast<double>(corpus.dictionary.size());
}

/// Every measured article compressed alone, one context for all, as the
/// indexer compresses a batch.
void BM_Compress(benchmark::State& state, bool with_dictionary) {
  const StoreCorpus* corpus = corpus_for(state, with_dictionary);
  if (corpus == nullptr) return;
  const ZSTD_CDict* cdict = with_dictionary ? corpus->cdict.get() : nullptr;
  const ZstdPtr<ZSTD_CCtx> cctx(ZSTD_createCCtx());
  std::string out(ZSTD_compressBound(corpus->largest), '\0');
  std::size_t compressed_bytes = 0;
  const char* error = nullptr;
  for (auto _ : state) {
    compressed_bytes = 0;
    for (const std::string& article : corpus->articles) {
      const std::size_t written = compress_one(cctx.get(), cdict, article, out);
      if (ZSTD_isError(written)) {
        error = ZSTD_getErrorName(written);
        break;
      }
      compressed_bytes += written;
      benchmark::DoNotOptimize(out.data());
    }
    if (error != nullptr) {
      state.SkipWithError(error);
      break;
    }
  }
  report(state, *corpus, compressed_bytes, with_dictionary);
}

/// Every frame of BM_Compress decompressed back into its article; the first
/// pass, untimed, checks that each comes back byte for byte.
void BM_Decompress(benchmark::State& state, bool with_dictionary) {
  const StoreCorpus* corpus = corpus_for(state, with_dictionary);
  if (corpus == nullptr) return;
  const ZSTD_CDict* cdict = with_dictionary ? corpus->cdict.get() : nullptr;
  const ZSTD_DDict* ddict = with_dictionary ? corpus->ddict.get() : nullptr;
  const ZstdPtr<ZSTD_CCtx> cctx(ZSTD_createCCtx());
  const ZstdPtr<ZSTD_DCtx> dctx(ZSTD_createDCtx());
  std::string buffer(ZSTD_compressBound(corpus->largest), '\0');
  std::vector<std::string> frames;
  std::size_t compressed_bytes = 0;
  for (const std::string& article : corpus->articles) {
    const std::size_t written = compress_one(cctx.get(), cdict, article, buffer);
    if (ZSTD_isError(written)) {
      state.SkipWithError(ZSTD_getErrorName(written));
      return;
    }
    frames.emplace_back(buffer.data(), written);
    compressed_bytes += written;
    const std::size_t got = decompress_one(dctx.get(), ddict, frames.back(), buffer);
    if (ZSTD_isError(got) || std::string_view(buffer.data(), got) != article) {
      state.SkipWithError("an article did not come back from its frame");
      return;
    }
  }
  for (auto _ : state) {
    bool sizes_right = true;
    for (std::size_t i = 0; i < frames.size(); ++i) {
      const std::size_t got = decompress_one(dctx.get(), ddict, frames[i], buffer);
      sizes_right = sizes_right && got == corpus->articles[i].size();
      benchmark::DoNotOptimize(buffer.data());
    }
    if (!sizes_right) {
      state.SkipWithError("a frame decompressed to the wrong size");
      break;
    }
  }
  report(state, *corpus, compressed_bytes, with_dictionary);
}

/// Training the dictionary on kTrainingArticles articles: what each
/// indexing thread pays once, after its first few MB of articles.
void BM_TrainDictionary(benchmark::State& state) {
  const std::vector<std::string> samples = serialised_articles(kTrainingSeed, kTrainingArticles);
  std::size_t sample_bytes = 0;
  for (const std::string& sample : samples) sample_bytes += sample.size();
  std::string error;
  for (auto _ : state) {
    const std::string dictionary = train_dictionary(samples, error);
    if (dictionary.empty()) {
      state.SkipWithError(error.c_str());
      break;
    }
    benchmark::DoNotOptimize(dictionary.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(sample_bytes));
  state.counters["sample_bytes"] = static_cast<double>(sample_bytes);
}

BENCHMARK(BM_TrainDictionary)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Compress, plain, false);
BENCHMARK_CAPTURE(BM_Compress, dictionary, true);
BENCHMARK_CAPTURE(BM_Decompress, plain, false);
BENCHMARK_CAPTURE(BM_Decompress, dictionary, true);

}  // namespace

BENCHMARK_MAIN();
