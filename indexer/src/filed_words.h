/// @file filed_words.h
/// @brief The words a document builder has already filed in one of the
/// database's dictionaries (name keys, stems), so that each is filed once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace akhbar::indexer::detail {

/// A set of words, kept as 64-bit hashes in an open-addressing table.
///
/// It is asked about nearly every word of every article, and past a few
/// thousand words its table no longer fits the processor's caches: a set of
/// strings read a bucket, a node and the word's characters for each question
/// (5% of all indexing time), this reads one slot.
///
/// Two words with the same 64-bit hash count as one: among a million words
/// that happens with a chance of about 3 in 100 million, and it would only
/// leave the second word out of this builder's share of the dictionary
/// (the word itself is still indexed and found as written).
class FiledWords {
 public:
  /// Holds at most `capacity` words; past that it forgets them all and
  /// starts again (filing a word twice is harmless, only slower).
  explicit FiledWords(std::size_t capacity) : capacity_(capacity), slots_(kInitialSlots, kEmpty) {}

  /// True the first time `word` is met (since the set last forgot).
  bool first_time(std::string_view word) {
    std::uint64_t hash = std::hash<std::string_view>{}(word);
    if (hash == kEmpty) hash = 1;
    std::size_t at = slot_of(hash);
    if (slots_[at] == hash) return false;
    if (size_ >= capacity_ || 2 * (size_ + 1) > slots_.size()) {
      grow();
      at = slot_of(hash);
    }
    slots_[at] = hash;
    ++size_;
    return true;
  }

  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint64_t kEmpty = 0;
  static constexpr std::size_t kInitialSlots = std::size_t{1} << 12;

  /// The slot holding `hash`, or the empty slot where it belongs.
  std::size_t slot_of(std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(hash) & mask;
    while (slots_[at] != kEmpty && slots_[at] != hash) at = (at + 1) & mask;
    return at;
  }

  /// Empties the table once it holds `capacity_` words, else doubles it
  /// (the load stays at most one half).
  void grow() {
    if (size_ >= capacity_) {
      slots_.assign(slots_.size(), kEmpty);
      size_ = 0;
      return;
    }
    std::vector<std::uint64_t> old(2 * slots_.size(), kEmpty);
    old.swap(slots_);
    for (const std::uint64_t hash : old)
      if (hash != kEmpty) slots_[slot_of(hash)] = hash;
  }

  std::size_t capacity_;
  std::size_t size_ = 0;
  std::vector<std::uint64_t> slots_;
};

}  // namespace akhbar::indexer::detail
