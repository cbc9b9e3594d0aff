/// @file finish_article.h
/// @brief The checks every article passes before a reader returns it.
#pragma once

#include <cstddef>

#include "akhbar/corpus/article.h"
#include "akhbar/corpus/reader.h"
#include "problem_sink.h"

namespace akhbar::corpus::detail {

/// Makes `article` ready to return:
///  1. every field is made valid UTF-8; the ill-formed sequences, plus
///     `earlier_replacements` already replaced by the caller, are reported
///     as one warning;
///  2. a body longer than options.max_article_bytes is capped (a warning);
///  3. an empty id is derived from the url, else from title and body.
/// Returns false (after reporting an error) when no body text is left.
bool finish_article(Article& article, const ReaderOptions& options, RecordProblems& problems,
                    std::size_t earlier_replacements = 0);

}  // namespace akhbar::corpus::detail
