// find_lexicon_files(): the shipped data directory and the user's additions.
#include "lexicon_files.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "akhbar/data_files.h"

namespace akhbar::analysis::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAliasesFile = "aliases.txt";
constexpr const char* kTopicsFile = "topics.txt";

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

/// `dir/name` if that file exists, else "".
std::string existing_file(const fs::path& dir, const char* name) {
  std::error_code error;
  const fs::path path = dir / name;
  return fs::is_regular_file(path, error) ? path.string() : std::string();
}

}  // namespace

LexiconFiles find_lexicon_files() {
  LexiconFiles files;
  files.aliases = data_path(kAliasesFile);
  files.topics = data_path(kTopicsFile);

  // XDG base directories: $XDG_CONFIG_HOME must be absolute to count.
  fs::path config = env("XDG_CONFIG_HOME");
  if (!config.is_absolute()) {
    const std::string home = env("HOME");
    config = home.empty() ? fs::path() : fs::path(home) / ".config";
  }
  if (!config.empty()) {
    files.user_aliases = existing_file(config / "akhbar", kAliasesFile);
    files.user_topics = existing_file(config / "akhbar", kTopicsFile);
  }
  return files;
}

}  // namespace akhbar::analysis::detail
