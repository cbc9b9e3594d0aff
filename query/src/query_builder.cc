// Turns the parsed query into Xapian queries over the terms the indexer
// writes (schema.h), analysing every word with the same chain as the index.
#include "query_builder.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"

namespace akhbar::query::detail {
namespace {

namespace schema = indexer::schema;
using analysis::Token;
using Kind = QueryNode::Kind;

/// True if `text` has a lower-case letter after its first character: with a
/// capital first letter that is how names are written ("Hamas"), while an
/// all-caps word ("SANCTIONS") is shouting and is stemmed like any word.
bool has_lower_after_first(std::string_view text) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  bool first = true;
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (!first && c >= 0 && u_islower(c)) return true;
    first = false;
  }
  return false;
}

bool looks_like_name(const Token& token, std::string_view typed) {
  if (token.script != analysis::Script::kLatin || !token.capitalised) return false;
  if (token.end > typed.size() || token.begin >= token.end) return false;
  return has_lower_after_first(typed.substr(token.begin, token.end - token.begin));
}

bool fits(const std::string& term) { return !term.empty() && term.size() <= schema::kMaxTermBytes; }

/// One word of the query as typed: the compound or plain word, and the parts
/// that follow a compound.
struct Unit {
  Token head;
  std::vector<Token> parts;
};

std::vector<Unit> units_of(const std::vector<Token>& tokens) {
  std::vector<Unit> units;
  for (const Token& token : tokens) {
    if (token.kind == Token::Kind::kPart && !units.empty() &&
        units.back().head.kind == Token::Kind::kCompound) {
      units.back().parts.push_back(token);
    } else {
      units.push_back(Unit{token, {}});
    }
  }
  return units;
}

class Builder {
 public:
  Builder(bool relax, bool keep_stopwords) : relax_(relax), keep_stopwords_(keep_stopwords) {}

  BuiltQuery build(const QueryNode& root) {
    BuiltQuery built;
    if (auto query = build_and(root, /*positive=*/true, /*top=*/true, &built.and_groups))
      built.query = std::move(*query);
    built.forms = std::move(forms_);
    return built;
  }

