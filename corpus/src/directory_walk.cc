// Directory walking with a stable order, so two runs over the same tree
// read the same articles in the same order.
//
// Invariants:
//  1. Each directory (by device and inode) is listed at most once, so
//     symlink loops end.
//  2. Entries come out in the order they will be read: problems appear where
//     the offending path would have been.
#include "directory_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "akhbar/corpus/reader.h"

namespace akhbar::corpus::detail {
namespace {

class Walker {
 public:
  explicit Walker(std::vector<WalkEntry>& out) : out_(out) {}

  void walk_explicit(const std::string& path) {
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0) {
      error(path, std::string("cannot access: ") + std::strerror(errno));
      return;
    }
    if (S_ISDIR(info.st_mode)) {
      walk_directory(path, info);
    } else if (!S_ISREG(info.st_mode)) {
      error(path, "not a regular file or directory");
    } else if (!is_corpus_file(path)) {
      error(path, "unknown file type (expected .jsonl, .jsonl.zst, .md or .txt)");
    } else {
      out_.push_back({path, static_cast<std::uint64_t>(info.st_size), false, false, {}});
    }
  }

 private:
  void error(const std::string& path, std::string message) {
    out_.push_back({path, 0, true, false, std::move(message)});
  }

  void warning(const std::string& path, std::string message) {
    out_.push_back({path, 0, false, true, std::move(message)});
  }

  void walk_directory(const std::string& path, const struct stat& info) {
    if (!visited_.insert({info.st_dev, info.st_ino}).second) {
      warning(path, "directory already read (symbolic link loop or duplicate), skipped");
      return;
    }
    std::vector<std::string> names;
    if (!list_directory(path, names)) return;
    std::sort(names.begin(), names.end());
    const std::string prefix = path.ends_with('/') ? path : path + "/";
    for (const std::string& name : names) {
      const std::string child = prefix + name;
      struct stat child_info{};
      if (::stat(child.c_str(), &child_info) != 0) {
        // A dangling link or a file removed meanwhile: only worth a word if
        // it would have been read.
        if (is_corpus_file(name)) error(child, std::string("cannot access: ") + std::strerror(errno));
        continue;
      }
      if (S_ISDIR(child_info.st_mode)) {
        walk_directory(child, child_info);
      } else if (is_corpus_file(name)) {
        if (S_ISREG(child_info.st_mode)) {
          out_.push_back({child, static_cast<std::uint64_t>(child_info.st_size), false, false, {}});
        } else {
          // A FIFO or device named like an article: never opened (a FIFO
          // would block), but said, since it looks like input.
          error(child, "not a regular file or directory");
        }
      }
    }
  }

  bool list_directory(const std::string& path, std::vector<std::string>& names) {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      error(path, std::string("cannot open directory: ") + std::strerror(errno));
      return false;
    }
    while (const dirent* entry = ::readdir(dir)) {
      if (entry->d_name[0] == '.') continue;  // hidden, and "." and ".."
      names.emplace_back(entry->d_name);
    }
    ::closedir(dir);
    return true;
  }

  std::vector<WalkEntry>& out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

std::vector<WalkEntry> walk_paths(const std::vector<std::string>& paths) {
  std::vector<WalkEntry> entries;
  Walker walker(entries);
  for (const std::string& path : paths) walker.walk_explicit(path);
  return entries;
}

}  // namespace akhbar::corpus::detail
