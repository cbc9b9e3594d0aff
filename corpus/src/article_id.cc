// Article ids derived from content, so re-reading a source gives the same id
// and re-indexing replaces rather than duplicates.
#include "article_id.h"

namespace akhbar::corpus::detail {
namespace {

constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv1a_continue(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

std::string hex16(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace

std::uint64_t fnv1a_64(std::string_view bytes) { return fnv1a_continue(kFnvOffsetBasis, bytes); }

std::string id_from_url(std::string_view url) { return "u" + hex16(fnv1a_64(url)); }

std::string id_from_content(std::string_view title, std::string_view body) {
  // A NUL separator keeps ("ab", "c") and ("a", "bc") apart.
  std::uint64_t hash = fnv1a_continue(kFnvOffsetBasis, title);
  hash = fnv1a_continue(hash, std::string_view("\0", 1));
  hash = fnv1a_continue(hash, body);
  return "h" + hex16(hash);
}

}  // namespace akhbar::corpus::detail
