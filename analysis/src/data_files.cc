// data_directory() and data_path(): the one lookup of akhbar's shipped files.
//
// The library asks the dynamic loader where it was loaded from and applies
// the relative path from the install lib directory to the install data
// directory (AKHBAR_LIBDIR_TO_DATADIR, computed by CMake). The build tree
// mirrors the install layout (the library in BUILD/<libdir>, the data staged
// in BUILD/<datadir>/akhbar), so the same rule serves an installed copy, a
// moved prefix and a build that was never installed.
#include "akhbar/data_files.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "akhbar/error.h"

namespace akhbar {
namespace {

namespace fs = std::filesystem;

// Any object of this library: the loader maps its address to our file.
const char kAnchor = 0;

/// The file the code of this library was loaded from, as the loader has it.
fs::path library_file() {
  Dl_info info{};
  fs::path file;
  if (::dladdr(&kAnchor, &info) != 0 && info.dli_fname != nullptr) file = info.dli_fname;
  // Linked into the program itself, the loader gives argv[0], which may be
  // a bare name or relative to a directory we have left.
  if (file.empty() || !file.has_parent_path()) file = "/proc/self/exe";
  std::error_code error;
  const fs::path real = fs::canonical(file, error);
  return error ? file : real;
}

struct DataDirectory {
  fs::path path;
  std::string chosen_by;  ///< why this directory, for error messages
  std::string remedy;     ///< what to do when a file is not there
};

DataDirectory find_data_directory() {
  if (const char* dir = std::getenv("AKHBAR_DATA_DIR"); dir != nullptr && *dir != '\0')
    return {dir, "$AKHBAR_DATA_DIR", "point AKHBAR_DATA_DIR at akhbar's share/akhbar, or unset it"};
  const fs::path library = library_file();
  return {(library.parent_path() / AKHBAR_LIBDIR_TO_DATADIR).lexically_normal(),
          "the data directory of the akhbar library " + library.string(),
          "install akhbar completely (cmake --install), or set AKHBAR_DATA_DIR to the directory "
          "that holds its data"};
}

}  // namespace

std::string data_directory() { return find_data_directory().path.string(); }

std::string data_path(std::string_view name) {
  const DataDirectory dir = find_data_directory();
  const fs::path path = dir.path / name;
  std::error_code error;
  if (fs::exists(path, error)) return path.string();
  throw IoError("akhbar's data file " + std::string(name) + " is not in " + dir.path.string() + " (" +
                dir.chosen_by + "): " + dir.remedy);
}

}  // namespace akhbar
