// update_sources() and rebuild_sources(): the nightly job. Reads only files
// that changed, writes only articles that changed, and commits per-file
// state with the articles it describes.
//
// Invariants:
//   1. A file's state is set after every change to its articles has been
//      made in the writer's open transaction, so it is committed in the same
//      commit as the last of them or a later one, never an earlier one.
//   2. An article belongs to one file, its origin (schema::kValueOrigin).
//      Another file with the same id is a duplicate while the origin exists
//      and still holds it; only then may the id move.
//   3. An unchanged article in a file read again costs lookups, no write.
//   4. Nothing is pruned on the strength of a file that could not be read,
//      or of a source that does not exist.
#include "akhbar/indexer/updater.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "akhbar/error.h"
#include "akhbar/json.h"
#include "akhbar/indexer/schema.h"
#include "content_hash.h"
#include "database_layout.h"
#include "document_builder.h"
#include "file_state.h"
#include "source_files.h"
#include "writer_access.h"

namespace akhbar::indexer {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string_view level_name(LogEvent::Level level) {
  switch (level) {
    case LogEvent::Level::kInfo: return "info";
    case LogEvent::Level::kWarning: return "warning";
    case LogEvent::Level::kError: return "error";
  }
  return "info";
}

/// The stored document of article `id` in `db`, if there is one.
std::optional<Xapian::Document> find_article(Xapian::WritableDatabase& db, std::string_view id) {
  const std::string term = detail::id_term(id);
  auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*posting, Xapian::DOC_ASSUME_VALID);
}

std::optional<detail::FileState> load_state(Xapian::WritableDatabase& db, std::string_view file) {
  const std::string value = db.get_metadata(detail::file_state_key(file));
  if (value.empty()) return std::nullopt;
  return detail::decode_file_state(value);
}

/// One update run over one open writer.
class UpdateRun {
 public:
  UpdateRun(IndexWriter& writer, bool prune, const std::function<void(const LogEvent&)>& on_event,
            const std::function<void(const Progress&)>& on_progress)
      : writer_(writer), db_(detail::WriterAccess::database(writer)), prune_(prune),
        on_event_(on_event), on_progress_(on_progress) {}

  UpdateStats run(const std::vector<std::string>& sources) {
    const auto started = Clock::now();
    const detail::SourceWalk walk = detail::walk_sources(sources);
    for (const auto& problem : walk.problems) {
      ++stats_.failed;
      emit({LogEvent::Level::kError, "problem", problem.path, 0, problem.message, {}});
    }
    for (const detail::SourceFile& file : walk.files) progress_.bytes_total += file.size;
    std::unordered_set<std::string> walked;
    for (const detail::SourceFile& file : walk.files) {
      walked.insert(file.absolute);
      update_file(file);
    }
    if (prune_) prune(walk.roots, walked);
    writer_.commit();
    stats_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return stats_;
  }

 private:
  struct FileCounts {
    std::uint64_t added = 0, updated = 0, unchanged = 0, duplicates = 0, failed = 0;
  };

  void emit(LogEvent event) {
    if (on_event_) on_event_(event);
  }

  /// Reports the files done so far and `reader`'s part of the current one.
  void report_progress(const corpus::ReaderStats& reader) {
    if (!on_progress_) return;
    Progress progress = progress_;
    progress.bytes_done += reader.bytes;
    progress.text_bytes += reader.text_bytes;
    on_progress_(progress);
  }

