/// @file content_hash.h
/// @brief A fingerprint of what an article says, for the kValueHash value.
#pragma once

#include <cstdint>
#include <string>

#include "akhbar/corpus/article.h"

namespace akhbar::indexer::detail {

/// 64-bit FNV-1a hash of the canonical content of an article: its title and
/// paragraphs, with every run of white space counted as one space and none
/// at either end. Re-wrapped text hashes the same; any change of a word does
/// not. Metadata (id, url, date, source) is not part of it.
std::uint64_t content_hash(const corpus::Article& article);

/// `hash` as 16 lower-case hex digits.
std::string hash_hex(std::uint64_t hash);

}  // namespace akhbar::indexer::detail
