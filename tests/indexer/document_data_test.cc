// Tests of the stored document data: round trips, and DataError on every kind of corruption.
#include <gtest/gtest.h>
#include <zstd.h>

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"

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

}  // namespace
}  // namespace akhbar::indexer::schema
