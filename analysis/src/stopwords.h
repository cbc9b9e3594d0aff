// The stopword lists behind is_stopword(), for checks over every entry.
#pragma once

#include <string_view>
#include <vector>

namespace akhbar::analysis::detail {

/// Every stopword of every language, in list order (normalised forms).
std::vector<std::string_view> all_stopwords();

}  // namespace akhbar::analysis::detail
