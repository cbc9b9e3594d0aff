// The database path on disk: plain directory or generation stub, the write
// lock taken through it, and the atomic switch to a new generation.
//
// Invariants:
//   1. `path` always names a usable database once one exists: the switch
//      replaces it with rename(2) (or exchanges a directory with the stub
//      with renameat2(RENAME_EXCHANGE)), never removes it first.
//   2. A writer writes only to the generation `path` names after it holds
//      that generation's lock (open_writable() re-resolves after locking).
//   3. A generation directory is never created by opening: only rebuilds
//      make generations, so a writer racing a rebuild cannot resurrect a
//      removed one.
#include "database_layout.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>
#include <thread>

#include "akhbar/error.h"

namespace akhbar::indexer::detail {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kGenerationPrefix = "gen-";
// Short enough that a waiting writer starts soon after the lock is freed,
// long enough not to spin.
constexpr auto kLockRetryInterval = std::chrono::milliseconds(50);

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;  // durability only; the rename itself has happened
  ::fsync(fd);
  ::close(fd);
}

void write_file_durably(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError("cannot create " + path + ": " + std::strerror(errno));
  const bool written = ::write(fd, content.data(), content.size()) ==
                       static_cast<ssize_t>(content.size());
  const bool synced = written && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!synced) {
    ::unlink(path.c_str());
    throw IoError("cannot write " + path + ": " + std::strerror(saved_errno));
  }
}

[[noreturn]] void throw_rename_error(const std::string& from, const std::string& to) {
  throw IoError("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
}

}  // namespace

std::string resolve_database(const std::string& path) {
  struct stat info{};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return path;
  std::ifstream stub(path);
  std::string line;
  std::string target;
  while (std::getline(stub, line)) {
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find(' ');
    const std::string type = line.substr(0, space);
    if (!target.empty() || space == std::string::npos || (type != "auto" && type != "glass"))
      throw DatabaseError("database " + path +
                          " is a stub file akhbar cannot write to: it must name exactly one "
                          "local database (a line \"auto DIRECTORY\")");
    target = trim(std::string_view(line).substr(space + 1));
  }
  if (target.empty()) throw DatabaseError("database stub file " + path + " names no database");
  const fs::path target_path(target);
  if (target_path.is_absolute()) return target;
  return (fs::path(path).parent_path() / target_path).string();
}

std::optional<unsigned> generation_number(const std::string& directory) {
  const std::string name = fs::path(directory).filename().string();
  if (!name.starts_with(kGenerationPrefix)) return std::nullopt;
  const char* first = name.data() + kGenerationPrefix.size();
  const char* last = name.data() + name.size();
  unsigned number = 0;
  const auto [end, error] = std::from_chars(first, last, number);
  if (error != std::errc() || end != last || first == last) return std::nullopt;
  return number;
}

Xapian::WritableDatabase open_writable(const std::string& path, double wait_seconds, bool create) {
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(wait_seconds > 0 ? wait_seconds : 0));
  while (true) {
    const std::string directory = resolve_database(path);
    const bool plain = directory == path;
    if (plain && create) {
      // Xapian creates the database directory but not its parents; the
      // default location (~/.local/share/akhbar/db) often lacks them.
      const fs::path parent = fs::path(path).parent_path();
      std::error_code ignored;  // a failure shows up, better worded, just below
      if (!parent.empty()) fs::create_directories(parent, ignored);
    }
    try {
      Xapian::WritableDatabase db(directory,
                                  plain && create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
      if (resolve_database(path) == directory) return db;
      db.close();  // a rebuild switched generations while we waited for this one
    } catch (const Xapian::DatabaseLockError&) {
      if (Clock::now() >= deadline)
        throw DatabaseLockedError("database " + path + " is being updated by another process");
      std::this_thread::sleep_for(kLockRetryInterval);
    } catch (const Xapian::DatabaseNotFoundError&) {
      // A generation replaced while we opened it: follow the stub again.
      if (!plain && resolve_database(path) != directory) continue;
      throw DatabaseNotFoundError(plain ? "no database at " + path +
                                              "; run `akhbar index` first to create it"
                                        : "database stub " + path + " names " + directory +
                                              ", which does not exist; run `akhbar index --rebuild`");
    } catch (const Xapian::DatabaseOpeningError& e) {
      if (!plain && resolve_database(path) != directory) continue;
      throw DatabaseError("cannot open database " + path + ": " + e.get_description());
    } catch (const Xapian::Error& e) {
      throw DatabaseError("cannot open database " + path + ": " + e.get_description());
    }
  }
}

std::string generations_folder(const std::string& path) { return path + ".d"; }

void switch_generation(const std::string& path, const std::string& generation_dir) {
  const fs::path link(path);
  const std::string relative =
      link.filename().string() + ".d/" + fs::path(generation_dir).filename().string();
  const std::string temporary = path + ".stub-" + std::to_string(::getpid());
  write_file_durably(temporary, "auto " + relative + "\n");

  struct stat info{};
  const bool is_directory = ::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
  if (!is_directory) {
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      ::unlink(temporary.c_str());
      throw_rename_error(temporary, path);
    }
  } else if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) {
    // The old plain database now lives at `temporary`.
    std::error_code ignored;
    fs::remove_all(temporary, ignored);
  } else {
    // A file system without RENAME_EXCHANGE: move the directory aside, then
    // put the stub in its place; searches opening in between fail once.
    const std::string aside = path + ".old-" + std::to_string(::getpid());
    if (::rename(path.c_str(), aside.c_str()) != 0) {
      ::unlink(temporary.c_str());
      throw_rename_error(path, aside);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      const int saved_errno = errno;
      ::rename(aside.c_str(), path.c_str());
      ::unlink(temporary.c_str());
      errno = saved_errno;
      throw_rename_error(temporary, path);
    }
    std::error_code ignored;
    fs::remove_all(aside, ignored);
  }
  sync_directory(link.parent_path());
}

void remove_old_generations(const std::string& path, const std::string& keep) {
  const std::string kept = fs::path(keep).filename().string();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(generations_folder(path), error)) {
    if (entry.path().filename().string() == kept) continue;
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

}  // namespace akhbar::indexer::detail
