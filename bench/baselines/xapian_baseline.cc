// The plain Xapian peer of the benchmarks: an indexer and a searcher written
// the way a typical Xapian user writes them, with an English stemmer and the
// library's defaults, so that akhbar's figures can be compared with it.
//
//   xapian_baseline index DB  < corpus.jsonl    one document per article
//   xapian_baseline search DB < queries.tsv     prints QID<TAB>micros<TAB>hits
//   xapian_baseline run DB [--depth N] [--tag TAG] < queries.tsv
//                                               prints a TREC run
//
// `search` times each query from parsing to the last snippet: the top ten
// documents, each with MSet::snippet() of its stored text. Add --print to see
// the titles and snippets on stderr. `run` is the relevance peer
// (bench/relevance): the same parser and weighting (the QueryParser's
// default OR, BM25 with Xapian's defaults), the best N documents (default
// 100) of each query written as "QID Q0 DOCID RANK SCORE TAG" for
// `akhbar eval --score-run`; DOCID is the article's id, kept in value slot
// kValueId (the Xapian document id when the article had none).
// Single-threaded; exits 1 on a Xapian error, 2 on bad usage.
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr Xapian::doccount kCommitEvery = 10000;
constexpr Xapian::doccount kResultsPerQuery = 10;
constexpr std::size_t kSnippetBytes = 200;
constexpr Xapian::doccount kRunDepth = 100;
constexpr Xapian::valueno kValueId = 0;

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Reads the string-valued members of one flat JSON object (an article line).
// Values of other types are skipped; nothing is nested in the corpus format.
// Returns std::nullopt when the line is not a well-formed object.
class FlatJsonReader {
 public:
  explicit FlatJsonReader(std::string_view text) : text_(text) {}

  std::optional<std::map<std::string, std::string>> read() {
    std::map<std::string, std::string> fields;
    skip_space();
    if (!take('{')) return std::nullopt;
    skip_space();
    if (take('}')) return fields;
    for (;;) {
      skip_space();
      std::string key, value;
      if (!read_string(key)) return std::nullopt;
      skip_space();
      if (!take(':')) return std::nullopt;
      skip_space();
      if (peek() == '"') {
        if (!read_string(value)) return std::nullopt;
        fields[key] = std::move(value);
      } else if (!skip_value()) {
        return std::nullopt;
      }
      skip_space();
      if (take('}')) return fields;
      if (!take(',')) return std::nullopt;
    }
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r')) ++pos_;
  }

