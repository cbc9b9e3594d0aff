// Runs the built akhbar command in a sandbox directory and captures what it
// prints and its exit code. The sandbox has its own database ($AKHBAR_DB)
// and is removed with the object.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace akhbar::cli_test {

struct CliResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

class CliSandbox {
 public:
  CliSandbox() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("akhbar_cli_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~CliSandbox() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  CliSandbox(const CliSandbox&) = delete;
  CliSandbox& operator=(const CliSandbox&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::string db() const { return (dir_ / "db").string(); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// Writes `content` to `name` (parent directories created) and returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    const auto file = dir_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

  /// Runs `akhbar ARGS...` with AKHBAR_DB set to db() and NO_COLOR unset, so
  /// the outcome depends on the arguments only. stdout and stderr are files,
  /// never terminals.
  CliResult run(const std::vector<std::string>& args) const {
    std::vector<std::string> env_strings;
    for (char** entry = environ; *entry != nullptr; ++entry) {
      const std::string_view var(*entry);
      if (var.starts_with("AKHBAR_DB=") || var.starts_with("NO_COLOR=")) continue;
      env_strings.emplace_back(var);
    }
    env_strings.push_back("AKHBAR_DB=" + db());

    std::vector<std::string> argv_strings = {AKHBAR_CLI_PATH};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());

    const std::string out_path = path(".stdout"), err_path = path(".stderr");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv_strings[0].c_str(), &actions, nullptr,
                                    pointers(argv_strings).data(), pointers(env_strings).data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error(std::string("cannot run akhbar: ") + std::strerror(spawned));

    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) throw std::runtime_error("waitpid failed");
    CliResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    return result;
  }

 private:
  // Views of `strings` as the null-terminated array that exec functions take;
  // valid while `strings` lives.
  static std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (std::string& s : strings) result.push_back(s.data());
    result.push_back(nullptr);
    return result;
  }

  static std::string slurp(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  std::filesystem::path dir_;
};

/// The lines of `text`, without their newlines; no empty last line.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The hit lines of `akhbar search --json` output, in rank order (the
/// summary line that follows them left out).
inline std::vector<std::string> hit_lines_of(const std::string& out) {
  std::vector<std::string> hits;
  for (std::string& line : lines_of(out))
    if (line.starts_with(R"({"type":"hit",)")) hits.push_back(std::move(line));
  return hits;
}

}  // namespace akhbar::cli_test
