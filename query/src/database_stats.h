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
DatabaseStats read_stats(const Xapian::Database& db, const std::string& path);

}  // namespace akhbar::query::detail
