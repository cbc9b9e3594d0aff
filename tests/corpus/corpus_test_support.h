// Helpers for the corpus tests: a scratch directory, files written at test
// time (binary and compressed ones cannot live in tests/data), and a reader
// run collected into vectors.
#pragma once

#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "akhbar/corpus/reader.h"

namespace akhbar::corpus::testing {

inline std::string test_data(const std::string& name) {
  return std::string(AKHBAR_TEST_DATA_DIR) + "/corpus/" + name;
}

/// A fresh directory under the system temp dir, removed with its content.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "akhbar-corpus-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string path(const std::string& name) const { return path_ + "/" + name; }

  /// Writes `bytes` to `name` (parent directories created) and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::string full = path(name);
    std::filesystem::create_directories(std::filesystem::path(full).parent_path());
    std::ofstream out(full, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + full);
    return full;
  }

 private:
  std::string path_;
};

/// `text` as one zstd frame with a content checksum.
inline std::string zstd_compress(const std::string& text) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compress2(cctx, out.data(), out.size(), text.data(), text.size());
  ZSTD_freeCCtx(cctx);
  if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

/// Everything one reading run produced.
struct ReadResult {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ReaderStats stats;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& a : articles) out.push_back(a.id);
    return out;
  }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.to_string());
    return out;
  }
};

inline ReadResult read_all(std::vector<std::string> paths, ReaderOptions options = {}) {
  ReadResult result;
  CorpusReader reader(std::move(paths), options);
  reader.on_problem([&](const Problem& p) { result.problems.push_back(p); });
  while (auto article = reader.next()) result.articles.push_back(std::move(*article));
  result.stats = reader.stats();
  return result;
}

}  // namespace akhbar::corpus::testing
