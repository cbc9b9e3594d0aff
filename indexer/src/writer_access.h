/// @file writer_access.h
/// @brief The updater's way into an IndexWriter: the database it holds open
/// (with its write lock and open transaction), for lookups, per-file state
/// metadata and deletions that must land in the writer's batches.
#pragma once

#include <xapian.h>

#include "akhbar/indexer/writer.h"

namespace akhbar::indexer::detail {

struct WriterAccess {
  /// The writer's database. Changes made through it join the writer's
  /// current batch and are committed with it.
  static Xapian::WritableDatabase& database(IndexWriter& writer);
};

}  // namespace akhbar::indexer::detail
