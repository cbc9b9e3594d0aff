// `akhbar search`: ranked articles with highlighted snippets, for people (a
// readable list) or for programs (one JSON object per line).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/error.h"
#include "akhbar/indexer/writer.h"
#include "akhbar/query/searcher.h"
#include "common.h"
#include "terminal_text.h"

namespace akhbar::cli {

namespace {

constexpr std::string_view kBoldOn = "\033[1m";
constexpr std::string_view kBoldOff = "\033[0m";

struct SearchFlags {
  std::string db;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::vector<std::string> languages;
  std::vector<std::string> topics;
  std::string since, until;
  bool json = false;
  bool exact_script = false;
  bool explain = false;
  std::string color = "auto";
  std::string batch;  ///< query file for --batch ("-": stdin); empty: one query from `words`
  std::vector<std::string> words;
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  // https://no-color.org: an explicit request for plain output.
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && is_terminal(stdout);
}

std::string spans_json(const std::vector<query::Span>& spans) {
  std::vector<std::string> pairs;
  pairs.reserve(spans.size());
  for (const query::Span& span : spans)
    pairs.push_back("[" + std::to_string(span.begin) + "," + std::to_string(span.end) + "]");
  return json_array(pairs);
}

std::string strings_json(const std::vector<std::string>& strings) {
  std::vector<std::string> items;
  items.reserve(strings.size());
  for (const std::string& text : strings) items.push_back(json_string(text));
  return json_array(items);
}

std::string matches_json(const std::vector<query::Match>& matches) {
  std::vector<std::string> items;
  items.reserve(matches.size());
  for (const query::Match& match : matches)
    items.push_back(JsonObject()
                        .add_string("query_word", match.query_word)
                        .add_string("document_word", match.document_word)
                        .add_string("route", match.route)
                        .str());
  return json_array(items);
}

// The fields of one hit, as --json and --batch print them.
void add_hit(JsonObject& object, const query::Hit& hit, bool explain) {
  object
                   .add_string("id", hit.id)
                   .add_count("rank", hit.rank)
                   .add_string("title", hit.title)
                   .add_string("url", hit.url)
                   .add_string("author", hit.author)
                   .add_string("published", hit.published)
                   .add_string("lang", hit.lang)
                   .add_string("source", hit.source)
                   .add_number("score", hit.score)
                   .add_string("snippet", hit.snippet)
                   .add_raw("highlights", spans_json(hit.highlights))
                   .add_raw("title_highlights", spans_json(hit.title_highlights))
                   .add_raw("topics", strings_json(hit.topics));
  if (explain) object.add_raw("matches", matches_json(hit.matches));
}

std::string hit_json(const query::Hit& hit, bool explain) {
  JsonObject object;
  add_hit(object, hit, explain);
  return object.str();
}

// How readable output is laid out: on a terminal, text is wrapped at word
// boundaries to its width and right-to-left runs are isolated; elsewhere
// (a pipe, a file) each field is one line, as it is.
struct Layout {
  bool terminal = false;
  std::size_t columns = 0;
  bool color = false;
};

// `prefix` then `text`; on a terminal, the text wrapped into the columns
// after the prefix (continuation lines indented as far), each line isolated.
void print_block(std::string_view prefix, std::string_view text, const Layout& layout) {
  if (!layout.terminal) {
    std::cout << prefix << text << '\n';
    return;
  }
  const std::size_t indent = display_width(prefix);
  // One column spare: a line that fills the terminal exactly wraps on some.
  const std::size_t width = layout.columns > indent + 20 ? layout.columns - indent - 1 : 20;
  const std::vector<std::string> lines = wrap_words(text, width);
  if (lines.empty()) std::cout << prefix << '\n';
  for (std::size_t i = 0; i < lines.size(); ++i)
    std::cout << (i == 0 ? std::string(prefix) : std::string(indent, ' ')) << isolate_right_to_left(lines[i])
              << '\n';
}

// A short line (no wrapping), isolated on a terminal.
std::string on_terminal(std::string_view line, const Layout& layout) {
  return layout.terminal ? isolate_right_to_left(line) : std::string(line);
}

void print_readable(const query::Hit& hit, const Layout& layout, bool explain) {
  const std::string untitled = "(untitled)";
  const std::string& title = hit.title.empty() ? untitled : hit.title;
  print_block(std::to_string(hit.rank) + ". ",
              layout.color ? std::string(kBoldOn) + title + std::string(kBoldOff) : title, layout);
  std::string about = hit.id;
  for (const std::string* field : {&hit.published, &hit.source, &hit.lang})
    if (!field->empty()) about += " | " + *field;
  char score[32];
  std::snprintf(score, sizeof score, "%.3f", hit.score);
  std::cout << "   " << on_terminal(about + " | score " + score, layout) << '\n';
  if (!hit.url.empty()) std::cout << "   " << hit.url << '\n';
  if (!hit.topics.empty()) {
    std::string topics = "topics:";
    for (const std::string& topic : hit.topics) topics += ' ' + topic;
    std::cout << "   " << on_terminal(topics, layout) << '\n';
  }
  print_block("   ",
              layout.color ? query::mark_highlights(hit.snippet, hit.highlights, kBoldOn, kBoldOff)
                           : query::mark_highlights(hit.snippet, hit.highlights, "[", "]"),
              layout);
  // One line per query word and the article word it reached, and how.
  if (explain)
    for (const query::Match& match : hit.matches)
      std::cout << "   "
                << on_terminal(match.query_word + " \u2192 " + match.document_word + " (" + match.route + ")",
                               layout)
                << '\n';
  std::cout << '\n';
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2, code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and code points past Unicode are not UTF-8.
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// The query words as one query; each word's own surrounding spaces
// (accept_dash_query_words() adds one) are left out.
std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    const std::string_view bare = trimmed(word);
    if (bare.empty()) continue;
    if (!text.empty()) text.push_back(' ');
    text += bare;
  }
  return text;
}

// One line of a batch file: "QID<TAB>QUERY", or a bare QUERY whose id is its
// line number. `error` is set instead when the line cannot be searched.
struct BatchQuery {
  std::string qid;
  std::string text;
  std::string error;
};

BatchQuery parse_batch_line(std::string_view line, std::uint64_t line_number) {
  BatchQuery query;
  if (!is_valid_utf8(line)) {
    query.error = "the line is not valid UTF-8";
    return query;
  }
  const auto tab = line.find('\t');
  if (tab == std::string_view::npos) {
    query.qid = std::to_string(line_number);
    query.text = std::string(trimmed(line));
    return query;
  }
  query.qid = std::string(trimmed(line.substr(0, tab)));
  query.text = std::string(trimmed(line.substr(tab + 1)));
  if (query.qid.empty())
    query.error = "the query id before the tab is empty";
  else if (query.text.empty())
    query.error = "query " + query.qid + " has no text after the tab";
  return query;
}

// --batch: every query of the file against one open Searcher, one JSON line
// each. A line that cannot be searched is reported (on stdout in the stream
// of results, and on stderr for people) and the rest still run.
int run_batch(const SearchFlags& flags, const query::SearchOptions& options) {
  std::ifstream file;
  std::istream* input = &std::cin;
  const std::string name = flags.batch == "-" ? "<stdin>" : flags.batch;
  if (flags.batch != "-") {
    file.open(flags.batch, std::ios::binary);
    if (!file) throw IoError("cannot read query file " + flags.batch);
    input = &file;
  }
  query::Searcher searcher(flags.db.empty() ? indexer::default_db_path() : flags.db);

  using Clock = std::chrono::steady_clock;
  std::uint64_t line_number = 0, malformed = 0;
  for (std::string line; std::getline(*input, line);) {
    ++line_number;
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a byte order mark
    if (trimmed(line).empty()) continue;
    const BatchQuery query = parse_batch_line(line, line_number);
    if (!query.error.empty()) {
      ++malformed;
      JsonObject object = JsonObject::record("error");
      if (!query.qid.empty()) object.add_string("qid", query.qid);
      std::cout << object.add_count("line", line_number).add_string("error", query.error).str() << '\n';
      std::cerr << name << ':' << line_number << ": error: " << query.error << '\n';
      continue;
    }
    const auto started = Clock::now();
    const query::SearchResults results = searcher.search(query.text, options);
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
    std::vector<std::string> hits;
    hits.reserve(results.hits.size());
    for (const query::Hit& hit : results.hits) hits.push_back(hit_json(hit, flags.explain));
    JsonObject object = JsonObject::record("query");
    object.add_string("qid", query.qid)
        .add_string("query", query.text)
        .add_count("micros", static_cast<std::uint64_t>(micros))
        .add_count("total", results.estimated_total)
        .add_bool("degraded", results.degraded);
    if (flags.explain) object.add_string("interpreted_as", results.interpreted_as);
    std::cout << object.add_raw("hits", json_array(hits)).str() << '\n';
  }
  if (input->bad()) throw IoError("cannot read query file " + name);
  std::cout.flush();
  return malformed > 0 ? kExitInputErrors : kExitOk;
}

// CLI11 takes every argument that starts with '-' for an option, so
// `akhbar search '-Hama Homs'` or `akhbar search -hamas Syria` would fail
// as unknown options. An argument of `search` that starts with '-' and is
// none of its options (nor an option's value) is a query word: it gets a
// leading space, which CLI11 never reads as an option and the query parser
// skips. Long options are left alone, so a mistyped --flag is still an error.
void accept_dash_query_words(const CLI::App& search, std::vector<std::string>& args) {
  // The subcommand is the first argument that is not an option: the main
  // command has none that takes a value.
  auto arg = std::find_if(args.begin(), args.end(), [](const std::string& a) { return !a.starts_with("-"); });
  if (arg == args.end() || *arg != search.get_name()) return;
  bool value_next = false;
  for (++arg; arg != args.end(); ++arg) {
    if (value_next) {
      value_next = false;
      continue;
    }
    if (*arg == "--") return;
    if (arg->starts_with("--")) {
      const std::size_t equals = arg->find('=');
      const CLI::Option* option = search.get_option_no_throw(arg->substr(0, equals));
      value_next = option != nullptr && equals == std::string::npos && option->get_items_expected_min() > 0;
      continue;
    }
    if (arg->size() < 2 || (*arg)[0] != '-') continue;
    if (const CLI::Option* option = search.get_option_no_throw(arg->substr(0, 2))) {
      const bool takes_value = option->get_items_expected_min() > 0;
      if (arg->size() == 2) {
        value_next = takes_value;
        continue;
      }
      // "-n5": the short option with its value attached.
      if (takes_value && std::all_of(arg->begin() + 2, arg->end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
    }
    arg->insert(0, " ");
  }
}

int run_search(const SearchFlags& flags) {
  if (!flags.since.empty()) check_date(flags.since, "--since");
  if (!flags.until.empty()) check_date(flags.until, "--until");
  if (!flags.since.empty() && !flags.until.empty() && flags.until < flags.since)
    throw UsageError("--until " + flags.until + " is before --since " + flags.since);
  if (flags.batch.empty() && flags.words.empty())
    throw UsageError("give a query, or --batch FILE with one query per line");
  if (!flags.batch.empty() && !flags.words.empty())
    throw UsageError("--batch reads the queries from its file: give no query words with it");

  query::SearchOptions options;
  options.limit = flags.limit;
  options.offset = flags.offset;
  options.languages = flags.languages;
  options.topics = flags.topics;
  options.exact_script = flags.exact_script;
  options.explain = flags.explain;
  options.since = flags.since;
  options.until = flags.until;
  if (!flags.batch.empty()) return run_batch(flags, options);

  query::Searcher searcher(flags.db.empty() ? indexer::default_db_path() : flags.db);
  const std::string text = joined(flags.words);
  const query::SearchResults results = searcher.search(text, options);

  if (results.degraded)
    std::cerr << "akhbar: note: the query could not be parsed as written; searched as plain words: "
              << results.interpreted_as << '\n';
  if (flags.json) {
    // One line per hit, then the summary: even with no hit, a script reads
    // one object that says so.
    for (const query::Hit& hit : results.hits) {
      JsonObject object = JsonObject::record("hit");
      add_hit(object, hit, flags.explain);
      std::cout << object.str() << '\n';
    }
    JsonObject summary = JsonObject::record("summary");
    summary.add_string("query", text)
        .add_count("total", results.estimated_total)
        .add_count("hits", results.hits.size())
        .add_count("offset", flags.offset)
        .add_count("limit", flags.limit)
        .add_bool("degraded", results.degraded);
    if (flags.explain) summary.add_string("interpreted_as", results.interpreted_as);
    std::cout << summary.str() << '\n';
    return kExitOk;
  }
  std::cout << results.hits.size() << " of about " << counted(results.estimated_total, "result");
  if (flags.offset > 0 && !results.hits.empty())
    std::cout << " (ranks " << results.hits.front().rank << "-" << results.hits.back().rank << ")";
  std::cout << "\n";
  if (flags.explain) std::cout << "query: " << results.interpreted_as << '\n';
  std::cout << '\n';
  Layout layout;
  layout.terminal = is_terminal(stdout);
  layout.columns = layout.terminal ? terminal_columns(stdout) : 0;
  layout.color = use_color(flags.color);
  for (const query::Hit& hit : results.hits) print_readable(hit, layout, flags.explain);
  return kExitOk;
}

}  // namespace

Command add_search_command(CLI::App& parent) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* app = parent.add_subcommand(
      "search", "Search the database; each article appears once, with its best passage highlighted");
  app->add_option("query", flags->words, "query words, joined by spaces")->type_name("QUERY");
  app->add_option("--batch", flags->batch,
                  "run every query of FILE ('-': stdin), one per line as QID<TAB>QUERY or a bare "
                  "QUERY (its id is its line number), in one process; prints one JSON line per query "
                  "with qid, micros (search and snippets), total and hits")
      ->type_name("FILE");
  app->add_option("--db", flags->db, "database directory (default: $AKHBAR_DB)")->type_name("PATH");
  app->add_option("-n,--limit", flags->limit, "results per page")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
      ->capture_default_str();
  app->add_option("--offset", flags->offset, "results to skip (for the next pages)")->type_name("N")->capture_default_str();
  app->add_option("--lang", flags->languages, "keep only articles in this language (repeatable)")
      ->type_name("LANG")
      ->check(CLI::IsMember({"en", "ru", "ar"}))
      ->allow_extra_args(false)
      ->delimiter(',');
  app->add_option("--topic", flags->topics,
                  "keep only articles tagged with this topic (repeatable): bases, sanctions, contracts, "
                  "oil, grain, ports, currency, water, or one of your own topics.txt")
      ->type_name("TOPIC")
      ->allow_extra_args(false)
      ->delimiter(',');
  app->add_flag("--exact-script", flags->exact_script,
                "match words only as written: no other scripts, spellings, aliases or topic words");
  app->add_flag("--explain", flags->explain,
                "show how each query word matched each result (exact, stem, transliteration, alias, topic)");
  app->add_option("--since", flags->since, "published on or after this date")->type_name("YYYY-MM-DD");
  app->add_option("--until", flags->until, "published on or before this date")->type_name("YYYY-MM-DD");
  app->add_flag("--json", flags->json,
                "one JSON object per result and line (highlights as byte offsets), then a summary object");
  app->add_option("--color", flags->color, "bold highlights: auto (when stdout is a terminal), always, never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "Query language: words (all must match); \"quoted phrases\"; -excluded words;\n"
      "OR between alternatives; parentheses; lang:ru, source:NAME, title:WORD.\n"
      "A query word may start with '-' (-Hama, '-Hama Homs'), except the options\n"
      "-h and -n N themselves; after -- every argument is a query word.\n\n"
      "Output: a numbered list on stdout; on a terminal, lines are wrapped at word\n"
      "boundaries and right-to-left text is isolated (U+2067 ... U+2069) so that it\n"
      "reads in order; highlights are bold on a terminal (--color), [bracketed]\n"
      "otherwise. --json: one object per hit and line, then a summary object\n"
      "(docs/json.md).\n\n"
      "Examples:\n"
      "  akhbar search Khmeimim air base\n"
      "  akhbar search --lang ru --lang ar 'санкции Сирия'\n"
      "  akhbar search --since 2025-01-01 --until 2025-06-30 '\"naval base\" Tartus'\n"
      "  akhbar search --json --limit 50 حميميم | jq .title\n"
      "  akhbar search --topic sanctions --topic contracts Tartus\n"
      "  akhbar search --explain Хмеймим\n"
      "  akhbar search --exact-script Hmeimim\n"
      "  akhbar search '-Hama Homs'                # Homs, without Hama\n"
      "  akhbar search --batch queries.tsv --limit 20 > results.jsonl");
  return {app, [flags] { return run_search(*flags); },
          [app](std::vector<std::string>& args) { accept_dash_query_words(*app, args); }};
}

}  // namespace akhbar::cli
