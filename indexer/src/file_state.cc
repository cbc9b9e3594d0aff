// Per-file state: a small text header and the ids, NUL-separated because an
// id may contain any other character.
#include "file_state.h"

#include <charconv>

#include "akhbar/indexer/schema.h"

namespace akhbar::indexer::detail {

std::string file_state_key(std::string_view absolute_path) {
  std::string key(schema::kMetaFilePrefix);
  return key.append(absolute_path);
}

std::string encode_file_state(const FileState& state) {
  std::string value = std::to_string(state.size) + ' ' + std::to_string(state.mtime_ns);
  for (const std::string& id : state.ids) {
    value.push_back('\0');
    value += id;
  }
  return value;
}

std::optional<FileState> decode_file_state(std::string_view value) {
  FileState state;
  const std::size_t header_end = std::min(value.find('\0'), value.size());
  const std::string_view header = value.substr(0, header_end);
  const std::size_t space = header.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const char* size_end = header.data() + space;
  const char* mtime_end = header.data() + header.size();
  auto size_result = std::from_chars(header.data(), size_end, state.size);
  auto mtime_result = std::from_chars(size_end + 1, mtime_end, state.mtime_ns);
  if (size_result.ec != std::errc() || size_result.ptr != size_end ||
      mtime_result.ec != std::errc() || mtime_result.ptr != mtime_end)
    return std::nullopt;
  std::size_t at = header_end;
  while (at < value.size()) {
    const std::size_t begin = at + 1;
    const std::size_t end = std::min(value.find('\0', begin), value.size());
    state.ids.emplace_back(value.substr(begin, end - begin));
    at = end;
  }
  return state;
}

}  // namespace akhbar::indexer::detail
