// Walking the sources of an update with stat(2) data, in reading order.
// The order must be the reader's (corpus/src/directory_walk.cc): which of
// two files holding the same id is first, and so keeps it, depends on it.
#include "source_files.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "akhbar/corpus/reader.h"

namespace akhbar::indexer::detail {
namespace {

std::int64_t mtime_of(const struct stat& info) {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

class Walker {
 public:
  explicit Walker(SourceWalk& out) : out_(out) {}

  void walk_source(const std::string& path) {
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0) {
      problem(path, std::string("cannot access: ") + std::strerror(errno));
      return;
    }
    if (S_ISDIR(info.st_mode)) {
      out_.roots.push_back(absolute_path(path));
      walk_directory(path, info);
    } else if (!S_ISREG(info.st_mode)) {
      problem(path, "not a regular file or directory");
    } else if (!corpus::is_corpus_file(path)) {
      problem(path, "unknown file type (expected .jsonl, .jsonl.zst, .md or .txt)");
    } else {
      out_.roots.push_back(absolute_path(path));
      add_file(path, info);
    }
  }

 private:
  void problem(const std::string& path, std::string message) {
    out_.problems.push_back({path, std::move(message)});
  }

  void add_file(const std::string& path, const struct stat& info) {
    out_.files.push_back(
        {path, absolute_path(path), static_cast<std::uint64_t>(info.st_size), mtime_of(info)});
  }

  void walk_directory(const std::string& path, const struct stat& info) {
    if (!visited_.insert({info.st_dev, info.st_ino}).second) return;
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      problem(path, std::string("cannot open directory: ") + std::strerror(errno));
      return;
    }
    std::vector<std::string> names;
    while (const dirent* entry = ::readdir(dir))
      if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    const std::string prefix = path.ends_with('/') ? path : path + "/";
    for (const std::string& name : names) {
      const std::string child = prefix + name;
      struct stat child_info{};
      if (::stat(child.c_str(), &child_info) != 0) {
        // A dangling link or a file removed meanwhile: worth a word only if
        // it would have been read.
        if (corpus::is_corpus_file(name))
          problem(child, std::string("cannot access: ") + std::strerror(errno));
        continue;
      }
      if (S_ISDIR(child_info.st_mode)) {
        walk_directory(child, child_info);
      } else if (corpus::is_corpus_file(name)) {
        // A FIFO named like an article would block the reader: never opened.
        if (S_ISREG(child_info.st_mode))
          add_file(child, child_info);
        else
          problem(child, "not a regular file or directory");
      }
    }
  }

  SourceWalk& out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

SourceWalk walk_sources(const std::vector<std::string>& sources) {
  SourceWalk walk;
  Walker walker(walk);
  for (const std::string& source : sources) walker.walk_source(source);
  return walk;
}

std::string absolute_path(const std::string& path) {
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(path, error);
  std::string normal = (error ? std::filesystem::path(path) : absolute).lexically_normal().string();
  // "dir/" and "dir" are one directory.
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

bool is_under(const std::string& path, const std::string& root) {
  if (!path.starts_with(root)) return false;
  return path.size() == root.size() || root == "/" || path[root.size()] == '/';
}

}  // namespace akhbar::indexer::detail
