/// @file legacy_encoding.h
/// @brief Corpus files that are not UTF-8: byte-order marks and legacy
/// single-byte encodings (Windows-1251, Windows-1256...), turned into UTF-8
/// as they stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.h"

namespace akhbar::corpus::detail {

/// What the first bytes of a file say about its encoding.
struct EncodingGuess {
  /// ICU converter name ("UTF-16LE", "windows-1251"...); empty for UTF-8,
  /// which needs no conversion.
  std::string charset;
  /// Bytes of byte-order mark at the start, to drop (the UTF-8 one included).
  std::size_t bom_bytes = 0;
  /// How the charset was found, for the message: "byte-order mark" or
  /// "detected, confidence N%".
  std::string evidence;
};

/// Decides the encoding of a file from its first bytes `head`:
///  1. a byte-order mark names UTF-8, UTF-16 or UTF-32 (LE or BE);
///  2. else a head with NUL bytes (binary data, or UTF-16 without a mark)
///     is left as UTF-8, for the readers to reject by name, and so is a head
///     of valid UTF-8 (an incomplete sequence cut at its end allowed);
///  3. else, when there are enough invalid sequences and they clearly
///     outnumber the valid multi-byte ones (a legacy file, not a UTF-8 file
///     with a damaged record), ICU's charset detector names an
///     ASCII-compatible single-byte charset (windows-125x, ISO-8859-x,
///     KOI8-R) if it can;
///  4. otherwise UTF-8: the readers then repair the bad bytes per record.
/// `head_is_whole_file` says whether the file ended within `head`.
EncodingGuess guess_encoding(std::string_view head, bool head_is_whole_file);

/// Bytes read from the start of a file to guess its encoding.
inline constexpr std::size_t kEncodingSniffBytes = 64 * 1024;

/// The bytes of another source as UTF-8: on the first read() it looks at
/// the first kEncodingSniffBytes, drops any byte-order mark, and converts
/// from the guessed charset (guess_encoding) chunk by chunk; UTF-8 input
/// passes through unchanged. `on_conversion` is called once, before any
/// converted byte is returned, with a sentence such as
/// "encoded as windows-1251 (detected, confidence 30%), converted to UTF-8".
///
/// read() passes on the inner source's exceptions (one met while sniffing
/// only after the bytes before it have been returned) and throws
/// akhbar::DataError when ICU cannot convert. consumed() and decompressed()
/// are the inner source's counts (bytes taken from the file, and those bytes
/// decompressed).
class Utf8Source : public ByteSource {
 public:
  Utf8Source(std::unique_ptr<ByteSource> inner, std::function<void(const std::string&)> on_conversion);
  ~Utf8Source() override;
  Utf8Source(const Utf8Source&) = delete;
  Utf8Source& operator=(const Utf8Source&) = delete;

  std::size_t read(char* buffer, std::size_t capacity) override;
  std::uint64_t consumed() const override { return inner_->consumed(); }
  std::uint64_t decompressed() const override { return inner_->decompressed(); }

 private:
  struct Converter;
  void start();
  std::size_t read_raw(char* buffer, std::size_t capacity);
  std::size_t read_converted(char* buffer, std::size_t capacity);
  void rethrow_deferred_error();

  std::unique_ptr<ByteSource> inner_;
  std::function<void(const std::string&)> on_conversion_;
  bool started_ = false;
  std::vector<char> pending_;      // raw bytes read ahead (the sniffed head, then chunks)
  std::size_t pending_begin_ = 0;  // unread raw bytes are pending_[pending_begin_, end)
  bool inner_done_ = false;
  std::unique_ptr<Converter> converter_;  // null: UTF-8, passed through
  std::exception_ptr deferred_error_;     // a failure met while sniffing, after good bytes
};

}  // namespace akhbar::corpus::detail
