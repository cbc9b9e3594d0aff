// Where the database lives when the user names none.
#include <cstdlib>
#include <string>

#include "akhbar/indexer/writer.h"

namespace akhbar::indexer {

std::string default_db_path() {
  if (const char* env = std::getenv("AKHBAR_DB"); env != nullptr && *env != '\0') return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/akhbar/db";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.local/share/akhbar/db";
  return "akhbar.db";
}

}  // namespace akhbar::indexer
