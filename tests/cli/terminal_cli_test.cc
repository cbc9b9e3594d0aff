// The akhbar command on a terminal (a pseudo-terminal of a chosen width):
// the progress line of index, index --rebuild and update never wraps, and
// search output is wrapped at word boundaries with right-to-left runs
// isolated.
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "cli/json_value.h"
#include "terminal_text.h"

extern char** environ;

namespace akhbar::cli_test {
namespace {

struct TerminalRun {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr as the terminal received them
};

/// Runs `akhbar ARGS...` on a new pseudo-terminal `columns` wide, with the
/// sandbox's database, and returns what it wrote.
TerminalRun run_on_terminal(const CliSandbox& sandbox, const std::vector<std::string>& args,
                            unsigned short columns) {
  // Everything the child needs is built before fork().
  std::vector<std::string> env_strings;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view var(*entry);
    if (var.starts_with("AKHBAR_DB=") || var.starts_with("NO_COLOR=") || var.starts_with("COLUMNS=") ||
        var.starts_with("TERM="))
      continue;
    env_strings.emplace_back(var);
  }
  env_strings.push_back("AKHBAR_DB=" + sandbox.db());
  env_strings.push_back("TERM=xterm");
  std::vector<std::string> argv_strings = {AKHBAR_CLI_PATH};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv, envp;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  for (std::string& var : env_strings) envp.push_back(var.data());
  envp.push_back(nullptr);

  winsize size{};
  size.ws_row = 40;
  size.ws_col = columns;
  int terminal = -1;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  TerminalRun run;
  char buffer[4096];
  while (true) {
    const ssize_t got = ::read(terminal, buffer, sizeof buffer);
    if (got > 0) {
      run.output.append(buffer, static_cast<std::size_t>(got));
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has exited and closed its side
    }
  }
  ::close(terminal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

/// The pieces of terminal output between line feeds and carriage returns:
/// what each redraw of a line, and each line, put on the screen.
std::vector<std::string> screen_segments(const std::string& output) {
  std::vector<std::string> segments;
  std::string segment;
  for (const char c : output) {
    if (c == '\n' || c == '\r') {
      if (!segment.empty()) segments.push_back(segment);
      segment.clear();
    } else {
      segment.push_back(c);
    }
  }
  if (!segment.empty()) segments.push_back(segment);
  return segments;
}

std::string news_corpus(const std::string& id_prefix, int articles) {
  std::string text;
  for (int i = 0; i < articles; ++i)
    text += R"({"id": ")" + id_prefix + std::to_string(i) +
            R"(", "lang": "en", "body": "The port of Tartus reopened after repairs, the harbour master said on )"
            R"(Monday. Ships from Novorossiysk are expected next week with grain and fuel."})" "\n";
  return text;
}

// Every redraw of the progress line fits in the terminal, so none wraps
// onto a new line (log and summary lines may be longer: they are written
// once, and wrap like any text); the line shows what it promises.
void expect_progress_fits(const TerminalRun& run, unsigned short columns, const std::string& what) {
  std::size_t redraws = 0;
  for (const std::string& segment : screen_segments(run.output)) {
    if (segment.find("%  ") == std::string::npos || segment.find(" article") == std::string::npos) continue;
    ++redraws;
    EXPECT_LT(cli::display_width(segment), columns) << what << ": " << segment;
    EXPECT_NE(segment.find(" MB/s"), std::string::npos) << what << ": " << segment;
  }
  EXPECT_GE(redraws, 1u) << what << " drew no progress line:\n" << run.output;
}

TEST(CliOnATerminal, ProgressLinesFitA45ColumnTerminal) {
  CliSandbox sandbox;
  const std::string feeds = sandbox.path("feeds");
  sandbox.write("feeds/a.jsonl", news_corpus("a-", 3000));

  const TerminalRun index = run_on_terminal(sandbox, {"index", "--threads", "1", feeds}, 45);
  EXPECT_EQ(index.exit_code, 0) << index.output;
  expect_progress_fits(index, 45, "index");

  const TerminalRun rebuild = run_on_terminal(sandbox, {"index", "--rebuild", feeds}, 45);
  EXPECT_EQ(rebuild.exit_code, 0) << rebuild.output;
  expect_progress_fits(rebuild, 45, "index --rebuild");

  sandbox.write("feeds/b.jsonl", news_corpus("b-", 3000));
  const TerminalRun update = run_on_terminal(sandbox, {"update", feeds}, 45);
  EXPECT_EQ(update.exit_code, 0) << update.output;
  expect_progress_fits(update, 45, "update");

  const TerminalRun quiet = run_on_terminal(sandbox, {"update", "-q", feeds}, 45);
  EXPECT_EQ(quiet.output, "");
}

const char kArabicArticle[] =
    R"({"id": "ar-long", "lang": "ar", "title": "ميناء طرطوس يستقبل السفن", "body": )"
    R"("أعلنت إدارة ميناء طرطوس أن الرصيف الجديد سيستقبل السفن التجارية القادمة من البحر الأسود )"
    R"(بعد انتهاء أعمال الصيانة التي استمرت عدة أشهر وقال مدير الميناء إن الحبوب والوقود )"
    R"(ستصل خلال الأسبوع المقبل."})"
    "\n";

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.insert(word);
  return words;
}

TEST(CliOnATerminal, ArabicSnippetsAreIsolatedAndWrappedBetweenWords) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.run({"index", "-q", sandbox.write("ar.jsonl", kArabicArticle)}).exit_code, 0);
  const CliResult json = sandbox.run({"search", "--json", "طرطوس"});
  ASSERT_FALSE(hit_lines_of(json.out).empty()) << json.out;
  const std::string snippet = parse_json(hit_lines_of(json.out)[0]).at("snippet").string;

  const TerminalRun run = run_on_terminal(sandbox, {"search", "--color", "never", "طرطوس"}, 50);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  std::set<std::string> shown;
  std::size_t isolated_lines = 0;
  for (const std::string& line : screen_segments(run.output)) {
    EXPECT_LT(cli::display_width(line), 50u) << line;
    const std::size_t opened = line.find("\u2067");
    if (opened != std::string::npos) {
      ++isolated_lines;
      EXPECT_NE(line.find("\u2069", opened), std::string::npos) << "unclosed isolate: " << line;
    }
    // The words shown, without the isolates and the highlight brackets.
    std::string plain;
    for (std::size_t i = 0; i < line.size();) {
      if (line.compare(i, 3, "\u2067") == 0 || line.compare(i, 3, "\u2069") == 0) {
        i += 3;
      } else {
        if (line[i] != '[' && line[i] != ']') plain.push_back(line[i]);
        ++i;
      }
    }
    for (const std::string& word : words_of(plain)) shown.insert(word);
  }
  // The snippet takes several lines, each an isolate; no word was cut.
  EXPECT_GE(isolated_lines, 3u) << run.output;
  for (const std::string& word : words_of(snippet)) EXPECT_TRUE(shown.contains(word)) << "cut or lost: " << word;
}

}  // namespace
}  // namespace akhbar::cli_test
