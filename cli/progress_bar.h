// The progress line of `index`, `index --rebuild` and `update`: one line on
// stderr, redrawn in place, never wider than the terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "akhbar/indexer/writer.h"

namespace akhbar::cli {

/// The line for `progress` after `seconds`, at most `columns` - 1 columns
/// wide (a line as wide as the terminal would wrap, and each redraw would
/// then leave a line behind): a bar (when there is room), the percentage of
/// the input read, the articles, the rate of decompressed text in MB/s and,
/// once a second has passed, the time left at that rate ("ETA 1:05").
std::string progress_line(const indexer::Progress& progress, double seconds, std::size_t columns);

/// Draws progress_line() on stderr when `enabled` (stderr is a terminal
/// and the user did not ask for quiet), at most ten times a second, at the
/// width the terminal has at each redraw.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  ~ProgressBar() { clear(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(const indexer::Progress& progress);

  /// Erases the line so that other text can be written to stderr.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;

  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
};

}  // namespace akhbar::cli
