// temporal_test.cc — parsing MySQL's date/time literal formats, the canonical text
// form and the packed form (expected values checked against MariaDB 10.11).
#include "types/temporal.h"

#include <gtest/gtest.h>

namespace minisql {
namespace {

std::string Date(std::string_view text, TypeId id = TypeId::kDateTime, int fsp = 0) {
  std::optional<DateTime> t = id == TypeId::kTime ? ParseTime(text) : ParseDateTime(text);
  return t ? FormatTemporal(TruncateFraction(*t, fsp), id, fsp) : "invalid";
}

TEST(TemporalTest, ParsesDateFormats) {
  EXPECT_EQ(Date("2024-01-31", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(Date("2024/1/5", TypeId::kDate), "2024-01-05");
  EXPECT_EQ(Date("20240131", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(Date("240131", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(Date("99-12-31", TypeId::kDate), "1999-12-31");
  EXPECT_EQ(Date("0000-00-00", TypeId::kDate), "0000-00-00");
  EXPECT_EQ(Date("2024-00-01", TypeId::kDate), "2024-00-01");
  EXPECT_EQ(Date("2024-02-29", TypeId::kDate), "2024-02-29");
  EXPECT_EQ(Date("2023-02-29"), "invalid");
  EXPECT_EQ(Date("2024-02-30"), "invalid");
  EXPECT_EQ(Date("2024-13-01"), "invalid");
  EXPECT_EQ(Date("abc"), "invalid");
  EXPECT_EQ(Date("2024-01-31x"), "invalid");
  EXPECT_EQ(Date(""), "invalid");
}

TEST(TemporalTest, ParsesDateTimeFormats) {
  EXPECT_EQ(Date("2024-01-31 12:34:56"), "2024-01-31 12:34:56");
  EXPECT_EQ(Date("2024-01-31T12:34:56"), "2024-01-31 12:34:56");
  EXPECT_EQ(Date("2024-01-31 12:34:56.7896", TypeId::kDateTime, 3), "2024-01-31 12:34:56.789");
  EXPECT_EQ(Date("2024-01-31 12:34:56.5", TypeId::kDateTime, 6), "2024-01-31 12:34:56.500000");
  EXPECT_EQ(Date("20240131123456"), "2024-01-31 12:34:56");
  EXPECT_EQ(Date("2024-01-31 24:00:00"), "invalid");
  EXPECT_EQ(Date("2024-01-31 12:60:00"), "invalid");
}

TEST(TemporalTest, ParsesTimeFormats) {
  EXPECT_EQ(Date("12:34:56", TypeId::kTime), "12:34:56");
  EXPECT_EQ(Date("-01:02:03.5", TypeId::kTime, 1), "-01:02:03.5");
  EXPECT_EQ(Date("838:59:59", TypeId::kTime), "838:59:59");
  EXPECT_EQ(Date("839:00:00", TypeId::kTime), "invalid");
  EXPECT_EQ(Date("12:34", TypeId::kTime), "12:34:00");
  EXPECT_EQ(Date("123456", TypeId::kTime), "12:34:56");
  EXPECT_EQ(Date("1234", TypeId::kTime), "00:12:34");
  EXPECT_EQ(Date("2 03:00:00", TypeId::kTime), "51:00:00");
  EXPECT_EQ(Date("2024-01-31 12:34:56", TypeId::kTime), "12:34:56");
  EXPECT_EQ(Date("12:61:00", TypeId::kTime), "invalid");
  EXPECT_EQ(Date("abc", TypeId::kTime), "invalid");
}

TEST(TemporalTest, NumbersAsDates) {
  auto number = [](int64_t n) {
    bool has_time = false;
    std::optional<DateTime> t = DateTimeFromNumber(n, 0, &has_time);
    return t ? FormatTemporal(*t, has_time ? TypeId::kDateTime : TypeId::kDate, 0) : "invalid";
  };
  EXPECT_EQ(number(20240131), "2024-01-31");
  EXPECT_EQ(number(240131), "2024-01-31");
  EXPECT_EQ(number(1231), "2000-12-31");
  EXPECT_EQ(number(0), "0000-00-00");
  EXPECT_EQ(number(20240131123456), "2024-01-31 12:34:56");
  EXPECT_EQ(number(20241331), "invalid");
  EXPECT_EQ(number(5), "invalid");
  EXPECT_EQ(number(-1), "invalid");
  std::optional<DateTime> t = TimeFromNumber(-123456, 0);
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatTemporal(*t, TypeId::kTime, 0), "-12:34:56");
}

TEST(TemporalTest, DayNumbersAndWeekdays) {
  EXPECT_EQ(DayNumber(2024, 1, 1), 739251);  // MySQL: TO_DAYS('2024-01-01')
  uint32_t y, m, d;
  DateFromDayNumber(DayNumber(2024, 2, 29) + 1, &y, &m, &d);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20240301u);
  EXPECT_EQ(Weekday(DayNumber(2024, 1, 31)), 2);  // a Wednesday
  for (int64_t n = DayNumber(1, 1, 1); n < DayNumber(9999, 12, 31); n += 997) {
    DateFromDayNumber(n, &y, &m, &d);
    EXPECT_EQ(DayNumber(y, m, d), n);
  }
}

TEST(TemporalTest, PackedFormsRoundTripAndOrder) {
  DateTime a = *ParseDateTime("2024-01-31 12:34:56.000001");
  DateTime b = *ParseDateTime("2024-02-01");
  EXPECT_LT(PackDateTime(a), PackDateTime(b));
  EXPECT_EQ(FormatTemporal(UnpackDateTime(PackDateTime(a)), TypeId::kDateTime, 6),
            "2024-01-31 12:34:56.000001");
  DateTime neg = *ParseTime("-100:00:00");
  DateTime pos = *ParseTime("99:00:00");
  EXPECT_LT(PackTime(neg), PackTime(pos));
  EXPECT_EQ(FormatTemporal(UnpackTime(PackTime(neg)), TypeId::kTime, 0), "-100:00:00");
}

}  // namespace
}  // namespace minisql