  void update_file(const detail::SourceFile& file) {
    const std::optional<detail::FileState> previous = load_state(db_, file.absolute);
    if (previous && previous->same_file(file.size, file.mtime_ns)) {
      ++stats_.files_skipped;
      stats_.unchanged += previous->ids.size();
      progress_.bytes_done += file.size;
      report_progress({});
      return;
    }
    ++stats_.files_read;
    stats_.input_bytes += file.size;

    FileCounts counts;
    bool unreadable = false;
    detail::FileState state{file.size, file.mtime_ns, {}};
    corpus::CorpusReader reader({file.path});
    reader.on_problem([&](const corpus::Problem& problem) {
      if (problem.severity == corpus::Problem::Severity::kError) {
        ++counts.failed;
        // A problem with the whole file, not one record: it may have
        // been read in part only.
        if (problem.line == 0) unreadable = true;
      } else {
        ++stats_.warnings;
      }
      emit(problem_event(problem));
    });
    std::unordered_set<std::string> ids_in_file;
    while (auto article = reader.next()) {
      if (update_article(*article, file, counts)) {
        if (ids_in_file.insert(article->id).second) state.ids.push_back(article->id);
      }
      ++progress_.articles;
      report_progress(reader.stats());
    }
    progress_.bytes_done += file.size;
    progress_.text_bytes += reader.stats().text_bytes;
    stats_.text_bytes += reader.stats().text_bytes;
    // An unreadable file keeps its old state: the next update reads it
    // again, and nothing it held is pruned for want of reading it.
    if (!unreadable)
      db_.set_metadata(detail::file_state_key(file.absolute), detail::encode_file_state(state));

    stats_.added += counts.added;
    stats_.updated += counts.updated;
    stats_.unchanged += counts.unchanged;
    stats_.duplicates += counts.duplicates;
    stats_.failed += counts.failed;
    emit({LogEvent::Level::kInfo, "file", file.path, 0, "file read",
          {{"added", counts.added}, {"updated", counts.updated}, {"unchanged", counts.unchanged},
           {"duplicates", counts.duplicates},
           {"failed", counts.failed}}});
  }

  /// Files one article; true if the file now holds it (in the database).
  bool update_article(const corpus::Article& article, const detail::SourceFile& file,
                      FileCounts& counts) {
    const auto first = first_file_.try_emplace(article.id, file.path, article.origin_line);
    if (!first.second) {
      // Read before in this run, maybe earlier in this very file: the first
      // one stands.
      const auto& [other_path, other_line] = first.first->second;
      report_duplicate(article, file, other_path + ":" + std::to_string(other_line));
      ++counts.duplicates;
      return other_path == file.path;
    }

    const std::optional<Xapian::Document> stored = find_article(db_, article.id);
    std::string origin;
    if (stored) {
      origin = stored->get_value(schema::kValueOrigin);
      if (!origin.empty() && origin != file.absolute) {
        if (origin_still_holds(origin, article.id)) {
          report_duplicate(article, file, origin);
          ++counts.duplicates;
          return false;
        }
        forget_in_state(origin, article.id);
      } else if (stored->get_value(schema::kValueHash) ==
                 detail::hash_hex(detail::content_hash(article))) {
        if (!origin.empty()) {
          ++counts.unchanged;
          return true;
        }
        // Indexed before origins were recorded: same text, but the origin
        // must be written for prune and duplicate detection to work.
      }
    }
    if (!writer_.add(article)) {
      // No indexable words left: an older version must not linger.
      if (stored) writer_.remove(article.id);
      ++counts.failed;
      emit({LogEvent::Level::kWarning, "empty", file.path, article.origin_line,
            "article " + article.id + " has no indexable words; skipped", {}});
      return false;
    }
    ++(stored ? counts.updated : counts.added);
    return true;
  }

  void report_duplicate(const corpus::Article& article, const detail::SourceFile& file,
                        const std::string& kept_from) {
    emit({LogEvent::Level::kWarning, "duplicate", file.path, article.origin_line,
          "article " + article.id + " is also in " + kept_from + ", which keeps it; skipped",
          {}});
  }

  /// True if the file `origin` exists and, as far as the database knows,
  /// still holds article `id` (a file never tracked is assumed to).
  bool origin_still_holds(const std::string& origin, const std::string& id) {
    std::error_code error;
    if (!fs::exists(origin, error)) return false;
    const std::optional<detail::FileState> state = load_state(db_, origin);
    if (!state) return true;
    return std::find(state->ids.begin(), state->ids.end(), id) != state->ids.end();
  }

