/// @file data_files.h
/// @brief Where akhbar finds the files it ships: the alias table, the topic
/// lexicon, the bundled sample corpus and every other resource under
/// share/akhbar.
///
/// The data directory is found from the library's own location, never from a
/// path fixed when akhbar was built: an installed copy reads
/// PREFIX/share/akhbar wherever PREFIX was moved to, and a build tree reads
/// the copy staged in it (BUILD/share/akhbar). $AKHBAR_DATA_DIR, when set,
/// replaces that directory.
///
/// Usage:
/// @code
///   const std::string aliases = akhbar::data_path("aliases.txt");  // or throws IoError
/// @endcode
#pragma once

#include <string>
#include <string_view>

namespace akhbar {

/// The directory akhbar's shipped data is read from: $AKHBAR_DATA_DIR if it
/// is set and not empty, else share/akhbar beside the akhbar library (the
/// relative path from the installed lib directory to the installed data
/// directory, applied to the directory the library was loaded from). Reads
/// the environment on every call. The directory may not exist: data_path()
/// reports that.
std::string data_directory();

/// The path of the shipped file or folder `name` ("aliases.txt",
/// "samples") in data_directory(). Throws IoError when it does not exist;
/// the message names the file, the directory looked in and why that one
/// (the environment or the library's location), and how to point akhbar at
/// the right one. Thread-safe.
std::string data_path(std::string_view name);

}  // namespace akhbar
