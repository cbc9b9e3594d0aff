// Where the shared lexicon's files are: the shipped data directory and the
// user's own additions. Kept apart from the loader so that the lookup rules
// can be tested without the process-wide Lexicon::shared().
#pragma once

#include <string>

namespace akhbar::analysis::detail {

/// The files Lexicon::shared() loads, in order; an empty path means "none".
struct LexiconFiles {
  std::string aliases;       ///< shipped alias groups
  std::string topics;        ///< shipped topic lexicon
  std::string user_aliases;  ///< the user's additions, extending the shipped groups
  std::string user_topics;   ///< the user's additions, extending the shipped topics
};

/// Reads the environment now (not cached):
///  1. the shipped aliases.txt and topics.txt from akhbar::data_path()
///     ($AKHBAR_DATA_DIR, else share/akhbar beside the library): IoError if
///     either is missing, since a lexicon without them silently loses every
///     alias and topic;
///  2. user files from $XDG_CONFIG_HOME/akhbar, else ~/.config/akhbar, each
///     only if it exists.
LexiconFiles find_lexicon_files();

}  // namespace akhbar::analysis::detail
