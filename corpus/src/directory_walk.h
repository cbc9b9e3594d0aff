/// @file directory_walk.h
/// @brief Expands the paths given to a reader into the files to read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace akhbar::corpus::detail {

/// One step of the walk: a file to read, or a problem with a path.
struct WalkEntry {
  std::string path;
  std::uint64_t size = 0;  ///< bytes, for progress
  bool is_error = false;   ///< the path could not be used
  bool is_warning = false; ///< the path was skipped for a harmless reason
  std::string message;     ///< why, when is_error or is_warning
};

/// Expands `paths` in the order given. A directory is walked recursively,
/// its entries sorted by name (byte order), hidden entries (".name")
/// skipped, and only corpus files (is_corpus_file) kept. Symbolic links are
/// followed, but a directory already walked (same device and inode, as in a
/// symlink loop) is skipped with a warning. A path given explicitly that is
/// missing, not a regular file or directory, or of an unknown type is an
/// error entry; so is an entry of a directory named like a corpus file that
/// cannot be accessed (a dangling link) or is not a regular file (a FIFO, a
/// device). Never throws for a bad path.
std::vector<WalkEntry> walk_paths(const std::vector<std::string>& paths);

}  // namespace akhbar::corpus::detail
