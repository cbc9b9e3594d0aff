#include "line_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

namespace akhbar::corpus::detail {
namespace {

// Bytes from memory, handed out in small pieces to cross chunk edges.
class MemorySource : public ByteSource {
 public:
  MemorySource(std::string bytes, std::size_t piece) : bytes_(std::move(bytes)), piece_(piece) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min({capacity, piece_, bytes_.size() - pos_});
    std::memcpy(buffer, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  std::uint64_t consumed() const override { return pos_; }

 private:
  std::string bytes_;
  std::size_t piece_;
  std::size_t pos_ = 0;
};

TEST(LineReader, SplitsOnLfAndCrLfAndKeepsAFinalUnterminatedLine) {
  for (const std::size_t piece : {1u, 3u, 1000u}) {
    MemorySource source("one\r\ntwo\n\nthree", piece);
    LineReader lines(source, 100);
    std::string line;
    std::vector<std::string> got;
    while (lines.next(line) == LineReader::Status::kLine) got.push_back(line);
    EXPECT_EQ(got, (std::vector<std::string>{"one", "two", "", "three"})) << piece;
    EXPECT_EQ(lines.line_number(), 4u);
  }
}

TEST(LineReader, SkipsOverLongLinesAndCountsThem) {
  MemorySource source("short\n" + std::string(50, 'x') + "\nafter\n", 7);
  LineReader lines(source, 10);
  std::string line;
  ASSERT_EQ(lines.next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "short");
  ASSERT_EQ(lines.next(line), LineReader::Status::kTooLong);
  EXPECT_EQ(lines.line_number(), 2u);
  EXPECT_TRUE(line.empty());
  ASSERT_EQ(lines.next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "after");
  EXPECT_EQ(lines.line_number(), 3u);
  EXPECT_EQ(lines.next(line), LineReader::Status::kEnd);
}

TEST(LineReader, ALineOfExactlyTheLimitIsKeptEvenWithCrLf) {
  MemorySource source("0123456789\r\n01234567890\n", 4);
  LineReader lines(source, 10);
  std::string line;
  ASSERT_EQ(lines.next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "0123456789");
  EXPECT_EQ(lines.next(line), LineReader::Status::kTooLong);
}

}  // namespace
}  // namespace akhbar::corpus::detail
