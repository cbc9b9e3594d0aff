// The text format of the resource files compiled at build time from Debian
// packages (gazetteer.tsv, translations.tsv): one home for what the builder
// writes and the loaders read.
//
// A resource file is UTF-8 text, one entry per line, fields separated by one
// TAB. Its first line names the kind, the format version and the analysis
// version the words were normalised and stemmed with:
//     #akhbar gazetteer 1 analysis 4
// Lines that start with '#' after it are comments (the packages the file was
// built from); the last line, "#end N", counts the entries, so that a file cut
// short is refused rather than read in part. Word lists are normalised words separated by one space; stem
// lists have one stem per word, "-" where a word has none.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::analysis::detail {

inline constexpr std::string_view kGazetteerFileName = "gazetteer.tsv";
inline constexpr std::string_view kTranslationsFileName = "translations.tsv";
inline constexpr std::string_view kGazetteerKind = "gazetteer";
inline constexpr std::string_view kTranslationsKind = "translations";
inline constexpr int kGazetteerFormat = 1;
inline constexpr int kTranslationsFormat = 1;
/// Fields of a gazetteer line: GROUP FORM LANG WORDS STEMS NAME.
inline constexpr std::size_t kGazetteerFields = 6;
/// Fields of a translations line: FROM WORD STEM TO WORDS STEMS RANK VIA.
inline constexpr std::size_t kTranslationsFields = 8;

/// The first line of a resource file of `kind` in `format`, for the
/// analysis version of this build (no newline).
std::string resource_header(std::string_view kind, int format);

/// Throws DataError naming `path` unless `first_line` is the header
/// resource_header(kind, format) would write: another kind, a format this
/// build cannot read, or words analysed by another version of the analysis
/// (the message says to rebuild the resources).
void check_resource_header(const std::string& path, std::string_view first_line, std::string_view kind,
                           int format);

/// Space-joined words; stems likewise, "-" for an empty stem.
std::string join_words(const std::vector<std::string>& words);
std::string join_stems(const std::vector<std::string>& stems);

/// The inverse of join_words() / join_stems(): "" gives no word.
std::vector<std::string> split_words(std::string_view text);
std::vector<std::string> split_stems(std::string_view text);

/// Reads the resource file `path` of `kind`: checks its header
/// (check_resource_header), skips comment lines, and calls `visit` with the
/// TAB-separated fields and the line number of every other line. Throws
/// IoError naming the file when it cannot be read, DataError
/// ("FILE:LINE: reason") for a line without `fields` fields or an empty
/// file.
using ResourceLineVisitor = std::function<void(const std::vector<std::string_view>& fields, std::size_t line)>;
void for_each_resource_line(const std::string& path, std::string_view kind, int format, std::size_t fields,
                            const ResourceLineVisitor& visit);

/// The same over the file's `text`, already read from `path` (named in
/// errors); the fields passed to `visit` point into `text`.
void for_each_resource_line(std::string_view text, const std::string& path, std::string_view kind, int format,
                            std::size_t fields, const ResourceLineVisitor& visit);

/// DataError "FILE:LINE: reason".
[[noreturn]] void resource_line_error(const std::string& path, std::size_t line, const std::string& reason);

/// Writes one resource file: the header, comment lines, entries, the count.
/// The file appears under its name only when finish() succeeds (it is
/// written beside it and renamed), so an interrupted build leaves no half
/// file. Throws IoError naming the file when it cannot be written.
class ResourceWriter {
 public:
  ResourceWriter(std::string path, std::string_view kind, int format, const std::vector<std::string>& comments);
  ~ResourceWriter();
  ResourceWriter(const ResourceWriter&) = delete;
  ResourceWriter& operator=(const ResourceWriter&) = delete;

  /// REQUIRES: no field holds a TAB or a newline; `fields` has the kind's
  /// number of fields.
  void write(const std::vector<std::string>& fields);
  void finish();
  std::size_t entries() const { return entries_; }

 private:
  std::string path_;
  std::string temporary_;
  std::string text_;
  std::size_t entries_ = 0;
  bool finished_ = false;
};

/// The rest of the file `in` (opened in binary mode), read at once.
std::string read_whole(std::istream& in);

/// `line` split at every TAB.
std::vector<std::string_view> split_fields(std::string_view line);

}  // namespace akhbar::analysis::detail
