// `akhbar update`: the nightly job. Brings the database in step with its
// sources, reading only the files that changed, and prints what it did.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/updater.h"
#include "akhbar/indexer/writer.h"
#include "common.h"
#include "progress_bar.h"

namespace akhbar::cli {

namespace {

struct UpdateFlags {
  std::string db;
  bool prune = false;
  bool json = false;
  bool quiet = false;
  bool rebuild_if_needed = false;
  double wait_seconds = 0;
  std::size_t batch = indexer::IndexOptions{}.batch_articles;
  std::string log_format = "text";
  std::vector<std::string> sources;
};

void print_summary(const indexer::UpdateStats& stats, const std::string& db, bool rebuilt, bool json) {
  if (json) {
    std::cout << JsonObject::record("update")
                     .add_string("db", db)
                     .add_bool("rebuilt", rebuilt)
                     .add_count("added", stats.added)
                     .add_count("updated", stats.updated)
                     .add_count("unchanged", stats.unchanged)
                     .add_count("deleted", stats.deleted)
                     .add_count("duplicates", stats.duplicates)
                     .add_count("failed", stats.failed)
                     .add_count("warnings", stats.warnings)
                     .add_count("files_read", stats.files_read)
                     .add_count("files_skipped", stats.files_skipped)
                     .add_count("input_bytes", stats.input_bytes)
                     .add_count("text_bytes", stats.text_bytes)
                     .add_number("seconds", stats.seconds)
                     .str()
              << '\n';
    return;
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", stats.seconds);
  std::cout << (rebuilt ? "Rebuilt " : "Updated ") << db << " in " << seconds << ": added " << stats.added
            << ", updated " << stats.updated << ", unchanged " << stats.unchanged << ", deleted "
            << stats.deleted << ", duplicates " << stats.duplicates << ", failed " << stats.failed << ".\n"
            << "Files read " << stats.files_read << ", unchanged and skipped " << stats.files_skipped
            << ", input " << input_size(stats.input_bytes, stats.text_bytes) << ".\n";
}

int run_update(const UpdateFlags& flags) {
  // A rebuild reads the SOURCES alone: only with --prune do they hold every
  // article the database should keep.
  if (flags.rebuild_if_needed && !flags.prune)
    throw UsageError("--rebuild-if-needed rebuilds the database from the SOURCES alone, so it needs "
                     "--prune (the SOURCES hold every article the database keeps)");
  const std::string db = flags.db.empty() ? indexer::default_db_path() : flags.db;
  indexer::UpdateOptions options;
  options.prune = flags.prune;
  options.index.batch_articles = flags.batch;
  options.index.wait_seconds = flags.wait_seconds;
  const bool json_log = flags.log_format == "json";
  ProgressBar bar(!flags.quiet && is_terminal(stderr));
  const auto log = [&](const indexer::LogEvent& event) {
    // --quiet: what went wrong only, not what went well (a line per file).
    if (flags.quiet && event.level == indexer::LogEvent::Level::kInfo) return;
    bar.clear();
    std::cerr << (json_log ? event.to_json() : event.to_text()) << '\n';
  };
  const auto progress = [&](const indexer::Progress& done) { bar.update(done); };

  bool rebuilt = false;
  indexer::UpdateStats stats;
  try {
    stats = indexer::update_sources(db, flags.sources, options, log, progress);
  } catch (const IncompatibleDatabaseError& e) {
    // After an upgrade that changed the analysis: the nightly job rebuilds
    // instead of failing every night until someone runs `index --rebuild`.
    if (!flags.rebuild_if_needed) throw;
    log({indexer::LogEvent::Level::kWarning, "rebuild", db, 0,
         std::string(e.what()) + "; rebuilding it from the sources (--rebuild-if-needed)", {}});
    stats = indexer::rebuild_sources(db, flags.sources, options, log, progress);
    rebuilt = true;
  }
  bar.clear();
  if (flags.json || !flags.quiet) print_summary(stats, db, rebuilt, flags.json);
  return stats.failed > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace

Command add_update_command(CLI::App& parent) {
  auto flags = std::make_shared<UpdateFlags>();
  CLI::App* app = parent.add_subcommand(
      "update",
      "Add new articles, replace changed ones and (with --prune) delete vanished ones; "
      "unchanged files are not read again");
  app->add_option("sources", flags->sources, "files (.jsonl, .jsonl.zst, .md, .txt) or directories")
      ->type_name("SOURCES")
      ->required();
  app->add_option("--db", flags->db, "database (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_flag("--prune", flags->prune,
                "delete articles that their file no longer holds, and those of files gone from "
                "the SOURCES");
  app->add_option("--wait", flags->wait_seconds,
                  "if another process is writing to the database, wait for it this long "
                  "(default: fail at once)")
      ->type_name("SECONDS")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--batch", flags->batch, "articles written per commit; a crash loses at most one batch")
      ->type_name("N")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--log-format", flags->log_format, "log lines on stderr: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_flag("--rebuild-if-needed", flags->rebuild_if_needed,
                "when the database was built with another analysis version or format (after an "
                "upgrade), rebuild it from the SOURCES instead of failing; needs --prune");
  app->add_flag("-q,--quiet", flags->quiet,
                "no progress line, no summary and no line per file (warnings and errors are still printed)");
  app->add_flag("--json", flags->json, "print the summary as one JSON object");
  app->footer(
      "Safe to run again and again, and to kill: the next run finishes the work.\n"
      "An article is identified by its id; one read from two files is kept from the first\n"
      "and reported. A database built with another analysis version is refused (exit\n"
      "code 3): run `akhbar index --rebuild` then, or let --rebuild-if-needed do it.\n"
      "A progress line is drawn on stderr when it is a terminal.\n\n"
      "Examples:\n"
      "  akhbar update --db /srv/news.db /srv/feeds\n"
      "  akhbar update --prune --rebuild-if-needed --wait 600 --log-format json --json /srv/feeds");
  return {app, [flags] { return run_update(*flags); }};
}

}  // namespace akhbar::cli
