/// @file reader.h
/// @brief Reads articles from JSON Lines, zstd-compressed JSON Lines, article
/// text files (.md, .txt) and directories of them.
///
/// Usage:
/// @code
///   akhbar::corpus::CorpusReader reader({"news/", "extra.jsonl.zst"});
///   reader.on_problem([](const akhbar::corpus::Problem& p) {
///     std::cerr << p.to_string() << '\n';
///   });
///   while (auto article = reader.next()) index(*article);
/// @endcode
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "akhbar/corpus/article.h"

namespace akhbar::corpus {

/// Something wrong with the input. A warning leaves the record usable (e.g.
/// invalid UTF-8 replaced, an article capped); an error means the record, or
/// the rest of the file, was skipped.
struct Problem {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  std::string file;
  std::uint64_t line = 0;  ///< 1-based; 0 when the problem is the whole file
  std::string message;     ///< the reason, e.g. "invalid JSON: expected ',' at column 17"

  /// "file:line: error: message" (or "file: warning: ..." without a line).
  std::string to_string() const;
};

/// Limits that protect the indexer from pathological input.
struct ReaderOptions {
  /// An article body longer than this is cut at a paragraph or word boundary
  /// with a warning.
  std::size_t max_article_bytes = 4u << 20;
  /// A JSON Lines line longer than this is skipped with an error, without
  /// being held in memory whole.
  std::size_t max_line_bytes = 64u << 20;
};

/// Counters for one reading run.
struct ReaderStats {
  std::uint64_t files = 0;         ///< files opened
  std::uint64_t articles = 0;      ///< articles returned by next()
  std::uint64_t bytes = 0;         ///< input bytes consumed (compressed size for .zst)
  std::uint64_t text_bytes = 0;    ///< those bytes decompressed: the text read
  std::uint64_t errors = 0;        ///< problems of severity kError
  std::uint64_t warnings = 0;      ///< problems of severity kWarning
};

/// Reads every article under a list of paths, in a stable order: the paths
/// in the order given; directories walked recursively with entries sorted by
/// name; within a file, in file order. Files are recognised by extension
/// (.jsonl, .jsonl.zst, .md, .txt); other files in a directory are ignored,
/// and a path named explicitly with another extension is reported.
///
/// Bad input never throws: it is reported to the problem handler (default:
/// none, just counted) and reading continues with the next record or file.
/// next() throws only on a broken precondition. Not thread-safe.
class CorpusReader {
 public:
  explicit CorpusReader(std::vector<std::string> paths, ReaderOptions options = {});
  ~CorpusReader();
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  /// Called for every problem, as it is found.
  void on_problem(std::function<void(const Problem&)> handler);

  /// The next article, or std::nullopt when every path has been read.
  std::optional<Article> next();

  const ReaderStats& stats() const noexcept;

  /// Total size in bytes of the files to read (for progress reporting).
  /// Walks the paths once; cheap next to reading them.
  std::uint64_t total_bytes();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// True if `path` names a file the reader understands, by its extension.
bool is_corpus_file(const std::string& path);

}  // namespace akhbar::corpus
