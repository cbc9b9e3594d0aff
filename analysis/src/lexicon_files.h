// Where the shared lexicon's files are (the shipped data directory and the
// user's own additions), and the resources compiled at build time. Kept apart from the loader so that the lookup rules
// can be tested without the process-wide Lexicon::shared().
#pragma once

#include <string>
#include <string_view>

namespace akhbar::analysis::detail {

/// The files Lexicon::shared() loads, in order; an empty path means "none".
struct LexiconFiles {
  std::string aliases;       ///< shipped alias groups
  std::string topics;        ///< shipped topic lexicon
  std::string user_aliases;  ///< the user's additions, extending the shipped groups
  std::string user_topics;   ///< the user's additions, extending the shipped topics
};

/// Reads the environment now (not cached):
///  1. shipped files from $AKHBAR_DATA_DIR if set (IoError if it holds
///     neither aliases.txt nor topics.txt), else the installed data
///     directory, else the source tree's analysis/data; none found: empty;
///  2. user files from $XDG_CONFIG_HOME/akhbar, else ~/.config/akhbar, each
///     only if it exists.
LexiconFiles find_lexicon_files();

/// The shipped resource file `name` that akhbar compiles at build time
/// (gazetteer.tsv, translations.tsv): $AKHBAR_DATA_DIR/name if that
/// variable is set, else the installed data directory's, else the build
/// tree's (so that tests and an uninstalled build find it). Reads the
/// environment now. Throws IoError naming every place it looked when none
/// holds the file.
std::string find_resource_file(std::string_view name);

}  // namespace akhbar::analysis::detail
