// Mapping a JSON Lines record onto an Article.
#include "jsonl_record.h"

#include <array>
#include <string>
#include <string_view>

#include "dates.h"
#include "language_code.h"
#include "paragraphs.h"
#include "utf8.h"

namespace akhbar::corpus::detail {
namespace {

constexpr std::array<std::string_view, 8> kKnownKeys{"id",        "url",  "title",  "author",
                                                      "published", "lang", "source", "body"};

const char* kind_name(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::kString: return "a string";
    case JsonValue::Kind::kNumber: return "a number";
    case JsonValue::Kind::kTrue:
    case JsonValue::Kind::kFalse: return "a boolean";
    case JsonValue::Kind::kNull: return "null";
    case JsonValue::Kind::kArray: return "an array";
    case JsonValue::Kind::kObject: return "an object";
  }
  return "a value";
}

bool is_whole_number(std::string_view number) {
  return number.find_first_of(".eE") == std::string_view::npos;
}

// Shortens a quoted value in a message, so one bad field cannot flood a log.
std::string quoted(std::string_view value) {
  constexpr std::size_t kMaxShown = 40;
  std::string shown(value.substr(0, utf8_prefix_length(value, kMaxShown)));
  if (shown.size() < value.size()) shown += "...";
  repair_utf8(shown);
  return "\"" + shown + "\"";
}

}  // namespace

std::optional<Article> article_from_record(const std::vector<JsonMember>& members,
                                           RecordProblems& problems) {
  // The last occurrence of each known key wins; earlier ones are reported.
  std::array<const JsonValue*, kKnownKeys.size()> values{};
  for (const JsonMember& member : members) {
    for (std::size_t k = 0; k < kKnownKeys.size(); ++k) {
      if (member.key != kKnownKeys[k]) continue;
      if (values[k] != nullptr) {
        problems.warning("duplicate key \"" + member.key + "\", the last value is used");
      }
      values[k] = &member.value;
    }
  }
  auto value_of = [&](std::string_view key) -> const JsonValue* {
    for (std::size_t k = 0; k < kKnownKeys.size(); ++k) {
      if (kKnownKeys[k] == key) return values[k];
    }
    return nullptr;
  };

  const JsonValue* body = value_of("body");
  if (body == nullptr) {
    problems.error("record has no \"body\", skipped");
    return std::nullopt;
  }
  if (body->kind != JsonValue::Kind::kString) {
    problems.error(std::string("\"body\" is ") + kind_name(body->kind) +
                   ", expected a string; record skipped");
    return std::nullopt;
  }

  Article article;
  article.paragraphs = split_paragraphs(body->text);
  if (article.paragraphs.empty()) {
    problems.error("\"body\" is empty, record skipped");
    return std::nullopt;
  }

  // A string field, or nullptr after a warning when the value is another type.
  auto string_field = [&](std::string_view key) -> const std::string* {
    const JsonValue* value = value_of(key);
    if (value == nullptr) return nullptr;
    if (value->kind == JsonValue::Kind::kString) return &value->text;
    if (key == "id" && value->kind == JsonValue::Kind::kNumber && is_whole_number(value->text)) {
      return &value->text;
    }
    if (value->kind != JsonValue::Kind::kNull) {
      problems.warning("\"" + std::string(key) + "\" is " + kind_name(value->kind) +
                       ", expected a string; ignored");
    }
    return nullptr;
  };

  if (const auto* id = string_field("id")) article.id = collapse_whitespace(*id);
  if (const auto* url = string_field("url")) article.url = collapse_whitespace(*url);
  if (const auto* title = string_field("title")) article.title = collapse_whitespace(*title);
  if (const auto* author = string_field("author")) article.author = collapse_whitespace(*author);
  if (const auto* source = string_field("source")) article.source = collapse_whitespace(*source);
  if (const auto* published = string_field("published")) {
    const std::string text = collapse_whitespace(*published);
    if (auto date = parse_iso_date(text)) {
      article.published = std::move(*date);
    } else if (!text.empty()) {
      problems.warning("\"published\" " + quoted(text) +
                       " is not a date (YYYY-MM-DD or RFC 3339); ignored");
    }
  }
  if (const auto* lang = string_field("lang")) {
    if (auto code = normalise_language(*lang)) {
      article.lang = std::move(*code);
    } else if (!collapse_whitespace(*lang).empty()) {
      problems.warning("\"lang\" " + quoted(*lang) + " is not en, ru or ar; ignored");
    }
  }
  return article;
}

}  // namespace akhbar::corpus::detail
