// Prints, as a Markdown table, what `akhbar index` says about each hostile
// fixture: the exact lines it writes to stderr, with the fixture directory
// shown as "$DIR". Usage: hostile_report [--no-long-line]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "hostile/fixtures.h"

namespace {

using akhbar::cli_test::CliResult;
using akhbar::cli_test::CliSandbox;
using akhbar::cli_test::lines_of;

std::string shown(std::string line, const std::string& root) {
  for (std::size_t at = line.find(root); at != std::string::npos; at = line.find(root))
    line.replace(at, root.size(), "$DIR");
  std::string out;
  for (const char c : line) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return "`" + out + "`";
}

void print_row(const std::string& fixture, const std::string& what, const std::vector<std::string>& lines,
               const std::string& root) {
  std::string messages;
  for (const std::string& line : lines) messages += (messages.empty() ? "" : "<br>") + shown(line, root);
  std::cout << "| " << fixture << " | " << what << " | " << (messages.empty() ? "(none; read as good input)" : messages)
            << " |\n";
}

bool names(const std::string& line, const std::string& path) {
  return line.starts_with(path + ":") || line.starts_with(path + "/");
}

}  // namespace

int main(int argc, char** argv) {
  const bool long_line = !(argc > 1 && std::string(argv[1]) == "--no-long-line");
  CliSandbox sandbox;
  const std::string root = sandbox.path("input");
  std::filesystem::create_directories(root);
  const std::vector<akhbar::hostile::Fixture> fixtures = akhbar::hostile::write_fixtures(root);
  const CliResult run = sandbox.run({"index", "--json", root});
  const std::vector<std::string> printed = lines_of(run.err);

  std::cout << "akhbar index $DIR -> exit code " << run.exit_code << "\n"
            << run.out << "\n"
            << "| fixture | what is hostile | message printed by `akhbar index` |\n"
            << "|---|---|---|\n";
  for (const auto& fixture : fixtures) {
    std::vector<std::string> mine;
    for (const std::string& line : printed)
      if (names(line, root + "/" + fixture.name)) mine.push_back(line);
    print_row(fixture.name, fixture.what, mine, root);
  }
  // A source that does not exist stops the run before anything is read.
  const std::string missing = root + "/does_not_exist.jsonl";
  CliSandbox refused;
  const CliResult missing_run = refused.run({"index", "--json", missing});
  print_row("does_not_exist.jsonl", "a source given that does not exist (its own run; exit code " +
                                        std::to_string(missing_run.exit_code) + ")",
            lines_of(missing_run.err), root);

  if (long_line) {
    const std::string path = akhbar::hostile::write_long_line_file(root, "long_line.jsonl", 100u << 20);
    CliSandbox other;
    const auto start = std::chrono::steady_clock::now();
    const CliResult result = other.run({"index", "--json", path});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage children{};
    ::getrusage(RUSAGE_CHILDREN, &children);
    char what[160];
    std::snprintf(what, sizeof what, "one 100 MB line between two good ones (%.1f s, peak RSS of the runs %ld MB)",
                  seconds, children.ru_maxrss / 1024);
    print_row("long_line.jsonl", what, lines_of(result.err), root);
  }
  return 0;
}
