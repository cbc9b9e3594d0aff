// Database statistics from Xapian's own counters, values and metadata.
#include "database_stats.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

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

/// The bytes of every regular file under `directory` (or of `directory`
/// itself if it is a file: a single-file database).
std::uint64_t bytes_under(const std::filesystem::path& directory) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_regular_file(directory, error)) {
    const auto size = fs::file_size(directory, error);
    return error ? 0 : size;
  }
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      const auto size = it->file_size(size_error);
      if (!size_error) total += size;
    }
  }
  return total;
}

/// The local databases a Xapian stub file lists ("auto PATH", "glass PATH",
/// "chert PATH", "honey PATH"; a relative PATH is relative to the stub's
/// folder), or nullopt when `file` is not a stub. Remote and in-memory
/// entries hold nothing on this disk and are left out.
std::optional<std::vector<std::filesystem::path>> stub_targets(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::filesystem::path> targets;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find(' ');
    const std::string type = line.substr(0, space);
    if (type == "remote" || type == "inmemory") continue;
    if (type != "auto" && type != "glass" && type != "chert" && type != "honey")
      return std::nullopt;
    if (space == std::string::npos) return std::nullopt;
    const std::filesystem::path target(line.substr(space + 1));
    targets.push_back(target.is_absolute() ? target : file.parent_path() / target);
  }
  return targets;
}

/// The size on disk of the database at `path`: for a stub file, that of the
/// databases it names (a rebuilt database is a 16-byte stub naming its
/// current generation), following nested stubs up to a few levels deep.
std::uint64_t size_on_disk(const std::filesystem::path& path, int depth = 0) {
  namespace fs = std::filesystem;
  constexpr int kMaxStubDepth = 4;  // stubs naming stubs; also stops a loop
  // A stub is a few short lines; a bigger file is a single-file database.
  constexpr std::uintmax_t kMaxStubBytes = 64 * 1024;
  std::error_code error;
  if (depth <= kMaxStubDepth && fs::is_regular_file(path, error) &&
      fs::file_size(path, error) <= kMaxStubBytes && !error) {
    if (const auto targets = stub_targets(path)) {
      std::uint64_t total = 0;
      for (const fs::path& target : *targets) total += size_on_disk(target, depth + 1);
      return total;
    }
  }
  return bytes_under(path);
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
  const std::string topic_prefix(schema::kTopicPrefix);
  for (auto term = db.allterms_begin(topic_prefix); term != db.allterms_end(topic_prefix); ++term)
    stats.topics[(*term).substr(topic_prefix.size())] = term.get_termfreq();

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
