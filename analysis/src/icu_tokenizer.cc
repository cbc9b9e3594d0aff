// icu_tokenizer(): ICU word segmentation over the original UTF-8 bytes, with
// compounds (al-Sharaa, Hay'at) joined and split into parts.
//
// ICU reads the text through a UTF-8 UText, so every boundary it reports is
// already a byte offset into the caller's text: no UTF-16 copy, no offset
// tables, and invalid bytes are read as U+FFFD by ICU itself.
//
// Invariants of IcuTokenStream:
//  1. Segments come out in text order and never overlap; at most one segment
//     is held back (pushback_) after a failed compound look-ahead.
//  2. pending_ holds the pieces of one word (a plain word, or a compound and
//     its parts) in the order they are returned; positions are assigned when
//     the word is queued, so next_position_ is always the next free position.
//  3. Offsets of every piece satisfy begin < end <= text_.size().
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/error.h"
#include "text_scan.h"

namespace akhbar::analysis {

namespace {

using detail::decode_utf8;
using detail::decode_utf8_backward;

// A chain longer than this ("a-b-c-d-e-f-g-h-i") is not a name; cutting it
// also bounds the size of a compound term on hostile input.
constexpr std::size_t kMaxCompoundParts = 8;

constexpr char32_t kZeroWidthSpace = 0x200B;

struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool is_word = false;
};

struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t position = 0;
  Script script = Script::kOther;
  Token::Kind kind = Token::Kind::kWord;
  bool capitalised = false;
};

// Script of a word from the majority of its letters; kNumber when it has
// digits and no letters.
void classify(std::string_view text, Piece& piece) {
  std::array<std::size_t, 5> counts{};  // indexed by Script
  bool seen_letter = false;
  piece.capitalised = false;
  for (std::size_t i = piece.begin; i < piece.end;) {
    const char32_t c = decode_utf8(text, i);
    const Script script = detail::script_of(c);
    ++counts[static_cast<std::size_t>(script)];
    if (!seen_letter && detail::is_letter(c)) {
      seen_letter = true;
      const bool cased_script = script == Script::kLatin || script == Script::kCyrillic;
      const auto code_point = static_cast<UChar32>(c);
      piece.capitalised = cased_script && (u_isupper(code_point) || u_istitle(code_point));
    }
  }
  const auto count = [&](Script s) { return counts[static_cast<std::size_t>(s)]; };
  Script best = Script::kOther;
  std::size_t best_count = 0;
  for (Script s : {Script::kLatin, Script::kCyrillic, Script::kArabic}) {
    if (count(s) > best_count) best = s, best_count = count(s);
  }
  if (best_count == 0 && !seen_letter && count(Script::kNumber) > 0) best = Script::kNumber;
  piece.script = best;
}

// A single code point filling the whole segment, or nullopt.
std::optional<char32_t> only_code_point(std::string_view text, const Segment& segment) {
  std::size_t i = segment.begin;
  const char32_t c = decode_utf8(text, i);
  if (i != segment.end) return std::nullopt;
  return c;
}

bool only_zero_width_spaces(std::string_view text, const Segment& segment) {
  for (std::size_t i = segment.begin; i < segment.end;) {
    if (decode_utf8(text, i) != kZeroWidthSpace) return false;
  }
  return true;
}

std::unique_ptr<icu::BreakIterator> make_word_iterator() {
  // The prototype is per thread because BreakIterator objects, clone()
  // included, are not safe to use from several threads at once.
  thread_local std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words) {
      throw Error(std::string("ICU word segmentation is unavailable: ") + u_errorName(status));
    }
    return words;
  }();
  std::unique_ptr<icu::BreakIterator> words(prototype->clone());
  if (!words) throw Error("ICU word segmentation is unavailable: cloning the iterator failed");
  return words;
}

