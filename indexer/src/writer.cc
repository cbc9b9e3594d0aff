// IndexWriter: owns a Xapian::WritableDatabase and files built documents.
//
// Invariants:
//   1. A database this writer opens carries kMetaAnalysisVersion equal to
//      kAnalysisVersion (stamped on creation, checked on every open).
//   2. `pending` counts articles added since the last commit; a commit
//      happens when it reaches batch_articles, never per article.
//   3. A Xapian transaction is open from one commit to the next. Closing a
//      database commits pending changes unless a transaction is open, so the
//      transaction is what lets an exception unwinding through the writer
//      drop the unfinished batch instead of committing it.
#include <xapian.h>

#include <exception>
#include <filesystem>
#include <string>
#include <system_error>

#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/version.h"
#include "database_layout.h"
#include "document_builder.h"
#include "source_files.h"
#include "writer_access.h"

namespace akhbar::indexer {
namespace {

namespace schema = akhbar::indexer::schema;

// Xapian's own error, restated with the database it concerns.
[[noreturn]] void rethrow_as_database_error(const std::string& path, const std::string& doing) {
  try {
    throw;
  } catch (const Xapian::DatabaseLockError&) {
    throw DatabaseLockedError("database " + path + " is being updated by another process");
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot " + doing + " database " + path + ": " + e.get_description());
  }
}

void check_or_stamp_version(Xapian::WritableDatabase& db, const std::string& path) {
  const std::string expected = std::to_string(kAnalysisVersion);
  const std::string found = db.get_metadata(std::string(schema::kMetaAnalysisVersion));
  if (found.empty()) {
    if (db.get_doccount() != 0)
      throw DatabaseError("database " + path +
                          " was not built by akhbar (it has documents but no analysis version)");
    db.set_metadata(std::string(schema::kMetaAnalysisVersion), expected);
    db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatName));
    db.commit();
    return;
  }
  if (found != expected)
    throw IncompatibleDatabaseError("database " + path + " was built with analysis version " + found +
                        " but this akhbar uses version " + expected +
                        "; index the sources again with `akhbar index --rebuild`");
  const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
  if (format != schema::kFormatName)
    throw IncompatibleDatabaseError("database " + path + " has format '" + format + "', expected '" +
                        std::string(schema::kFormatName) +
                        "'; index the sources again with `akhbar index --rebuild`");
}

}  // namespace

struct IndexWriter::Impl {
  Impl(const std::string& db_path, const IndexOptions& index_options)
      : path(db_path),
        options(index_options),
        db(detail::open_writable(db_path, index_options.wait_seconds, /*create=*/true)),
        builder(analysis::news_analyzer(), index_options) {
    try {
      check_or_stamp_version(db, path);
    } catch (const Xapian::Error&) {
      rethrow_as_database_error(path, "initialise");
    }
    try {
      // A database that has dictionaries keeps compressing with one of them.
      const schema::TextDictionaries dictionaries = schema::load_text_dictionaries(db);
      if (!dictionaries.empty()) builder.use_text_dictionary(dictionaries.rbegin()->second);
    } catch (const Xapian::Error&) {
      rethrow_as_database_error(path, "read the text dictionaries of");
    }
    if (options.batch_articles == 0) options.batch_articles = 1;
    try {
      db.begin_transaction();
    } catch (...) {
      rethrow_as_database_error(path, "write to");
    }
  }

  void store(const schema::TextDictionary& dictionary) {
    const std::string key = dictionary.metadata_key();
    if (db.get_metadata(key) != dictionary.bytes()) db.set_metadata(key, dictionary.bytes());
  }

  void commit() {
    try {
      db.commit_transaction();
      db.begin_transaction();
    } catch (...) {
      rethrow_as_database_error(path, "commit to");
    }
    pending = 0;
  }

  std::string path;
  IndexOptions options;
  Xapian::WritableDatabase db;
  detail::DocumentBuilder builder;
  IndexStats stats;
  std::size_t pending = 0;
  // Exceptions already in flight when the writer was made: the destructor
  // commits only if no new one is unwinding through it.
  int uncaught_at_start = std::uncaught_exceptions();
};

IndexWriter::IndexWriter(const std::string& db_path, IndexOptions options)
    : impl_(std::make_unique<Impl>(db_path, options)) {}

IndexWriter::~IndexWriter() {
  // Unwinding: the open transaction is aborted when the database closes.
  if (!impl_ || std::uncaught_exceptions() > impl_->uncaught_at_start) return;
  try {
    if (impl_->pending != 0) impl_->db.commit_transaction();
  } catch (...) {
    // A destructor must not throw; the caller who wants to know calls commit().
  }
}

bool IndexWriter::add(const corpus::Article& article) {
  auto built = impl_->builder.build(article);
  if (!built) {
    ++impl_->stats.skipped;
    return false;
  }
  // The updater compares origins with the absolute paths it walks.
  if (!article.origin_file.empty())
    built->document.add_value(schema::kValueOrigin, detail::absolute_path(article.origin_file));
  try {
    if (built->new_text_dictionary) impl_->store(*built->new_text_dictionary);
    impl_->db.replace_document(built->id_term, built->document);
    for (const auto& [key, word] : built->synonyms) impl_->db.add_synonym(key, word);
  } catch (...) {
    rethrow_as_database_error(impl_->path, "write article " + article.id + " to");
  }
  ++impl_->stats.articles;
  impl_->stats.passages += built->passages;
  if (++impl_->pending >= impl_->options.batch_articles) impl_->commit();
  return true;
}

bool IndexWriter::remove(std::string_view id) {
  const std::string term = detail::id_term(id);
  try {
    if (!impl_->db.term_exists(term)) return false;
    impl_->db.delete_document(term);
  } catch (...) {
    rethrow_as_database_error(impl_->path, "delete article " + std::string(id) + " from");
  }
  if (++impl_->pending >= impl_->options.batch_articles) impl_->commit();
  return true;
}

void IndexWriter::commit() { impl_->commit(); }

const IndexStats& IndexWriter::stats() const noexcept { return impl_->stats; }

Xapian::WritableDatabase& detail::WriterAccess::database(IndexWriter& writer) {
  return writer.impl_->db;
}

std::shared_ptr<const schema::TextDictionary> detail::WriterAccess::text_dictionary(IndexWriter& writer) {
  return writer.impl_->builder.text_dictionary();
}

void detail::WriterAccess::use_text_dictionary(IndexWriter& writer,
                                               std::shared_ptr<const schema::TextDictionary> dictionary,
                                               std::size_t sample_bytes) {
  if (!dictionary) {
    writer.impl_->builder.set_text_dictionary_sample_bytes(sample_bytes);
    return;
  }
  try {
    writer.impl_->store(*dictionary);
  } catch (...) {
    rethrow_as_database_error(writer.impl_->path, "store a text dictionary in");
  }
  writer.impl_->builder.use_text_dictionary(std::move(dictionary));
}

}  // namespace akhbar::indexer
