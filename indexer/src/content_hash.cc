// Content fingerprint of an article (FNV-1a 64 over its canonical text).
#include "content_hash.h"

#include <string_view>

namespace akhbar::indexer::detail {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Feeds the words of `text` to the hash, each preceded by one space unless
// it is the very first word of the article.
class CanonicalHasher {
 public:
  void add(std::string_view text) {
    bool pending_space = started_;
    for (const char c : text) {
      if (is_space(c)) {
        pending_space = started_;
        continue;
      }
      if (pending_space) mix(' ');
      pending_space = false;
      started_ = true;
      mix(c);
    }
  }
  std::uint64_t value() const { return hash_; }

 private:
  void mix(char c) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= kFnvPrime;
  }
  std::uint64_t hash_ = kFnvOffset;
  bool started_ = false;
};

}  // namespace

std::uint64_t content_hash(const corpus::Article& article) {
  CanonicalHasher hasher;
  hasher.add(article.title);
  for (const auto& paragraph : article.paragraphs) hasher.add(paragraph);
  return hasher.value();
}

std::string hash_hex(std::uint64_t hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = kDigits[hash & 0xf];
  return hex;
}

}  // namespace akhbar::indexer::detail
