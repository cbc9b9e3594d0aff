// zstd decompression in fixed-size chunks with ZSTD_decompressStream.
//
// Invariants:
//  1. input_ holds compressed bytes [in_.pos, in_.size) not yet decoded.
//  2. frame_open_ is true while the decoder is inside a frame (the last
//     ZSTD_decompressStream result was non-zero): reaching the end of the
//     file then means the file was cut short.
#include "zstd_stream.h"

#include <zstd.h>

#include "akhbar/error.h"

namespace akhbar::corpus::detail {

struct ZstdSource::Context {
  ZSTD_DCtx* dctx = nullptr;
  ZSTD_inBuffer in{nullptr, 0, 0};
  bool end_of_file = false;
  bool frame_open = false;
};

ZstdSource::ZstdSource(const std::string& path)
    : file_(path), context_(std::make_unique<Context>()), input_(ZSTD_DStreamInSize()) {
  context_->dctx = ZSTD_createDCtx();
  if (context_->dctx == nullptr) throw IoError("cannot allocate a zstd decompression context");
  context_->in.src = input_.data();
}

ZstdSource::~ZstdSource() { ZSTD_freeDCtx(context_->dctx); }

std::size_t ZstdSource::read(char* buffer, std::size_t capacity) {
  Context& c = *context_;
  while (true) {
    if (c.in.pos == c.in.size && !c.end_of_file) {
      c.in.size = file_.read(input_.data(), input_.size());
      c.in.pos = 0;
      consumed_ += c.in.size;
      if (c.in.size == 0) c.end_of_file = true;
    }
    if (c.end_of_file && c.in.pos == c.in.size && !c.frame_open) return 0;

    ZSTD_outBuffer out{buffer, capacity, 0};
    const std::size_t result = ZSTD_decompressStream(c.dctx, &out, &c.in);
    if (ZSTD_isError(result)) {
      throw DataError(std::string("corrupt zstd data: ") + ZSTD_getErrorName(result));
    }
    c.frame_open = result != 0;
    decompressed_ += out.pos;
    if (out.pos > 0) return out.pos;
    if (c.end_of_file && c.in.pos == c.in.size) {
      // No input left, no output produced: the decoder waits for bytes the
      // file does not have.
      if (c.frame_open) throw DataError("truncated zstd data: the file ends inside a frame");
      return 0;
    }
  }
}

}  // namespace akhbar::corpus::detail
