// The progress line and its redrawing on stderr.
#include "progress_bar.h"

#include <algorithm>
#include <cstdio>

#include "common.h"
#include "terminal_text.h"

namespace akhbar::cli {
namespace {

constexpr std::size_t kMaxBarWidth = 30;
constexpr std::size_t kMinBarWidth = 5;

std::string duration(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (total >= 3600)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  return text;
}

}  // namespace

std::string progress_line(const indexer::Progress& progress, double seconds, std::size_t columns) {
  const double fraction =
      progress.bytes_total > 0
          ? std::min(1.0, static_cast<double>(progress.bytes_done) / static_cast<double>(progress.bytes_total))
          : 0.0;
  char figures[96];
  std::snprintf(figures, sizeof figures, "%3d%%  %s  %.1f MB/s", static_cast<int>(fraction * 100),
                counted(progress.articles, "article").c_str(), megabytes_per_second(progress.text_bytes, seconds));
  std::string text = figures;
  if (seconds >= 1 && fraction > 0 && fraction < 1)
    text += "  ETA " + duration(seconds * (1 - fraction) / fraction);

  const std::size_t width = columns > 0 ? columns - 1 : 0;
  const std::size_t text_width = display_width(text);
  // "[" bar "] " text
  if (text_width + kMinBarWidth + 3 <= width) {
    const std::size_t bar_width = std::min(kMaxBarWidth, width - text_width - 3);
    const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(bar_width));
    text = "[" + std::string(filled, '#') + std::string(bar_width - filled, '.') + "] " + text;
  }
  return fit_columns(text, width);
}

void ProgressBar::update(const indexer::Progress& progress) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // "\r\033[K": back to the start of the line, which is erased.
  std::fprintf(stderr, "\r\033[K%s", progress_line(progress, seconds, terminal_columns(stderr)).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace akhbar::cli
