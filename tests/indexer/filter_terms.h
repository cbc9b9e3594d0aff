/// @file filter_terms.h
/// @brief For tests of the boolean terms the document builder adds (topic
/// tags, name contexts): the terms of one prefix in a built document.
#pragma once

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/corpus/article.h"
#include "document_builder.h"

namespace akhbar::indexer::testing {

/// The terms starting with `prefix` of the document the real analyser
/// builds from `article`, in term order; {"(no document)"} when none is
/// built. Each must be a filter, not a ranking signal: no frequency and no
/// positions (checked here).
inline std::vector<std::string> filter_terms(const corpus::Article& article, std::string_view prefix) {
  detail::DocumentBuilder builder(analysis::news_analyzer(), IndexOptions{});
  const auto built = builder.build(article);
  if (!built) return {"(no document)"};
  std::vector<std::string> terms;
  for (auto term = built->document.termlist_begin(); term != built->document.termlist_end(); ++term) {
    const std::string text = *term;
    if (!text.starts_with(prefix)) continue;
    terms.push_back(text);
    EXPECT_EQ(term.get_wdf(), 0u) << text;
    EXPECT_EQ(term.positionlist_count(), 0u) << text;
  }
  return terms;
}

}  // namespace akhbar::indexer::testing
