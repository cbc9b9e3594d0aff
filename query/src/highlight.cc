// Rendering highlight spans with markers chosen by the caller.
#include <algorithm>
#include <string>

#include "akhbar/query/searcher.h"

namespace akhbar::query {

std::string mark_highlights(std::string_view text, const std::vector<Span>& spans,
                            std::string_view open, std::string_view close) {
  std::string out;
  out.reserve(text.size() + spans.size() * (open.size() + close.size()));
  std::size_t cursor = 0;
  for (const Span& span : spans) {
    // Spans are sorted and disjoint by contract; clamp anyway so that a bad
    // span can never read outside the text.
    const std::size_t begin = std::clamp(span.begin, cursor, text.size());
    const std::size_t end = std::clamp(span.end, begin, text.size());
    out.append(text.substr(cursor, begin - cursor));
    out.append(open);
    out.append(text.substr(begin, end - begin));
    out.append(close);
    cursor = end;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace akhbar::query
