/// @file eval.h
/// @brief Scores a search engine run against relevance judgements (TREC).
///
/// Formats: queries are TSV lines "QID<TAB>QUERY" ('#' starts a comment);
/// qrels are "QID 0 DOCID REL" (REL > 0 is relevant; graded for nDCG); a run
/// is "QID Q0 DOCID RANK SCORE TAG".
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace akhbar::query {

class Searcher;
struct SearchOptions;

struct JudgedQuery {
  std::string id;
  std::string text;
};

/// qid -> docid -> relevance grade.
using Qrels = std::map<std::string, std::map<std::string, int>>;
/// qid -> ranked (docid, score), best first.
using Run = std::map<std::string, std::vector<std::pair<std::string, double>>>;

/// Throw akhbar::DataError naming file and line on a malformed line,
/// IoError if the file cannot be read.
std::vector<JudgedQuery> load_queries(const std::string& path);
Qrels load_qrels(const std::string& path);

/// Reads a run in TREC format, written by any engine, so that it is scored
/// by the same code as akhbar's own (evaluate()). Each query's documents are
/// ordered by their RANK column, lines of one rank in file order: the rank
/// is the engine's own order, which scores printed with a few decimals may
/// not keep. With `depth`, only each query's first `depth` documents are
/// kept, as run_queries() retrieves `depth`. Throws DataError naming file
/// and line for a line without six fields or with a rank or score that is
/// not a number, IoError if the file cannot be read.
Run load_run(const std::string& path, std::size_t depth = SIZE_MAX);

struct QueryScores {
  std::string id;          ///< query id; "all" for the mean
  double average_precision = 0;
  double ndcg_at_10 = 0;
  double precision_at_10 = 0;
  double recall_at_10 = 0;
  double recall_at_100 = 0;
  /// Relevant articles in the top 10 divided by min(10, relevant): 1.0 when
  /// the first page holds as many relevant articles as it can. Plain
  /// Recall@10 cannot reach 1.0 for a query with more than ten relevant.
  double capped_recall_at_10 = 0;
  std::size_t relevant = 0;   ///< judged relevant
  std::size_t retrieved = 0;  ///< returned by the run
};

struct EvalReport {
  std::vector<QueryScores> per_query;  ///< in query-id order
  QueryScores mean;                    ///< mean over judged queries (MAP etc.)
};

/// Runs every query (top `depth` articles each).
Run run_queries(Searcher& searcher, const std::vector<JudgedQuery>& queries,
                const SearchOptions& options, std::size_t depth = 100);

/// Scores a run; queries without any relevant judgement are left out.
EvalReport evaluate(const Run& run, const Qrels& qrels);

/// Writes a run in TREC format.
void write_trec_run(std::ostream& out, const Run& run, const std::string& tag);

}  // namespace akhbar::query