  /// Drops `id` from the recorded state of `file`, which no longer holds it.
  void forget_in_state(const std::string& file, const std::string& id) {
    std::optional<detail::FileState> state = load_state(db_, file);
    if (!state) return;
    const auto found = std::find(state->ids.begin(), state->ids.end(), id);
    if (found == state->ids.end()) return;
    state->ids.erase(found);
    db_.set_metadata(detail::file_state_key(file), detail::encode_file_state(*state));
  }

  /// Deletes every article whose origin lies under one of `roots` and that
  /// its origin no longer holds: the file is gone (not `walked`), or it was
  /// read and its state does not list the article. Then forgets the states
  /// of the files that are gone.
  void prune(const std::vector<std::string>& roots, const std::unordered_set<std::string>& walked) {
    const auto under_roots = [&](const std::string& file) {
      return std::any_of(roots.begin(), roots.end(),
                         [&](const std::string& root) { return detail::is_under(file, root); });
    };
    // Origin -> the ids its state lists (none: never tracked, so it may
    // hold anything and nothing of it is pruned while it exists).
    std::unordered_map<std::string, std::optional<std::unordered_set<std::string>>> held;
    std::map<std::string, std::vector<std::string>> doomed;  // origin -> ids, in path order
    const auto end = db_.valuestream_end(schema::kValueOrigin);
    for (auto value = db_.valuestream_begin(schema::kValueOrigin); value != end; ++value) {
      const std::string origin = *value;
      if (!under_roots(origin)) continue;
      const std::string id =
          db_.get_document(value.get_docid(), Xapian::DOC_ASSUME_VALID).get_value(schema::kValueArticle);
      bool keep = false;
      if (walked.contains(origin)) {
        auto found = held.find(origin);
        if (found == held.end()) {
          std::optional<std::unordered_set<std::string>> ids;
          if (const auto state = load_state(db_, origin))
            ids.emplace(state->ids.begin(), state->ids.end());
          found = held.emplace(origin, std::move(ids)).first;
        }
        keep = !found->second || found->second->contains(id);
      }
      if (!keep) doomed[origin].push_back(id);
    }
    // Deleting while walking the value stream would move it under our feet.
    for (const auto& [origin, ids] : doomed) {
      std::uint64_t deleted = 0;
      for (const std::string& id : ids)
        if (writer_.remove(id)) ++deleted;
      stats_.deleted += deleted;
      emit({LogEvent::Level::kInfo, "pruned", origin, 0,
            walked.contains(origin) ? "articles the file no longer holds were deleted"
                                    : "the file is gone; its articles were deleted",
            {{"deleted", deleted}}});
    }
    const std::string prefix(schema::kMetaFilePrefix);
    std::vector<std::string> gone;
    for (auto key = db_.metadata_keys_begin(prefix); key != db_.metadata_keys_end(prefix); ++key) {
      const std::string file = (*key).substr(prefix.size());
      if (!walked.contains(file) && under_roots(file)) gone.push_back(*key);
    }
    for (const std::string& key : gone) db_.set_metadata(key, {});
  }

  IndexWriter& writer_;
  Xapian::WritableDatabase& db_;
  bool prune_;
  const std::function<void(const LogEvent&)>& on_event_;
  const std::function<void(const Progress&)>& on_progress_;
  Progress progress_;  ///< of the files done
  UpdateStats stats_;
  /// Where each id was first read in this run: (path, line).
  std::unordered_map<std::string, std::pair<std::string, std::uint64_t>> first_file_;
};

[[noreturn]] void rethrow_xapian(const std::string& path) {
  try {
    throw;
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot update database " + path + ": " + e.get_description());
  }
}

UpdateStats update_with(IndexWriter& writer, const std::string& db_path,
                        const std::vector<std::string>& sources, bool prune,
                        const std::function<void(const LogEvent&)>& on_event,
                        const std::function<void(const Progress&)>& on_progress) {
  try {
    return UpdateRun(writer, prune, on_event, on_progress).run(sources);
  } catch (const Xapian::Error&) {
    rethrow_xapian(db_path);
  }
}

}  // namespace

