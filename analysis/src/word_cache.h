// A bounded per-thread memo of per-word results (normal forms, stems).
//
// News text repeats a small vocabulary, so the expensive per-word work (ICU
// normalisation, Snowball stemming) is done once per distinct word per thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace akhbar::analysis::detail {

/// Maps words to computed values, holding at most `capacity` entries.
///
/// When full, the cache is emptied rather than evicting entry by entry: the
/// common words come back at once, and no bookkeeping is paid per lookup.
/// Not thread-safe: keep one per thread (thread_local).
template <typename Value>
class WordCache {
 public:
  // The table is sized once for `capacity`: emptying it keeps its buckets,
  // so a full cache never rehashes again.
  explicit WordCache(std::size_t capacity) : capacity_(capacity) { values_.reserve(capacity); }

  /// The cached value of `word`, computing it with `compute(word)` on a miss.
  /// The reference stays valid until the next call.
  template <typename Compute>
  const Value& get(std::string_view word, Compute&& compute) {
    if (auto found = values_.find(word); found != values_.end()) return found->second;
    if (values_.size() >= capacity_) values_.clear();
    return values_.emplace(std::string(word), compute(word)).first->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const noexcept {
      return std::hash<std::string_view>{}(word);
    }
  };

  std::size_t capacity_;
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> values_;
};

}  // namespace akhbar::analysis::detail
