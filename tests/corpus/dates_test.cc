#include "dates.h"

#include <gtest/gtest.h>

namespace akhbar::corpus::detail {
namespace {

TEST(ParseIsoDate, AcceptsDatesAndRfc3339Timestamps) {
  EXPECT_EQ(parse_iso_date("2025-06-26"), "2025-06-26");
  EXPECT_EQ(parse_iso_date("2025-06-26T10:00:00Z"), "2025-06-26");
  EXPECT_EQ(parse_iso_date("2025-06-26t23:59:60.123z"), "2025-06-26");
  EXPECT_EQ(parse_iso_date("2025-06-26T23:30:00-05:00"), "2025-06-26");
  EXPECT_EQ(parse_iso_date("2025-06-26 08:15:00+03:00"), "2025-06-26");
  EXPECT_EQ(parse_iso_date("2024-02-29"), "2024-02-29");
}

TEST(ParseIsoDate, RejectsMalformedAndImpossibleDates) {
  for (const std::string input :
       {"", "2025-6-26", "26-06-2025", "2025/06/26", "2025-13-01", "2025-02-29", "2025-04-31",
        "2025-06-00", "2025-06-26T10:00Z", "2025-06-26T10:00:00", "2025-06-26T25:00:00Z",
        "2025-06-26T10:00:00+0300", "2025-06-26junk", "June 26, 2025"}) {
    EXPECT_EQ(parse_iso_date(input), std::nullopt) << input;
  }
}

TEST(ParseWrittenDate, ReadsEnglishDatesInBothOrders) {
  EXPECT_EQ(parse_written_date("June 26, 2025"), "2025-06-26");
  EXPECT_EQ(parse_written_date("26 June 2025"), "2025-06-26");
  EXPECT_EQ(parse_written_date("Jun. 5 2025"), "2025-06-05");
  EXPECT_EQ(parse_written_date("SEPT 9, 2024"), "2024-09-09");
  EXPECT_EQ(parse_written_date("Thursday, June 26, 2025"), "2025-06-26");
  EXPECT_EQ(parse_written_date("2025-06-26"), "2025-06-26");
}

TEST(ParseWrittenDate, ReadsRussianGenitiveMonths) {
  EXPECT_EQ(parse_written_date("26 июня 2025"), "2025-06-26");
  EXPECT_EQ(parse_written_date("1 Марта 2024 г."), "2024-03-01");
  EXPECT_EQ(parse_written_date("31 декабря 2023 года"), "2023-12-31");
}

TEST(ParseWrittenDate, ReadsArabicMonthsAndDigits) {
  EXPECT_EQ(parse_written_date("26 يونيو 2025"), "2025-06-26");
  EXPECT_EQ(parse_written_date("٢٦ حزيران ٢٠٢٥"), "2025-06-26");
  EXPECT_EQ(parse_written_date("3 تشرين الأول 2024"), "2024-10-03");
}

TEST(ParseWrittenDate, RejectsSentencesAndImpossibleDates) {
  for (const std::string input :
       {"", "June 2025", "By the summer of 2025", "February 30, 2024", "26 Juneish 2025",
        "In March, Russia resumed deliveries", "26 June 25"}) {
    EXPECT_EQ(parse_written_date(input), std::nullopt) << input;
  }
}

}  // namespace
}  // namespace akhbar::corpus::detail
