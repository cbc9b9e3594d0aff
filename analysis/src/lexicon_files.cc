// find_lexicon_files(): the shipped data directory and the user's additions;
// find_resource_file(): the resources compiled at build time.
#include "lexicon_files.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "akhbar/error.h"

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
  if (const std::string dir = env("AKHBAR_DATA_DIR"); !dir.empty()) {
    files.aliases = existing_file(dir, kAliasesFile);
    files.topics = existing_file(dir, kTopicsFile);
    // Set on purpose: a typo must not silently lose every alias and topic.
    if (files.aliases.empty() && files.topics.empty())
      throw IoError("AKHBAR_DATA_DIR is \"" + dir + "\", which holds neither " + kAliasesFile +
                    " nor " + kTopicsFile);
  } else {
    for (const char* dir : {AKHBAR_INSTALLED_DATA_DIR, AKHBAR_SOURCE_DATA_DIR}) {
      files.aliases = existing_file(dir, kAliasesFile);
      files.topics = existing_file(dir, kTopicsFile);
      if (!files.aliases.empty() || !files.topics.empty()) break;
    }
  }

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

std::string find_resource_file(std::string_view name) {
  const std::string file(name);
  if (const std::string dir = env("AKHBAR_DATA_DIR"); !dir.empty()) {
    if (std::string path = existing_file(dir, file.c_str()); !path.empty()) return path;
    throw IoError("AKHBAR_DATA_DIR is \"" + dir + "\", which holds no " + file +
                  " (akhbar's build compiles it into share/akhbar/ of the build tree and installs it)");
  }
  std::string looked;
  for (const char* dir : {AKHBAR_INSTALLED_DATA_DIR, AKHBAR_BUILD_DATA_DIR}) {
    if (std::string path = existing_file(dir, file.c_str()); !path.empty()) return path;
    looked += (looked.empty() ? "" : ", ") + (fs::path(dir) / file).string();
  }
  throw IoError("resource file " + file + " not found (looked for " + looked +
                "); build akhbar, or set AKHBAR_DATA_DIR to a directory that holds it");
}

}  // namespace akhbar::analysis::detail
