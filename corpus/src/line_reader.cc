// Line splitting for JSON Lines input, one fixed-size chunk at a time.
#include "line_reader.h"

#include <cstring>

namespace akhbar::corpus::detail {
namespace {
constexpr std::size_t kChunkBytes = 64 * 1024;
}  // namespace

LineReader::LineReader(ByteSource& source, std::size_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes), buffer_(kChunkBytes) {}

bool LineReader::fill() {
  if (exhausted_) return false;
  begin_ = 0;
  end_ = source_.read(buffer_.data(), buffer_.size());
  if (end_ == 0) exhausted_ = true;
  return end_ > 0;
}

LineReader::Status LineReader::next(std::string& line) {
  line.clear();
  bool too_long = false;
  bool any_bytes = false;
  while (true) {
    if (begin_ == end_ && !fill()) {
      if (!any_bytes) return Status::kEnd;
      break;  // a last line without a terminator
    }
    any_bytes = true;
    const char* start = buffer_.data() + begin_;
    const std::size_t available = end_ - begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', available));
    const std::size_t take = newline != nullptr ? static_cast<std::size_t>(newline - start) : available;
    if (!too_long) {
      // The +1 leaves room for a '\r' that belongs to the terminator.
      const std::size_t held = line.size() + take;
      if (held > max_line_bytes_ && held - max_line_bytes_ > 1) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(start, take);
      }
    }
    begin_ += take;
    if (newline != nullptr) {
      ++begin_;
      break;
    }
  }
  ++line_number_;
  if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
  if (!too_long && line.size() > max_line_bytes_) too_long = true;
  if (too_long) {
    line.clear();
    return Status::kTooLong;
  }
  return Status::kLine;
}

}  // namespace akhbar::corpus::detail