  bool read_hex4(std::uint32_t& code) {
    if (pos_ + 4 > text_.size()) return false;
    code = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      code <<= 4;
      if (c >= '0' && c <= '9')
        code |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        code |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        code |= static_cast<std::uint32_t>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  bool read_string(std::string& out) {
    if (!take('"')) return false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return false;
      switch (const char escape = text_[pos_++]) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          std::uint32_t code;
          if (!read_hex4(code)) return false;
          // A surrogate pair encodes one code point beyond the BMP.
          if (code >= 0xD800 && code < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            std::uint32_t low;
            if (!read_hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default: out.push_back(escape); break;  // \" \\ \/
      }
    }
    return false;
  }

  // Skips a number, literal, array or object, keeping track of nesting.
  bool skip_value() {
    int depth = 0;
    while (pos_ < text_.size()) {
      const char c = peek();
      if (c == '"') {
        std::string ignored;
        if (!read_string(ignored)) return false;
        continue;
      }
      if (depth == 0 && (c == ',' || c == '}')) return true;
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') --depth;
      ++pos_;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// "index" starts a new database; "add" appends to an existing one (the
// incremental update the benchmark times).
int index_articles(const std::string& db_path, bool append) {
  Xapian::WritableDatabase db(db_path, append ? Xapian::DB_OPEN : Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));

  std::string line;
  std::uint64_t line_number = 0, skipped = 0;
  Xapian::doccount added = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto fields = FlatJsonReader(line).read();
    if (!fields) {
      std::cerr << "xapian_baseline: line " << line_number << ": not a JSON object, skipped\n";
      ++skipped;
      continue;
    }
    auto field = [&](const char* name) {
      const auto it = fields->find(name);
      return it == fields->end() ? std::string() : it->second;
    };
    const std::string title = field("title"), body = field("body"), id = field("id");

    Xapian::Document doc;
    indexer.set_document(doc);
    indexer.index_text(title, 1);
    indexer.increase_termpos();
    indexer.index_text(body);
    doc.set_data(title + "\n\n" + body);
    if (!id.empty()) doc.add_value(kValueId, id);
    db.add_document(doc);
    if (++added % kCommitEvery == 0) db.commit();
  }
  db.commit();
  std::cerr << "xapian_baseline: indexed " << added << " articles";
  if (skipped > 0) std::cerr << ", skipped " << skipped << " bad lines";
  std::cerr << '\n';
  return 0;
}

int search_queries(const std::string& db_path, bool print) {
  Xapian::Database db(db_path);
  const Xapian::Stem stemmer("english");
  Xapian::QueryParser parser;
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db);
  Xapian::Enquire enquire(db);

  std::string line;
  std::uint64_t checksum = 0;  // keeps every snippet observable
  while (std::getline(std::cin, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string qid = line.substr(0, tab), text = line.substr(tab + 1);

    const auto start = std::chrono::steady_clock::now();
    Xapian::doccount hits = 0;
    std::string error;
    try {
      enquire.set_query(parser.parse_query(text));
      const Xapian::MSet mset = enquire.get_mset(0, kResultsPerQuery);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        const std::string snippet = mset.snippet(doc.get_data(), kSnippetBytes, stemmer);
        checksum += snippet.size();
        ++hits;
        if (print) std::cerr << qid << "  " << it.get_rank() + 1 << ". " << snippet << '\n';
      }
    } catch (const Xapian::QueryParserError& e) {
      error = e.get_description();
    }
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    if (!error.empty()) std::cerr << "xapian_baseline: " << qid << ": " << error << '\n';
    std::cout << qid << '\t' << micros << '\t' << hits << '\n';
  }
  if (print) std::cerr << "snippet bytes: " << checksum << '\n';
  return 0;
}

int write_run(const std::string& db_path, Xapian::doccount depth, const std::string& tag) {
  Xapian::Database db(db_path);
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db);
  Xapian::Enquire enquire(db);

  std::string line;
  while (std::getline(std::cin, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos || line.front() == '#') continue;
    const std::string qid = line.substr(0, tab), text = line.substr(tab + 1);
    try {
      enquire.set_query(parser.parse_query(text));
    } catch (const Xapian::QueryParserError& e) {
      std::cerr << "xapian_baseline: " << qid << ": " << e.get_description() << '\n';
      continue;
    }
    const Xapian::MSet mset = enquire.get_mset(0, depth);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string id = it.get_document().get_value(kValueId);
      if (id.empty()) id = std::to_string(*it);
      std::printf("%s Q0 %s %u %.6f %s\n", qid.c_str(), id.c_str(), it.get_rank() + 1, it.get_weight(),
                  tag.c_str());
    }
  }
  return 0;
}

int usage() {
  std::cerr << "usage: xapian_baseline index DB < corpus.jsonl\n"
               "       xapian_baseline add DB < more.jsonl\n"
               "       xapian_baseline search DB [--print] < queries.tsv\n"
               "       xapian_baseline run DB [--depth N] [--tag TAG] < queries.tsv\n";
  return 2;
}

// The options of `run` (argv from `first`): --depth N, --tag TAG. False on
// anything else.
bool run_options(int argc, char** argv, int first, Xapian::doccount& depth, std::string& tag) {
  for (int i = first; i < argc; i += 2) {
    if (i + 1 >= argc) return false;
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--depth") {
      if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
        return false;
      depth = static_cast<Xapian::doccount>(std::stoul(value));
      if (depth == 0) return false;
    } else if (flag == "--tag") {
      if (value.empty() || value.find_first_of(" \t\r\n") != std::string::npos) return false;
      tag = value;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string mode = argv[1], db_path = argv[2];
  try {
    if (mode == "index" && argc == 3) return index_articles(db_path, false);
    if (mode == "add" && argc == 3) return index_articles(db_path, true);
    if (mode == "search" && argc == 3) return search_queries(db_path, false);
    if (mode == "search" && argc == 4 && std::string_view(argv[3]) == "--print") return search_queries(db_path, true);
    if (mode == "run") {
      Xapian::doccount depth = kRunDepth;
      std::string tag = "xapian";
      if (!run_options(argc, argv, 3, depth, tag)) return usage();
      return write_run(db_path, depth, tag);
    }
    return usage();
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian_baseline: " << e.get_description() << '\n';
    return 1;
  }
}
