// Reading dictionaries in the dictd format that Debian packages them in:
// NAME.index (one "HEADWORD<TAB>OFFSET<TAB>LENGTH" line per entry, the
// numbers in dictd's base 64) and NAME.dict.dz (the entries' text, gzip
// compressed with dictzip's random-access extension, which plain gzip
// readers ignore).
#pragma once

#include <string>
#include <vector>

namespace akhbar::resources {

struct DictdEntry {
  std::string headword;  ///< as the index lists it
  std::string text;      ///< the entry's text, headword line included
};

/// Every entry of the dictionary, in index order, without the database's
/// own "00database..." / "00-database-..." entries. `dict_path` may be
/// compressed (.dz, .gz) or plain. Throws akhbar::IoError naming a file that
/// cannot be read, akhbar::DataError ("FILE:LINE: reason") for a malformed
/// index line or an entry outside the text.
std::vector<DictdEntry> read_dictd(const std::string& index_path, const std::string& dict_path);

/// The value of a dictd base-64 number ("B" = 1, "BA" = 64); false if
/// `digits` holds another character or overflows.
bool decode_dictd_number(std::string_view digits, std::size_t& value);

}  // namespace akhbar::resources
