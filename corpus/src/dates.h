/// @file dates.h
/// @brief Publication dates in the forms news sources write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace akhbar::corpus::detail {

/// "YYYY-MM-DD" for a machine date: "2025-06-26", or an RFC 3339 timestamp
/// ("2025-06-26T10:00:00Z", "2025-06-26T10:00:00.5+03:00"). The date is the
/// one written, in the writer's time zone: the day the article appeared for
/// its readers. std::nullopt for anything else or an impossible date.
std::optional<std::string> parse_iso_date(std::string_view text);

/// "YYYY-MM-DD" for a date line of an article: the machine forms above, or a
/// written date in English ("June 26, 2025", "Jun. 26 2025", "26 June 2025",
/// an optional leading weekday), Russian ("26 июня 2025", "26 июня 2025 г.")
/// or Arabic ("26 يونيو 2025", "26 حزيران 2025", Arabic-Indic digits).
/// std::nullopt when the whole of `text` is not such a date.
std::optional<std::string> parse_written_date(std::string_view text);

}  // namespace akhbar::corpus::detail
