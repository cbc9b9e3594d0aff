// `akhbar stats`: what a database holds.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "akhbar/indexer/writer.h"
#include "akhbar/query/searcher.h"
#include "common.h"

namespace akhbar::cli {

namespace {

struct StatsFlags {
  std::string db;
  bool json = false;
};

void print_json(const query::DatabaseStats& stats, const std::string& db) {
  JsonObject languages;
  for (const auto& [lang, count] : stats.languages) languages.add_count(lang, count);
  JsonObject topics;
  for (const auto& [topic, count] : stats.topics) topics.add_count(topic, count);
  std::cout << JsonObject::record("stats")
                   .add_string("db", db)
                   .add_count("articles", stats.articles)
                   .add_count("passages", stats.passages)
                   .add_count("terms", stats.terms)
                   .add_raw("languages", languages.str())
                   .add_raw("topics", topics.str())
                   .add_string("first_date", stats.first_date)
                   .add_string("last_date", stats.last_date)
                   .add_count("size_bytes", stats.size_bytes)
                   .add_count("analysis_version", static_cast<std::uint64_t>(stats.analysis_version))
                   .str()
            << '\n';
}

void print_readable(const query::DatabaseStats& stats, const std::string& db) {
  std::string languages;
  for (const auto& [lang, count] : stats.languages) {
    if (!languages.empty()) languages += ", ";
    languages += lang + " " + std::to_string(count);
  }
  std::string topics;
  for (const auto& [topic, count] : stats.topics) {
    if (!topics.empty()) topics += ", ";
    topics += topic + " " + std::to_string(count);
  }
  std::string dates = "none";
  if (!stats.first_date.empty()) dates = stats.first_date + " to " + stats.last_date;
  std::cout << "database          " << db << '\n'
            << "articles          " << stats.articles << '\n'
            << "passages          " << stats.passages << '\n'
            << "terms             " << stats.terms << '\n'
            << "languages         " << (languages.empty() ? "none" : languages) << '\n'
            << "topics            " << (topics.empty() ? "none" : topics) << '\n'
            << "dates             " << dates << '\n'
            << "size on disk      " << human_bytes(stats.size_bytes) << '\n'
            << "analysis version  " << stats.analysis_version << '\n';
}

int run_stats(const StatsFlags& flags) {
  const std::string db = flags.db.empty() ? indexer::default_db_path() : flags.db;
  query::Searcher searcher(db);
  const query::DatabaseStats stats = searcher.stats();
  if (flags.json)
    print_json(stats, db);
  else
    print_readable(stats, db);
  return kExitOk;
}

}  // namespace

Command add_stats_command(CLI::App& parent) {
  auto flags = std::make_shared<StatsFlags>();
  CLI::App* app = parent.add_subcommand(
      "stats", "Describe the database: articles, passages, terms, languages, topics, dates, size");
  app->add_option("--db", flags->db, "database directory (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_flag("--json", flags->json, "print one JSON object");
  app->footer(
      "Examples:\n"
      "  akhbar stats\n"
      "  akhbar stats --db /srv/news.db --json");
  return {app, [flags] { return run_stats(*flags); }};
}

}  // namespace akhbar::cli
