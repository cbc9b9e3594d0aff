// The query language's lexer and recursive-descent parser, and the fallback
// that reads a malformed query as plain words.
#include "query_parser.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "akhbar/analysis/analyzer.h"

namespace akhbar::query::detail {
namespace {

/// Thrown inside this file only, and always caught by parse_query(): the
/// user never sees a parse error, only a degraded query.
struct Malformed {};

/// Parentheses nested deeper than this are malformed; it bounds the
/// recursion for hostile input such as ten thousand "(".
constexpr int kMaxDepth = 32;

struct Lexeme {
  enum class Kind : std::uint8_t { kWord, kPhrase, kField, kOpen, kClose, kOr };
  Kind kind = Kind::kWord;
  std::string field;  // kField: "lang", "source" or "title"
  std::string text;   // word, phrase or field value
  bool quoted = false;   // kField: the value was a quoted string
  bool negated = false;  // preceded by '-'
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && !is_space(c)) || byte == 0x7F;
}

/// Characters that end a word. Only ASCII bytes are special, so a word never
/// ends inside a UTF-8 sequence.
bool ends_word(char c) { return is_space(c) || c == '"' || c == '(' || c == ')' || c == '|'; }

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (is_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  /// All lexemes of the text; throws Malformed.
  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    bool negate_next = false;
    while (true) {
      skip_spaces();
      if (at_end()) break;
      const char c = text_[pos_];
      if (is_control(c)) throw Malformed{};
      if (c == '-') {
        // An exclusion sign must stick to what it excludes: "-x", "-\"a b\"".
        if (negate_next || pos_ + 1 >= text_.size() || is_space(text_[pos_ + 1]) ||
            text_[pos_ + 1] == ')' || text_[pos_ + 1] == '|' || text_[pos_ + 1] == '-')
          throw Malformed{};
        negate_next = true;
        ++pos_;
        continue;
      }
      Lexeme lexeme;
      if (c == '(') {
        lexeme.kind = Lexeme::Kind::kOpen;
        ++pos_;
      } else if (c == ')') {
        lexeme.kind = Lexeme::Kind::kClose;
        ++pos_;
      } else if (c == '|') {
        lexeme.kind = Lexeme::Kind::kOr;
        ++pos_;
      } else if (c == '"') {
        lexeme.kind = Lexeme::Kind::kPhrase;
        lexeme.text = read_quoted();
      } else if (!read_word(lexeme)) {
        // "AND": implied anyway.
        if (negate_next) throw Malformed{};
        continue;
      }
      if (negate_next) {
        if (lexeme.kind == Lexeme::Kind::kClose || lexeme.kind == Lexeme::Kind::kOr)
          throw Malformed{};
        lexeme.negated = true;
        negate_next = false;
      }
      out.push_back(std::move(lexeme));
    }
    if (negate_next) throw Malformed{};
    return out;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }

  void skip_spaces() {
    while (!at_end() && is_space(text_[pos_])) ++pos_;
  }

  /// Reads from an opening quote to its closing quote; throws if unclosed.
  std::string read_quoted() {
    const std::size_t close = text_.find('"', pos_ + 1);
    if (close == std::string_view::npos) throw Malformed{};
    std::string_view inside = text_.substr(pos_ + 1, close - pos_ - 1);
    if (std::any_of(inside.begin(), inside.end(), is_control)) throw Malformed{};
    pos_ = close + 1;
    return std::string(inside);
  }

