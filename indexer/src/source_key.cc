// source_key(): the form of a source name used in its filter term, shared by
// the indexer (B terms) and the query side (source: filters).
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

#include "akhbar/indexer/schema.h"

namespace akhbar::indexer::schema {
namespace {

// Cuts at a code point boundary so the term stays valid UTF-8.
void truncate_utf8(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  while (!text.empty() && text.back() == ' ') text.pop_back();
}

}  // namespace

std::string source_key(std::string_view source) {
  // Case folding (not lower-casing) so that "STRASSE" and "Straße" agree;
  // every run of Unicode white space becomes one space, none at the ends.
  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(source.data(), static_cast<int32_t>(source.size())))
          .foldCase();
  icu::UnicodeString collapsed;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !collapsed.isEmpty();
      continue;
    }
    if (pending_space) collapsed.append(static_cast<UChar>(u' '));
    pending_space = false;
    collapsed.append(c);
  }
  std::string key;
  collapsed.toUTF8String(key);
  // Room for the prefix within the term length limit.
  truncate_utf8(key, kMaxTermBytes - kSourcePrefix.size());
  return key;
}

}  // namespace akhbar::indexer::schema
