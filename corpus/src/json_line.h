/// @file json_line.h
/// @brief A small, strict JSON parser for one object per line (JSON Lines).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::corpus::detail {

/// A member value of the top-level object. Nested arrays and objects are
/// checked for syntax but their content is not kept: no corpus key uses one.
struct JsonValue {
  enum class Kind { kString, kNumber, kTrue, kFalse, kNull, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  ///< decoded string, or the literal text of a number
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

/// The outcome of parsing one line. A syntax error is a value, not an
/// exception: a bad record is expected input.
struct JsonParseResult {
  std::vector<JsonMember> members;  ///< in line order, duplicates kept
  std::string error;                ///< empty on success
  std::size_t column = 0;           ///< 1-based byte column of the error
  /// \u escapes naming a lone surrogate; each was decoded as U+FFFD.
  std::size_t lone_surrogates = 0;

  bool ok() const { return error.empty(); }
};

/// Maximum nesting of arrays and objects, the top-level object included.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Parses `line` as exactly one JSON object (RFC 8259), optionally surrounded
/// by whitespace. Strings are decoded (all escapes, surrogate pairs); bytes
/// of 0x80 and above are copied as they are, for the caller to validate as
/// UTF-8. On failure, `error` says what was expected and `column` where.
JsonParseResult parse_json_object(std::string_view line, std::size_t max_depth = kMaxJsonDepth);

}  // namespace akhbar::corpus::detail
