/// @file writer_access.h
/// @brief The updater's way into an IndexWriter: the database it holds open
/// (with its write lock and open transaction), for lookups, per-file state
/// metadata and deletions that must land in the writer's batches.
#pragma once

#include <xapian.h>

#include <memory>

#include "akhbar/indexer/schema.h"
#include "akhbar/indexer/writer.h"

namespace akhbar::indexer::detail {

struct WriterAccess {
  /// The writer's database. Changes made through it join the writer's
  /// current batch and are committed with it.
  static Xapian::WritableDatabase& database(IndexWriter& writer);

  /// The text dictionary the writer compresses stored text with (null
  /// before it has one).
  static std::shared_ptr<const schema::TextDictionary> text_dictionary(IndexWriter& writer);

  /// Makes the writer compress with `dictionary` (another writer's of the
  /// same run), storing it in the database with the current batch; without
  /// one, makes it train its own on its first `sample_bytes` of articles.
  static void use_text_dictionary(IndexWriter& writer, std::shared_ptr<const schema::TextDictionary> dictionary,
                                  std::size_t sample_bytes);
};

}  // namespace akhbar::indexer::detail
