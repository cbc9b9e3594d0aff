// Shared pieces of the akhbar command: exit codes, terminal detection and
// output formatting (JSON, sizes). Every subcommand uses the same ones so that
// scripts see one consistent interface.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "akhbar/json.h"

namespace CLI {
class App;
}

namespace akhbar::cli {

/// The process exit codes, documented in `akhbar --help`.
enum ExitCode : int {
  kExitOk = 0,
  kExitInputErrors = 1,     ///< the command ran, but some input could not be used
  kExitUsage = 2,           ///< bad flags or arguments
  kExitDatabase = 3,        ///< database missing, locked or incompatible
  kExitBelowThreshold = 4,  ///< `akhbar eval` quality below --min-ndcg / --min-map
  kExitFailure = 5,         ///< I/O or any other error
};

/// The help text that lists the exit codes.
std::string exit_codes_help();

/// The help text that lists the environment variables akhbar reads.
std::string environment_help();

/// A subcommand registered on the command line: `run` is called once its
/// flags are parsed and returns the process exit code. Library errors
/// propagate to main().
struct Command {
  Command(CLI::App* app_in, std::function<int()> run_in,
          std::function<void(std::vector<std::string>&)> prepare_args_in = {})
      : app(app_in), run(std::move(run_in)), prepare_args(std::move(prepare_args_in)) {}

  CLI::App* app = nullptr;
  std::function<int()> run;
  /// When set, adjusts the command line (argv[1..], in order) before it is
  /// parsed.
  std::function<void(std::vector<std::string>&)> prepare_args;
};

Command add_index_command(CLI::App& parent);
Command add_search_command(CLI::App& parent);
Command add_stats_command(CLI::App& parent);
Command add_eval_command(CLI::App& parent);
Command add_update_command(CLI::App& parent);
Command add_check_command(CLI::App& parent);

/// True if `stream` is an interactive terminal.
bool is_terminal(std::FILE* stream);

// JSON string literals: akhbar::json_string() (akhbar/json.h). UTF-8 passes
// through unchanged, so byte offsets into the decoded string equal byte
// offsets into the text (the search results' highlight offsets rely on it).
using akhbar::json_string;

/// A finite number as JSON (NaN and infinities, which JSON lacks, become 0).
std::string json_number(double value);

/// The version of the JSON that --json prints (docs/json.md), in every
/// top-level object's "version". Raised when a field changes meaning or
/// goes away; new fields do not raise it.
inline constexpr int kJsonVersion = 1;

/// Builds one JSON object, field by field, in insertion order.
class JsonObject {
 public:
  JsonObject() = default;
  /// A top-level object of --json output: starts with "type": `type` and
  /// "version": kJsonVersion.
  static JsonObject record(std::string_view type);

  JsonObject& add_string(std::string_view key, std::string_view value);
  JsonObject& add_number(std::string_view key, double value);
  JsonObject& add_count(std::string_view key, std::uint64_t value);
  JsonObject& add_bool(std::string_view key, bool value);
  /// `json` must already be valid JSON (an array or a nested object).
  JsonObject& add_raw(std::string_view key, std::string_view json);
  std::string str() const;

 private:
  std::string body_;
};

/// `items` (each already JSON) as a JSON array.
std::string json_array(const std::vector<std::string>& items);

/// A byte count for people: "512 B", "3.4 MiB".
std::string human_bytes(std::uint64_t bytes);

/// The input of a run for people: "12.4 MiB", or for compressed input
/// "87.0 MiB of text (9.1 MiB read)".
std::string input_size(std::uint64_t file_bytes, std::uint64_t text_bytes);

/// "1 article", "0 articles", "2 articles": `count` and `noun`, or its
/// `plural` (default: `noun` and "s") unless `count` is 1.
std::string counted(std::uint64_t count, std::string_view noun, std::string_view plural = {});

/// Megabytes (10^6 bytes) per second; 0 when no time has passed.
double megabytes_per_second(std::uint64_t bytes, double seconds);

/// Throws akhbar::UsageError unless `date` is a real calendar date written
/// YYYY-MM-DD. `flag` names the option in the message.
void check_date(const std::string& date, std::string_view flag);

}  // namespace akhbar::cli
