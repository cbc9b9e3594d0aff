// Byte-order marks and legacy encodings, so that a Windows-1251 or UTF-16
// file is read as the text it holds instead of a page of U+FFFD.
//
// Invariants:
//  1. Guessing looks at one bounded head of the file; the rest streams
//     through a fixed-size buffer, so memory does not grow with the file.
//  2. A file that is mostly valid UTF-8 is never reinterpreted: its bad
//     bytes stay the readers' business (repaired per record, with a warning).
//  3. Converted text is UTF-8 by construction: ICU substitutes U+FFFD for
//     bytes the charset does not map.
#include "legacy_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <exception>

#include "akhbar/error.h"

namespace akhbar::corpus::detail {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kPivotUnits = 4096;
// ICU reports 10 for a bare guess with no evidence behind it.
constexpr std::int32_t kMinConfidence = 15;

struct ByteOrderMark {
  std::string_view bytes;
  const char* charset;  // empty: UTF-8
};

// Longest marks first: UTF-32LE's mark begins with UTF-16LE's.
constexpr std::array<ByteOrderMark, 5> kByteOrderMarks{{
    {{"\xFF\xFE\x00\x00", 4}, "UTF-32LE"},
    {{"\x00\x00\xFE\xFF", 4}, "UTF-32BE"},
    {"\xEF\xBB\xBF", ""},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
}};

// Bad bytes a head must hold before it is taken for a legacy file: a few
// stray bytes in an ASCII file are damage, not an encoding.
constexpr std::size_t kMinLegacyEvidence = 16;

// Charsets that keep ASCII where it is, so the JSON and Markdown syntax of a
// file survives conversion: the single-byte families ICU's detector knows
// for Latin, Cyrillic and Arabic text (not EBCDIC, not UTF-16).
bool is_ascii_compatible_legacy(std::string_view name) {
  return name.starts_with("windows-125") || name.starts_with("ISO-8859-") || name == "KOI8-R";
}

bool converter_exists(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name, &status);
  if (converter != nullptr) ucnv_close(converter);
  return U_SUCCESS(status);
}

// The best single-byte (or other non-Unicode) charset ICU sees in `head`,
// or an empty guess.
EncodingGuess detect_legacy_charset(std::string_view head) {
  EncodingGuess guess;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return guess;
  ucsdet_setText(detector, head.data(), static_cast<std::int32_t>(head.size()), &status);
  std::int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &count, &status);
  for (std::int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    const std::int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status) || confidence < kMinConfidence) break;  // sorted by confidence
    if (!is_ascii_compatible_legacy(name) || !converter_exists(name)) continue;
    guess.charset = name;
    guess.evidence = "detected, confidence " + std::to_string(confidence) + "%";
    break;
  }
  ucsdet_close(detector);
  return guess;
}

}  // namespace

EncodingGuess guess_encoding(std::string_view head, bool head_is_whole_file) {
  for (const ByteOrderMark& mark : kByteOrderMarks) {
    if (head.starts_with(mark.bytes)) return {mark.charset, mark.bytes.size(), "byte-order mark"};
  }
  // NUL bytes mean binary data or BOM-less UTF-16: neither is guessed at;
  // the readers reject such records by name.
  if (head.find('\0') != std::string_view::npos) return {};

  // A head cut inside a multi-byte sequence is not evidence of anything.
  const std::size_t size = head.size();
  const std::size_t checked = head_is_whole_file ? size : size - std::min<std::size_t>(size, 3);
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
  std::size_t i = 0;
  while (i < checked) {
    const std::size_t start = i;
    UChar32 c = 0;
    U8_NEXT(head.data(), i, size, c);
    if (c < 0) {
      ++invalid;
    } else if (i - start > 1) {
      ++valid_multibyte;
    }
  }
  if (invalid < kMinLegacyEvidence || valid_multibyte * 16 > invalid) return {};
  return detect_legacy_charset(head);
}

struct Utf8Source::Converter {
  explicit Converter(const std::string& charset) : name(charset) {
    UErrorCode status = U_ZERO_ERROR;
    from = ucnv_open(charset.c_str(), &status);
    to = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) {
      close();
      throw DataError("cannot convert from " + charset + ": " + u_errorName(status));
    }
  }
  ~Converter() { close(); }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  void close() {
    if (from != nullptr) ucnv_close(from);
    if (to != nullptr) ucnv_close(to);
    from = to = nullptr;
  }

  std::string name;
  UConverter* from = nullptr;
  UConverter* to = nullptr;
  std::array<UChar, kPivotUnits> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  bool first_call = true;
  bool finished = false;
};

