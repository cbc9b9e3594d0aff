// read_dictd(): the index and the (decompressed) text of a dictd dictionary.
#include "dictd.h"

#include <zlib.h>

#include <fstream>
#include <string_view>

#include "akhbar/error.h"

namespace akhbar::resources {
namespace {

/// The whole file, decompressed when it is gzip (zlib reads plain files as
/// they are).
std::string read_text(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw IoError("cannot read dictionary text \"" + path + "\"");
  std::string text;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(read));
  // A stream cut short ends like a file (read == 0) with Z_BUF_ERROR.
  int code = Z_OK;
  const std::string error = gzerror(file, &code);
  gzclose(file);
  if (read < 0 || code != Z_OK)
    throw DataError("\"" + path + "\" is not a readable (compressed) dictionary text: " + error);
  return text;
}

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

bool decode_dictd_number(std::string_view digits, std::size_t& value) {
  if (digits.empty() || digits.size() > 8) return false;
  value = 0;
  for (char c : digits) {
    const int digit = base64_digit(c);
    if (digit < 0) return false;
    value = value * 64 + static_cast<std::size_t>(digit);
  }
  return true;
}

std::vector<DictdEntry> read_dictd(const std::string& index_path, const std::string& dict_path) {
  std::ifstream index(index_path, std::ios::binary);
  if (!index) throw IoError("cannot read dictionary index \"" + index_path + "\"");
  const std::string text = read_text(dict_path);
  std::vector<DictdEntry> entries;
  std::string line;
  for (std::size_t number = 1; std::getline(index, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t first = line.find('\t');
    const std::size_t second = first == std::string::npos ? first : line.find('\t', first + 1);
    std::size_t offset = 0, length = 0;
    const auto fail = [&](const std::string& reason) {
      throw DataError(index_path + ":" + std::to_string(number) + ": " + reason);
    };
    if (second == std::string::npos) fail("expected HEADWORD<TAB>OFFSET<TAB>LENGTH");
    const std::string_view view(line);
    if (!decode_dictd_number(view.substr(first + 1, second - first - 1), offset) ||
        !decode_dictd_number(view.substr(second + 1), length))
      fail("offset and length must be dictd base-64 numbers");
    if (offset > text.size() || length > text.size() - offset)
      fail("the entry lies outside the dictionary text \"" + dict_path + "\" (" + std::to_string(text.size()) +
           " bytes)");
    std::string headword = line.substr(0, first);
    if (headword.starts_with("00database") || headword.starts_with("00-database")) continue;
    entries.push_back({std::move(headword), text.substr(offset, length)});
  }
  if (index.bad()) throw IoError("error while reading dictionary index \"" + index_path + "\"");
  return entries;
}

}  // namespace akhbar::resources
