// Fuzzes the corpus readers through their per-file entry points. The first
// input byte picks the format; the rest is the file's content:
//   0  JSON Lines
//   1  .jsonl.zst, the bytes taken as compressed data (fuzzes the decoder's
//      error paths)
//   2  .jsonl.zst, the bytes compressed here first (fuzzes the JSON Lines
//      reader behind a working decoder)
//   3  an article text file (.md, .txt)
// Every article returned must keep the reader's promises (article.h).
#include <sys/mman.h>
#include <unistd.h>
#include <zstd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "file_reader.h"
#include "fuzz_check.h"
#include "problem_sink.h"
#include "utf8.h"

namespace {

using akhbar::corpus::Article;
using akhbar::corpus::Problem;
using akhbar::corpus::ReaderOptions;
using akhbar::corpus::ReaderStats;
namespace detail = akhbar::corpus::detail;

// An anonymous file in memory, opened by path through /proc like any file,
// so the fuzzer exercises the real file readers without touching a disk.
class MemoryFile {
 public:
  MemoryFile() : fd_(::memfd_create("akhbar-fuzz", 0)) {
    if (fd_ < 0) std::abort();
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  void assign(std::string_view bytes) {
    if (::ftruncate(fd_, 0) != 0) std::abort();
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t wrote = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
      if (wrote <= 0) std::abort();
      done += static_cast<std::size_t>(wrote);
    }
  }
  const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
};

bool is_valid_utf8(std::string text) { return detail::repair_utf8(text) == 0; }

void check_article(const Article& article, const ReaderOptions& options) {
  AKHBAR_FUZZ_CHECK(!article.id.empty());
  AKHBAR_FUZZ_CHECK(!article.paragraphs.empty());
  AKHBAR_FUZZ_CHECK(article.origin_line >= 1);
  for (const std::string* field : {&article.id, &article.url, &article.title, &article.author,
                                   &article.published, &article.lang, &article.source}) {
    AKHBAR_FUZZ_CHECK(is_valid_utf8(*field));
  }
  for (const std::string& paragraph : article.paragraphs) {
    AKHBAR_FUZZ_CHECK(!paragraph.empty());
    AKHBAR_FUZZ_CHECK(is_valid_utf8(paragraph));
  }
  AKHBAR_FUZZ_CHECK(article.body().size() <= options.max_article_bytes);
  AKHBAR_FUZZ_CHECK(article.published.empty() || article.published.size() == 10);
  AKHBAR_FUZZ_CHECK(article.lang.empty() || article.lang == "en" || article.lang == "ru" || article.lang == "ar");
}

std::string compress(std::string_view text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 1);
  if (ZSTD_isError(size)) std::abort();
  out.resize(size);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static MemoryFile file;
  const int format = data[0] % 4;
  const std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  file.assign(format == 2 ? compress(content) : std::string(content));

  // Small limits, so that short inputs reach the over-long line and capping paths.
  ReaderOptions options;
  options.max_line_bytes = 512;
  options.max_article_bytes = 256;
  ReaderStats stats;
  detail::ProblemSink sink(stats);
  sink.set_handler([&](const Problem& problem) {
    AKHBAR_FUZZ_CHECK(!problem.message.empty());
    AKHBAR_FUZZ_CHECK(problem.file == file.path());
  });
  std::unique_ptr<detail::FileReader> reader =
      format == 3 ? detail::open_text_reader(file.path(), options, sink)
                  : detail::open_jsonl_reader(file.path(), format != 0, options, sink);
  if (!reader) return 0;
  std::uint64_t last_line = 0;
  while (auto article = reader->next()) {
    check_article(*article, options);
    AKHBAR_FUZZ_CHECK(article->origin_line > last_line);
    last_line = article->origin_line;
  }
  return 0;
}
