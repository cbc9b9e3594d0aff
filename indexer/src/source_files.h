/// @file source_files.h
/// @brief The files an update reads: the sources walked in the order
/// corpus::CorpusReader reads them, each with what stat(2) says of it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace akhbar::indexer::detail {

struct SourceFile {
  std::string path;      ///< as reached from the source given (for messages)
  std::string absolute;  ///< absolute, lexically normal: the file's identity in the database
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

/// A source that could not be walked, and why.
struct SourceProblem {
  std::string path;
  std::string message;
};

struct SourceWalk {
  std::vector<SourceFile> files;
  std::vector<SourceProblem> problems;
  /// Absolute form of each source that exists: prune considers only tracked
  /// files at or under these (a missing source prunes nothing, so an
  /// unmounted disk does not empty the index).
  std::vector<std::string> roots;
};

/// Walks `sources`: directories recursively, entries sorted by name, hidden
/// entries skipped, corpus files only (corpus::is_corpus_file); a directory
/// reached twice (a symbolic link loop) is walked once. Never throws for a
/// bad path: it becomes a SourceProblem.
SourceWalk walk_sources(const std::vector<std::string>& sources);

/// `path` absolute and lexically normal (no "." or ".." parts), symbolic
/// links kept.
std::string absolute_path(const std::string& path);

/// True if `path` is `root` or lies under it.
bool is_under(const std::string& path, const std::string& root);

}  // namespace akhbar::indexer::detail
