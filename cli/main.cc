// akhbar: command-line entry point. Registers the subcommands, parses the
// command line, runs the chosen subcommand and turns errors into exit codes.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/version.h"
#include "common.h"

namespace {

using namespace akhbar::cli;

// The documented exit code for a library error.
int exit_code_for(const akhbar::Error& error) {
  if (dynamic_cast<const akhbar::DatabaseError*>(&error) != nullptr) return kExitDatabase;
  if (dynamic_cast<const akhbar::UsageError*>(&error) != nullptr) return kExitUsage;
  return kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"akhbar: full-text search for news in Russian, English and Arabic.\n"
               "A query in one script finds the same names in the others "
               "(Khmeimim, Хмеймим, حميميم)."};
  app.name("akhbar");
  app.set_version_flag("--version", std::string("akhbar ") + akhbar::version_string() +
                                        " (analysis version " +
                                        std::to_string(akhbar::kAnalysisVersion) + ")");
  app.require_subcommand(1);

  const std::vector<Command> commands = {add_index_command(app), add_search_command(app),
                                         add_stats_command(app), add_eval_command(app),
                                         add_update_command(app), add_check_command(app)};
  app.footer("Run `akhbar COMMAND --help` for the flags and examples of each command.\n"
             "The database is $AKHBAR_DB when --db is not given, else "
             "$XDG_DATA_HOME/akhbar/db or ~/.local/share/akhbar/db.\n\n" +
             environment_help() + "\n\n" + exit_codes_help());

  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  for (const Command& command : commands)
    if (command.prepare_args) command.prepare_args(args);
  try {
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here too, with CLI11's success code.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  try {
    for (const Command& command : commands)
      if (command.app->parsed()) return command.run();
    return kExitUsage;
  } catch (const akhbar::DatabaseLockedError& e) {
    std::cerr << "akhbar: error: " << e.what() << "; run with --wait SECONDS to wait for it\n";
    return exit_code_for(e);
  } catch (const akhbar::Error& e) {
    std::cerr << "akhbar: error: " << e.what() << '\n';
    return exit_code_for(e);
  } catch (const std::exception& e) {
    std::cerr << "akhbar: error: " << e.what() << '\n';
    return kExitFailure;
  }
}
