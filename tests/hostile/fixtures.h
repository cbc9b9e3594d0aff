// Hostile and broken corpus input, written into a directory at test time
// (the binary and large fixtures cannot live in the repository), with the
// problems each must produce and the articles that must survive it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/corpus/reader.h"

namespace akhbar::hostile {

/// A problem a fixture must produce. `message` may hold '*' for any text
/// (a column or a confidence that is not the point of the test).
struct ExpectedProblem {
  std::string file;  ///< path relative to the fixture directory
  std::uint64_t line = 0;
  corpus::Problem::Severity severity = corpus::Problem::Severity::kError;
  std::string message;

  /// Problem::to_string() of the expected problem under `dir` ('*' kept).
  std::string to_string(const std::string& dir) const;
};

struct Fixture {
  std::string name;  ///< file, link or directory under the fixture directory
  std::string what;  ///< what is hostile about it
  std::vector<ExpectedProblem> problems;
  std::vector<std::string> good_ids;  ///< articles it holds that must still be read
};

/// Writes every fixture into the existing directory `dir`; returns them in
/// file name order (the order the reader visits them).
std::vector<Fixture> write_fixtures(const std::string& dir);

/// The articles of good.jsonl and good_article.md, the well-formed input
/// that shares each run with the hostile one.
std::vector<std::string> plain_good_ids();

/// Writes `name` in `dir`: a good line, one line of `line_bytes` bytes (a
/// JSON record whose body never ends), and a good line; streamed to disk,
/// never built in memory. Returns the path. The good ids are "before-long"
/// and "after-long".
std::string write_long_line_file(const std::string& dir, const std::string& name, std::uint64_t line_bytes);

/// True if `text` matches `pattern`, where '*' matches any run of characters.
bool glob_match(std::string_view pattern, std::string_view text);

/// `utf8` converted to `charset` with ICU (REQUIRES: every character maps).
std::string encode(std::string_view utf8, const char* charset);

/// `text` as one zstd frame with a content checksum.
std::string zstd_frame(std::string_view text);

}  // namespace akhbar::hostile