Utf8Source::Utf8Source(std::unique_ptr<ByteSource> inner,
                       std::function<void(const std::string&)> on_conversion)
    : inner_(std::move(inner)), on_conversion_(std::move(on_conversion)) {}

Utf8Source::~Utf8Source() = default;

void Utf8Source::start() {
  started_ = true;
  pending_.resize(kEncodingSniffBytes);
  std::size_t filled = 0;
  try {
    while (filled < pending_.size()) {
      const std::size_t got = inner_->read(pending_.data() + filled, pending_.size() - filled);
      if (got == 0) {
        inner_done_ = true;
        break;
      }
      filled += got;
    }
  } catch (const Error&) {
    // The bytes before a corrupt or truncated stream are good: serve them
    // first, then fail where the stream failed.
    if (filled == 0) throw;
    deferred_error_ = std::current_exception();
    inner_done_ = true;
  }
  pending_.resize(filled);
  const EncodingGuess guess = guess_encoding({pending_.data(), filled}, inner_done_);
  pending_begin_ = guess.bom_bytes;
  if (guess.charset.empty()) return;
  converter_ = std::make_unique<Converter>(guess.charset);
  if (on_conversion_) {
    on_conversion_("encoded as " + guess.charset + " (" + guess.evidence + "), converted to UTF-8");
  }
}

void Utf8Source::rethrow_deferred_error() {
  if (!deferred_error_) return;
  std::exception_ptr error = std::move(deferred_error_);
  deferred_error_ = nullptr;
  std::rethrow_exception(error);
}

std::size_t Utf8Source::read(char* buffer, std::size_t capacity) {
  if (capacity == 0) return 0;
  if (!started_) start();
  return converter_ ? read_converted(buffer, capacity) : read_raw(buffer, capacity);
}

std::size_t Utf8Source::read_raw(char* buffer, std::size_t capacity) {
  if (pending_begin_ < pending_.size()) {
    const std::size_t take = std::min(capacity, pending_.size() - pending_begin_);
    std::copy_n(pending_.data() + pending_begin_, take, buffer);
    pending_begin_ += take;
    return take;
  }
  rethrow_deferred_error();
  if (inner_done_) return 0;
  const std::size_t got = inner_->read(buffer, capacity);
  if (got == 0) inner_done_ = true;
  return got;
}

std::size_t Utf8Source::read_converted(char* buffer, std::size_t capacity) {
  Converter& c = *converter_;
  while (!c.finished) {
    if (pending_begin_ == pending_.size()) rethrow_deferred_error();
    if (pending_begin_ == pending_.size() && !inner_done_) {
      pending_.resize(kChunkBytes);
      const std::size_t got = inner_->read(pending_.data(), pending_.size());
      pending_.resize(got);
      pending_begin_ = 0;
      if (got == 0) inner_done_ = true;
    }
    char* target = buffer;
    const char* source = pending_.data() + pending_begin_;
    const char* source_end = pending_.data() + pending_.size();
    UErrorCode status = U_ZERO_ERROR;
    // Flushing once the file is exhausted turns a sequence cut by the end of
    // the file (half a UTF-16 unit) into U+FFFD instead of losing it.
    ucnv_convertEx(c.to, c.from, &target, buffer + capacity, &source, source_end, c.pivot.data(),
                   &c.pivot_source, &c.pivot_target, c.pivot.data() + c.pivot.size(), c.first_call,
                   inner_done_, &status);
    c.first_call = false;
    pending_begin_ = static_cast<std::size_t>(source - pending_.data());
    const auto produced = static_cast<std::size_t>(target - buffer);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      if (produced > 0) return produced;
      continue;
    }
    if (U_FAILURE(status)) {
      throw DataError("cannot convert from " + c.name + ": " + u_errorName(status));
    }
    if (inner_done_) c.finished = true;
    if (produced > 0) return produced;
  }
  return 0;
}

}  // namespace akhbar::corpus::detail
