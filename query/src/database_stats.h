/// @file database_stats.h
/// @brief What `akhbar stats` reports about an open database.
#pragma once

#include <string>

#include <xapian.h>

#include "akhbar/query/searcher.h"

namespace akhbar::query::detail {

/// Reads the statistics of `db`, opened from `path`. Lets Xapian::Error
/// (including DatabaseModifiedError) through for the caller to handle.
/// DatabaseStats::terms counts distinct words (unprefixed terms), skipping
/// the prefixed stem and filter terms without reading them.
/// DatabaseStats::size_bytes counts the files of the databases `path` leads
/// to: for a Xapian stub file, those of the generations it names, not the
/// stub's own few bytes.
DatabaseStats read_stats(const Xapian::Database& db, const std::string& path);

}  // namespace akhbar::query::detail
