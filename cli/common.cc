// Output formatting shared by the subcommands of the akhbar command.
#include "common.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>

#include "akhbar/error.h"

namespace akhbar::cli {

std::string exit_codes_help() {
  return "Exit codes:\n"
         "  0  success\n"
         "  1  some input failed (the index ran, but records were skipped with errors)\n"
         "  2  usage error (bad flags or arguments, a source that does not exist)\n"
         "  3  database missing or unusable (not found, locked, incompatible)\n"
         "  4  evaluation below the --min-ndcg / --min-map threshold\n"
         "  5  I/O or other error (a data file of akhbar missing included)";
}

std::string environment_help() {
  return "Environment:\n"
         "  AKHBAR_DB        the database when --db is not given\n"
         "  XDG_DATA_HOME    without AKHBAR_DB: the database is $XDG_DATA_HOME/akhbar/db\n"
         "                   (default ~/.local/share/akhbar/db)\n"
         "  AKHBAR_DATA_DIR  the folder of akhbar's data (aliases.txt, topics.txt, samples/)\n"
         "                   instead of share/akhbar beside the installed library\n"
         "  XDG_CONFIG_HOME  your own aliases.txt and topics.txt are read from\n"
         "                   $XDG_CONFIG_HOME/akhbar (default ~/.config/akhbar)\n"
         "  NO_COLOR         when set and not empty: no bold highlights with --color auto\n"
         "  COLUMNS          the width of the output when the terminal does not say";
}

bool is_terminal(std::FILE* stream) { return ::isatty(::fileno(stream)) == 1; }

std::string json_number(double value) {
  if (!std::isfinite(value)) return "0";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

JsonObject JsonObject::record(std::string_view type) {
  JsonObject object;
  object.add_string("type", type).add_count("version", kJsonVersion);
  return object;
}

JsonObject& JsonObject::add_raw(std::string_view key, std::string_view json) {
  if (!body_.empty()) body_.push_back(',');
  body_ += json_string(key);
  body_.push_back(':');
  body_ += json;
  return *this;
}

JsonObject& JsonObject::add_string(std::string_view key, std::string_view value) {
  return add_raw(key, json_string(value));
}

JsonObject& JsonObject::add_number(std::string_view key, double value) {
  return add_raw(key, json_number(value));
}

JsonObject& JsonObject::add_count(std::string_view key, std::uint64_t value) {
  return add_raw(key, std::to_string(value));
}

JsonObject& JsonObject::add_bool(std::string_view key, bool value) {
  return add_raw(key, value ? "true" : "false");
}

std::string JsonObject::str() const { return "{" + body_ + "}"; }

std::string json_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += items[i];
  }
  out.push_back(']');
  return out;
}

std::string human_bytes(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (value /= 1024; value >= 1024 && unit + 1 < std::size(kUnits); value /= 1024) ++unit;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %s", value, kUnits[unit]);
  return buffer;
}

std::string input_size(std::uint64_t file_bytes, std::uint64_t text_bytes) {
  if (text_bytes == file_bytes) return human_bytes(file_bytes);
  return human_bytes(text_bytes) + " of text (" + human_bytes(file_bytes) + " read)";
}

std::string counted(std::uint64_t count, std::string_view noun, std::string_view plural) {
  if (count == 1) return "1 " + std::string(noun);
  return std::to_string(count) + " " + (plural.empty() ? std::string(noun) + "s" : std::string(plural));
}

double megabytes_per_second(std::uint64_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
}

void check_date(const std::string& date, std::string_view flag) {
  const auto fail = [&] {
    throw UsageError(std::string(flag) + " expects a date written YYYY-MM-DD, got '" + date + "'");
  };
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') fail();
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') fail();
  const int year = std::stoi(date.substr(0, 4));
  const int month = std::stoi(date.substr(5, 2));
  const int day = std::stoi(date.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) fail();
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > days) fail();
}

}  // namespace akhbar::cli
