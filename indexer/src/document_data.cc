// Document data: a StoredArticle serialised and compressed with zstd.
//
// Layout of the data of one Xapian document:
//   1. one format byte, kFormatVersion, outside the compressed frame so that a
//      future layout can be told apart without decompressing;
//   2. one zstd frame whose content size is recorded in its header, made
//      with or without a text dictionary (its id, if any, is in the frame
//      header), holding:
//      the seven fields (id, url, title, author, published, lang, source),
//      the passage count, then each passage; every string is a varint byte
//      length followed by its bytes, every count a varint.
// The decoder trusts nothing: every length is checked against what remains,
// and the decompressed size is capped, so corrupt data is a DataError and
// never an out-of-bounds read or a huge allocation.
#include <xapian.h>
#include <zdict.h>
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
// 64 KiB: on the generated news corpus, larger dictionaries gained under 2%
// more; zstd's own guidance is about 100 times smaller than the samples.
constexpr std::size_t kDictionaryBytes = std::size_t{64} << 10;

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

std::string serialise(const StoredArticle& article) {
  std::string raw;
  std::size_t total = 64;
  for (const auto& passage : article.passages) total += passage.size() + 5;
  raw.reserve(total + article.title.size() + article.url.size());
  for (const std::string* field : {&article.id, &article.url, &article.title, &article.author,
                                   &article.published, &article.lang, &article.source})
    put_string(raw, *field);
  put_varint(raw, article.passages.size());
  for (const auto& passage : article.passages) put_string(raw, passage);
  return raw;
}

struct CDictFree {
  void operator()(ZSTD_CDict* dict) const { ZSTD_freeCDict(dict); }
};
struct DDictFree {
  void operator()(ZSTD_DDict* dict) const { ZSTD_freeDDict(dict); }
};

}  // namespace

struct TextDictionary::Impl {
  std::string bytes;
  unsigned id = 0;
  std::unique_ptr<ZSTD_CDict, CDictFree> compress;
  std::unique_ptr<ZSTD_DDict, DDictFree> decompress;
};

TextDictionary::TextDictionary(std::string bytes) : impl_(std::make_unique<Impl>()) {
  impl_->id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (impl_->id == 0) throw DataError("corrupt text dictionary: not a zstd dictionary");
  impl_->compress.reset(ZSTD_createCDict(bytes.data(), bytes.size(), kCompressionLevel));
  impl_->decompress.reset(ZSTD_createDDict(bytes.data(), bytes.size()));
  if (!impl_->compress || !impl_->decompress)
    throw DataError("corrupt text dictionary " + std::to_string(impl_->id));
  impl_->bytes = std::move(bytes);
}

TextDictionary::~TextDictionary() = default;

std::shared_ptr<const TextDictionary> TextDictionary::train(const std::vector<StoredArticle>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  sizes.reserve(samples.size());
  for (const StoredArticle& sample : samples) {
    const std::string raw = serialise(sample);
    joined += raw;
    sizes.push_back(raw.size());
  }
  std::string bytes(kDictionaryBytes, '\0');
  const std::size_t size = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                                                 static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return nullptr;
  bytes.resize(size);
  return std::make_shared<const TextDictionary>(std::move(bytes));
}

unsigned TextDictionary::id() const noexcept { return impl_->id; }
const std::string& TextDictionary::bytes() const noexcept { return impl_->bytes; }
std::string TextDictionary::metadata_key() const {
  return std::string(kMetaTextDictionaryPrefix) + std::to_string(impl_->id);
}

TextDictionaries load_text_dictionaries(const Xapian::Database& db) {
  TextDictionaries dictionaries;
  const std::string prefix(kMetaTextDictionaryPrefix);
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    auto dictionary = std::make_shared<const TextDictionary>(db.get_metadata(*key));
    if (dictionary->metadata_key() != *key)
      throw DataError("corrupt text dictionary: " + *key + " holds dictionary " + std::to_string(dictionary->id()));
    dictionaries.emplace(dictionary->id(), std::move(dictionary));
  }
  return dictionaries;
}

std::string encode_document_data(const StoredArticle& article, const TextDictionary* dictionary) {
  const std::string raw = serialise(article);
  std::string out(1 + ZSTD_compressBound(raw.size()), '\0');
  out[0] = static_cast<char>(kFormatVersion);
  const std::size_t written =
      dictionary == nullptr
          ? ZSTD_compressCCtx(thread_cctx(), out.data() + 1, out.size() - 1, raw.data(), raw.size(),
                              kCompressionLevel)
          : ZSTD_compress_usingCDict(thread_cctx(), out.data() + 1, out.size() - 1, raw.data(), raw.size(),
                                     dictionary->impl().compress.get());
  if (ZSTD_isError(written))
    throw Error(std::string("cannot compress document data: ") + ZSTD_getErrorName(written));
  out.resize(1 + written);
  return out;
}

unsigned text_dictionary_id(std::string_view data) noexcept {
  if (data.size() < 2) return 0;
  return ZSTD_getDictID_fromFrame(data.data() + 1, data.size() - 1);
}

StoredArticle decode_document_data(std::string_view data, const TextDictionaries* dictionaries) {
  if (data.empty()) Reader::corrupt("empty");
  if (static_cast<unsigned char>(data[0]) != kFormatVersion)
    Reader::corrupt("unknown format " + std::to_string(static_cast<unsigned char>(data[0])));
  const std::string_view frame = data.substr(1);
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    Reader::corrupt("not a zstd frame with a known size");
  if (size > kMaxDecodedBytes) Reader::corrupt("claims " + std::to_string(size) + " bytes");

  const TextDictionary* dictionary = nullptr;
  if (const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size()); id != 0) {
    if (dictionaries != nullptr)
      if (const auto found = dictionaries->find(id); found != dictionaries->end()) dictionary = found->second.get();
    if (dictionary == nullptr)
      throw DataError("document data needs text dictionary " + std::to_string(id) +
                      ", which the database does not hold");
  }
  std::string raw(static_cast<std::size_t>(size), '\0');
  const std::size_t got =
      dictionary == nullptr
          ? ZSTD_decompressDCtx(thread_dctx(), raw.data(), raw.size(), frame.data(), frame.size())
          : ZSTD_decompress_usingDDict(thread_dctx(), raw.data(), raw.size(), frame.data(), frame.size(),
                                       dictionary->impl().decompress.get());
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
