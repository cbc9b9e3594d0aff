// Resource files for the loaders' tests, written as the builder writes them
// (resource_format.h), and the shipped files found as akhbar finds them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/data_files.h"
#include "resource_format.h"
#include "scoped_env.h"

namespace akhbar::test {

/// A resource file of `kind` holding `lines` (TAB-separated fields), with
/// the header and the closing count of a good file.
inline std::string resource_text(std::string_view kind, int format, const std::vector<std::string>& lines) {
  std::string text = analysis::detail::resource_header(kind, format) + "\n# a test file\n";
  for (const std::string& line : lines) text += line + "\n";
  return text + "#end " + std::to_string(lines.size()) + "\n";
}

/// The first analysed word of `text`, as a query has it.
inline analysis::Token analysed_word(std::string_view text) {
  const auto tokens = analysis::news_analyzer().analyze(text);
  if (tokens.empty()) throw std::logic_error("no token in the test word");
  return tokens.front();
}

/// The message of the `ErrorType` that loading `path` as a `Resource`
/// (Gazetteer, Translations) throws, or "".
template <typename Resource, typename ErrorType>
std::string load_error(const std::string& path) {
  return error_message<ErrorType>([&] { Resource::load(path); });
}

/// The shipped `file_name` as a `Resource`, found as akhbar finds it
/// without $AKHBAR_DATA_DIR (the build tree's), loaded once.
template <typename Resource>
const Resource& shipped_resource(std::string_view file_name) {
  static const Resource resource = [&] {
    const ScopedEnv no_override("AKHBAR_DATA_DIR", std::nullopt);
    return Resource::load(data_path(file_name));
  }();
  return resource;
}

}  // namespace akhbar::test
