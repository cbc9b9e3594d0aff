// Document data: a StoredArticle serialised and compressed with zstd.
//
// Layout of the data of one Xapian document:
//   1. one format byte, kFormatVersion, outside the compressed frame so that a
//      future layout can be told apart without decompressing;
//   2. one zstd frame whose content size is recorded in its header, holding:
//      the seven fields (id, url, title, author, published, lang, source),
//      the passage count, then each passage; every string is a varint byte
//      length followed by its bytes, every count a varint.
// The decoder trusts nothing: every length is checked against what remains,
// and the decompressed size is capped, so corrupt data is a DataError and
// never an out-of-bounds read or a huge allocation.
#include <zstd.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"

namespace akhbar::indexer::schema {
namespace {

constexpr unsigned char kFormatVersion = 1;
constexpr int kCompressionLevel = 3;
// Articles are capped by the readers at a few MiB; anything claiming far more
// than this is corrupt, and must not make the decoder allocate it.
constexpr unsigned long long kMaxDecodedBytes = 256ull << 20;

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void put_string(std::string& out, std::string_view text) {
  put_varint(out, text.size());
  out.append(text);
}

// Reads the serialised fields from a buffer, failing on any overrun.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) corrupt("truncated length");
      const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      if (shift == 63 && byte > 1) corrupt("length overflows 64 bits");
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    corrupt("length overflows 64 bits");
  }

  std::string string() {
    const std::uint64_t size = varint();
    if (size > remaining()) corrupt("string runs past the end");
    std::string text(bytes_.substr(pos_, size));
    pos_ += size;
    return text;
  }

  std::size_t remaining() const { return bytes_.size() - pos_; }

  [[noreturn]] static void corrupt(const std::string& why) {
    throw DataError("corrupt document data: " + why);
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

struct CCtxFree {
  void operator()(ZSTD_CCtx* cctx) const { ZSTD_freeCCtx(cctx); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* dctx) const { ZSTD_freeDCtx(dctx); }
};

// One context per thread: creating a compression context per article would
// cost an allocation and a table reset every time.
ZSTD_CCtx* thread_cctx() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
  if (!cctx) throw Error("cannot allocate a zstd compression context");
  return cctx.get();
}

ZSTD_DCtx* thread_dctx() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
  if (!dctx) throw Error("cannot allocate a zstd decompression context");
  return dctx.get();
}

}  // namespace

std::string encode_document_data(const StoredArticle& article) {
  std::string raw;
  std::size_t total = 64;
  for (const auto& passage : article.passages) total += passage.size() + 5;
  raw.reserve(total + article.title.size() + article.url.size());
  for (const std::string* field : {&article.id, &article.url, &article.title, &article.author,
                                   &article.published, &article.lang, &article.source})
    put_string(raw, *field);
  put_varint(raw, article.passages.size());
  for (const auto& passage : article.passages) put_string(raw, passage);

  std::string out(1 + ZSTD_compressBound(raw.size()), '\0');
  out[0] = static_cast<char>(kFormatVersion);
  const std::size_t written = ZSTD_compressCCtx(thread_cctx(), out.data() + 1, out.size() - 1,
                                                raw.data(), raw.size(), kCompressionLevel);
  if (ZSTD_isError(written))
    throw Error(std::string("cannot compress document data: ") + ZSTD_getErrorName(written));
  out.resize(1 + written);
  return out;
}

StoredArticle decode_document_data(std::string_view data) {
  if (data.empty()) Reader::corrupt("empty");
  if (static_cast<unsigned char>(data[0]) != kFormatVersion)
    Reader::corrupt("unknown format " + std::to_string(static_cast<unsigned char>(data[0])));
  const std::string_view frame = data.substr(1);
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    Reader::corrupt("not a zstd frame with a known size");
  if (size > kMaxDecodedBytes) Reader::corrupt("claims " + std::to_string(size) + " bytes");

  std::string raw(static_cast<std::size_t>(size), '\0');
  const std::size_t got =
      ZSTD_decompressDCtx(thread_dctx(), raw.data(), raw.size(), frame.data(), frame.size());
  if (ZSTD_isError(got)) Reader::corrupt(ZSTD_getErrorName(got));
  if (got != raw.size()) Reader::corrupt("frame shorter than its declared size");

  Reader reader(raw);
  StoredArticle article;
  for (std::string* field : {&article.id, &article.url, &article.title, &article.author,
                             &article.published, &article.lang, &article.source})
    *field = reader.string();
  const std::uint64_t count = reader.varint();
  // Each passage takes at least its one-byte length: a larger count is a lie,
  // and must not drive reserve().
  if (count > reader.remaining()) Reader::corrupt("too many passages");
  article.passages.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) article.passages.push_back(reader.string());
  if (reader.remaining() != 0) Reader::corrupt("trailing bytes");
  return article;
}

}  // namespace akhbar::indexer::schema
