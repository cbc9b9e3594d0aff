// JSON Lines files, plain or zstd-compressed: one article per line.
//
// Invariants:
//  1. A bad line costs only that line: it is reported and the next is read.
//  2. A failure of the byte stream itself (unreadable, corrupt or truncated
//     compressed data) ends the file: nothing after it can be trusted.
#include <string_view>

#include "akhbar/error.h"
#include "byte_source.h"
#include "file_reader.h"
#include "finish_article.h"
#include "json_line.h"
#include "jsonl_record.h"
#include "legacy_encoding.h"
#include "line_reader.h"
#include "zstd_stream.h"

namespace akhbar::corpus::detail {
namespace {

bool is_blank(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

class JsonLinesReader : public FileReader {
 public:
  JsonLinesReader(std::string path, std::unique_ptr<ByteSource> source, const ReaderOptions& options,
                  ProblemSink& sink)
      : path_(std::move(path)),
        source_(std::move(source)),
        lines_(*source_, options.max_line_bytes),
        options_(options),
        sink_(sink) {}

  std::optional<Article> next() override {
    while (!done_) {
      LineReader::Status status;
      try {
        status = lines_.next(line_);
      } catch (const Error& e) {
        sink_.error(path_, lines_.line_number() + 1, e.what());
        done_ = true;
        break;
      }
      if (status == LineReader::Status::kEnd) {
        if (lines_.line_number() == 0) sink_.warning(path_, 0, "empty file");
        done_ = true;
        break;
      }
      const std::uint64_t number = lines_.line_number();
      if (status == LineReader::Status::kTooLong) {
        sink_.error(path_, number, "line longer than " + std::to_string(options_.max_line_bytes) +
                                       " bytes, skipped");
        continue;
      }
      if (auto article = read_record(number)) return article;
    }
    return std::nullopt;
  }

  std::uint64_t bytes_consumed() const override { return source_->consumed(); }
  std::uint64_t bytes_decompressed() const override { return source_->decompressed(); }

 private:
  std::optional<Article> read_record(std::uint64_t number) {
    std::string_view text = line_;
    if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (is_blank(text)) return std::nullopt;
    RecordProblems problems(sink_, path_, number);
    if (text.find('\0') != std::string_view::npos) {
      problems.error("binary data (NUL bytes), line skipped");
      return std::nullopt;
    }
    JsonParseResult parsed = parse_json_object(text);
    if (!parsed.ok()) {
      problems.error("invalid JSON: " + parsed.error + " at column " + std::to_string(parsed.column) +
                     ", record skipped");
      return std::nullopt;
    }
    std::optional<Article> article = article_from_record(parsed.members, problems);
    if (!article) return std::nullopt;
    article->origin_file = path_;
    article->origin_line = number;
    if (!finish_article(*article, options_, problems, parsed.lone_surrogates)) return std::nullopt;
    return article;
  }

  std::string path_;
  std::unique_ptr<ByteSource> source_;
  LineReader lines_;
  const ReaderOptions& options_;
  ProblemSink& sink_;
  std::string line_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<FileReader> open_jsonl_reader(const std::string& path, bool compressed,
                                              const ReaderOptions& options, ProblemSink& sink) {
  std::unique_ptr<ByteSource> source;
  try {
    if (compressed) {
      source = std::make_unique<ZstdSource>(path);
    } else {
      source = std::make_unique<PlainFileSource>(path);
    }
    source = std::make_unique<Utf8Source>(
        std::move(source), [&sink, path](const std::string& note) { sink.warning(path, 0, note); });
  } catch (const Error& e) {
    sink.error(path, 0, e.what());
    return nullptr;
  }
  return std::make_unique<JsonLinesReader>(path, std::move(source), options, sink);
}

}  // namespace akhbar::corpus::detail
