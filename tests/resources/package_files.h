// Package files written by the tests as Debian's packages ship them:
// dictionaries in the dictd format (an index in dictd's base 64, the text
// gzip-compressed) and gettext .mo catalogs.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "indexer/temp_dir.h"

namespace akhbar::test {

/// Writes `text` gzip-compressed to `path`, as dictzip does (without its
/// random-access field, which readers may ignore).
inline void write_gzip(const std::string& path, const std::string& text) {
  gzFile file = gzopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot write " + path);
  const int written = gzwrite(file, text.data(), static_cast<unsigned>(text.size()));
  gzclose(file);
  if (written != static_cast<int>(text.size())) throw std::runtime_error("cannot write " + path);
}

/// `value` in dictd's base 64.
inline std::string dictd_number(std::size_t value) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string digits;
  do {
    digits.insert(digits.begin(), kDigits[value % 64]);
    value /= 64;
  } while (value != 0);
  return digits;
}

/// The text of `entries` (headword, entry text) one after the other, and its index.
inline std::pair<std::string, std::string> dictd_text_and_index(
    const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string text, index;
  for (const auto& [headword, entry] : entries) {
    index += headword + "\t" + dictd_number(text.size()) + "\t" + dictd_number(entry.size()) + "\n";
    text += entry;
  }
  return {text, index};
}

/// Writes NAME.index and NAME.dict.dz into `dir`; their paths.
inline std::pair<std::string, std::string> write_dictd(const indexer::testing::TempDir& dir, const std::string& name,
                                                       const std::vector<std::pair<std::string, std::string>>& entries) {
  const auto [text, index] = dictd_text_and_index(entries);
  const std::string dict = dir.path(name + ".dict.dz");
  write_gzip(dict, text);
  return {dir.write(name + ".index", index), dict};
}

/// A .mo file of `messages` (msgid, msgstr), header entry first, in the
/// given byte order.
inline std::string mo_file(const std::vector<std::pair<std::string, std::string>>& messages, bool little) {
  std::vector<std::pair<std::string, std::string>> all{{"", "Content-Type: text/plain; charset=UTF-8\n"}};
  all.insert(all.end(), messages.begin(), messages.end());
  const auto n = static_cast<std::uint32_t>(all.size());
  std::string out;
  const auto word = [&](std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(little ? value >> (8 * i) : value >> (8 * (3 - i))));
  };
  const std::uint32_t originals = 28, translations = originals + 8 * n;
  std::uint32_t strings = translations + 8 * n;
  word(0x950412de);
  word(0);
  word(n);
  word(originals);
  word(translations);
  word(0);
  word(0);
  std::string pool;
  for (int table = 0; table < 2; ++table)
    for (const auto& message : all) {
      const std::string& text = table == 0 ? message.first : message.second;
      word(static_cast<std::uint32_t>(text.size()));
      word(strings + static_cast<std::uint32_t>(pool.size()));
      pool += text;
      pool.push_back('\0');
    }
  return out + pool;
}

}  // namespace akhbar::test
