// `akhbar eval`: runs judged queries against the database and scores the
// ranking (MAP, nDCG@10, P@10, Recall@10, Recall@100).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "akhbar/error.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/eval.h"
#include "akhbar/query/searcher.h"
#include "common.h"

namespace akhbar::cli {

namespace {

struct EvalFlags {
  std::string queries, qrels;
  std::string db;
  std::size_t depth = 100;
  std::string run_file;
  std::string tag = "akhbar";
  bool json = false;
  bool per_query = false;
  std::optional<double> min_ndcg, min_map;
};

std::string scores_json(const query::QueryScores& scores) {
  return JsonObject()
      .add_string("query", scores.id)
      .add_number("map", scores.average_precision)
      .add_number("ndcg_at_10", scores.ndcg_at_10)
      .add_number("p_at_10", scores.precision_at_10)
      .add_number("recall_at_10", scores.recall_at_10)
      .add_number("recall_at_100", scores.recall_at_100)
      .add_count("relevant", scores.relevant)
      .add_count("retrieved", scores.retrieved)
      .str();
}

void print_json(const query::EvalReport& report, bool per_query) {
  JsonObject out;
  out.add_count("queries", report.per_query.size()).add_raw("mean", scores_json(report.mean));
  if (per_query) {
    std::vector<std::string> rows;
    for (const auto& scores : report.per_query) rows.push_back(scores_json(scores));
    out.add_raw("per_query", json_array(rows));
  }
  std::cout << out.str() << '\n';
}

void print_row(const query::QueryScores& scores) {
  std::printf("%-16s %6.4f %8.4f %6.4f %6.4f %7.4f %5zu %5zu\n", scores.id.c_str(),
              scores.average_precision, scores.ndcg_at_10, scores.precision_at_10, scores.recall_at_10,
              scores.recall_at_100, scores.relevant, scores.retrieved);
}

void print_table(const query::EvalReport& report, bool per_query) {
  std::printf("%-16s %6s %8s %6s %6s %7s %5s %5s\n", "query", "AP", "nDCG@10", "P@10", "R@10", "R@100",
              "rel", "ret");
  if (per_query)
    for (const auto& scores : report.per_query) print_row(scores);
  print_row(report.mean);
  std::printf("\n%zu judged queries: MAP %.4f, nDCG@10 %.4f, P@10 %.4f, Recall@10 %.4f, Recall@100 %.4f\n",
              report.per_query.size(), report.mean.average_precision, report.mean.ndcg_at_10,
              report.mean.precision_at_10, report.mean.recall_at_10, report.mean.recall_at_100);
  std::fflush(stdout);
}

// True (after saying so on stderr) if `value` is below a requested minimum.
bool below(const char* metric, double value, const std::optional<double>& minimum) {
  if (!minimum || value >= *minimum) return false;
  std::fprintf(stderr, "akhbar: %s %.4f is below the required %.4f\n", metric, value, *minimum);
  return true;
}

int run_eval(const EvalFlags& flags) {
  const auto queries = query::load_queries(flags.queries);
  const auto qrels = query::load_qrels(flags.qrels);
  query::Searcher searcher(flags.db.empty() ? indexer::default_db_path() : flags.db);
  const query::Run run = query::run_queries(searcher, queries, query::SearchOptions{}, flags.depth);

  if (!flags.run_file.empty()) {
    std::ofstream out(flags.run_file, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("cannot write the run to " + flags.run_file);
    query::write_trec_run(out, run, flags.tag);
    out.close();
    if (!out) throw IoError("cannot write the run to " + flags.run_file);
  }

  const query::EvalReport report = query::evaluate(run, qrels);
  if (flags.json)
    print_json(report, flags.per_query);
  else
    print_table(report, flags.per_query);

  // Evaluate both thresholds so that both failures are reported.
  const bool ndcg_low = below("nDCG@10", report.mean.ndcg_at_10, flags.min_ndcg);
  const bool map_low = below("MAP", report.mean.average_precision, flags.min_map);
  return ndcg_low || map_low ? kExitBelowThreshold : kExitOk;
}

}  // namespace

Command add_eval_command(CLI::App& parent) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* app = parent.add_subcommand(
      "eval", "Score the ranking on judged queries (TREC qrels): MAP, nDCG@10, P@10, Recall@10/100");
  app->add_option("--queries", flags->queries, "judged queries, one QID<TAB>QUERY per line")
      ->type_name("FILE")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_option("--qrels", flags->qrels, "relevance judgements, one QID 0 DOCID REL per line")
      ->type_name("FILE")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_option("--db", flags->db, "database directory (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_option("--depth", flags->depth, "results retrieved per query")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
      ->capture_default_str();
  app->add_option("--run", flags->run_file, "also write the run to FILE in TREC format")->type_name("FILE");
  app->add_option("--tag", flags->tag, "run tag written in the TREC run")->type_name("TAG")->capture_default_str();
  app->add_flag("--json", flags->json, "print the scores as one JSON object");
  app->add_flag("--per-query", flags->per_query, "also show the scores of every query");
  app->add_option("--min-ndcg", flags->min_ndcg, "exit with code 4 if the mean nDCG@10 is below X")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-map", flags->min_map, "exit with code 4 if MAP is below X")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  app->footer(
      "Queries judged in the qrels but missing from the run count as zero; queries\n"
      "without any relevant judgement are left out of the means.\n\n"
      "Examples:\n"
      "  akhbar eval --queries topics.tsv --qrels topics.qrels --per-query\n"
      "  akhbar eval --queries topics.tsv --qrels topics.qrels --run run.txt --tag bm25\n"
      "  akhbar eval --queries topics.tsv --qrels topics.qrels --min-ndcg 0.6 --json");
  return {app, [flags] { return run_eval(*flags); }};
}

}  // namespace akhbar::cli