  /// Reads a word, an OR/AND keyword or a field; returns false for AND.
  bool read_word(Lexeme& lexeme) {
    const std::size_t begin = pos_;
    while (!at_end() && !ends_word(text_[pos_])) {
      if (is_control(text_[pos_])) throw Malformed{};
      ++pos_;
    }
    const std::string_view word = text_.substr(begin, pos_ - begin);
    const std::string lower = ascii_lower(word);
    if (lower == "or") {
      lexeme.kind = Lexeme::Kind::kOr;
      return true;
    }
    if (lower == "and") return false;

    const std::size_t colon = word.find(':');
    if (colon != std::string_view::npos) {
      const std::string field = ascii_lower(word.substr(0, colon));
      if (field == "lang" || field == "source" || field == "title") {
        lexeme.kind = Lexeme::Kind::kField;
        lexeme.field = field;
        std::string_view value = word.substr(colon + 1);
        if (value.empty()) {
          if (at_end() || text_[pos_] != '"') throw Malformed{};
          lexeme.text = read_quoted();
          lexeme.quoted = true;
        } else {
          lexeme.text = std::string(value);
        }
        if (count_words(lexeme.text) == 0) throw Malformed{};
        return true;
      }
    }
    lexeme.kind = Lexeme::Kind::kWord;
    lexeme.text = std::string(word);
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

QueryNode make_node(QueryNode::Kind kind, std::string text = {}, bool title = false) {
  QueryNode node;
  node.kind = kind;
  node.text = std::move(text);
  node.title = title;
  return node;
}

class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

  /// The whole query as a top-level kAnd; throws Malformed.
  QueryNode run() {
    QueryNode node = parse_group(0);
    if (!at_end()) throw Malformed{};  // a ')' without its '('
    if (words_ > kMaxQueryWords) throw Malformed{};
    if (node.kind == QueryNode::Kind::kAnd) return node;
    QueryNode root = make_node(QueryNode::Kind::kAnd);
    root.children.push_back(std::move(node));
    return root;
  }

 private:
  bool at_end() const { return pos_ >= lexemes_.size(); }
  bool next_is(Lexeme::Kind kind) const { return !at_end() && lexemes_[pos_].kind == kind; }

  /// Items up to the end or a ')': their implied AND.
  QueryNode parse_group(int depth) {
    if (depth > kMaxDepth) throw Malformed{};
    QueryNode node = make_node(QueryNode::Kind::kAnd);
    while (!at_end() && !next_is(Lexeme::Kind::kClose)) node.children.push_back(parse_or(depth));
    // "()" or an empty query between parentheses.
    if (node.children.empty()) throw Malformed{};
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
  }

  /// item { OR item }: OR binds tighter than the implied AND, so that
  /// "Khmeimim OR Hmeimim base" asks for the base under either spelling.
  QueryNode parse_or(int depth) {
    std::vector<QueryNode> alternatives;
    alternatives.push_back(parse_item(depth));
    while (next_is(Lexeme::Kind::kOr)) {
      ++pos_;
      // "x OR", "x OR OR y", "(x OR)": a lone operator.
      if (at_end()) throw Malformed{};
      alternatives.push_back(parse_item(depth));
    }
    if (alternatives.size() == 1) return std::move(alternatives.front());
    QueryNode node = make_node(QueryNode::Kind::kOr);
    node.children = std::move(alternatives);
    return node;
  }

  QueryNode parse_item(int depth) {
    const Lexeme& lexeme = lexemes_[pos_++];
    QueryNode item;
    switch (lexeme.kind) {
      case Lexeme::Kind::kWord:
        ++words_;
        item = make_node(QueryNode::Kind::kWord, lexeme.text);
        break;
      case Lexeme::Kind::kPhrase:
        if (count_words(lexeme.text) == 0) throw Malformed{};
        words_ += count_words(lexeme.text);
        item = make_node(QueryNode::Kind::kPhrase, lexeme.text);
        break;
      case Lexeme::Kind::kField:
        words_ += count_words(lexeme.text);
        item = field_node(lexeme);
        break;
      case Lexeme::Kind::kOpen:
        item = parse_group(depth + 1);
        if (!next_is(Lexeme::Kind::kClose)) throw Malformed{};
        ++pos_;
        break;
      case Lexeme::Kind::kClose:
      case Lexeme::Kind::kOr:
        throw Malformed{};
    }
    if (!lexeme.negated) return item;
    QueryNode excluded = make_node(QueryNode::Kind::kExclude);
    excluded.children.push_back(std::move(item));
    return excluded;
  }

  static QueryNode field_node(const Lexeme& lexeme) {
    if (lexeme.field == "lang") {
      const std::string lang = ascii_lower(lexeme.text);
      if (lang != "en" && lang != "ru" && lang != "ar") throw Malformed{};
      return make_node(QueryNode::Kind::kLang, lang);
    }
    if (lexeme.field == "source") return make_node(QueryNode::Kind::kSource, lexeme.text);
    // title: a quoted value is a phrase; a bare one a word.
    if (lexeme.quoted && count_words(lexeme.text) > 1)
      return make_node(QueryNode::Kind::kPhrase, lexeme.text, true);
    return make_node(QueryNode::Kind::kWord, lexeme.text, true);
  }

  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
  std::size_t words_ = 0;
};

/// The malformed query as plain words: every word the analyzer finds, as it
/// was typed (so the builder sees capitals and the compound as a whole).
QueryNode plain_words(std::string_view text) {
  QueryNode root = make_node(QueryNode::Kind::kAnd);
  for (const auto& token : analysis::news_analyzer().analyze(text)) {
    if (token.kind == analysis::Token::Kind::kPart) continue;
    if (root.children.size() == kMaxQueryWords) break;
    root.children.push_back(
        make_node(QueryNode::Kind::kWord, std::string(text.substr(token.begin, token.end - token.begin))));
  }
  return root;
}

void render_to(const QueryNode& node, std::string& out) {
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      if (node.title) out += "title:";
      out += node.text;
      return;
    case QueryNode::Kind::kPhrase:
      if (node.title) out += "title:";
      out += '"' + node.text + '"';
      return;
    case QueryNode::Kind::kExclude:
      out += '-';
      if (!node.children.empty()) render_to(node.children.front(), out);
      return;
    case QueryNode::Kind::kLang:
      out += "lang:" + node.text;
      return;
    case QueryNode::Kind::kSource:
      out += "source:\"" + node.text + '"';
      return;
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr:
      out += node.kind == QueryNode::Kind::kAnd ? "(and" : "(or";
      for (const QueryNode& child : node.children) {
        out += ' ';
        render_to(child, out);
      }
      out += ')';
      return;
  }
}

}  // namespace

ParsedQuery parse_query(std::string_view text) {
  ParsedQuery parsed;
  parsed.root = make_node(QueryNode::Kind::kAnd);
  try {
    std::vector<Lexeme> lexemes = Lexer(text).run();
    if (lexemes.empty()) {
      // Blank is a valid empty query; "AND" alone is a lone operator.
      if (count_words(text) == 0) return parsed;
      throw Malformed{};
    }
    parsed.root = Parser(std::move(lexemes)).run();
  } catch (const Malformed&) {
    parsed.root = plain_words(text);
    parsed.degraded = true;
  }
  return parsed;
}

std::string render(const QueryNode& node) {
  std::string out;
  render_to(node, out);
  return out;
}

std::string render(const ParsedQuery& query) {
  if (query.root.kind != QueryNode::Kind::kAnd) return render(query.root);
  std::string out;
  for (const QueryNode& child : query.root.children) {
    if (!out.empty()) out += ' ';
    render_to(child, out);
  }
  return out;
}

}  // namespace akhbar::query::detail