std::string LogEvent::to_text() const {
  std::string text;
  if (!file.empty()) {
    text = file;
    if (line != 0) text += ":" + std::to_string(line);
    text += ": ";
  }
  text.append(level_name(level)).append(": ").append(message);
  if (!counts.empty()) {
    text += " (";
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (i > 0) text += ", ";
      text += counts[i].first + " " + std::to_string(counts[i].second);
    }
    text += ")";
  }
  return text;
}

std::string LogEvent::to_json() const {
  std::string json = "{\"level\":";
  append_json_string(json, level_name(level));
  json += ",\"event\":";
  append_json_string(json, event);
  json += ",\"file\":";
  append_json_string(json, file);
  json += ",\"line\":" + std::to_string(line) + ",\"message\":";
  append_json_string(json, message);
  for (const auto& [name, count] : counts) {
    json.push_back(',');
    append_json_string(json, name);
    json += ":" + std::to_string(count);
  }
  json.push_back('}');
  return json;
}

LogEvent problem_event(const corpus::Problem& problem) {
  return {problem.severity == corpus::Problem::Severity::kError ? LogEvent::Level::kError
                                                                 : LogEvent::Level::kWarning,
          "problem", problem.file, problem.line, problem.message, {}};
}

UpdateStats update_sources(const std::string& db_path, const std::vector<std::string>& sources,
                           const UpdateOptions& options,
                           const std::function<void(const LogEvent&)>& on_event,
                           const std::function<void(const Progress&)>& on_progress) {
  IndexWriter writer(db_path, options.index);
  return update_with(writer, db_path, sources, options.prune, on_event, on_progress);
}

UpdateStats rebuild_sources(const std::string& db_path, const std::vector<std::string>& sources,
                            const UpdateOptions& options,
                            const std::function<void(const LogEvent&)>& on_event,
                            const std::function<void(const Progress&)>& on_progress) {
  // Hold the live database's lock from start to switch: an update that
  // wrote to it meanwhile would be lost with it. Its analysis version does
  // not matter, so it is opened without IndexWriter's checks.
  std::optional<Xapian::WritableDatabase> live;
  std::error_code error;
  if (fs::exists(fs::symlink_status(db_path, error))) {
    try {
      live = detail::open_writable(db_path, options.index.wait_seconds, /*create=*/false);
    } catch (const DatabaseLockedError&) {
      throw;
    } catch (const DatabaseError& e) {
      // A broken database is what a rebuild is for.
      if (on_event)
        on_event({LogEvent::Level::kWarning, "rebuild", db_path, 0,
                  std::string("the current database cannot be opened (") + e.what() +
                      "); rebuilding anyway",
                  {}});
    }
  }

  const std::string folder = detail::generations_folder(db_path);
  fs::create_directories(folder, error);
  if (error) throw IoError("cannot create " + folder + ": " + error.message());
  unsigned next = 1;
  for (const auto& entry : fs::directory_iterator(folder, error))
    if (const auto number = detail::generation_number(entry.path().string()))
      next = std::max(next, *number + 1);
  const std::string generation = folder + "/gen-" + std::to_string(next);

  UpdateStats stats;
  try {
    UpdateOptions fresh = options;
    fresh.index.wait_seconds = 0;  // nobody else knows of this directory yet
    {
      IndexWriter writer(generation, fresh.index);
      stats = update_with(writer, generation, sources, /*prune=*/false, on_event, on_progress);
    }
    detail::switch_generation(db_path, generation);
  } catch (...) {
    fs::remove_all(generation, error);
    throw;
  }
  live.reset();  // releases the old generation's lock; writers now find the new one
  detail::remove_old_generations(db_path, generation);
  if (on_event)
    on_event({LogEvent::Level::kInfo, "switched", db_path, 0,
              "switched to the new database " + generation,
              {{"generation", next}}});
  return stats;
}

}  // namespace akhbar::indexer