class IcuTokenStream final : public TokenStream {
 public:
  explicit IcuTokenStream(std::string_view text) : text_(text), words_(make_word_iterator()) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&utext_, text_.data(), static_cast<std::int64_t>(text_.size()), &status);
    if (U_SUCCESS(status)) words_->setText(&utext_, status);
    if (U_FAILURE(status)) {
      utext_close(&utext_);
      throw Error(std::string("ICU could not read the text to segment: ") + u_errorName(status));
    }
    last_boundary_ = static_cast<std::size_t>(words_->first());
  }

  ~IcuTokenStream() override { utext_close(&utext_); }
  IcuTokenStream(const IcuTokenStream&) = delete;
  IcuTokenStream& operator=(const IcuTokenStream&) = delete;

  bool next(Token& token) override {
    if (next_pending_ == pending_.size() && !queue_next_word()) return false;
    const Piece& piece = pending_[next_pending_++];
    token.text.assign(text_.data() + piece.begin, piece.end - piece.begin);
    token.stem.clear();
    token.begin = piece.begin;
    token.end = piece.end;
    token.position = piece.position;
    token.script = piece.script;
    token.kind = piece.kind;
    token.capitalised = piece.capitalised;
    return true;
  }

 private:
  std::optional<Segment> next_segment() {
    if (pushback_) return std::exchange(pushback_, std::nullopt);
    const std::int32_t boundary = words_->next();
    if (boundary == icu::BreakIterator::DONE) return std::nullopt;
    Segment segment;
    segment.begin = last_boundary_;
    // Clamp: ICU reports native UTF-8 indexes, never past the text's end.
    segment.end = std::min(static_cast<std::size_t>(boundary), text_.size());
    segment.is_word = words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    last_boundary_ = segment.end;
    return segment;
  }

  // True when `gap` (a non-word segment between two words) joins them: a
  // single hyphen or apostrophe with letters on both sides, or zero-width
  // spaces, which only hide a word boundary that is not there.
  bool joins(const Segment& gap, const Segment& after) const {
    if (only_zero_width_spaces(text_, gap)) return true;
    const auto joiner = only_code_point(text_, gap);
    if (!joiner || !detail::is_joiner(*joiner)) return false;
    std::size_t before_end = gap.begin;
    std::size_t after_begin = after.begin;
    return detail::is_letter(decode_utf8_backward(text_, before_end)) &&
           detail::is_letter(decode_utf8(text_, after_begin));
  }

  // Reads the next word, joined across hyphens and zero-width spaces, and
  // queues its pieces. False at the end of the text.
  bool queue_next_word() {
    pending_.clear();
    next_pending_ = 0;
    std::optional<Segment> word;
    while ((word = next_segment()) && !word->is_word) {
    }
    if (!word) return false;

    std::size_t end = word->end;
    for (std::size_t joined = 1; joined < kMaxCompoundParts; ++joined) {
      const auto gap = next_segment();
      if (!gap) break;
      if (gap->is_word) {
        pushback_ = gap;
        break;
      }
      const auto after = next_segment();
      if (!after) break;
      if (!after->is_word || !joins(*gap, *after)) {
        // The gap is punctuation or space and is dropped; the segment after
        // it starts the next word.
        pushback_ = after;
        break;
      }
      end = after->end;
    }
    queue_pieces(word->begin, end);
    return true;
  }

  // Splits [begin, end) at hyphens and apostrophes between letters.
  void queue_pieces(std::size_t begin, std::size_t end) {
    pending_.push_back(Piece{begin, end, next_position_, Script::kOther, Token::Kind::kWord, false});
    std::size_t part_begin = begin;
    char32_t previous = 0;
    for (std::size_t i = begin; i < end;) {
      const std::size_t joiner_begin = i;
      const char32_t c = decode_utf8(text_, i);
      if (detail::is_joiner(c) && i < end && detail::is_letter(previous) &&
          pending_.size() < kMaxCompoundParts) {
        std::size_t peek = i;
        if (detail::is_letter(decode_utf8(text_, peek))) {
          pending_.push_back(Piece{part_begin, joiner_begin, 0, Script::kOther,
                                   Token::Kind::kPart, false});
          part_begin = i;
        }
      }
      previous = c;
    }
    if (pending_.size() == 1) {
      classify(text_, pending_.front());
      ++next_position_;
      return;
    }
    pending_.push_back(Piece{part_begin, end, 0, Script::kOther, Token::Kind::kPart, false});
    pending_.front().kind = Token::Kind::kCompound;
    classify(text_, pending_.front());
    for (std::size_t k = 1; k < pending_.size(); ++k) {
      pending_[k].position = next_position_++;
      classify(text_, pending_[k]);
    }
  }

  std::string_view text_;
  UText utext_ = UTEXT_INITIALIZER;
  std::unique_ptr<icu::BreakIterator> words_;
  std::size_t last_boundary_ = 0;
  std::optional<Segment> pushback_;
  std::vector<Piece> pending_;
  std::size_t next_pending_ = 0;
  std::uint32_t next_position_ = 0;
};

class IcuTokenizer final : public Tokenizer {
 public:
  std::unique_ptr<TokenStream> tokenize(std::string_view text) const override {
    // BreakIterator boundaries are 32-bit.
    if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
      throw UsageError("Text of " + std::to_string(text.size()) +
                       " bytes is too large to analyse at once; the limit is 2 GiB.");
    }
    return std::make_unique<IcuTokenStream>(text);
  }
};

}  // namespace

std::shared_ptr<const Tokenizer> icu_tokenizer() {
  static const auto tokenizer = std::make_shared<const IcuTokenizer>();
  return tokenizer;
}

}  // namespace akhbar::analysis
