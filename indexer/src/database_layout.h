/// @file database_layout.h
/// @brief Where a database's files are: a plain Xapian directory, or a stub
/// file naming the current generation (schema.h, "Layout on disk"); opening
/// it for writing, and switching it to a new generation atomically.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace akhbar::indexer::detail {

/// The directory holding the Xapian files of the database at `path`: the
/// generation a stub file names (resolved against the stub's folder), else
/// `path` itself. Throws DatabaseError for a file that is not a valid stub.
std::string resolve_database(const std::string& path);

/// The generation number of a directory named ".../gen-N"; nullopt otherwise.
std::optional<unsigned> generation_number(const std::string& directory);

/// Opens the database at `path` for writing, creating a plain database
/// directory (and its parents) if nothing exists there. Retries a held lock
/// until `wait_seconds` have passed, then throws DatabaseLockedError
/// ("database PATH is being updated by another process"). After taking the
/// lock it checks that `path` still leads to the same directory, so a writer
/// that waited through a generation switch never writes to the old one.
/// Other Xapian failures become DatabaseError.
Xapian::WritableDatabase open_writable(const std::string& path, double wait_seconds, bool create);

/// The folder of the generations of the database at `path`: `path` + ".d".
std::string generations_folder(const std::string& path);

/// Makes `path` a stub naming `generation_dir` (a directory inside
/// generations_folder(path)), atomically: readers that open `path` see the
/// old database or the new one, never neither. A plain database directory
/// at `path` is exchanged with the stub and removed. Throws IoError.
void switch_generation(const std::string& path, const std::string& generation_dir);

/// Removes every generation of `path` except `keep`. Failures are ignored:
/// a leftover generation costs disk space, never correctness.
void remove_old_generations(const std::string& path, const std::string& keep);

}  // namespace akhbar::indexer::detail
