// Tests of the stored document data: round trips, and DataError on every kind of corruption.
#include <gtest/gtest.h>
#include <xapian.h>
#include <zstd.h>

#include <cstdint>

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "temp_dir.h"

namespace akhbar::indexer::schema {
namespace {

StoredArticle sample_article() {
  StoredArticle article;
  article.id = "rt-2025-0117";
  article.url = "https://example.org/news/tartus";
  article.title = "Россия и Сирия обсуждают базу в Тартусе";
  article.author = "Анна Петрова";
  article.published = "2025-01-17";
  article.lang = "ru";
  article.source = "RT Arabic";
  article.passages = {"Переговоры о базе в Тартусе продолжаются.",
                      "قالت وزارة الدفاع إن القاعدة في طرطوس ستبقى.",
                      "The Hmeimim air base is near Latakia."};
  return article;
}

void expect_same(const StoredArticle& a, const StoredArticle& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.passages, b.passages);
}

TEST(DocumentData, RoundTripsMixedScriptArticle) {
  const StoredArticle article = sample_article();
  expect_same(decode_document_data(encode_document_data(article)), article);
}

TEST(DocumentData, RoundTripsEmptyFieldsAndNoPassages) {
  StoredArticle article;
  article.id = "x";
  expect_same(decode_document_data(encode_document_data(article)), article);
}

TEST(DocumentData, RoundTripsEmptyPassagesAndBinaryBytes) {
  StoredArticle article;
  article.id = std::string("nul\0inside", 10);
  article.passages = {"", std::string(1, '\xff'), ""};
  expect_same(decode_document_data(encode_document_data(article)), article);
}

TEST(DocumentData, RoundTripsManyAndLongPassages) {
  StoredArticle article = sample_article();
  article.passages.clear();
  for (int i = 0; i < 3000; ++i) article.passages.push_back("passage " + std::to_string(i));
  article.passages.push_back(std::string(200000, 'x'));  // lengths past one varint byte
  expect_same(decode_document_data(encode_document_data(article)), article);
}

TEST(DocumentData, CompressesRepetitiveText) {
  StoredArticle article;
  article.id = "r";
  for (int i = 0; i < 200; ++i) article.passages.push_back("sanctions on the port of Tartus");
  EXPECT_LT(encode_document_data(article).size(), 1000u);
}

TEST(DocumentData, RejectsEmptyData) {
  EXPECT_THROW(decode_document_data(""), DataError);
}

TEST(DocumentData, RejectsUnknownFormatByte) {
  std::string data = encode_document_data(sample_article());
  data[0] = 42;
  try {
    decode_document_data(data);
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown format 42"), std::string::npos) << e.what();
  }
}

TEST(DocumentData, RejectsEveryTruncation) {
  const std::string data = encode_document_data(sample_article());
  for (std::size_t size = 0; size < data.size(); ++size)
    EXPECT_THROW(decode_document_data(std::string_view(data).substr(0, size)), DataError)
        << "size " << size;
}

TEST(DocumentData, RejectsTrailingGarbage) {
  EXPECT_THROW(decode_document_data(encode_document_data(sample_article()) + "junk"), DataError);
}

TEST(DocumentData, NeverCrashesOnFlippedBytes) {
  // Every single-byte corruption either decodes to something or throws
  // DataError; under the sanitizers this also proves no out-of-bounds read.
  const std::string data = encode_document_data(sample_article());
  std::size_t rejected = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    std::string corrupt = data;
    corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
    try {
      decode_document_data(corrupt);
    } catch (const DataError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 0u);
}

// A well-formed zstd frame around a payload that is not a StoredArticle.
std::string frame_around(std::string_view payload) {
  std::string out(1 + ZSTD_compressBound(payload.size()), '\0');
  out[0] = 1;
  const std::size_t size = ZSTD_compress(out.data() + 1, out.size() - 1, payload.data(), payload.size(), 3);
  out.resize(1 + size);
  return out;
}

TEST(DocumentData, RejectsALengthPastTheEndOfThePayload) {
  // The id claims 1000 bytes (varint e8 07) and three follow.
  EXPECT_THROW(decode_document_data(frame_around("\xe8\x07" "abc")), DataError);
}

TEST(DocumentData, RejectsAnAbsurdPassageCount) {
  // Seven empty fields, then a passage count of 2^40 with nothing after it.
  std::string payload(7, '\0');
  payload += "\x80\x80\x80\x80\x80\x20";
  EXPECT_THROW(decode_document_data(frame_around(payload)), DataError);
}

TEST(DocumentData, RejectsAnOverlongVarint) {
  std::string payload(11, '\xff');
  EXPECT_THROW(decode_document_data(frame_around(payload)), DataError);
}

TEST(DocumentData, DecodesAHandMadePayload) {
  // Proves frame_around() builds what the encoder builds, so the rejections
  // above are about the payload and not the framing.
  std::string payload;
  payload += "\x02" "id";
  payload += std::string(6, '\0');
  payload += "\x01" "\x03" "one";
  const StoredArticle article = decode_document_data(frame_around(payload));
  EXPECT_EQ(article.id, "id");
  EXPECT_EQ(article.passages, std::vector<std::string>{"one"});
}

// --- text dictionaries -------------------------------------------------------

/// `count` news-like articles of about 2 KiB from a small vocabulary, the
/// same for the same seed (a linear congruential generator).
std::vector<StoredArticle> generated_articles(std::size_t count, std::uint64_t seed) {
  static const char* const kWords[] = {
      "the",   "base",   "Tartus",     "Khmeimim", "sanctions", "contract", "ministry", "said",
      "on",    "Syria",  "Russia",     "naval",    "lease",     "wheat",    "port",     "Latakia",
      "of",    "talks",  "government", "agreed",   "Damascus",  "Moscow",   "year",     "new",
      "база",  "Тартус", "санкции",    "Сирия",    "контракт",  "порт",     "и",        "в",
      "قاعدة", "طرطوس",  "العقوبات",   "سوريا",    "عقد",       "ميناء",    "في",       "من"};
  constexpr std::size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);
  std::uint64_t state = seed;
  const auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  std::vector<StoredArticle> articles;
  for (std::size_t a = 0; a < count; ++a) {
    StoredArticle article;
    article.id = "gen-" + std::to_string(seed) + "-" + std::to_string(a);
    article.url = "https://wire.example/" + article.id + ".html";
    article.title = std::string(kWords[next() % kWordCount]) + " " + kWords[next() % kWordCount];
    article.published = "2025-0" + std::to_string(1 + a % 9) + "-1" + std::to_string(a % 10);
    article.lang = "en";
    article.source = "Wire";
    for (int p = 0; p < 5; ++p) {
      std::string passage;
      while (passage.size() < 400) {
        passage += kWords[next() % kWordCount];
        passage += next() % 9 == 0 ? ". " : " ";
      }
      article.passages.push_back(passage);
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

TEST(TextDictionary, TrainedDictionaryRoundTripsAndCompressesBetter) {
  const auto dictionary = TextDictionary::train(generated_articles(400, 1));
  ASSERT_NE(dictionary, nullptr);
  EXPECT_NE(dictionary->id(), 0u);
  EXPECT_EQ(dictionary->metadata_key(), std::string(kMetaTextDictionaryPrefix) + std::to_string(dictionary->id()));
  const TextDictionaries dictionaries{{dictionary->id(), dictionary}};

  std::size_t plain_bytes = 0, dictionary_bytes = 0;
  for (const StoredArticle& article : generated_articles(50, 2)) {  // not the training articles
    const std::string plain = encode_document_data(article);
    const std::string packed = encode_document_data(article, dictionary.get());
    EXPECT_EQ(text_dictionary_id(plain), 0u);
    EXPECT_EQ(text_dictionary_id(packed), dictionary->id());
    expect_same(decode_document_data(packed, &dictionaries), article);
    expect_same(decode_document_data(plain, &dictionaries), article);
    plain_bytes += plain.size();
    dictionary_bytes += packed.size();
  }
  EXPECT_LT(dictionary_bytes * 10, plain_bytes * 9) << dictionary_bytes << " vs " << plain_bytes;
}

TEST(TextDictionary, DataNeedingAnAbsentDictionaryIsADataErrorNamingIt) {
  const auto dictionary = TextDictionary::train(generated_articles(400, 3));
  ASSERT_NE(dictionary, nullptr);
  const std::string packed = encode_document_data(sample_article(), dictionary.get());
  const std::string id = std::to_string(dictionary->id());
  const auto error_decoding_with = [&](const TextDictionaries* given) -> std::string {
    try {
      decode_document_data(packed, given);
    } catch (const DataError& e) {
      return e.what();
    }
    return "decoded without its dictionary";
  };
  const TextDictionaries none;
  EXPECT_NE(error_decoding_with(nullptr).find("text dictionary " + id), std::string::npos) << error_decoding_with(nullptr);
  EXPECT_NE(error_decoding_with(&none).find("text dictionary " + id), std::string::npos) << error_decoding_with(&none);
}

TEST(TextDictionary, TooFewSamplesTrainNothing) {
  EXPECT_EQ(TextDictionary::train({}), nullptr);
  EXPECT_EQ(TextDictionary::train(generated_articles(2, 4)), nullptr);
}

TEST(TextDictionary, BytesThatAreNoDictionaryAreRefused) {
  EXPECT_THROW(TextDictionary("not a dictionary"), DataError);
  EXPECT_THROW(TextDictionary(""), DataError);
}

TEST(TextDictionary, LoadsEveryDictionaryOfADatabaseAndChecksItsKey) {
  const auto first = TextDictionary::train(generated_articles(400, 5));
  const auto second = TextDictionary::train(generated_articles(400, 6));
  ASSERT_TRUE(first && second);
  ASSERT_NE(first->id(), second->id());
  indexer::testing::TempDir dir;
  Xapian::WritableDatabase db(dir.path("db"), Xapian::DB_CREATE);
  EXPECT_TRUE(load_text_dictionaries(db).empty());
  db.set_metadata(first->metadata_key(), first->bytes());
  db.set_metadata(second->metadata_key(), second->bytes());
  db.set_metadata("akhbar:format", "akhbar-1");  // other metadata is not a dictionary
  const TextDictionaries loaded = load_text_dictionaries(db);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded.at(first->id())->bytes(), first->bytes());
  EXPECT_EQ(loaded.at(second->id())->bytes(), second->bytes());

  // A dictionary filed under another id is corrupt.
  db.set_metadata(std::string(kMetaTextDictionaryPrefix) + "7", first->bytes());
  EXPECT_THROW(load_text_dictionaries(db), DataError);
}

}  // namespace
}  // namespace akhbar::indexer::schema
