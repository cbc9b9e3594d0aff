// `akhbar check`: is this database sound? Xapian's table check plus
// akhbar's own consistency checks; the exit code says.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "akhbar/indexer/updater.h"
#include "akhbar/indexer/writer.h"
#include "common.h"

namespace akhbar::cli {

namespace {

struct CheckFlags {
  std::string db;
  bool json = false;
};

std::string json_strings(const std::vector<std::string>& texts) {
  std::vector<std::string> items;
  for (const std::string& text : texts) items.push_back(json_string(text));
  return json_array(items);
}

int run_check(const CheckFlags& flags) {
  const std::string db = flags.db.empty() ? indexer::default_db_path() : flags.db;
  const indexer::CheckReport report = indexer::check_database(db);
  if (flags.json) {
    std::cout << JsonObject::record("check")
                     .add_string("db", db)
                     .add_string("directory", report.directory)
                     .add_bool("ok", report.ok())
                     .add_count("articles", report.articles)
                     .add_count("tracked_files", report.tracked_files)
                     .add_count("tracked_articles", report.tracked_articles)
                     .add_string("analysis_version", report.analysis_version)
                     .add_raw("problems", json_strings(report.problems))
                     .add_raw("notes", json_strings(report.notes))
                     .str()
              << '\n';
  } else {
    std::cout << "database          " << db << '\n'
              << "directory         " << report.directory << '\n'
              << "articles          " << report.articles << '\n'
              << "tracked files     " << report.tracked_files << " (" << report.tracked_articles
              << " articles)\n"
              << "analysis version  " << report.analysis_version << '\n';
    for (const std::string& note : report.notes) std::cout << "note: " << note << '\n';
    std::cout << (report.ok() ? "OK\n" : "FAILED\n");
    for (const std::string& problem : report.problems)
      std::cerr << "akhbar: error: " << problem << '\n';
  }
  return report.ok() ? kExitOk : kExitDatabase;
}

}  // namespace

Command add_check_command(CLI::App& parent) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* app = parent.add_subcommand(
      "check",
      "Verify a database: Xapian's table check, analysis version, one document per id, readable "
      "stored text, per-file states");
  app->add_option("--db", flags->db, "database (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_flag("--json", flags->json, "print one JSON object");
  app->footer(
      "Exit code 0 when the database is sound, 3 when it is not (the reasons are printed).\n\n"
      "Examples:\n"
      "  akhbar check\n"
      "  akhbar check --db /srv/news.db --json");
  return {app, [flags] { return run_check(*flags); }};
}

}  // namespace akhbar::cli
