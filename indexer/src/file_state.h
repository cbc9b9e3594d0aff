/// @file file_state.h
/// @brief What the database remembers of one source file (schema.h,
/// kMetaFilePrefix): enough to skip it unread when it has not changed, and
/// to find the articles it held when it changes or disappears.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::indexer::detail {

struct FileState {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::vector<std::string> ids;  ///< articles indexed from the file, in file order

  /// True if a file with this size and modification time is, as far as a
  /// stat can tell, the file this state was recorded for.
  bool same_file(std::uint64_t other_size, std::int64_t other_mtime_ns) const noexcept {
    return size == other_size && mtime_ns == other_mtime_ns;
  }
};

/// The metadata key of a file: kMetaFilePrefix + its absolute path.
std::string file_state_key(std::string_view absolute_path);

/// "SIZE MTIME_NS" followed by "\0ID" per article.
std::string encode_file_state(const FileState& state);

/// Inverse of encode_file_state(); std::nullopt for a malformed value (the
/// file is then treated as never read).
std::optional<FileState> decode_file_state(std::string_view value);

}  // namespace akhbar::indexer::detail
