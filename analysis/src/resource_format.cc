// The resource files' header line and word lists (resource_format.h).
#include "resource_format.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "akhbar/error.h"
#include "akhbar/version.h"

namespace akhbar::analysis::detail {
namespace {

constexpr std::string_view kMagic = "#akhbar ";
constexpr std::string_view kNoStem = "-";
constexpr std::string_view kEnd = "#end ";

/// `text` cut at every `separator`, into `pieces` (cleared first).
void split_into(std::string_view text, char separator, std::vector<std::string_view>& pieces) {
  pieces.clear();
  for (std::size_t start = 0;;) {
    const std::size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      pieces.push_back(text.substr(start));
      return;
    }
    pieces.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

std::vector<std::string_view> split_at(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  split_into(text, separator, pieces);
  return pieces;
}

bool parse_int(std::string_view text, int& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string resource_header(std::string_view kind, int format) {
  return std::string(kMagic) + std::string(kind) + " " + std::to_string(format) + " analysis " +
         std::to_string(kAnalysisVersion);
}

void check_resource_header(const std::string& path, std::string_view first_line, std::string_view kind,
                           int format) {
  const std::string expected = std::string(kMagic) + std::string(kind) + " ";
  const auto words = split_at(first_line, ' ');
  int file_format = 0, file_analysis = 0;
  const bool well_formed = first_line.starts_with(expected) && words.size() == 5 && words[3] == "analysis" &&
                           parse_int(words[2], file_format) && parse_int(words[4], file_analysis);
  if (!well_formed)
    throw DataError(path + ":1: not an akhbar " + std::string(kind) + " file (expected a first line \"" +
                    resource_header(kind, format) + "\")");
  if (file_format != format)
    throw DataError(path + ":1: " + std::string(kind) + " format " + std::to_string(file_format) +
                    " cannot be read by this akhbar, which reads format " + std::to_string(format) +
                    "; rebuild the resources with this akhbar");
  if (file_analysis != kAnalysisVersion)
    throw DataError(path + ":1: built with analysis version " + std::to_string(file_analysis) +
                    ", but this akhbar analyses text with version " + std::to_string(kAnalysisVersion) +
                    "; rebuild the resources with this akhbar");
}

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined.push_back(' ');
    joined += word;
  }
  return joined;
}

std::string join_stems(const std::vector<std::string>& stems) {
  std::string joined;
  for (const std::string& stem : stems) {
    if (!joined.empty()) joined.push_back(' ');
    joined += stem.empty() ? std::string(kNoStem) : stem;
  }
  return joined;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  if (text.empty()) return words;
  for (const std::string_view word : split_at(text, ' ')) words.emplace_back(word);
  return words;
}

std::vector<std::string> split_stems(std::string_view text) {
  std::vector<std::string> stems = split_words(text);
  for (std::string& stem : stems)
    if (stem == kNoStem) stem.clear();
  return stems;
}

std::vector<std::string_view> split_fields(std::string_view line) { return split_at(line, '\t'); }

void resource_line_error(const std::string& path, std::size_t line, const std::string& reason) {
  throw DataError(path + ":" + std::to_string(line) + ": " + reason);
}

std::string read_whole(std::istream& in) {
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  return text;
}

void for_each_resource_line(const std::string& path, std::string_view kind, int format, std::size_t fields,
                            const ResourceLineVisitor& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read " + std::string(kind) + " file \"" + path + "\"");
  const std::string text = read_whole(in);
  if (in.bad()) throw IoError("error while reading " + std::string(kind) + " file \"" + path + "\"");
  for_each_resource_line(text, path, kind, format, fields, visit);
}

void for_each_resource_line(std::string_view text, const std::string& path, std::string_view kind, int format,
                            std::size_t fields, const ResourceLineVisitor& visit) {
  if (text.empty()) throw DataError(path + ": empty file, not an akhbar " + std::string(kind) + " file");
  std::size_t entries = 0, number = 0;
  bool ended = false;
  std::vector<std::string_view> found;  // reused: no allocation per line
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (number == 1) {
      check_resource_header(path, line, kind, format);
      continue;
    }
    if (ended) resource_line_error(path, number, "text after the closing \"" + std::string(kEnd) + "N\" line");
    if (line.starts_with(kEnd)) {
      std::size_t count = 0;
      const std::string_view digits = line.substr(kEnd.size());
      const auto [last, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
      if (error != std::errc() || last != digits.data() + digits.size() || count != entries)
        resource_line_error(path, number, "the file says it has " + std::string(digits) + " entries, but " +
                                              std::to_string(entries) + " were read: rebuild the resources");
      ended = true;
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    split_into(line, '\t', found);
    if (found.size() != fields)
      resource_line_error(path, number, "expected " + std::to_string(fields) + " tab-separated fields, found " +
                                            std::to_string(found.size()));
    visit(found, number);
    ++entries;
  }
  if (!ended)
    resource_line_error(path, number, "the file ends without its closing \"" + std::string(kEnd) +
                                          "N\" line: it was cut short; rebuild the resources");
}

ResourceWriter::ResourceWriter(std::string path, std::string_view kind, int format,
                               const std::vector<std::string>& comments)
    : path_(std::move(path)), temporary_(path_ + ".tmp") {
  text_ = resource_header(kind, format) + "\n";
  for (const std::string& comment : comments) text_ += "# " + comment + "\n";
}

ResourceWriter::~ResourceWriter() {
  if (!finished_) std::remove(temporary_.c_str());
}

void ResourceWriter::write(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) text_.push_back('\t');
    text_ += fields[i];
  }
  text_.push_back('\n');
  ++entries_;
}

void ResourceWriter::finish() {
  text_ += std::string(kEnd) + std::to_string(entries_) + "\n";
  {
    std::ofstream out(temporary_, std::ios::binary | std::ios::trunc);
    out << text_;
    out.close();
    if (!out) throw IoError("cannot write \"" + temporary_ + "\"");
  }
  std::error_code error;
  std::filesystem::rename(temporary_, path_, error);
  if (error) throw IoError("cannot rename \"" + temporary_ + "\" to \"" + path_ + "\": " + error.message());
  finished_ = true;
}

}  // namespace akhbar::analysis::detail
