// CorpusReader: walks the paths, opens each file with the reader for its
// format, and counts what happens.
//
// Invariants:
//  1. The walk runs once, on the first call to next() or total_bytes().
//  2. Walk problems are reported when reading reaches them, so problems come
//     in reading order whatever was called first.
#include "akhbar/corpus/reader.h"

#include <string_view>

#include "directory_walk.h"
#include "file_reader.h"
#include "problem_sink.h"

namespace akhbar::corpus {

bool is_corpus_file(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name =
      slash == std::string::npos ? std::string_view(path) : std::string_view(path).substr(slash + 1);
  for (const std::string_view extension : {".jsonl", ".jsonl.zst", ".md", ".txt"}) {
    // The name must be more than the extension: ".md" alone is a hidden file.
    if (name.size() > extension.size() && name.ends_with(extension)) return true;
  }
  return false;
}

namespace detail {

std::unique_ptr<FileReader> open_file_reader(const std::string& path, const ReaderOptions& options,
                                             ProblemSink& sink) {
  if (path.ends_with(".jsonl")) return open_jsonl_reader(path, false, options, sink);
  if (path.ends_with(".jsonl.zst")) return open_jsonl_reader(path, true, options, sink);
  return open_text_reader(path, options, sink);
}

}  // namespace detail

struct CorpusReader::Impl {
  Impl(std::vector<std::string> paths_in, ReaderOptions options_in)
      : paths(std::move(paths_in)), options(options_in), sink(stats) {}

  void walk() {
    if (!entries) entries = detail::walk_paths(paths);
  }

  std::vector<std::string> paths;
  ReaderOptions options;
  ReaderStats stats;
  detail::ProblemSink sink;
  std::optional<std::vector<detail::WalkEntry>> entries;
  std::size_t next_entry = 0;
  std::unique_ptr<detail::FileReader> current;
  std::uint64_t finished_bytes = 0;       // bytes of the files already closed
  std::uint64_t finished_text_bytes = 0;  // and their text, decompressed
};

CorpusReader::CorpusReader(std::vector<std::string> paths, ReaderOptions options)
    : impl_(std::make_unique<Impl>(std::move(paths), options)) {}

CorpusReader::~CorpusReader() = default;

void CorpusReader::on_problem(std::function<void(const Problem&)> handler) {
  impl_->sink.set_handler(std::move(handler));
}

std::optional<Article> CorpusReader::next() {
  Impl& d = *impl_;
  d.walk();
  while (true) {
    if (d.current) {
      std::optional<Article> article = d.current->next();
      d.stats.bytes = d.finished_bytes + d.current->bytes_consumed();
      d.stats.text_bytes = d.finished_text_bytes + d.current->bytes_decompressed();
      if (article) {
        ++d.stats.articles;
        return article;
      }
      d.finished_bytes = d.stats.bytes;
      d.finished_text_bytes = d.stats.text_bytes;
      d.current.reset();
    }
    if (d.next_entry == d.entries->size()) return std::nullopt;
    const detail::WalkEntry& entry = (*d.entries)[d.next_entry++];
    if (entry.is_error) {
      d.sink.error(entry.path, 0, entry.message);
    } else if (entry.is_warning) {
      d.sink.warning(entry.path, 0, entry.message);
    } else {
      d.current = detail::open_file_reader(entry.path, d.options, d.sink);
      if (d.current) ++d.stats.files;
    }
  }
}

const ReaderStats& CorpusReader::stats() const noexcept { return impl_->stats; }

std::uint64_t CorpusReader::total_bytes() {
  impl_->walk();
  std::uint64_t total = 0;
  for (const auto& entry : *impl_->entries) total += entry.size;
  return total;
}

}  // namespace akhbar::corpus