 private:
  std::optional<Xapian::Query> build_node(const QueryNode& node, bool positive) {
    switch (node.kind) {
      case Kind::kWord:
        return word_query(node, positive);
      case Kind::kPhrase:
        return phrase_query(node, positive);
      case Kind::kAnd:
        return build_and(node, positive, /*top=*/false, nullptr);
      case Kind::kOr:
        return build_or(node, positive);
      case Kind::kExclude: {
        // Alone (for instance inside an OR): everything but the excluded.
        if (node.children.empty()) return std::nullopt;
        auto excluded = build_node(node.children.front(), !positive);
        if (!excluded) return std::nullopt;
        return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, *excluded);
      }
      case Kind::kLang:
      case Kind::kSource:
        // A filter alone ranks nothing: weight zero.
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(filter_term(node)), 0.0);
    }
    return std::nullopt;
  }

  static std::string filter_term(const QueryNode& node) {
    if (node.kind == Kind::kLang) return std::string(schema::kLangPrefix) + node.text;
    return std::string(schema::kSourcePrefix) + schema::source_key(node.text);
  }

  /// Invariants of the result:
  ///  1. positive items are ANDed (ORed when relaxing the top level);
  ///  2. excluded items are removed with AND_NOT, never weighted;
  ///  3. filters of one field are ORed, fields ANDed, all by OP_FILTER.
  std::optional<Xapian::Query> build_and(const QueryNode& node, bool positive, bool top,
                                         std::size_t* groups) {
    std::vector<Xapian::Query> positives, negatives, langs, sources;
    for (const QueryNode& child : node.children) {
      if (child.kind == Kind::kExclude) {
        if (child.children.empty()) continue;
        if (auto q = build_node(child.children.front(), !positive)) negatives.push_back(std::move(*q));
      } else if (child.kind == Kind::kLang) {
        langs.emplace_back(filter_term(child));
      } else if (child.kind == Kind::kSource) {
        sources.emplace_back(filter_term(child));
      } else if (auto q = build_node(child, positive)) {
        positives.push_back(std::move(*q));
      }
    }
    if (groups != nullptr) *groups = positives.size();
    if (positives.empty() && negatives.empty() && langs.empty() && sources.empty())
      return std::nullopt;

    const auto join = (top && relax_) ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
    Xapian::Query query = positives.empty()
                              ? Xapian::Query::MatchAll
                              : Xapian::Query(join, positives.begin(), positives.end());
    if (!negatives.empty())
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                            Xapian::Query(Xapian::Query::OP_OR, negatives.begin(), negatives.end()));
    if (!langs.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, langs.begin(), langs.end()));
    if (!sources.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, sources.begin(), sources.end()));
    return query;
  }

  std::optional<Xapian::Query> build_or(const QueryNode& node, bool positive) {
    std::vector<Xapian::Query> alternatives;
    for (const QueryNode& child : node.children)
      if (auto q = build_node(child, positive)) alternatives.push_back(std::move(*q));
    if (alternatives.empty()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  std::optional<Xapian::Query> word_query(const QueryNode& node, bool positive) {
    const auto tokens = analysis::news_analyzer().analyze(node.text);
    const auto units = units_of(tokens);
    if (units.empty()) return std::nullopt;
    if (units.size() > 1) {
      // One typed word the analyzer splits into several ("U.S.-led",
      // "30/40"): its words in sequence, as a phrase.
      return phrase_of_units(units, node.title, positive);
    }
    const Unit& unit = units.front();
    const std::size_t id = next_id_++;
    if (unit.head.kind != Token::Kind::kCompound) {
      if (!keep_stopwords_ && analysis::is_stopword(unit.head.text)) return std::nullopt;
      return synonym_of(unit.head, node.text, node.title, positive ? &id : nullptr);
    }
    // A compound typed as one word matches its compound term, or its parts
    // written apart ("al Sharaa").
    std::vector<Xapian::Query> ways;
    if (auto whole = synonym_of(unit.head, node.text, node.title, positive ? &id : nullptr))
      ways.push_back(std::move(*whole));
    std::vector<std::string> part_terms;
    for (const Token& part : unit.parts) part_terms.push_back(prefixed_word(part.text, node.title));
    if (auto parts = phrase_of_terms(part_terms)) ways.push_back(std::move(*parts));
    if (ways.empty()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, ways.begin(), ways.end());
  }

  std::optional<Xapian::Query> phrase_query(const QueryNode& node, bool positive) {
    return phrase_of_units(units_of(analysis::news_analyzer().analyze(node.text)), node.title,
                           positive);
  }

  /// OP_PHRASE over exact words; a compound contributes its parts, which
  /// carry the positions.
  std::optional<Xapian::Query> phrase_of_units(const std::vector<Unit>& units, bool title,
                                               bool positive) {
    std::vector<std::string> terms;
    for (const Unit& unit : units) {
      const std::vector<Token> words =
          unit.parts.empty() ? std::vector<Token>{unit.head} : unit.parts;
      for (const Token& word : words) {
        terms.push_back(prefixed_word(word.text, title));
        if (positive && !analysis::is_stopword(word.text)) forms_.words.emplace(word.text, next_id_++);
      }
    }
    return phrase_of_terms(terms);
  }

  static std::optional<Xapian::Query> phrase_of_terms(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> subqueries;
    for (const std::string& term : terms)
      if (fits(term)) subqueries.emplace_back(term);
    if (subqueries.empty()) return std::nullopt;
    if (subqueries.size() == 1) return subqueries.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, subqueries.begin(), subqueries.end(),
                         static_cast<Xapian::termcount>(subqueries.size()));
  }

  /// All forms of one word in one OP_SYNONYM, so that a rare form cannot
  /// outweigh the word (LESSONS.md). `id` is null for excluded words.
  std::optional<Xapian::Query> synonym_of(const Token& token, std::string_view typed, bool title,
                                          const std::size_t* id) {
    std::vector<Xapian::Query> forms;
    const std::string word = prefixed_word(token.text, title);
    if (fits(word)) {
      forms.emplace_back(word);
      if (id != nullptr) forms_.words.emplace(token.text, *id);
    }
    if (!token.stem.empty() && !looks_like_name(token, typed)) {
      const std::string stem =
          std::string(title ? schema::kTitleStemPrefix : schema::kStemPrefix) + token.stem;
      if (fits(stem)) {
        forms.emplace_back(stem);
        if (id != nullptr) forms_.stems.emplace(token.stem, *id);
      }
    }
    if (forms.empty()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
  }

  static std::string prefixed_word(const std::string& text, bool title) {
    return title ? std::string(schema::kTitlePrefix) + text : text;
  }

  bool relax_;
  bool keep_stopwords_;
  TermForms forms_;
  std::size_t next_id_ = 0;
};

/// True if some positive free word is not a stopword, or there is a phrase:
/// then stopwords are noise. A query of stopwords alone keeps them.
bool has_content(const QueryNode& node) {
  switch (node.kind) {
    case Kind::kPhrase:
      return true;
    case Kind::kWord:
      for (const Token& token : analysis::news_analyzer().analyze(node.text))
        if (!analysis::is_stopword(token.text)) return true;
      return false;
    case Kind::kAnd:
    case Kind::kOr:
      for (const QueryNode& child : node.children)
        if (has_content(child)) return true;
      return false;
    case Kind::kExclude:
    case Kind::kLang:
    case Kind::kSource:
      return false;
  }
  return false;
}

/// "YYYY-MM-DD" -> "YYYYMMDD", the form of schema::kValueDate.
std::string date_value(const std::string& date, const char* option) {
  const bool valid = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                     std::all_of(date.begin(), date.end(), [](char c) {
                       return c == '-' || (c >= '0' && c <= '9');
                     });
  if (!valid)
    throw UsageError(std::string("invalid ") + option + " date \"" + date + "\": expected YYYY-MM-DD");
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

}  // namespace

BuiltQuery build_query(const QueryNode& root, bool relax) {
  return Builder(relax, !has_content(root)).build(root);
}

Xapian::Query apply_options(Xapian::Query query, const SearchOptions& options) {
  if (query.empty()) return query;
  if (!options.languages.empty()) {
    std::vector<Xapian::Query> langs;
    for (const std::string& lang : options.languages) {
      if (lang != "en" && lang != "ru" && lang != "ar")
        throw UsageError("unknown language \"" + lang + "\": expected en, ru or ar");
      langs.emplace_back(std::string(schema::kLangPrefix) + lang);
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, langs.begin(), langs.end()));
  }
  if (!options.since.empty() || !options.until.empty()) {
    Xapian::Query range;
    if (options.until.empty()) {
      range = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kValueDate,
                            date_value(options.since, "since"));
    } else if (options.since.empty()) {
      range = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kValueDate,
                            date_value(options.until, "until"));
    } else {
      range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kValueDate,
                            date_value(options.since, "since"), date_value(options.until, "until"));
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
  }
  return query;
}

}  // namespace akhbar::query::detail
