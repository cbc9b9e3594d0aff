// iso-codes' country list (a small JSON reader for its fixed shape) and
// gettext .mo catalogs (GNU gettext's binary format: a header, then two
// tables of (length, offset) pairs for the original and translated strings).
#include "iso_codes.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <string_view>

#include "akhbar/error.h"

namespace akhbar::resources {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read \"" + path + "\"");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw IoError("error while reading \"" + path + "\"");
  return text;
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

/// A reader for JSON shaped like iso-codes' files: objects, arrays, strings;
/// numbers, true, false and null are skipped. Objects are read as
/// string -> string maps of their string members.
class JsonReader {
 public:
  JsonReader(const std::string& path, std::string_view text) : path_(path), text_(text) {}

  std::vector<std::map<std::string, std::string>> array_of_objects_at(std::string_view key) {
    expect('{');
    std::vector<std::map<std::string, std::string>> objects;
    bool found = false;
    for (bool first = true;; first = false) {
      skip_space();
      if (peek() == '}') {
        ++at_;
        break;
      }
      if (!first) expect(',');
      const std::string name = string_value();
      expect(':');
      if (name != key) {
        skip_value();
        continue;
      }
      found = true;
      expect('[');
      for (bool first_item = true;; first_item = false) {
        skip_space();
        if (peek() == ']') {
          ++at_;
          break;
        }
        if (!first_item) expect(',');
        objects.push_back(object_of_strings());
      }
    }
    if (!found) fail("no \"" + std::string(key) + "\" list");
    return objects;
  }

 private:
  [[noreturn]] void fail(const std::string& reason) const {
    throw DataError(path_ + ": " + reason + " (byte " + std::to_string(at_) + ")");
  }
  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }
  char peek() {
    skip_space();
    if (at_ >= text_.size()) fail("unexpected end of the JSON text");
    return text_[at_];
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++at_;
  }

  std::map<std::string, std::string> object_of_strings() {
    expect('{');
    std::map<std::string, std::string> members;
    for (bool first = true;; first = false) {
      if (peek() == '}') {
        ++at_;
        return members;
      }
      if (!first) expect(',');
      std::string name = string_value();
      expect(':');
      if (peek() == '"') {
        members[std::move(name)] = string_value();
      } else {
        skip_value();
      }
    }
  }

  void skip_value() {
    const char c = peek();
    if (c == '"') {
      string_value();
    } else if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++at_;
      for (bool first = true;; first = false) {
        if (peek() == close) {
          ++at_;
          return;
        }
        if (!first) expect(',');
        if (close == '}') {
          string_value();
          expect(':');
        }
        skip_value();
      }
    } else {
      const std::size_t start = at_;
      while (at_ < text_.size() && std::string_view(",}] \n\r\t").find(text_[at_]) == std::string_view::npos) ++at_;
      if (at_ == start) fail("expected a JSON value");
    }
  }

  std::uint32_t hex4() {
    if (text_.size() - at_ < 4) fail("a \\u escape needs four hex digits");
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[at_++];
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
      else fail("a \\u escape needs four hex digits");
    }
    return value;
  }

  std::string string_value() {
    expect('"');
    std::string out;
    while (true) {
      if (at_ >= text_.size()) fail("unterminated string");
      const char c = text_[at_++];
      if (c == '"') return out;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (at_ >= text_.size()) fail("unterminated string");
      const char escaped = text_[at_++];
      switch (escaped) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          std::uint32_t code = hex4();
          if (code >= 0xD800 && code < 0xDC00 && text_.substr(at_, 2) == "\\u") {
            at_ += 2;
            const std::uint32_t low = hex4();
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default: out.push_back(escaped);
      }
    }
  }

  const std::string& path_;
  std::string_view text_;
  std::size_t at_ = 0;
};

std::string member(const std::map<std::string, std::string>& object, const char* name) {
  const auto it = object.find(name);
  return it == object.end() ? std::string() : it->second;
}

}  // namespace

std::vector<IsoCountry> read_iso_3166_1(const std::string& path) {
  const std::string text = read_file(path);
  JsonReader reader(path, text);
  std::vector<IsoCountry> countries;
  for (const auto& object : reader.array_of_objects_at("3166-1")) {
    IsoCountry country{member(object, "alpha_2"), member(object, "name"), member(object, "official_name"),
                       member(object, "common_name")};
    if (country.alpha_2.size() != 2 || country.name.empty())
      throw DataError(path + ": a country without alpha_2 code or name");
    countries.push_back(std::move(country));
  }
  return countries;
}

std::unordered_map<std::string, std::string> read_mo_catalog(const std::string& path) {
  const std::string data = read_file(path);
  const auto fail = [&](const std::string& reason) { throw DataError(path + ": " + reason); };
  if (data.size() < 28) fail("too short for a gettext .mo file");
  const auto byte = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(data[at])); };
  const std::uint32_t magic_le = byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
  bool little = true;
  if (magic_le == 0xde120495u) little = false;
  else if (magic_le != 0x950412deu) fail("not a gettext .mo file (bad magic number)");
  const auto word = [&](std::size_t at) -> std::uint32_t {
    if (at + 4 > data.size()) fail("a table points past the end of the file");
    return little ? byte(at) | byte(at + 1) << 8 | byte(at + 2) << 16 | byte(at + 3) << 24
                  : byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
  };
  const std::uint32_t count = word(8), originals = word(12), translations = word(16);
  const auto string_at = [&](std::uint32_t table, std::uint32_t i) {
    const std::size_t entry = static_cast<std::size_t>(table) + 8u * i;
    const std::uint32_t length = word(entry), offset = word(entry + 4);
    if (static_cast<std::size_t>(offset) + length > data.size()) fail("a string lies past the end of the file");
    std::string text = data.substr(offset, length);
    if (const auto nul = text.find('\0'); nul != std::string::npos) text.resize(nul);  // plural forms
    return text;
  };
  std::unordered_map<std::string, std::string> catalog;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string id = string_at(originals, i);
    if (id.empty()) continue;  // the header entry
    std::string text = string_at(translations, i);
    if (!text.empty()) catalog.emplace(std::move(id), std::move(text));
  }
  return catalog;
}

}  // namespace akhbar::resources
