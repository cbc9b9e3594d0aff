// Evaluation against relevance judgements: TREC file formats and the usual
// ranking metrics (MAP, nDCG@10, P@10, Recall@10, Recall@100).
#include "akhbar/query/eval.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <ostream>
#include <set>
#include <sstream>

#include "akhbar/error.h"
#include "akhbar/query/searcher.h"

namespace akhbar::query {

namespace {

constexpr std::size_t kCutoff10 = 10;
constexpr std::size_t kCutoff100 = 100;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool is_blank_or_comment(std::string_view line) {
  const std::string_view content = trim(line);
  return content.empty() || content.front() == '#';
}

[[noreturn]] void throw_bad_line(const std::string& path, std::size_t line_number,
                                 const std::string& reason) {
  throw DataError(path + ":" + std::to_string(line_number) + ": " + reason);
}

// Calls `handle(line, line_number)` for every line that is neither blank nor
// a comment.
void for_each_content_line(const std::string& path,
                           const std::function<void(std::string_view, std::size_t)>& handle) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot open " + path + ": " + std::strerror(errno));
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (is_blank_or_comment(line)) continue;
    handle(line, line_number);
  }
  if (in.bad()) throw IoError("cannot read " + path);
}

/// The number `field` of a line of `path`; a DataError saying "`what`,
/// found '...'" when it is not one, whole.
template <typename Number>
Number parse_field(std::string_view field, const std::string& path, std::size_t line_number, const char* what) {
  Number value{};
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size())
    throw_bad_line(path, line_number, std::string(what) + ", found '" + std::string(field) + "'");
  return value;
}

std::vector<std::string_view> split_whitespace(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (true) {
    pos = line.find_first_not_of(" \t", pos);
    if (pos == std::string_view::npos) break;
    std::size_t end = line.find_first_of(" \t", pos);
    if (end == std::string_view::npos) end = line.size();
    fields.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return fields;
}

// The judged documents of one query, their grades, and the relevant count.
struct Judgements {
  const std::map<std::string, int>* grades = nullptr;
  std::size_t relevant = 0;

  int grade_of(const std::string& doc) const {
    const auto it = grades->find(doc);
    return it == grades->end() ? 0 : std::max(it->second, 0);
  }
};

double gain(int grade) { return std::exp2(static_cast<double>(grade)) - 1.0; }
double discount(std::size_t rank) { return std::log2(static_cast<double>(rank) + 1.0); }

double ideal_dcg_at(const Judgements& judged, std::size_t cutoff) {
  std::vector<int> grades;
  for (const auto& [doc, grade] : *judged.grades)
    if (grade > 0) grades.push_back(grade);
  std::sort(grades.begin(), grades.end(), std::greater<>());
  double dcg = 0;
  for (std::size_t i = 0; i < grades.size() && i < cutoff; ++i) dcg += gain(grades[i]) / discount(i + 1);
  return dcg;
}

QueryScores score_query(const std::string& id, const std::vector<std::string>& ranked,
                        const Judgements& judged) {
  QueryScores scores;
  scores.id = id;
  scores.relevant = judged.relevant;
  scores.retrieved = ranked.size();

  double precision_sum = 0;
  double dcg = 0;
  std::size_t found = 0, found_at_10 = 0, found_at_100 = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const std::size_t rank = i + 1;
    const int grade = judged.grade_of(ranked[i]);
    if (rank <= kCutoff10) dcg += gain(grade) / discount(rank);
    if (grade <= 0) continue;
    ++found;
    precision_sum += static_cast<double>(found) / static_cast<double>(rank);
    if (rank <= kCutoff10) ++found_at_10;
    if (rank <= kCutoff100) ++found_at_100;
  }

  const auto relevant = static_cast<double>(judged.relevant);
  scores.average_precision = precision_sum / relevant;
  scores.ndcg_at_10 = dcg / ideal_dcg_at(judged, kCutoff10);
  scores.precision_at_10 = static_cast<double>(found_at_10) / static_cast<double>(kCutoff10);
  scores.recall_at_10 = static_cast<double>(found_at_10) / relevant;
  scores.recall_at_100 = static_cast<double>(found_at_100) / relevant;
  scores.capped_recall_at_10 =
      static_cast<double>(found_at_10) / static_cast<double>(std::min<std::size_t>(kCutoff10, judged.relevant));
  return scores;
}

// The run's documents for one query, best first, each document once: a
// document listed twice must not be credited twice.
std::vector<std::string> unique_ranking(const std::vector<std::pair<std::string, double>>& hits) {
  std::vector<std::string> ranked;
  std::set<std::string> seen;
  for (const auto& [doc, score] : hits)
    if (seen.insert(doc).second) ranked.push_back(doc);
  return ranked;
}

}  // namespace

