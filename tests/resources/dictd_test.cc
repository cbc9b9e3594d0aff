// Tests of the dictd reader: index numbers in dictd's base 64, entries cut
// from the gzip-compressed text, the database's own entries skipped, bad
// indexes refused with file and line.
#include "dictd.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "akhbar/error.h"
#include "package_files.h"
#include "indexer/temp_dir.h"
#include "scoped_env.h"

namespace akhbar::resources {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using indexer::testing::TempDir;

template <typename Call>
std::string error_of(Call&& call) {
  return test::error_message(call);
}

TEST(DictdNumber, IsBase64MostSignificantDigitFirst) {
  for (const std::size_t n : {0u, 1u, 63u, 64u, 4095u, 1234567u}) {
    std::size_t value = 0;
    EXPECT_TRUE(decode_dictd_number(test::dictd_number(n), value));
    EXPECT_EQ(value, n);
  }
  std::size_t value = 99;
  EXPECT_TRUE(decode_dictd_number("A", value));
  EXPECT_EQ(value, 0u);
  EXPECT_TRUE(decode_dictd_number("B", value));
  EXPECT_EQ(value, 1u);
  EXPECT_TRUE(decode_dictd_number("BA", value));
  EXPECT_EQ(value, 64u);
  EXPECT_TRUE(decode_dictd_number("/", value));
  EXPECT_EQ(value, 63u);
  EXPECT_FALSE(decode_dictd_number("", value));
  EXPECT_FALSE(decode_dictd_number("B-", value));
}

TEST(Dictd, ReadsEntriesFromACompressedText) {
  TempDir dir;
  const auto [index, dict] = test::write_dictd(
      dir, "d", {{"00databaseinfo", "about this dictionary"}, {"bridge", "bridge\n мост\n"}, {"arch", "arch\n арка\n"}});
  const auto entries = read_dictd(index, dict);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].headword, "bridge");
  EXPECT_EQ(entries[0].text, "bridge\n мост\n");
  EXPECT_EQ(entries[1].headword, "arch");
  EXPECT_EQ(entries[1].text, "arch\n арка\n");
}

TEST(Dictd, AnUncompressedTextIsReadAsItIs) {
  TempDir dir;
  const auto [text, index_text] = test::dictd_text_and_index({{"arch", "arch\n арка\n"}});
  const std::string dict = dir.write("d.dict", text);
  const std::string index = dir.write("d.index", index_text);
  EXPECT_EQ(read_dictd(index, dict).at(0).text, "arch\n арка\n");
}

TEST(Dictd, BadIndexLinesNameFileAndLine) {
  TempDir dir;
  const std::string dict = dir.write("d.dict", "arch\n арка\n");  // 13 bytes
  const std::string no_tab = dir.write("a.index", "arch\tA\tJ\narch A J\n");
  EXPECT_THAT(error_of([&] { read_dictd(no_tab, dict); }), AllOf(StartsWith(no_tab + ":2: "), HasSubstr("HEADWORD")));
  const std::string digits = dir.write("b.index", "arch\tA\tJ!\n");
  EXPECT_THAT(error_of([&] { read_dictd(digits, dict); }), AllOf(StartsWith(digits + ":1: "), HasSubstr("base-64")));
  const std::string outside = dir.write("c.index", "arch\tBA\tJ\n");
  EXPECT_THAT(error_of([&] { read_dictd(outside, dict); }), AllOf(StartsWith(outside + ":1: "), HasSubstr("outside")));
}

TEST(Dictd, MissingFilesAreNamed) {
  TempDir dir;
  const std::string index = dir.write("d.index", "arch\tA\tJ\n");
  EXPECT_THAT(error_of([&] { read_dictd(index, dir.path("none.dict.dz")); }), HasSubstr("none.dict.dz"));
  EXPECT_THAT(error_of([&] { read_dictd(dir.path("none.index"), index); }), HasSubstr("none.index"));
}

TEST(Dictd, ACorruptCompressedTextIsRefused) {
  TempDir dir;
  test::write_gzip(dir.path("d.dict.dz"), std::string(2000, 'x'));
  std::string bytes;
  {
    std::ifstream in(dir.path("d.dict.dz"), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string cut = dir.write("cut.dict.dz", bytes.substr(0, bytes.size() / 2));
  const std::string index = dir.write("d.index", "x\tA\tB\n");
  EXPECT_THAT(error_of([&] { read_dictd(index, cut); }), HasSubstr("cut.dict.dz"));
}

}  // namespace
}  // namespace akhbar::resources
