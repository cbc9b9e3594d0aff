/// @file byte_source.h
/// @brief A forward-only stream of bytes from a corpus file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace akhbar::corpus::detail {

/// Bytes read in order, a chunk at a time. read() fills at most `capacity`
/// bytes and returns how many; 0 means the end. It throws akhbar::IoError
/// when the file cannot be read and akhbar::DataError when its content is
/// corrupt (compressed streams).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
  /// Bytes taken from the file so far (compressed bytes for a compressed file).
  virtual std::uint64_t consumed() const = 0;
  /// Bytes of content so far: consumed() once decompressed (the same for a
  /// file that is not compressed), before any change of character set.
  virtual std::uint64_t decompressed() const { return consumed(); }
};

/// An open file, closed on destruction.
class FileHandle {
 public:
  /// Opens `path` for reading; throws akhbar::IoError naming the reason,
  /// also when `path` is a FIFO, socket or device (a FIFO would block).
  explicit FileHandle(const std::string& path);
  ~FileHandle();
  FileHandle(const FileHandle&) = delete;
  FileHandle& operator=(const FileHandle&) = delete;

  /// Reads up to `capacity` bytes; 0 at the end. Throws akhbar::IoError.
  std::size_t read(char* buffer, std::size_t capacity);

 private:
  std::FILE* file_ = nullptr;
};

/// The bytes of a file as stored.
class PlainFileSource : public ByteSource {
 public:
  explicit PlainFileSource(const std::string& path) : file_(path) {}
  std::size_t read(char* buffer, std::size_t capacity) override;
  std::uint64_t consumed() const override { return consumed_; }

 private:
  FileHandle file_;
  std::uint64_t consumed_ = 0;
};

}  // namespace akhbar::corpus::detail
