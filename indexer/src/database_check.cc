// check_database(): Xapian's structural check, then akhbar's own: the
// analysis version, one document per article id, stored text that decodes
// (with the database's text dictionaries), and per-file states that agree
// with the articles they list.
#include <xapian.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <unordered_map>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/updater.h"
#include "akhbar/version.h"
#include "database_layout.h"
#include "document_builder.h"
#include "file_state.h"

namespace akhbar::indexer {
namespace {

// A database broken everywhere would otherwise print one line per article.
constexpr std::size_t kMaxProblemsListed = 50;

class Findings {
 public:
  explicit Findings(CheckReport& report) : report_(report) {}

  /// Counts the problems not listed; call once, when the checks are done.
  void finish() {
    if (hidden_ > 0)
      report_.problems.push_back("... and " + std::to_string(hidden_) + " more problems");
  }

  void problem(std::string text) {
    if (report_.problems.size() < kMaxProblemsListed)
      report_.problems.push_back(std::move(text));
    else
      ++hidden_;
  }

 private:
  CheckReport& report_;
  std::size_t hidden_ = 0;
};

void check_metadata(const Xapian::Database& db, CheckReport& report, Findings& findings) {
  report.analysis_version = db.get_metadata(std::string(schema::kMetaAnalysisVersion));
  const std::string expected = std::to_string(kAnalysisVersion);
  if (report.analysis_version.empty())
    findings.problem("no analysis version is recorded: this is not an akhbar database, or its "
                     "creation was interrupted");
  else if (report.analysis_version != expected)
    findings.problem("built with analysis version " + report.analysis_version +
                     " but this akhbar uses version " + expected +
                     "; run `akhbar index --rebuild` to rebuild it from the sources");
  const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
  if (format != schema::kFormatName)
    findings.problem("format is '" + format + "', expected '" + std::string(schema::kFormatName) +
                     "'");
}

void check_ids_unique(const Xapian::Database& db, Findings& findings) {
  const std::string prefix(schema::kIdPrefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    if (term.get_termfreq() > 1)
      findings.problem("article " + (*term).substr(prefix.size()) + " is stored " +
                       std::to_string(term.get_termfreq()) + " times");
  }
}

void check_stored_text(const Xapian::Database& db, Findings& findings) {
  schema::TextDictionaries dictionaries;
  try {
    dictionaries = schema::load_text_dictionaries(db);
  } catch (const DataError& e) {
    findings.problem(e.what());
  }
  for (auto posting = db.postlist_begin(""); posting != db.postlist_end(""); ++posting) {
    const Xapian::Document document = db.get_document(*posting);
    try {
      schema::decode_document_data(document.get_data(), &dictionaries);
    } catch (const DataError& e) {
      findings.problem("the stored text of article " + document.get_value(schema::kValueArticle) +
                       " cannot be read: " + e.what());
    }
  }
}

void check_file_states(const Xapian::Database& db, CheckReport& report, Findings& findings) {
  const std::string prefix(schema::kMetaFilePrefix);
  std::unordered_map<std::string, std::string> recorded_by;  // id -> file
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    const std::string file = (*key).substr(prefix.size());
    const auto state = detail::decode_file_state(db.get_metadata(*key));
    if (!state) {
      findings.problem("the recorded state of " + file + " is malformed");
      continue;
    }
    ++report.tracked_files;
    for (const std::string& id : state->ids) {
      ++report.tracked_articles;
      const auto [where, first] = recorded_by.try_emplace(id, file);
      if (!first) {
        findings.problem("article " + id + " is recorded for both " + where->second + " and " + file);
        continue;
      }
      const std::string term = detail::id_term(id);
      auto posting = db.postlist_begin(term);
      if (posting == db.postlist_end(term)) {
        findings.problem(file + " is recorded as indexed, but its article " + id + " is missing");
        continue;
      }
      const std::string origin = db.get_document(*posting).get_value(schema::kValueOrigin);
      if (origin != file)
        findings.problem("article " + id + " is recorded for " + file + " but was indexed from " +
                         (origin.empty() ? std::string("an unknown file") : origin));
    }
  }
  if (report.tracked_articles < report.articles)
    report.notes.push_back(std::to_string(report.articles - report.tracked_articles) +
                           " articles are not tracked by any file state (indexed by `akhbar "
                           "index`, or from sources `akhbar update` no longer reads)");
}

void run_checks(const std::string& db_path, CheckReport& report, Findings& findings) {
  try {
    report.directory = detail::resolve_database(db_path);
  } catch (const DatabaseError& e) {
    findings.problem(e.what());
    return;
  }
  try {
    std::ostringstream details;
    const std::size_t errors = Xapian::Database::check(report.directory, 0, &details);
    if (errors > 0)
      findings.problem("Xapian found " + std::to_string(errors) +
                       " errors in the tables: " + details.str());
  } catch (const Xapian::Error& e) {
    findings.problem("Xapian cannot check " + report.directory + ": " + e.get_description());
    return;
  }
  try {
    const Xapian::Database db(report.directory);
    report.articles = db.get_doccount();
    check_metadata(db, report, findings);
    check_ids_unique(db, findings);
    check_stored_text(db, findings);
    check_file_states(db, report, findings);
  } catch (const Xapian::Error& e) {
    findings.problem("cannot read " + report.directory + ": " + e.get_description());
  }
}

}  // namespace

CheckReport check_database(const std::string& db_path) {
  std::error_code error;
  if (db_path.empty() || !std::filesystem::exists(std::filesystem::symlink_status(db_path, error)))
    throw DatabaseNotFoundError("no database at " + db_path +
                                "; run `akhbar index` first to create it");
  CheckReport report;
  Findings findings(report);
  run_checks(db_path, report, findings);
  findings.finish();
  return report;
}

}  // namespace akhbar::indexer