std::vector<JudgedQuery> load_queries(const std::string& path) {
  std::vector<JudgedQuery> queries;
  std::set<std::string> seen;
  for_each_content_line(path, [&](std::string_view line, std::size_t line_number) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos)
      throw_bad_line(path, line_number, "expected QID<TAB>QUERY, found no tab");
    const std::string id(trim(line.substr(0, tab)));
    const std::string text(trim(line.substr(tab + 1)));
    if (id.empty()) throw_bad_line(path, line_number, "empty query id");
    if (text.empty()) throw_bad_line(path, line_number, "empty query text for " + id);
    if (!seen.insert(id).second) throw_bad_line(path, line_number, "duplicate query id " + id);
    queries.push_back({id, text});
  });
  return queries;
}

Qrels load_qrels(const std::string& path) {
  Qrels qrels;
  for_each_content_line(path, [&](std::string_view line, std::size_t line_number) {
    const auto fields = split_whitespace(line);
    if (fields.size() != 4)
      throw_bad_line(path, line_number,
                     "expected QID 0 DOCID REL, found " + std::to_string(fields.size()) + " fields");
    qrels[std::string(fields[0])][std::string(fields[2])] =
        parse_field<int>(fields[3], path, line_number, "relevance must be an integer");
  });
  return qrels;
}

Run load_run(const std::string& path, std::size_t depth) {
  struct Line {
    long rank;
    std::size_t line_number;
    std::string doc;
    double score;
  };
  std::map<std::string, std::vector<Line>> lines;
  for_each_content_line(path, [&](std::string_view line, std::size_t line_number) {
    const auto fields = split_whitespace(line);
    if (fields.size() != 6)
      throw_bad_line(path, line_number,
                     "expected QID Q0 DOCID RANK SCORE TAG, found " + std::to_string(fields.size()) + " fields");
    const long rank = parse_field<long>(fields[3], path, line_number, "rank must be an integer");
    const double score = parse_field<double>(fields[4], path, line_number, "score must be a number");
    lines[std::string(fields[0])].push_back({rank, line_number, std::string(fields[2]), score});
  });
  Run run;
  for (auto& [qid, ranked] : lines) {
    std::sort(ranked.begin(), ranked.end(), [](const Line& a, const Line& b) {
      return a.rank != b.rank ? a.rank < b.rank : a.line_number < b.line_number;
    });
    auto& hits = run[qid];
    for (std::size_t i = 0; i < ranked.size() && i < depth; ++i)
      hits.emplace_back(std::move(ranked[i].doc), ranked[i].score);
  }
  return run;
}

Run run_queries(Searcher& searcher, const std::vector<JudgedQuery>& queries,
                const SearchOptions& options, std::size_t depth) {
  SearchOptions page = options;
  page.offset = 0;
  page.limit = depth;
  Run run;
  for (const JudgedQuery& query : queries) {
    auto& ranked = run[query.id];
    ranked.clear();
    for (const Hit& hit : searcher.search(query.text, page).hits) ranked.emplace_back(hit.id, hit.score);
  }
  return run;
}

EvalReport evaluate(const Run& run, const Qrels& qrels) {
  EvalReport report;
  report.mean.id = "all";
  static const std::vector<std::pair<std::string, double>> kNothingRetrieved;
  for (const auto& [qid, grades] : qrels) {
    Judgements judged{&grades, 0};
    for (const auto& [doc, grade] : grades)
      if (grade > 0) ++judged.relevant;
    if (judged.relevant == 0) continue;

    const auto found = run.find(qid);
    const auto& hits = found == run.end() ? kNothingRetrieved : found->second;
    QueryScores scores = score_query(qid, unique_ranking(hits), judged);

    QueryScores& mean = report.mean;
    mean.average_precision += scores.average_precision;
    mean.ndcg_at_10 += scores.ndcg_at_10;
    mean.precision_at_10 += scores.precision_at_10;
    mean.recall_at_10 += scores.recall_at_10;
    mean.recall_at_100 += scores.recall_at_100;
    mean.capped_recall_at_10 += scores.capped_recall_at_10;
    mean.relevant += scores.relevant;
    mean.retrieved += scores.retrieved;
    report.per_query.push_back(std::move(scores));
  }
  if (!report.per_query.empty()) {
    const auto n = static_cast<double>(report.per_query.size());
    QueryScores& mean = report.mean;
    mean.average_precision /= n;
    mean.ndcg_at_10 /= n;
    mean.precision_at_10 /= n;
    mean.recall_at_10 /= n;
    mean.recall_at_100 /= n;
    mean.capped_recall_at_10 /= n;
  }
  return report;
}

void write_trec_run(std::ostream& out, const Run& run, const std::string& tag) {
  // The format is whitespace separated: a tag with spaces would shift columns.
  if (tag.empty() || tag.find_first_of(" \t\r\n") != std::string::npos)
    throw UsageError("a run tag must be one word, got '" + tag + "'");
  std::ostringstream lines;
  lines.setf(std::ios::fixed);
  lines.precision(6);
  for (const auto& [qid, hits] : run) {
    std::size_t rank = 0;
    for (const auto& [doc, score] : hits)
      lines << qid << " Q0 " << doc << ' ' << ++rank << ' ' << score << ' ' << tag << '\n';
  }
  out << lines.str();
  if (!out) throw IoError("cannot write the run");
}

}  // namespace akhbar::query
