// Encoding guesses and streaming conversion to UTF-8 (corpus/src/legacy_encoding).
#include "legacy_encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "akhbar/error.h"
#include "hostile/fixtures.h"

namespace akhbar::corpus::detail {
namespace {

using hostile::encode;

const std::string kRussian =
    "Новые санкции против порта Тартус обсуждали в Москве. Контракт на модернизацию порта подписан.";
const std::string kArabic = "فرضت الحكومة عقوبات جديدة على شركات الشحن العاملة في ميناء طرطوس.";

// Bytes served `step` at a time, optionally failing with DataError once
// they run out (a truncated compressed stream).
class MemorySource : public ByteSource {
 public:
  MemorySource(std::string bytes, std::size_t step, bool fail_at_end = false)
      : bytes_(std::move(bytes)), step_(step), fail_at_end_(fail_at_end) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    const std::size_t take = std::min({capacity, step_, bytes_.size() - pos_});
    if (take == 0 && fail_at_end_) throw DataError("truncated zstd data: the file ends inside a frame");
    std::copy_n(bytes_.data() + pos_, take, buffer);
    pos_ += take;
    return take;
  }
  std::uint64_t consumed() const override { return pos_; }

 private:
  std::string bytes_;
  std::size_t step_;
  bool fail_at_end_;
  std::size_t pos_ = 0;
};

struct Decoded {
  std::string text;
  std::vector<std::string> notes;
};

// Everything a Utf8Source over `bytes` yields, read `capacity` bytes at a time.
Decoded decode(const std::string& bytes, std::size_t inner_step = 1 << 16, std::size_t capacity = 1 << 16) {
  Decoded out;
  Utf8Source source(std::make_unique<MemorySource>(bytes, inner_step),
                    [&](const std::string& note) { out.notes.push_back(note); });
  std::string buffer(capacity, '\0');
  while (const std::size_t got = source.read(buffer.data(), buffer.size())) out.text.append(buffer, 0, got);
  return out;
}

TEST(GuessEncoding, NamesTheCharsetOfEachByteOrderMark) {
  EXPECT_EQ(guess_encoding("\xEF\xBB\xBFtext", true).charset, "");
  EXPECT_EQ(guess_encoding("\xEF\xBB\xBFtext", true).bom_bytes, 3u);
  EXPECT_EQ(guess_encoding("\xFF\xFEt\0", true).charset, "UTF-16LE");
  EXPECT_EQ(guess_encoding("\xFE\xFF\0t", true).charset, "UTF-16BE");
  EXPECT_EQ(guess_encoding(std::string_view("\xFF\xFE\0\0t\0\0\0", 8), true).charset, "UTF-32LE");
  EXPECT_EQ(guess_encoding(std::string_view("\0\0\xFE\xFF\0\0\0t", 8), true).charset, "UTF-32BE");
  EXPECT_EQ(guess_encoding("\xFE\xFF\0t", true).evidence, "byte-order mark");
}

TEST(GuessEncoding, LeavesUtf8AsItIs) {
  EXPECT_EQ(guess_encoding(kRussian + kArabic, true).charset, "");
  EXPECT_EQ(guess_encoding(kRussian + kArabic, true).bom_bytes, 0u);
}

TEST(GuessEncoding, IgnoresASequenceCutByTheEndOfTheHead) {
  const std::string head = kRussian.substr(0, kRussian.find("Тартус") + 1);  // half of "Т"
  EXPECT_EQ(guess_encoding(head, false).charset, "");
}

TEST(GuessEncoding, DetectsWindows1251AndWindows1256) {
  const EncodingGuess russian = guess_encoding(encode(kRussian, "windows-1251"), true);
  EXPECT_EQ(russian.charset, "windows-1251");
  EXPECT_TRUE(russian.evidence.starts_with("detected, confidence ")) << russian.evidence;
  EXPECT_EQ(guess_encoding(encode(kArabic, "windows-1256"), true).charset, "windows-1256");
}

TEST(GuessEncoding, TakesAUtf8FileWithAFewBadBytesForUtf8) {
  std::string damaged = kRussian + kRussian + kRussian;
  damaged[10] = '\xFF';
  damaged[50] = '\xC0';
  EXPECT_EQ(guess_encoding(damaged, true).charset, "");
  EXPECT_EQ(guess_encoding("Plain ASCII with one stray \xE9 byte.", true).charset, "");
}

TEST(GuessEncoding, LeavesBinaryDataForTheReadersToReject) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\xC0\xC1\xF5\xF6\xF7\xF8";
  EXPECT_EQ(guess_encoding(std::string_view(kPng, sizeof kPng - 1), true).charset, "");
  EXPECT_EQ(guess_encoding(encode(kRussian, "UTF-16LE"), true).charset, "");
}

TEST(Utf8Source, PassesUtf8ThroughUnchanged) {
  const Decoded out = decode(kRussian + "\n" + kArabic);
  EXPECT_EQ(out.text, kRussian + "\n" + kArabic);
  EXPECT_TRUE(out.notes.empty());
}

TEST(Utf8Source, DropsAUtf8ByteOrderMarkSilently) {
  const Decoded out = decode("\xEF\xBB\xBF" + kArabic);
  EXPECT_EQ(out.text, kArabic);
  EXPECT_TRUE(out.notes.empty());
}

TEST(Utf8Source, ConvertsWindows1251AndSaysSo) {
  const Decoded out = decode(encode(kRussian, "windows-1251"));
  EXPECT_EQ(out.text, kRussian);
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_TRUE(hostile::glob_match("encoded as windows-1251 (detected, confidence *%), converted to UTF-8", out.notes[0]))
      << out.notes[0];
}

TEST(Utf8Source, ConvertsUtf16AcrossEveryChunkBoundary) {
  // One byte in and one byte out at a time splits every code unit and every
  // UTF-8 sequence; the result must not change.
  const std::string text = kRussian + " 𝔄 " + kArabic;  // a surrogate pair too
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bytes = encode("\xEF\xBB\xBF" + text, charset);
    EXPECT_EQ(decode(bytes).text, text) << charset;
    EXPECT_EQ(decode(bytes, 1, 1).text, text) << charset;
    EXPECT_EQ(decode(bytes, 3, 2).text, text) << charset;
  }
}

TEST(Utf8Source, ConvertsAFileLongerThanTheSniffedHead) {
  std::string text;
  while (text.size() < 3 * kEncodingSniffBytes) text += kRussian + "\n";
  const Decoded out = decode(encode(text, "windows-1251"), 5000, 777);
  EXPECT_EQ(out.text, text);
}

TEST(Utf8Source, EndsAUtf16FileCutInsideACodeUnitWithAReplacementCharacter) {
  const std::string bytes = encode("\xEF\xBB\xBFok", "UTF-16LE") + "x";
  EXPECT_EQ(decode(bytes).text, "ok\uFFFD");
}

TEST(Utf8Source, ReturnsTheGoodBytesBeforeAStreamFailureMetWhileSniffing) {
  Utf8Source source(std::make_unique<MemorySource>("{\"body\": \"x\"}\n", 4, true), nullptr);
  std::string text;
  char buffer[64];
  try {
    while (const std::size_t got = source.read(buffer, sizeof buffer)) text.append(buffer, got);
    FAIL() << "the stream failure was lost";
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "truncated zstd data: the file ends inside a frame");
  }
  EXPECT_EQ(text, "{\"body\": \"x\"}\n");
}

}  // namespace
}  // namespace akhbar::corpus::detail
