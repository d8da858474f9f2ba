// date_interval.h — `INTERVAL expr unit` and the calendar arithmetic of DATE_ADD,
// DATE_SUB, `d + INTERVAL n unit` and TIMESTAMPDIFF.
//
// An interval is a number of months plus a number of microseconds, because months
// have no fixed length: '2024-01-31' + INTERVAL 1 MONTH is '2024-02-29' (the day is
// clipped to the month's end), while + INTERVAL 30 DAY is '2024-03-01'.
//
//   unit                 value read as        unit                 value read as
//   MICROSECOND          integer              SECOND_MICROSECOND   'S.ffffff'
//   SECOND               number (1.5 = 1.5s)  MINUTE_MICROSECOND   'M:S.ffffff'
//   MINUTE, HOUR, DAY,   integer              MINUTE_SECOND        'M:S'
//   WEEK                                      HOUR_MICROSECOND     'H:M:S.ffffff'
//   MONTH, QUARTER,      integer (months)     HOUR_SECOND          'H:M:S'
//   YEAR                                      HOUR_MINUTE          'H:M'
//   YEAR_MONTH           'Y-M'                DAY_MICROSECOND      'D H:M:S.ffffff'
//                                             DAY_SECOND           'D H:M:S'
//                                             DAY_MINUTE, DAY_HOUR 'D H:M', 'D H'
//
// Compound values may omit leading fields ('1:30' DAY_SECOND is 1 minute 30 seconds)
// and use any punctuation as separators; a leading '-' negates the whole interval.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "types/temporal.h"
#include "types/value.h"

namespace minisql::sql {

enum class IntervalUnit {
  kMicrosecond,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kSecondMicrosecond,
  kMinuteMicrosecond,
  kMinuteSecond,
  kHourMicrosecond,
  kHourSecond,
  kHourMinute,
  kDayMicrosecond,
  kDaySecond,
  kDayMinute,
  kDayHour,
  kYearMonth,
};

/// The unit named `upper_name` ("DAY", "HOUR_MINUTE"), or nullopt.
std::optional<IntervalUnit> ParseIntervalUnit(const std::string& upper_name);
/// True for units that never touch the time of day (DAY and longer).
bool IsDateUnit(IntervalUnit unit);
/// Fractional digits the unit can add: 6 for *MICROSECOND units, else 0.
int IntervalFsp(IntervalUnit unit);

struct Interval {
  int64_t months = 0;
  int64_t microseconds = 0;
};

/// A non-NULL value read as an interval of `unit`; nullopt if it does not read as one.
std::optional<Interval> MakeInterval(const Value& amount, IntervalUnit unit);

/// t + interval (interval negated when `subtract`); nullopt for a zero date or a
/// result outside years 0..9999.
std::optional<DateTime> AddInterval(const DateTime& t, const Interval& interval, bool subtract);

/// Microseconds since the start of day 0 of a valid, non-zero date.
int64_t DateTimeMicros(const DateTime& t);

/// TIMESTAMPDIFF(unit, from, to): whole units from `from` to `to`, truncated.
int64_t TimestampDiff(IntervalUnit unit, const DateTime& from, const DateTime& to);

}  // namespace minisql::sql
