// Article text files (.md, .txt): one article per file.
#include <string>

#include "akhbar/error.h"
#include "byte_source.h"
#include "file_reader.h"
#include "finish_article.h"
#include "legacy_encoding.h"
#include "text_article.h"

namespace akhbar::corpus::detail {
namespace {

// Room for the title, byline and date beyond the body limit, so a file is
// read far enough to fill a capped article.
constexpr std::size_t kHeaderAllowance = 64 * 1024;
constexpr std::size_t kChunkBytes = 64 * 1024;

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

class TextFileReader : public FileReader {
 public:
  TextFileReader(std::string path, const ReaderOptions& options, ProblemSink& sink)
      : path_(std::move(path)), options_(options), sink_(sink) {}

  std::optional<Article> next() override {
    if (done_) return std::nullopt;
    done_ = true;
    std::string text;
    bool cut_short = false;
    try {
      cut_short = read_bounded(text);
    } catch (const Error& e) {
      sink_.error(path_, 0, e.what());
      return std::nullopt;
    }
    if (is_blank(text)) {
      sink_.warning(path_, 0, "empty file");
      return std::nullopt;
    }
    RecordProblems problems(sink_, path_, 1);
    if (text.find('\0') != std::string::npos) {
      problems.error("binary data (NUL bytes), file skipped");
      return std::nullopt;
    }
    Article article = parse_text_article(text);
    article.id = file_stem();
    article.origin_file = path_;
    article.origin_line = 1;
    if (cut_short && article.body().size() <= options_.max_article_bytes) {
      // The file holds more than was read: report the cap even though the
      // text read happens to fit.
      problems.warning("article capped at " + std::to_string(options_.max_article_bytes) + " bytes");
    }
    if (!finish_article(article, options_, problems)) return std::nullopt;
    return article;
  }

  std::uint64_t bytes_consumed() const override { return consumed_; }

 private:
  // Reads the file, or as much of it as an article may use; returns true
  // when the file was longer. A cut is moved back to a line end so that no
  // character is split.
  bool read_bounded(std::string& text) {
    const std::size_t limit = options_.max_article_bytes + kHeaderAllowance;
    Utf8Source source(std::make_unique<PlainFileSource>(path_),
                      [this](const std::string& note) { sink_.warning(path_, 0, note); });
    std::string chunk(kChunkBytes, '\0');
    bool cut_short = false;
    while (true) {
      const std::size_t got = source.read(chunk.data(), chunk.size());
      if (got == 0) break;
      text.append(chunk, 0, got);
      if (text.size() > limit) {
        cut_short = true;
        text.resize(limit);
        const std::size_t line_end = text.rfind('\n');
        if (line_end != std::string::npos) text.resize(line_end);
        break;
      }
    }
    consumed_ = source.consumed();
    return cut_short;
  }

  // The file name without directories and without its extension.
  std::string file_stem() const {
    const std::size_t slash = path_.rfind('/');
    std::string name = slash == std::string::npos ? path_ : path_.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0) name.resize(dot);
    return name;
  }

  std::string path_;
  const ReaderOptions& options_;
  ProblemSink& sink_;
  std::uint64_t consumed_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<FileReader> open_text_reader(const std::string& path, const ReaderOptions& options,
                                             ProblemSink& sink) {
  return std::make_unique<TextFileReader>(path, options, sink);
}

}  // namespace akhbar::corpus::detail
