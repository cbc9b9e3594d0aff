/// @file error.h
/// @brief The exceptions akhbar's library throws.
///
/// Every error the library raises derives from akhbar::Error, so a program
/// that embeds akhbar catches one type. Expected outcomes (a bad record in a
/// corpus, an empty result) are values, not exceptions.
#pragma once

#include <stdexcept>
#include <string>

namespace akhbar {

/// Root of akhbar's exceptions. what() is a complete, user-facing sentence.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A broken precondition: a bad argument or option, a misuse of the API.
class UsageError : public Error {
 public:
  using Error::Error;
};

/// Input that cannot be used: a corrupt file, a record that is not an article.
class DataError : public Error {
 public:
  using Error::Error;
};

/// The environment failed: a file that cannot be read, a disk that is full.
class IoError : public Error {
 public:
  using Error::Error;
};

/// The database is missing, corrupt, locked by another writer, or was built
/// by an incompatible version of the analysis.
class DatabaseError : public Error {
 public:
  using Error::Error;
};

/// Another process holds the database's write lock.
class DatabaseLockedError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// The database was built by akhbar with another analysis version or format:
/// its terms would not match this version's queries. Rebuilding it from its
/// sources (`akhbar index --rebuild`) makes it usable again.
class IncompatibleDatabaseError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// No database exists at the given path (the user should run `akhbar index`).
class DatabaseNotFoundError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

}  // namespace akhbar
