// Database statistics from Xapian's own counters, values and metadata.
#include "database_stats.h"

#include <filesystem>
#include <system_error>

#include "akhbar/indexer/schema.h"

namespace akhbar::query::detail {
namespace {

namespace schema = indexer::schema;

/// Prefixes are runs of ASCII capitals (schema.h) and words are case-folded,
/// so the words are exactly the terms sorting before "A" or from "[" on.
/// skip_to() jumps over the prefixed terms without reading them.
std::uint64_t count_words(const Xapian::Database& db) {
  std::uint64_t words = 0;
  Xapian::TermIterator term = db.allterms_begin();
  const Xapian::TermIterator end = db.allterms_end();
  for (; term != end && *term < "A"; ++term) ++words;
  if (term == end) return words;
  term.skip_to("[");
  for (; term != end; ++term) ++words;
  return words;
}

std::string dashed_date(const std::string& value) {
  if (value.size() != 8) return value;
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

std::uint64_t size_on_disk(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_regular_file(path, error)) return fs::file_size(path, error);
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      const auto size = it->file_size(size_error);
      if (!size_error) total += size;
    }
  }
  return total;
}

}  // namespace

DatabaseStats read_stats(const Xapian::Database& db, const std::string& path) {
  DatabaseStats stats;
  stats.articles = db.get_doccount();

  double passages = 0;
  for (auto value = db.valuestream_begin(schema::kValuePassages);
       value != db.valuestream_end(schema::kValuePassages); ++value)
    passages += Xapian::sortable_unserialise(*value);
  stats.passages = static_cast<std::uint64_t>(passages);

  stats.terms = count_words(db);

  const std::string lang_prefix(schema::kLangPrefix);
  for (auto term = db.allterms_begin(lang_prefix); term != db.allterms_end(lang_prefix); ++term)
    stats.languages[(*term).substr(lang_prefix.size())] = term.get_termfreq();

  stats.first_date = dashed_date(db.get_value_lower_bound(schema::kValueDate));
  stats.last_date = dashed_date(db.get_value_upper_bound(schema::kValueDate));
  stats.size_bytes = size_on_disk(path);

  const std::string version = db.get_metadata(std::string(schema::kMetaAnalysisVersion));
  try {
    stats.analysis_version = version.empty() ? 0 : std::stoi(version);
  } catch (const std::exception&) {
    stats.analysis_version = 0;  // unreadable: reported as unknown
  }
  return stats;
}

}  // namespace akhbar::query::detail
