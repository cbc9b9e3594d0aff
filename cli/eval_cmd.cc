// `akhbar eval`: runs judged queries against the database and scores the
// ranking (MAP, nDCG@10, P@10, Recall@10, Recall@100), overall and per query
// category; --compare shows what cross-script matching adds; --score-run
// scores another engine's TREC run with the same code.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/eval.h"
#include "akhbar/query/searcher.h"
#include "common.h"

namespace akhbar::cli {

namespace {

struct EvalFlags {
  std::string queries, qrels;
  std::string score_run;
  std::string db;
  std::size_t depth = 100;
  std::string run_file;
  std::string tag = "akhbar";
  bool json = false;
  bool per_query = false;
  bool exact_script = false;
  bool compare = false;
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
      .add_number("capped_recall_at_10", scores.capped_recall_at_10)
      .add_count("relevant", scores.relevant)
      .add_count("retrieved", scores.retrieved)
      .str();
}

/// The category of a query id: the id without its trailing number and the
/// '-' or '_' before it ("xs-variant-01" -> "xs-variant", "en-q01" -> "en-q").
std::string category_of(const std::string& qid) {
  std::size_t end = qid.size();
  while (end > 0 && qid[end - 1] >= '0' && qid[end - 1] <= '9') --end;
  while (end > 0 && (qid[end - 1] == '-' || qid[end - 1] == '_')) --end;
  return end == 0 ? qid : qid.substr(0, end);
}

struct CategoryScores {
  std::string name;
  std::size_t queries = 0;
  double ndcg_at_10 = 0, recall_at_10 = 0, average_precision = 0, capped_recall_at_10 = 0;
};

/// Mean scores per category, in name order, then "all" (every judged query).
std::vector<CategoryScores> by_category(const query::EvalReport& report) {
  std::map<std::string, CategoryScores> sums;
  for (const auto& scores : report.per_query) {
    CategoryScores& sum = sums[category_of(scores.id)];
    ++sum.queries;
    sum.ndcg_at_10 += scores.ndcg_at_10;
    sum.recall_at_10 += scores.recall_at_10;
    sum.average_precision += scores.average_precision;
    sum.capped_recall_at_10 += scores.capped_recall_at_10;
  }
  std::vector<CategoryScores> rows;
  for (auto& [name, sum] : sums) {
    sum.name = name;
    const auto n = static_cast<double>(sum.queries);
    sum.ndcg_at_10 /= n;
    sum.recall_at_10 /= n;
    sum.average_precision /= n;
    sum.capped_recall_at_10 /= n;
    rows.push_back(sum);
  }
  rows.push_back({"all", report.per_query.size(), report.mean.ndcg_at_10, report.mean.recall_at_10,
                  report.mean.average_precision, report.mean.capped_recall_at_10});
  return rows;
}

std::string categories_json(const query::EvalReport& report) {
  std::vector<std::string> rows;
  for (const CategoryScores& row : by_category(report))
    rows.push_back(JsonObject()
                       .add_string("category", row.name)
                       .add_count("queries", row.queries)
                       .add_number("ndcg_at_10", row.ndcg_at_10)
                       .add_number("recall_at_10", row.recall_at_10)
                       .add_number("map", row.average_precision)
                       .add_number("capped_recall_at_10", row.capped_recall_at_10)
                       .str());
  return json_array(rows);
}

std::string report_json(const query::EvalReport& report, bool per_query, JsonObject out = {}) {
  out.add_count("queries", report.per_query.size()).add_raw("mean", scores_json(report.mean));
  out.add_raw("categories", categories_json(report));
  if (per_query) {
    std::vector<std::string> rows;
    for (const auto& scores : report.per_query) rows.push_back(scores_json(scores));
    out.add_raw("per_query", json_array(rows));
  }
  return out.str();
}

void print_categories(const query::EvalReport& report) {
  // cR@10: Recall@10 capped at what ten results can hold (see eval.h).
  std::printf("\n%-16s %7s %8s %6s %6s %6s\n", "category", "queries", "nDCG@10", "R@10", "MAP", "cR@10");
  for (const CategoryScores& row : by_category(report))
    std::printf("%-16s %7zu %8.4f %6.4f %6.4f %6.4f\n", row.name.c_str(), row.queries, row.ndcg_at_10,
                row.recall_at_10, row.average_precision, row.capped_recall_at_10);
}

/// Both runs side by side: cross-script matching ("cross") against words
/// matched only as written ("exact"), and the difference cross - exact.
void print_comparison(const query::EvalReport& cross, const query::EvalReport& exact) {
  const auto cross_rows = by_category(cross);
  const auto exact_rows = by_category(exact);
  std::printf("cross: cross-script matching (the default); exact: --exact-script; delta: cross - exact\n\n");
  std::printf("%-16s %5s |", "", "");
  for (const char* metric : {"nDCG@10", "Recall@10", "MAP", "capped Recall@10"}) std::printf(" %-23s|", metric);
  std::printf("\n");
  std::printf("%-16s %5s |", "category", "n");
  for (int metric = 0; metric < 4; ++metric) std::printf(" %6s %6s %8s |", "cross", "exact", "delta");
  std::printf("\n");
  for (std::size_t i = 0; i < cross_rows.size() && i < exact_rows.size(); ++i) {
    const CategoryScores& c = cross_rows[i];
    const CategoryScores& e = exact_rows[i];
    std::printf("%-16s %5zu |", c.name.c_str(), c.queries);
    for (const auto& [with, without] : {std::pair{c.ndcg_at_10, e.ndcg_at_10}, std::pair{c.recall_at_10, e.recall_at_10},
                                        std::pair{c.average_precision, e.average_precision},
                                        std::pair{c.capped_recall_at_10, e.capped_recall_at_10}})
      std::printf(" %6.4f %6.4f %+8.4f |", with, without, with - without);
    std::printf("\n");
  }
  std::fflush(stdout);
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
  std::printf("\n%s: MAP %.4f, nDCG@10 %.4f, P@10 %.4f, Recall@10 %.4f, Recall@100 %.4f\n",
              counted(report.per_query.size(), "judged query", "judged queries").c_str(),
              report.mean.average_precision, report.mean.ndcg_at_10,
              report.mean.precision_at_10, report.mean.recall_at_10, report.mean.recall_at_100);
  print_categories(report);
  std::fflush(stdout);
}

// True (after saying so on stderr) if `value` is below a requested minimum.
bool below(const char* metric, double value, const std::optional<double>& minimum) {
  if (!minimum || value >= *minimum) return false;
  std::fprintf(stderr, "akhbar: %s %.4f is below the required %.4f\n", metric, value, *minimum);
  return true;
}

/// The exit code for the thresholds on `report` (both checked, so that both
/// failures are reported).
int check_thresholds(const query::EvalReport& report, const EvalFlags& flags) {
  const bool ndcg_low = below("nDCG@10", report.mean.ndcg_at_10, flags.min_ndcg);
  const bool map_low = below("MAP", report.mean.average_precision, flags.min_map);
  return ndcg_low || map_low ? kExitBelowThreshold : kExitOk;
}

void print_report(const query::EvalReport& report, const EvalFlags& flags) {
  if (flags.json)
    std::cout << report_json(report, flags.per_query, JsonObject::record("eval")) << '\n';
  else
    print_table(report, flags.per_query);
}

/// --score-run: another engine's run, its first --depth documents per
/// query, scored exactly as a run of akhbar's own.
int score_external_run(const EvalFlags& flags) {
  const auto qrels = query::load_qrels(flags.qrels);
  const query::EvalReport report = query::evaluate(query::load_run(flags.score_run, flags.depth), qrels);
  print_report(report, flags);
  return check_thresholds(report, flags);
}

int run_eval(const EvalFlags& flags) {
  if (!flags.score_run.empty()) return score_external_run(flags);
  if (flags.queries.empty()) throw UsageError("eval needs --queries FILE to run, or --score-run RUN to score");
  const auto queries = query::load_queries(flags.queries);
  const auto qrels = query::load_qrels(flags.qrels);
  query::Searcher searcher(flags.db.empty() ? indexer::default_db_path() : flags.db);
  query::SearchOptions options;
  options.exact_script = flags.exact_script && !flags.compare;
  const query::Run run = query::run_queries(searcher, queries, options, flags.depth);

  if (!flags.run_file.empty()) {
    std::ofstream out(flags.run_file, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("cannot write the run to " + flags.run_file);
    query::write_trec_run(out, run, flags.tag);
    out.close();
    if (!out) throw IoError("cannot write the run to " + flags.run_file);
  }

  const query::EvalReport report = query::evaluate(run, qrels);
  if (!flags.compare) {
    print_report(report, flags);
    return check_thresholds(report, flags);
  }
  query::SearchOptions exact_options;
  exact_options.exact_script = true;
  const query::EvalReport exact =
      query::evaluate(query::run_queries(searcher, queries, exact_options, flags.depth), qrels);
  if (flags.json)
    std::cout << JsonObject::record("eval_comparison")
                     .add_raw("cross_script", report_json(report, flags.per_query))
                     .add_raw("exact_script", report_json(exact, flags.per_query))
                     .str()
              << '\n';
  else
    print_comparison(report, exact);
  return check_thresholds(report, flags);
}

}  // namespace

Command add_eval_command(CLI::App& parent) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* app = parent.add_subcommand(
      "eval", "Score the ranking on judged queries (TREC qrels): MAP, nDCG@10, P@10, Recall@10/100");
  CLI::Option* queries =
      app->add_option("--queries", flags->queries, "judged queries, one QID<TAB>QUERY per line")
          ->type_name("FILE")
          ->check(CLI::ExistingFile);
  app->add_option("--qrels", flags->qrels, "relevance judgements, one QID 0 DOCID REL per line")
      ->type_name("FILE")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_option("--db", flags->db, "database directory (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_option("--depth", flags->depth, "results retrieved per query (with --score-run: read per query)")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
      ->capture_default_str();
  app->add_option("--run", flags->run_file, "also write the run to FILE in TREC format")->type_name("FILE");
  app->add_option("--tag", flags->tag, "run tag written in the TREC run")->type_name("TAG")->capture_default_str();
  app->add_flag("--json", flags->json, "print the scores as one JSON object");
  app->add_flag("--per-query", flags->per_query, "also show the scores of every query");
  app->add_flag("--exact-script", flags->exact_script,
                "search words only as written (no other scripts, spellings, aliases or topic words)");
  app->add_flag("--compare", flags->compare,
                "run the queries with and without --exact-script and show both, with the differences")
      ->excludes("--exact-script");
  app->add_option("--score-run", flags->score_run,
                  "score this TREC run (QID Q0 DOCID RANK SCORE TAG, from any engine) instead of "
                  "running queries: its first --depth documents per query, in RANK order")
      ->type_name("RUN")
      ->check(CLI::ExistingFile)
      ->excludes(queries)
      ->excludes("--db")
      ->excludes("--run")
      ->excludes("--exact-script")
      ->excludes("--compare");
  app->add_option("--min-ndcg", flags->min_ndcg, "exit with code 4 if the mean nDCG@10 is below X")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-map", flags->min_map, "exit with code 4 if MAP is below X")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  app->footer(
      "Queries judged in the qrels but missing from the run count as zero; queries\n"
      "without any relevant judgement are left out of the means. A query's category\n"
      "is its id without the trailing number (xs-variant-01 -> xs-variant, en-q01 -> en-q).\n"
      "With --compare, --run, --min-ndcg and --min-map apply to the cross-script run.\n"
      "--score-run scores a run written by another engine (or by --run) with the same\n"
      "code, so that engines are compared by one scorer.\n\n"
      "Examples:\n"
      "  akhbar eval --queries topics.tsv --qrels topics.qrels --per-query\n"
      "  akhbar eval --queries topics.tsv --qrels topics.qrels --run run.txt --tag bm25\n"
      "  akhbar eval --queries topics.tsv --qrels topics.qrels --min-ndcg 0.6 --json\n"
      "  akhbar eval --queries crossscript.queries.tsv --qrels crossscript.qrels --compare\n"
      "  akhbar eval --score-run fts5.run --qrels topics.qrels --json");
  return {app, [flags] { return run_eval(*flags); }};
}

}  // namespace akhbar::cli
