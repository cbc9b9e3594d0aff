/// @file file_reader.h
/// @brief Reading the articles of one corpus file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "akhbar/corpus/article.h"
#include "akhbar/corpus/reader.h"
#include "problem_sink.h"

namespace akhbar::corpus::detail {

/// The articles of one file, in file order. next() reports bad input to the
/// sink and goes on; it returns std::nullopt once the file is done (read to
/// the end, or abandoned after an error that leaves nothing more to read).
/// It never throws for bad input.
class FileReader {
 public:
  virtual ~FileReader() = default;
  virtual std::optional<Article> next() = 0;
  /// Bytes of the file consumed so far.
  virtual std::uint64_t bytes_consumed() const = 0;
  /// Those bytes decompressed (the same for a file that is not compressed).
  virtual std::uint64_t bytes_decompressed() const { return bytes_consumed(); }
};

/// A reader for `path` chosen by its extension (REQUIRES: is_corpus_file).
/// Returns nullptr, after reporting why, when the file cannot be opened or
/// is empty.
std::unique_ptr<FileReader> open_file_reader(const std::string& path, const ReaderOptions& options,
                                             ProblemSink& sink);

/// The reader for JSON Lines, plain or zstd-compressed (`compressed`).
std::unique_ptr<FileReader> open_jsonl_reader(const std::string& path, bool compressed,
                                              const ReaderOptions& options, ProblemSink& sink);

/// The reader for one article text file (.md, .txt).
std::unique_ptr<FileReader> open_text_reader(const std::string& path, const ReaderOptions& options,
                                             ProblemSink& sink);

}  // namespace akhbar::corpus::detail
