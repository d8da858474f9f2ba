// temporal.h — DATE, TIME, DATETIME and TIMESTAMP values: parsing MySQL's literal
// formats, the canonical text form, and a packed integer form for storage.
//
// How a temporal value lives in the system
// ----------------------------------------
// A temporal value is a Value::String holding the canonical MySQL text of its type; the
// ColumnType (of the column, or of the expression that produced it) says that the
// string is a date. This keeps the Value kinds few: the text protocol sends the string
// as it is, the binary protocol re-reads it into MYSQL_TIME (net/mysql/binary_row.cc),
// and ORDER BY / GROUP BY on DATE and DATETIME order correctly as strings (fixed width,
// zero padded). Only where the type matters do we parse: store-time conversion
// (sql/executor/column_converter.cc), comparisons with strings and numbers
// (sql/expression/comparison.cc), the date functions, and the codecs, which store the
// packed integer below instead of the text.
//
//   type          canonical text                     fsp = fractional digits (0..6)
//   DATE          2024-01-31
//   TIME          -838:59:59.000000 .. 838:59:59     [-]h{2,3}:mm:ss[.f{fsp}]
//   DATETIME      2024-01-31 12:34:56.789            YYYY-MM-DD hh:mm:ss[.f{fsp}]
//   TIMESTAMP     like DATETIME (no time zone conversion: the server runs in one zone)
//
// Zero dates ('0000-00-00') and zero parts ('2024-00-00') are valid values: the
// default sql_mode has neither NO_ZERO_DATE nor NO_ZERO_IN_DATE. A day beyond the
// month's end ('2024-02-30') is not.
//
// Packed form (memcomparable as a signed 64-bit integer; MySQL packs the same way)
//
//   DATE/DATETIME:  bits 63..24 = ((year*13 + month) << 5 | day) << 17
//                                 | hour << 12 | minute << 6 | second
//                   bits 23..0  = microseconds
//   TIME:           +/- (((hour << 12 | minute << 6 | second) << 24) | microseconds)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "types/column_type.h"
#include "types/value.h"

namespace minisql {

struct DateTime {
  bool negative = false;  // TIME only
  uint32_t year = 0, month = 0, day = 0;
  uint32_t hour = 0;  // 0..23, or 0..838 for TIME
  uint32_t minute = 0, second = 0;
  uint32_t microsecond = 0;
};

constexpr uint32_t kMaxTimeHours = 838;
constexpr int kMaxFsp = 6;

inline bool IsTemporalType(TypeId id) {
  return id == TypeId::kDate || id == TypeId::kTime || id == TypeId::kDateTime ||
         id == TypeId::kTimestamp;
}
/// DATE, DATETIME or TIMESTAMP: a point on the calendar (TIME is a duration).
inline bool IsDateType(TypeId id) {
  return id == TypeId::kDate || id == TypeId::kDateTime || id == TypeId::kTimestamp;
}

bool IsLeapYear(uint32_t year);
uint32_t DaysInMonth(uint32_t year, uint32_t month);
/// True for a calendar date; zero years, months and days are accepted.
bool IsValidDate(uint32_t year, uint32_t month, uint32_t day);

/// MySQL's TO_DAYS: the day's number in the proleptic Gregorian calendar, counted so
/// that 2024-01-01 is day 739251. The date must be valid with non-zero month and day.
int64_t DayNumber(uint32_t year, uint32_t month, uint32_t day);
/// Inverse of DayNumber.
void DateFromDayNumber(int64_t day_number, uint32_t* year, uint32_t* month, uint32_t* day);
/// 0 = Monday ... 6 = Sunday (MySQL's WEEKDAY).
int Weekday(int64_t day_number);

/// 'YYYY-MM-DD[ hh:mm:ss[.ffffff]]' and MySQL's relaxed variants: any punctuation as
/// delimiter, 'T' between date and time, 2-digit years (70-99 -> 19xx, 00-69 -> 20xx),
/// digit strings YYYYMMDD[hhmmss] / YYMMDD[hhmmss]. *has_time says whether a time part
/// was given. nullopt if the text is not a valid date.
std::optional<DateTime> ParseDateTime(std::string_view text, bool* has_time = nullptr);
/// '[-][D ]hh:mm:ss[.ffffff]', 'hh:mm', 'hhmmss', 'mmss', 'ss', or a full datetime
/// (its time part). nullopt if not a time or beyond +-838:59:59.999999.
std::optional<DateTime> ParseTime(std::string_view text);
/// A number as a date: YYYYMMDD, YYMMDD, YYYYMMDDhhmmss, YYMMDDhhmmss (0 = zero date).
std::optional<DateTime> DateTimeFromNumber(int64_t number, uint32_t microsecond,
                                           bool* has_time = nullptr);
/// A number as a time: [-]HHMMSS (1234 = 00:12:34).
std::optional<DateTime> TimeFromNumber(int64_t number, uint32_t microsecond);

/// A non-NULL value as a date/datetime or time: strings are parsed, numbers read as
/// above (a fraction gives microseconds). nullopt if it is not one.
std::optional<DateTime> ValueToDateTime(const Value& v, bool* has_time = nullptr);
std::optional<DateTime> ValueToTime(const Value& v);

/// Drops fractional digits beyond `fsp` (MariaDB truncates, it does not round).
DateTime TruncateFraction(DateTime t, int fsp);
/// The canonical text of `t` as a value of type `id` with `fsp` fractional digits.
std::string FormatTemporal(const DateTime& t, TypeId id, int fsp);

int64_t PackDateTime(const DateTime& t);
DateTime UnpackDateTime(int64_t packed);
int64_t PackTime(const DateTime& t);
DateTime UnpackTime(int64_t packed);

/// The fsp a temporal ColumnType carries (kept in `scale`).
inline int FspOf(const ColumnType& type) {
  return type.scale > kMaxFsp ? kMaxFsp : type.scale;
}

}  // namespace minisql
