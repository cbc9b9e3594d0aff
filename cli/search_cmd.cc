// `akhbar search`: ranked articles with highlighted snippets, for people (a
// readable list) or for programs (one JSON object per line).
#include <CLI/CLI.hpp>

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

std::string hit_json(const query::Hit& hit, bool explain) {
  JsonObject object;
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
  return object.str();
}

void print_json(const query::Hit& hit, bool explain) { std::cout << hit_json(hit, explain) << '\n'; }

void print_readable(const query::Hit& hit, bool color, bool explain) {
  const std::string untitled = "(untitled)";
  const std::string& title = hit.title.empty() ? untitled : hit.title;
  std::cout << hit.rank << ". ";
  if (color)
    std::cout << kBoldOn << title << kBoldOff;
  else
    std::cout << title;
  std::cout << "\n   " << hit.id;
  for (const std::string* field : {&hit.published, &hit.source, &hit.lang})
    if (!field->empty()) std::cout << " | " << *field;
  char score[32];
  std::snprintf(score, sizeof score, "%.3f", hit.score);
  std::cout << " | score " << score << '\n';
  if (!hit.url.empty()) std::cout << "   " << hit.url << '\n';
  if (!hit.topics.empty()) {
    std::cout << "   topics:";
    for (const std::string& topic : hit.topics) std::cout << ' ' << topic;
    std::cout << '\n';
  }
  const std::string snippet = color ? query::mark_highlights(hit.snippet, hit.highlights, kBoldOn, kBoldOff)
                                    : query::mark_highlights(hit.snippet, hit.highlights, "[", "]");
  std::cout << "   " << snippet << '\n';
  // One line per query word and the article word it reached, and how.
  if (explain)
    for (const query::Match& match : hit.matches)
      std::cout << "   " << match.query_word << " \u2192 " << match.document_word << " (" << match.route << ")\n";
  std::cout << '\n';
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text.push_back(' ');
    text += word;
  }
  return text;
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
      JsonObject object;
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
    JsonObject object;
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
    for (const query::Hit& hit : results.hits) print_json(hit, flags.explain);
    return kExitOk;
  }
  std::cout << results.hits.size() << " of about " << results.estimated_total << " results";
  if (flags.offset > 0 && !results.hits.empty())
    std::cout << " (ranks " << results.hits.front().rank << "-" << results.hits.back().rank << ")";
  std::cout << "\n";
  if (flags.explain) std::cout << "query: " << results.interpreted_as << '\n';
  std::cout << '\n';
  const bool color = use_color(flags.color);
  for (const query::Hit& hit : results.hits) print_readable(hit, color, flags.explain);
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
  app->add_flag("--json", flags->json, "one JSON object per result and line, highlights as byte offsets");
  app->add_option("--color", flags->color, "bold highlights: auto (when stdout is a terminal), always, never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "Query language: words (all must match); \"quoted phrases\"; -excluded words;\n"
      "OR between alternatives; parentheses; lang:ru, source:NAME, title:WORD.\n"
      "Quote a query that starts with '-', or put it after --.\n\n"
      "Examples:\n"
      "  akhbar search Khmeimim air base\n"
      "  akhbar search --lang ru --lang ar 'санкции Сирия'\n"
      "  akhbar search --since 2025-01-01 --until 2025-06-30 '\"naval base\" Tartus'\n"
      "  akhbar search --json --limit 50 حميميم | jq .title\n"
      "  akhbar search --topic sanctions --topic contracts Tartus\n"
      "  akhbar search --explain Хмеймим\n"
      "  akhbar search --exact-script Hmeimim\n"
      "  akhbar search -- -Hama Homs\n"
      "  akhbar search --batch queries.tsv --limit 20 > results.jsonl");
  return {app, [flags] { return run_search(*flags); }};
}

}  // namespace akhbar::cli
