// `akhbar index`: reads article sources into the database, with a progress
// bar on a terminal, problems as they are found, and a summary.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "akhbar/data_files.h"
#include "akhbar/error.h"
#include "akhbar/indexer/updater.h"
#include "akhbar/indexer/writer.h"
#include "common.h"
#include "progress_bar.h"

namespace akhbar::cli {

namespace {

struct IndexFlags {
  std::string db;
  std::size_t batch = indexer::IndexOptions{}.batch_articles;
  bool quiet = false;
  bool json = false;
  bool rebuild = false;
  double wait_seconds = 0;
  unsigned threads = indexer::IndexOptions{}.threads;
  std::size_t memory_mb = indexer::IndexOptions{}.memory_budget_mb;
  std::string log_format = "text";
  std::vector<std::string> sources;
};

// A source named on the command line that does not exist is a mistake in
// the command, not bad input: nothing is indexed and nothing is created
// (not even an empty database), so that the next `search` does not find one.
void require_sources_exist(const std::vector<std::string>& sources) {
  std::vector<std::string> missing;
  for (const std::string& source : sources) {
    std::error_code error;
    if (!std::filesystem::exists(source, error)) missing.push_back(source);
  }
  if (missing.empty()) return;
  std::string names;
  for (const std::string& name : missing) names += (names.empty() ? "" : ", ") + name;
  throw UsageError((missing.size() == 1 ? "source not found: " : "sources not found: ") + names +
                   "; nothing was indexed");
}

void print_summary(const indexer::IndexStats& stats, const std::string& db, bool json) {
  const double rate = megabytes_per_second(stats.text_bytes, stats.seconds);
  if (json) {
    std::cout << JsonObject::record("index")
                     .add_string("db", db)
                     .add_count("articles", stats.articles)
                     .add_count("passages", stats.passages)
                     .add_count("skipped", stats.skipped)
                     .add_count("errors", stats.errors)
                     .add_count("warnings", stats.warnings)
                     .add_count("input_bytes", stats.input_bytes)
                     .add_count("text_bytes", stats.text_bytes)
                     .add_number("seconds", stats.seconds)
                     .add_number("mb_per_second", rate)
                     .str()
              << '\n';
    return;
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s, %.1f MB/s", stats.seconds, rate);
  std::cout << "Indexed " << counted(stats.articles, "article") << " (" << counted(stats.passages, "passage")
            << ") into " << db << " in " << timing << ".\n"
            << "Skipped " << stats.skipped << ", errors " << stats.errors << ", warnings "
            << stats.warnings << ", input " << input_size(stats.input_bytes, stats.text_bytes) << ".\n";
}

// --rebuild: a new database beside the live one, switched in atomically.
int run_rebuild(const IndexFlags& flags, const std::string& db,
                const std::vector<std::string>& sources) {
  indexer::UpdateOptions options;
  options.index.batch_articles = flags.batch;
  options.index.wait_seconds = flags.wait_seconds;
  const bool json_log = flags.log_format == "json";
  ProgressBar bar(!flags.quiet && is_terminal(stderr));
  const indexer::UpdateStats stats = indexer::rebuild_sources(
      db, sources, options,
      [&](const indexer::LogEvent& event) {
        if (event.event == "file" && !json_log) return;  // one line per file is noise here
        bar.clear();
        std::cerr << (json_log ? event.to_json() : event.to_text()) << '\n';
      },
      [&](const indexer::Progress& progress) { bar.update(progress); });
  bar.clear();
  if (flags.json) {
    std::cout << JsonObject::record("rebuild")
                     .add_string("db", db)
                     .add_count("articles", stats.added)
                     .add_count("duplicates", stats.duplicates)
                     .add_count("failed", stats.failed)
                     .add_count("warnings", stats.warnings)
                     .add_count("input_bytes", stats.input_bytes)
                     .add_count("text_bytes", stats.text_bytes)
                     .add_number("seconds", stats.seconds)
                     .add_number("mb_per_second", megabytes_per_second(stats.text_bytes, stats.seconds))
                     .str()
              << '\n';
  } else if (!flags.quiet) {
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.2f s", stats.seconds);
    std::cout << "Rebuilt " << db << " with " << counted(stats.added, "article") << " in " << timing
              << " and switched to it.\n"
              << "Duplicates " << stats.duplicates << ", failed " << stats.failed << ", warnings "
              << stats.warnings << ", input " << input_size(stats.input_bytes, stats.text_bytes) << ".\n";
  }
  return stats.failed > 0 ? kExitInputErrors : kExitOk;
}

int run_index(const IndexFlags& flags) {
  const std::string db = flags.db.empty() ? indexer::default_db_path() : flags.db;
  const std::vector<std::string> sources =
      flags.sources.empty() ? std::vector<std::string>{data_path("samples")} : flags.sources;
  require_sources_exist(sources);
  if (flags.rebuild) return run_rebuild(flags, db, sources);

  indexer::IndexOptions options;
  options.batch_articles = flags.batch;
  options.wait_seconds = flags.wait_seconds;
  options.threads = flags.threads;
  options.memory_budget_mb = flags.memory_mb;
  const bool json_log = flags.log_format == "json";
  ProgressBar bar(!flags.quiet && is_terminal(stderr));

  const indexer::IndexStats stats = indexer::index_sources(
      db, sources, options, [&](const indexer::Progress& progress) { bar.update(progress); },
      [&](const corpus::Problem& problem) {
        bar.clear();
        std::cerr << (json_log ? indexer::problem_event(problem).to_json() : problem.to_string())
                  << '\n';
      });
  bar.clear();

  if (flags.json || !flags.quiet) print_summary(stats, db, flags.json);
  return stats.errors > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace

Command add_index_command(CLI::App& parent) {
  auto flags = std::make_shared<IndexFlags>();
  CLI::App* app = parent.add_subcommand(
      "index", "Read news articles and add them to the database (an article with a known id is replaced)");
  app->add_option("sources", flags->sources,
                  "files (.jsonl, .jsonl.zst, .md, .txt) or directories; default: the bundled samples")
      ->type_name("SOURCES");
  app->add_option("--db", flags->db, "database directory (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_option("--batch", flags->batch, "articles per commit; a crash loses at most one batch")
      ->type_name("N")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_flag("-q,--quiet", flags->quiet, "no progress bar and no summary (problems are still printed)");
  app->add_flag("--json", flags->json, "print the summary as one JSON object");
  app->add_flag("--rebuild", flags->rebuild,
                "build a new database beside the current one and switch to it atomically "
                "(searches keep working); needed after an analysis version change");
  app->add_option("--wait", flags->wait_seconds,
                  "if another process is writing to the database, wait for it this long "
                  "(default: fail at once)")
      ->type_name("SECONDS")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--threads", flags->threads,
                  "for a new or empty database: threads that analyse and write articles, each into its own "
                  "temporary databases, merged at the end; 0: one per core, at most 8; 1: write "
                  "straight into the database (a database with articles is always written by one thread)")
      ->type_name("N")
      ->check(CLI::Range(0u, 64u))
      ->capture_default_str();
  app->add_option("--memory", flags->memory_mb,
                  "about the most memory the threads' unwritten changes may take, in MiB")
      ->type_name("MIB")
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 20))
      ->capture_default_str();
  app->add_option("--log-format", flags->log_format, "problems on stderr: text or json lines")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->footer(
      "Bad records are reported on stderr as FILE:LINE: error: REASON and skipped;\n"
      "the rest of the input is still indexed, and the exit code is then 1.\n"
      "A source that does not exist stops the command before anything is written\n"
      "(exit code 2). A progress line is drawn on stderr when it is a terminal.\n\n"
      "Examples:\n"
      "  akhbar index                              # the bundled sample corpus\n"
      "  akhbar index news/ archive.jsonl.zst      # a directory and a compressed file\n"
      "  akhbar index --db /srv/news.db --json today.jsonl\n"
      "  akhbar index --rebuild --db /srv/news.db /srv/feeds   # after upgrading akhbar");
  return {app, [flags] { return run_index(*flags); }};
}

}  // namespace akhbar::cli
