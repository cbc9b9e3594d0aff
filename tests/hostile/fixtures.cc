// The hostile fixtures. Each entry says what it breaks and what the reader
// must say about it; the tests and the report tool share this one list.
#include "hostile/fixtures.h"

#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <utility>

namespace akhbar::hostile {
namespace {

namespace fs = std::filesystem;
using Severity = corpus::Problem::Severity;

const std::string kDataDir = std::string(AKHBAR_SOURCE_DIR) + "/tests/hostile/data";

void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void copy_data_file(const std::string& name, const std::string& dir) {
  fs::copy_file(kDataDir + "/" + name, dir + "/" + name, fs::copy_options::overwrite_existing);
}

std::string jsonl_record(const std::string& id, const std::string& body, const std::string& extra = "") {
  return "{\"id\": \"" + id + "\", " + extra + "\"body\": \"" + body + "\"}\n";
}

// A string literal with its embedded NUL bytes.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

ExpectedProblem error(std::string file, std::uint64_t line, std::string message) {
  return {std::move(file), line, Severity::kError, std::move(message)};
}

ExpectedProblem warning(std::string file, std::uint64_t line, std::string message) {
  return {std::move(file), line, Severity::kWarning, std::move(message)};
}

// A body of `bytes` bytes of place names and numbers, so that the indexer
// has real words to chew on.
std::string long_body(std::size_t bytes) {
  std::string body;
  body.reserve(bytes + 64);
  for (std::size_t i = 0; body.size() < bytes; ++i) {
    body += "Deir ez-Zor silo report " + std::to_string(i) + ". ";
    if (i % 40 == 39) body += "\\n\\n";
  }
  return body;
}

std::vector<Fixture> encoding_fixtures(const std::string& dir) {
  std::vector<Fixture> out;

  write_file(dir + "/invalid_utf8.jsonl",
             jsonl_record("utf8-broken", "Broken bytes \xC3( and \xFF near the Hmeimim base.") +
                 jsonl_record("utf8-overlong", "Overlong and surrogate forms in the title of the Jableh report.",
                              "\"title\": \"\xC0\xAF\xED\xA0\x80\", "));
  out.push_back({"invalid_utf8.jsonl",
                 "invalid UTF-8: a cut sequence, a stray 0xFF, an overlong form, an encoded surrogate",
                 {warning("invalid_utf8.jsonl", 1, "invalid UTF-8: 2 sequences replaced with U+FFFD"),
                  warning("invalid_utf8.jsonl", 2, "invalid UTF-8: 5 sequences replaced with U+FFFD")},
                 {"utf8-broken", "utf8-overlong"}});

  write_file(dir + "/windows1251.jsonl",
             encode(jsonl_record("cp1251-ru", "Новые санкции против порта Тартус обсуждали в Москве.\\n\\n"
                                              "Контракт на модернизацию порта подписан в пятницу.",
                                 "\"title\": \"Санкции и порт Тартус\", ") +
                        jsonl_record("cp1251-ru-2", "Авиабаза Хмеймим получила новые самолёты.",
                                     "\"title\": \"Хмеймим\", "),
                    "windows-1251"));
  out.push_back({"windows1251.jsonl",
                 "Russian JSON Lines in Windows-1251",
                 {warning("windows1251.jsonl", 0,
                          "encoded as windows-1251 (detected, confidence *%), converted to UTF-8")},
                 {"cp1251-ru", "cp1251-ru-2"}});

  write_file(dir + "/windows1256.md",
             encode("# عقوبات جديدة على ميناء طرطوس\n\n"
                    "فرضت الحكومة عقوبات جديدة على شركات الشحن العاملة في ميناء طرطوس.\n\n"
                    "وقال مسؤول إن العقوبات تشمل ثلاث شركات للتأمين البحري.\n",
                    "windows-1256"));
  out.push_back({"windows1256.md",
                 "an Arabic article file in Windows-1256",
                 {warning("windows1256.md", 0,
                          "encoded as windows-1256 (detected, confidence *%), converted to UTF-8")},
                 {"windows1256"}});

  write_file(dir + "/bom_utf8.jsonl",
             "\xEF\xBB\xBF" + jsonl_record("bom-utf8", "A UTF-8 byte-order mark before the Banias record."));
  out.push_back({"bom_utf8.jsonl", "a UTF-8 byte-order mark before the first record", {}, {"bom-utf8"}});

  write_file(dir + "/bom_utf8.md", "\xEF\xBB\xBF# Fuel convoy reaches Qamishli\n\nThe fuel convoy arrived at dawn.\n");
  out.push_back({"bom_utf8.md", "a UTF-8 byte-order mark before the title", {}, {"bom_utf8"}});

  write_file(dir + "/bom_utf16le.jsonl",
             encode("\xEF\xBB\xBF" + jsonl_record("bom-utf16le-1", "Wheat shipments through Tartus, in UTF-16.") +
                        jsonl_record("bom-utf16le-2", "Пшеница через Тартус, в UTF-16."),
                    "UTF-16LE"));
  out.push_back({"bom_utf16le.jsonl",
                 "JSON Lines in UTF-16LE with a byte-order mark",
                 {warning("bom_utf16le.jsonl", 0, "encoded as UTF-16LE (byte-order mark), converted to UTF-8")},
                 {"bom-utf16le-1", "bom-utf16le-2"}});

  write_file(dir + "/bom_utf16be.md",
             encode("\xEF\xBB\xBF# Ferry service to Latakia\n\nThe ferry service to Latakia resumed.\n", "UTF-16BE"));
  out.push_back({"bom_utf16be.md",
                 "an article file in UTF-16BE with a byte-order mark",
                 {warning("bom_utf16be.md", 0, "encoded as UTF-16BE (byte-order mark), converted to UTF-8")},
                 {"bom_utf16be"}});

  write_file(dir + "/utf16_no_bom.jsonl", encode(jsonl_record("utf16-no-bom", "No mark at all."), "UTF-16LE"));
  out.push_back({"utf16_no_bom.jsonl",
                 "UTF-16LE without a byte-order mark (its newline splits into two lines)",
                 {error("utf16_no_bom.jsonl", 1, "binary data (NUL bytes), line skipped"),
                  error("utf16_no_bom.jsonl", 2, "binary data (NUL bytes), line skipped")},
                 {}});
  return out;
}

std::vector<Fixture> structure_fixtures(const std::string& dir) {
  std::vector<Fixture> out;

  write_file(dir + "/nul_bytes.jsonl",
             jsonl_record("nul-neighbour", "The record before the NUL line, about Baniyas.") +
                 bytes("{\"id\": \"nul-raw\", \"body\": \"a\0b\"}\n"));
  out.push_back({"nul_bytes.jsonl",
                 "a raw NUL byte inside a record",
                 {error("nul_bytes.jsonl", 2, "binary data (NUL bytes), line skipped")},
                 {"nul-neighbour"}});

  write_file(dir + "/nul_bytes.md", bytes("# Title\n\nText\0with a NUL byte.\n"));
  out.push_back({"nul_bytes.md", "a NUL byte inside an article file",
                 {error("nul_bytes.md", 1, "binary data (NUL bytes), file skipped")}, {}});

  const std::string deep_array = "{\"id\": \"deep-array\", \"body\": \"x\", \"extra\": ";
  const std::string deep_object = "{\"id\": \"deep-object\", \"body\": \"x\", \"extra\": ";
  std::string deep = deep_array + std::string(100000, '[') + "\n" + deep_object;
  for (int i = 0; i < 100000; ++i) deep += "{\"a\": ";
  deep += "\n" + jsonl_record("after-deep", "The record after the deep ones, about Qamishli.");
  write_file(dir + "/deep_nesting.jsonl", deep);
  // The 64th bracket opens level 65 (the record itself is level 1).
  out.push_back({"deep_nesting.jsonl",
                 "100 000 nested '[' and 100 000 nested '{\"a\": ', then a good record",
                 {error("deep_nesting.jsonl", 1,
                        "invalid JSON: nesting deeper than 64 levels at column " +
                            std::to_string(deep_array.size() + 64) + ", record skipped"),
                  error("deep_nesting.jsonl", 2,
                        "invalid JSON: nesting deeper than 64 levels at column " +
                            std::to_string(deep_object.size() + 63 * 6 + 1) + ", record skipped")},
                 {"after-deep"}});

  write_file(dir + "/huge_values.jsonl",
             jsonl_record("huge-body", long_body(5u << 20)) +
                 jsonl_record("huge-number", "A date given as a huge number, Palmyra.",
                              "\"published\": 1" + std::string(200000, '0') + ", ") +
                 jsonl_record("huge-key", "An unknown key a megabyte long, Manbij.",
                              "\"" + std::string(1u << 20, 'k') + "\": \"v\", ") +
                 jsonl_record("huge-title", "A title a megabyte long, Raqqa.",
                              "\"title\": \"" + long_body(1u << 20) + "\", "));
  out.push_back({"huge_values.jsonl",
                 "a 5 MB body (over the 4 MB article cap), a 200 000-digit number, a 1 MB key, a 1 MB title",
                 {warning("huge_values.jsonl", 1, "article capped at 4194304 bytes"),
                  warning("huge_values.jsonl", 2, "\"published\" is a number, expected a string; ignored")},
                 {"huge-body", "huge-number", "huge-key", "huge-title"}});

  copy_data_file("duplicate_keys.jsonl", dir);
  out.push_back({"duplicate_keys.jsonl",
                 "\"title\" and \"body\" each given twice in one record",
                 {warning("duplicate_keys.jsonl", 1, "duplicate key \"title\", the last value is used"),
                  warning("duplicate_keys.jsonl", 1, "duplicate key \"body\", the last value is used")},
                 {"dup-keys"}});

  copy_data_file("bidi_zero_width.jsonl", dir);
  out.push_back({"bidi_zero_width.jsonl",
                 "bidi marks and isolates, ZWJ, ZWNJ, ZWSP, soft hyphen, U+FEFF inside words",
                 {},
                 {"bidi-raw", "bidi-escaped"}});

  write_file(dir + "/empty.jsonl", "");
  out.push_back({"empty.jsonl", "an empty file", {warning("empty.jsonl", 0, "empty file")}, {}});

  write_file(dir + "/binary.md", bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"));
  out.push_back({"binary.md", "a PNG header named .md",
                 {error("binary.md", 1, "binary data (NUL bytes), file skipped")}, {}});
  return out;
}

// A good frame of three records, then a frame of `damaged_records` more, both
// with ids starting with `prefix`.
std::pair<std::string, std::string> zstd_frames(const std::string& prefix, int damaged_records) {
  std::string first, second;
  for (int i = 1; i <= 3; ++i) first += jsonl_record(prefix + std::to_string(i), "A good compressed record about Tartus.");
  for (int i = 4; i < 4 + damaged_records; ++i) {
    second += jsonl_record(prefix + std::to_string(i), "A record of the damaged frame, " + std::to_string(i) + ".");
  }
  return {zstd_frame(first), zstd_frame(second)};
}

std::vector<Fixture> zstd_fixtures(const std::string& dir) {
  std::vector<Fixture> out;
  {
    const auto [good, damaged] = zstd_frames("zst-cut-", 40);
    write_file(dir + "/zstd_truncated.jsonl.zst", good + damaged.substr(0, damaged.size() / 2));
    out.push_back({"zstd_truncated.jsonl.zst",
                   "a good frame, then a frame cut in half",
                   {error("zstd_truncated.jsonl.zst", 4, "truncated zstd data: the file ends inside a frame")},
                   {"zst-cut-1", "zst-cut-2", "zst-cut-3"}});
  }
  {
    auto [good, corrupt] = zstd_frames("zst-bad-", 40);
    for (std::size_t i = corrupt.size() / 3; i < corrupt.size() / 3 + 8; ++i) corrupt[i] = static_cast<char>(~corrupt[i]);
    write_file(dir + "/zstd_corrupt.jsonl.zst", good + corrupt);
    out.push_back({"zstd_corrupt.jsonl.zst",
                   "a good frame, then a frame with 8 flipped bytes",
                   {error("zstd_corrupt.jsonl.zst", 4, "corrupt zstd data: *")},
                   {"zst-bad-1", "zst-bad-2", "zst-bad-3"}});
  }
  write_file(dir + "/zstd_not_zstd.jsonl.zst", jsonl_record("not-zstd", "Plain text named .zst."));
  out.push_back({"zstd_not_zstd.jsonl.zst", "plain JSON Lines named .jsonl.zst",
                 {error("zstd_not_zstd.jsonl.zst", 1, "corrupt zstd data: Unknown frame descriptor")}, {}});
  return out;
}

std::vector<Fixture> filesystem_fixtures(const std::string& dir) {
  std::vector<Fixture> out;
  if (::symlink(".", (dir + "/loop").c_str()) != 0) throw std::runtime_error("symlink loop");
  out.push_back({"loop", "a symbolic link to its own directory",
                 {warning("loop", 0, "directory already read (symbolic link loop or duplicate), skipped")}, {}});

  if (::symlink("self_loop.jsonl", (dir + "/self_loop.jsonl").c_str()) != 0) throw std::runtime_error("symlink self");
  out.push_back({"self_loop.jsonl", "a symbolic link to itself",
                 {error("self_loop.jsonl", 0, "cannot access: Too many levels of symbolic links")}, {}});

  if (::symlink("nowhere.md", (dir + "/dangling.md").c_str()) != 0) throw std::runtime_error("symlink dangling");
  out.push_back({"dangling.md", "a symbolic link to a file that does not exist",
                 {error("dangling.md", 0, "cannot access: No such file or directory")}, {}});

  if (::mkfifo((dir + "/fifo.jsonl").c_str(), 0600) != 0) throw std::runtime_error("mkfifo");
  out.push_back({"fifo.jsonl", "a FIFO with no writer, named like a corpus file",
                 {error("fifo.jsonl", 0, "not a regular file or directory")}, {}});

  fs::create_directories(dir + "/named_like_a_file.jsonl");
  write_file(dir + "/named_like_a_file.jsonl/inner.jsonl",
             jsonl_record("inside-dir", "A record in a directory named like a file, about Homs."));
  out.push_back({"named_like_a_file.jsonl", "a directory named like a corpus file (it is walked)", {},
                 {"inside-dir"}});
  return out;
}

}  // namespace

std::string ExpectedProblem::to_string(const std::string& dir) const {
  return corpus::Problem{severity, dir + "/" + file, line, message}.to_string();
}

std::vector<Fixture> write_fixtures(const std::string& dir) {
  copy_data_file("good.jsonl", dir);
  copy_data_file("good_article.md", dir);
  std::vector<Fixture> all = encoding_fixtures(dir);
  for (auto* part : {&structure_fixtures, &zstd_fixtures, &filesystem_fixtures}) {
    std::vector<Fixture> more = (*part)(dir);
    all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  std::sort(all.begin(), all.end(), [](const Fixture& a, const Fixture& b) { return a.name < b.name; });
  return all;
}

std::vector<std::string> plain_good_ids() { return {"good-en", "good-ru", "good-ar", "good_article"}; }

std::string write_long_line_file(const std::string& dir, const std::string& name, std::uint64_t line_bytes) {
  const std::string path = dir + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << jsonl_record("before-long", "The record before the long line, about Tartus.");
  const std::string head = "{\"id\": \"long-line\", \"body\": \"";
  out << head;
  const std::string chunk(1u << 20, 'a');
  for (std::uint64_t written = head.size(); written < line_bytes;) {
    const std::uint64_t take = std::min<std::uint64_t>(chunk.size(), line_bytes - written);
    out.write(chunk.data(), static_cast<std::streamsize>(take));
    written += take;
  }
  out << "\n" << jsonl_record("after-long", "The record after the long line, about Latakia.");
  if (!out) throw std::runtime_error("cannot write " + path);
  return path;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  const std::size_t star = pattern.find('*');
  if (star == std::string_view::npos) return pattern == text;
  if (!text.starts_with(pattern.substr(0, star))) return false;
  const std::string_view rest = pattern.substr(star + 1);
  for (std::size_t from = star; from <= text.size(); ++from) {
    if (glob_match(rest, text.substr(from))) return true;
  }
  return false;
}

std::string encode(std::string_view utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const std::int32_t size = ucnv_convert(charset, "UTF-8", out.data(), static_cast<std::int32_t>(out.size()),
                                         utf8.data(), static_cast<std::int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + charset);
  out.resize(static_cast<std::size_t>(size));
  return out;
}

std::string zstd_frame(std::string_view text) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compress2(cctx, out.data(), out.size(), text.data(), text.size());
  ZSTD_freeCCtx(cctx);
  if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

}  // namespace akhbar::hostile
