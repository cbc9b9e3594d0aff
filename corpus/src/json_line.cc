// A strict recursive-descent JSON parser for JSON Lines records.
//
// Invariants:
//  1. pos_ never exceeds text_.size(); every read checks for the end first.
//  2. Recursion is bounded by max_depth_, so hostile nesting cannot exhaust
//     the stack.
//  3. The first error stops the parse; its message and column are final.
#include "json_line.h"

#include <cstdint>

#include "utf8.h"

namespace akhbar::corpus::detail {
namespace {

class Parser {
 public:
  Parser(std::string_view text, std::size_t max_depth, JsonParseResult& result)
      : text_(text), max_depth_(max_depth), result_(result) {}

  void parse_line() {
    skip_whitespace();
    if (!expect('{', "'{' at the start of a record")) return;
    if (!parse_object_members(1, &result_.members)) return;
    skip_whitespace();
    if (pos_ != text_.size()) fail("end of line after the object");
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  bool fail(const std::string& expected) {
    if (result_.error.empty()) {
      result_.error = "expected " + expected;
      if (at_end()) {
        result_.error += ", found end of line";
      } else {
        const auto c = static_cast<unsigned char>(peek());
        if (c >= 0x20 && c < 0x7F) {
          result_.error += ", found '" + std::string(1, peek()) + "'";
        }
      }
      result_.column = pos_ + 1;
    }
    return false;
  }

  bool fail_here(const std::string& message) {
    if (result_.error.empty()) {
      result_.error = message;
      result_.column = pos_ + 1;
    }
    return false;
  }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      ++pos_;
    }
  }

  bool expect(char c, const std::string& what) {
    if (at_end() || peek() != c) return fail(what);
    ++pos_;
    return true;
  }

  // After '{'. Fills `members` when given (the top level), else discards.
  bool parse_object_members(std::size_t depth, std::vector<JsonMember>* members) {
    if (depth > max_depth_) {
      --pos_;
      return fail_here("nesting deeper than " + std::to_string(max_depth_) + " levels");
    }
    skip_whitespace();
    if (!at_end() && peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_whitespace();
      if (at_end() || peek() != '"') return fail("a string key");
      ++pos_;
      std::string key;
      if (!parse_string_body(key)) return false;
      skip_whitespace();
      if (!expect(':', "':' after a key")) return false;
      skip_whitespace();
      JsonValue value;
      if (!parse_value(depth, value)) return false;
      if (members != nullptr) members->push_back({std::move(key), std::move(value)});
      skip_whitespace();
      if (at_end()) return fail("',' or '}'");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return fail("',' or '}'");
    }
  }

  // After '['.
  bool parse_array_elements(std::size_t depth) {
    if (depth > max_depth_) {
      --pos_;
      return fail_here("nesting deeper than " + std::to_string(max_depth_) + " levels");
    }
    skip_whitespace();
    if (!at_end() && peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_whitespace();
      JsonValue ignored;
      if (!parse_value(depth, ignored)) return false;
      skip_whitespace();
      if (at_end()) return fail("',' or ']'");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return fail("',' or ']'");
    }
  }

  bool parse_value(std::size_t depth, JsonValue& value) {
    if (at_end()) return fail("a value");
    switch (peek()) {
      case '"':
        ++pos_;
        value.kind = JsonValue::Kind::kString;
        return parse_string_body(value.text);
      case '{':
        ++pos_;
        value.kind = JsonValue::Kind::kObject;
        return parse_object_members(depth + 1, nullptr);
      case '[':
        ++pos_;
        value.kind = JsonValue::Kind::kArray;
        return parse_array_elements(depth + 1);
      case 't':
        value.kind = JsonValue::Kind::kTrue;
        return parse_literal("true");
      case 'f':
        value.kind = JsonValue::Kind::kFalse;
        return parse_literal("false");
      case 'n':
        value.kind = JsonValue::Kind::kNull;
        return parse_literal("null");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
          value.kind = JsonValue::Kind::kNumber;
          return parse_number(value.text);
        }
        return fail("a value");
    }
  }

  bool parse_literal(std::string_view literal) {
    if (text_.substr(pos_, literal.size()) != literal) return fail("a value");
    pos_ += literal.size();
    return true;
  }

  bool is_digit() const { return !at_end() && peek() >= '0' && peek() <= '9'; }

  bool parse_number(std::string& out) {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (!is_digit()) return fail("a digit");
    if (peek() == '0') {
      ++pos_;
    } else {
      while (is_digit()) ++pos_;
    }
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (!is_digit()) return fail("a digit after '.'");
      while (is_digit()) ++pos_;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      if (!is_digit()) return fail("a digit in the exponent");
      while (is_digit()) ++pos_;
    }
    out.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool parse_hex4(std::uint32_t& code) {
    code = 0;
    for (int i = 0; i < 4; ++i) {
      if (at_end()) return fail("four hex digits after \\u");
      const char c = peek();
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return fail("four hex digits after \\u");
      }
      code = code * 16 + digit;
      ++pos_;
    }
    return true;
  }

  // After the opening quote; consumes the closing one.
  bool parse_string_body(std::string& out) {
    while (true) {
      if (at_end()) return fail_here("unterminated string");
      const char c = peek();
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return fail_here("control character in string (it must be escaped)");
      }
      if (c != '\\') {
        // Copy a run of plain bytes at once: strings are most of a record.
        const std::size_t start = pos_;
        while (!at_end() && peek() != '"' && peek() != '\\' &&
               static_cast<unsigned char>(peek()) >= 0x20) {
          ++pos_;
        }
        out.append(text_.substr(start, pos_ - start));
        continue;
      }
      ++pos_;
      if (at_end()) return fail_here("unterminated string");
      const char escape = peek();
      ++pos_;
      switch (escape) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u':
          if (!parse_unicode_escape(out)) return false;
          break;
        default:
          pos_ -= 2;
          return fail_here("invalid escape '\\" + std::string(1, escape) + "'");
      }
    }
  }

  // After "\u".
  bool parse_unicode_escape(std::string& out) {
    std::uint32_t code = 0;
    if (!parse_hex4(code)) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
      // A high surrogate counts only when a low surrogate escape follows.
      if (text_.substr(pos_, 2) == "\\u") {
        const std::size_t saved = pos_;
        pos_ += 2;
        std::uint32_t low = 0;
        if (!parse_hex4(low)) return false;
        if (low >= 0xDC00 && low <= 0xDFFF) {
          append_utf8(out, static_cast<char32_t>(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)));
          return true;
        }
        pos_ = saved;  // the next escape stands alone
      }
      ++result_.lone_surrogates;
      out += kReplacementCharacter;
      return true;
    }
    if (code >= 0xDC00 && code <= 0xDFFF) {
      ++result_.lone_surrogates;
      out += kReplacementCharacter;
      return true;
    }
    append_utf8(out, static_cast<char32_t>(code));
    return true;
  }

  std::string_view text_;
  std::size_t max_depth_;
  JsonParseResult& result_;
  std::size_t pos_ = 0;
};

}  // namespace

JsonParseResult parse_json_object(std::string_view line, std::size_t max_depth) {
  JsonParseResult result;
  Parser(line, max_depth, result).parse_line();
  if (!result.ok()) result.members.clear();
  return result;
}

}  // namespace akhbar::corpus::detail
