/// @file line_reader.h
/// @brief Splits a byte stream into lines, with a bound on line length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "byte_source.h"

namespace akhbar::corpus::detail {

/// Lines of a ByteSource, terminated by "\n" or "\r\n" (the terminator is
/// not part of the line); a last line without a terminator counts. A line
/// longer than `max_line_bytes` is skipped as it streams by, never held in
/// memory whole, and reported as kTooLong.
///
/// next() passes on the source's exceptions (akhbar::IoError, DataError);
/// the partial line read before such an exception is discarded.
class LineReader {
 public:
  enum class Status { kLine, kTooLong, kEnd };

  LineReader(ByteSource& source, std::size_t max_line_bytes);

  /// Reads the next line into `line` (cleared first).
  Status next(std::string& line);

  /// 1-based number of the line last returned by next() (kLine or kTooLong).
  std::uint64_t line_number() const { return line_number_; }

 private:
  bool fill();

  ByteSource& source_;
  std::size_t max_line_bytes_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  bool exhausted_ = false;
  std::uint64_t line_number_ = 0;
};

}  // namespace akhbar::corpus::detail
