// Runs the built akhbar command (and other programs) as child processes, and
// writes generated corpora for them: for the tests that kill an update, or
// search while one runs.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "akhbar/corpus/article.h"

extern char** environ;

namespace akhbar::test_process {

/// Starts `program ARGS...` with stdin from /dev/null and stdout and stderr
/// appended to `log_path`. Returns its pid; throws if it cannot start.
inline pid_t spawn(const std::string& program, const std::vector<std::string>& args,
                   const std::string& log_path = "/dev/null") {
  std::vector<std::string> strings = {program};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int error = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + program);
  return pid;
}

/// Waits for `pid`: its exit code, or minus the signal that ended it.
inline int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WEXITSTATUS(status);
}

/// Runs `program ARGS...` to the end; its exit code as wait_for() gives it.
inline int run(const std::string& program, const std::vector<std::string>& args,
               const std::string& log_path = "/dev/null") {
  return wait_for(spawn(program, args, log_path));
}

/// Runs the akhbar command built with the tests.
inline int run_akhbar(const std::vector<std::string>& args, const std::string& log_path = "/dev/null") {
  return run(AKHBAR_CLI_PATH, args, log_path);
}

/// A deterministic English article: `id`, a title, and two paragraphs of
/// words drawn from a small vocabulary, plus `extra_words` in the body.
inline corpus::Article generated_article(const std::string& id, std::mt19937& random,
                                         const std::string& extra_words = {}) {
  static const std::vector<std::string> kWords = {
      "port",     "base",    "sanctions", "contract", "grain",   "oil",     "navy",
      "minister", "treaty",  "airfield",  "currency", "printing", "harbour", "convoy",
      "tanker",   "embassy", "pipeline",  "drought",  "election", "council", "frigate"};
  std::uniform_int_distribution<std::size_t> pick(0, kWords.size() - 1);
  auto sentence = [&](std::size_t words) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) text += (i == 0 ? "" : " ") + kWords[pick(random)];
    return text + ".";
  };
  corpus::Article article;
  article.id = id;
  article.title = "Report " + id + " on the " + kWords[pick(random)];
  article.lang = "en";
  article.published = "2025-01-15";
  article.source = "Test Wire";
  article.paragraphs = {sentence(12) + " " + extra_words, sentence(10)};
  return article;
}

/// `article` as one JSON Lines record (ids and words are plain ASCII).
inline std::string jsonl_record(const corpus::Article& article) {
  std::string body;
  for (const std::string& paragraph : article.paragraphs)
    body += (body.empty() ? "" : "\\n\\n") + paragraph;
  return "{\"id\": \"" + article.id + "\", \"title\": \"" + article.title + "\", \"lang\": \"" +
         article.lang + "\", \"published\": \"" + article.published + "\", \"source\": \"" +
         article.source + "\", \"body\": \"" + body + "\"}\n";
}

/// Writes `articles` to `path` as JSON Lines.
inline void write_jsonl(const std::filesystem::path& path, const std::vector<corpus::Article>& articles) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const corpus::Article& article : articles) out << jsonl_record(article);
}

}  // namespace akhbar::test_process
