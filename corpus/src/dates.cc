// Date parsing for corpus records and article text files.
#include "dates.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace akhbar::corpus::detail {
namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<std::string> format_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  std::string out = "0000-00-00";
  auto put = [&out](std::size_t end, int value) {
    for (std::size_t i = end; value > 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  };
  put(3, year);
  put(6, month);
  put(9, day);
  return out;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Checks "HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)".
bool is_rfc3339_time(std::string_view t) {
  if (t.size() < 9 || t[2] != ':' || t[5] != ':') return false;
  if (!all_digits(t.substr(0, 2)) || !all_digits(t.substr(3, 2)) || !all_digits(t.substr(6, 2))) {
    return false;
  }
  if (to_int(t.substr(0, 2)) > 23 || to_int(t.substr(3, 2)) > 59 || to_int(t.substr(6, 2)) > 60) {
    return false;
  }
  std::size_t pos = 8;
  if (t[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    if (pos == start) return false;
  }
  const std::string_view zone = t.substr(pos);
  if (zone == "Z" || zone == "z") return true;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return false;
  if (!all_digits(zone.substr(1, 2)) || !all_digits(zone.substr(4, 2))) return false;
  return to_int(zone.substr(1, 2)) <= 23 && to_int(zone.substr(4, 2)) <= 59;
}

// Month names, lower-case, as written in dates ("26 июня" uses the genitive).
const std::vector<std::pair<std::string_view, int>>& month_names() {
  static const std::vector<std::pair<std::string_view, int>> kMonths{
      {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
      {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
      {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10},
      {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
      // Russian, genitive and nominative.
      {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
      {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
      {"декабря", 12}, {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
      {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
      {"ноябрь", 11}, {"декабрь", 12},
      // Arabic, Egyptian and Gulf usage, with and without hamza.
      {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4},
      {"مايو", 5}, {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8},
      {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11},
      {"ديسمبر", 12},
      // Arabic, Levantine and Iraqi usage.
      {"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"اذار", 3}, {"نيسان", 4}, {"أيار", 5},
      {"ايار", 5}, {"حزيران", 6}, {"تموز", 7}, {"آب", 8}, {"اب", 8}, {"أيلول", 9},
      {"ايلول", 9}, {"تشرين الأول", 10}, {"تشرين الاول", 10}, {"تشرين الثاني", 11},
      {"كانون الأول", 12}, {"كانون الاول", 12},
  };
  return kMonths;
}

bool is_weekday(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kDays{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (const auto day : kDays) {
    if (word == day) return true;
  }
  return false;
}

int month_number(std::string_view name) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);  // "Jun."
  for (const auto& [month, number] : month_names()) {
    if (name == month) return number;
  }
  return 0;
}

// Lower-cases `text` and turns Arabic-Indic digits and commas into ASCII
// ones, so the written forms differ only in word order.
std::string normalise_for_dates(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  unicode.toLower(icu::Locale::getRoot());
  icu::UnicodeString folded;
  for (std::int32_t i = 0; i < unicode.length(); ++i) {
    const char16_t c = unicode.charAt(i);
    if (c >= 0x0660 && c <= 0x0669) {
      folded.append(static_cast<char16_t>(u'0' + (c - 0x0660)));
    } else if (c >= 0x06F0 && c <= 0x06F9) {
      folded.append(static_cast<char16_t>(u'0' + (c - 0x06F0)));
    } else if (c == u',' || c == 0x060C) {  // Latin and Arabic commas
      folded.append(u' ');
    } else {
      folded.append(c);
    }
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

std::string join_words(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

bool is_day(std::string_view word) { return word.size() <= 2 && all_digits(word); }
bool is_year(std::string_view word) { return word.size() == 4 && all_digits(word); }

}  // namespace

std::optional<std::string> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) ||
      !all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  if (text.size() > 10) {
    const char separator = text[10];
    if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
    if (!is_rfc3339_time(text.substr(11))) return std::nullopt;
  }
  return format_date(to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2)));
}

std::optional<std::string> parse_written_date(std::string_view text) {
  const std::string normal = normalise_for_dates(text);
  std::vector<std::string_view> words = split_words(normal);
  if (words.size() == 1) return parse_iso_date(words[0]);
  if (!words.empty() && is_weekday(words.front())) words.erase(words.begin());
  // Era and year markers after the year: Russian "г."/"года", Arabic "م".
  while (!words.empty() && (words.back() == "г." || words.back() == "г" ||
                            words.back() == "года" || words.back() == "م")) {
    words.pop_back();
  }
  if (words.size() < 3 || !is_year(words.back())) return std::nullopt;
  const std::size_t year_index = words.size() - 1;
  const int year = to_int(words.back());
  if (is_day(words.front())) {  // "26 June 2025"
    const int month = month_number(join_words(words, 1, year_index));
    if (month == 0) return std::nullopt;
    return format_date(year, month, to_int(words.front()));
  }
  if (is_day(words[year_index - 1])) {  // "June 26, 2025"
    const int month = month_number(join_words(words, 0, year_index - 1));
    if (month == 0) return std::nullopt;
    return format_date(year, month, to_int(words[year_index - 1]));
  }
  return std::nullopt;
}

}  // namespace akhbar::corpus::detail
