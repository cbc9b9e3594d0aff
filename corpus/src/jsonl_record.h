/// @file jsonl_record.h
/// @brief The fields of one JSON Lines record, checked and normalised.
#pragma once

#include <optional>
#include <vector>

#include "akhbar/corpus/article.h"
#include "json_line.h"
#include "problem_sink.h"

namespace akhbar::corpus::detail {

/// Builds an article from the members of a parsed record:
///  - `body` is required and must be a non-empty string, else an error is
///    reported and std::nullopt returned;
///  - other known keys (id, url, title, author, published, lang, source)
///    must be strings; another type is reported as a warning and ignored,
///    except a whole number for `id`, taken as its decimal text;
///  - `published` is normalised to "YYYY-MM-DD" and `lang` to en/ru/ar, a
///    value that cannot be is reported as a warning and left empty;
///  - a repeated key: the last value wins, with a warning;
///  - unknown keys are ignored.
/// The id is not derived here (see finish_article).
std::optional<Article> article_from_record(const std::vector<JsonMember>& members,
                                           RecordProblems& problems);

}  // namespace akhbar::corpus::detail
