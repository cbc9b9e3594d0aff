/// @file zstd_stream.h
/// @brief Streaming decompression of a zstd-compressed corpus file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "byte_source.h"

namespace akhbar::corpus::detail {

/// The decompressed bytes of a .zst file, produced a chunk at a time: the
/// whole decompressed text is never held in memory. Several concatenated
/// frames are read as one stream.
///
/// read() throws akhbar::DataError("corrupt zstd data: ...") when a frame
/// cannot be decoded and akhbar::DataError("truncated zstd data: ...") when
/// the file ends inside a frame; every byte returned before is good.
class ZstdSource : public ByteSource {
 public:
  /// Opens `path`; throws akhbar::IoError when it cannot be opened.
  explicit ZstdSource(const std::string& path);
  ~ZstdSource() override;
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  std::size_t read(char* buffer, std::size_t capacity) override;
  std::uint64_t consumed() const override { return consumed_; }
  std::uint64_t decompressed() const override { return decompressed_; }

 private:
  struct Context;
  FileHandle file_;
  std::unique_ptr<Context> context_;
  std::vector<char> input_;
  std::uint64_t consumed_ = 0;
  std::uint64_t decompressed_ = 0;
};

}  // namespace akhbar::corpus::detail
