// date_interval.cc — interval units, values and calendar arithmetic (see date_interval.h).
#include "sql/expression/date_interval.h"

#include <cctype>
#include <vector>

#include "sql/expression/conversion.h"

namespace minisql::sql {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

struct UnitName {
  const char* name;
  IntervalUnit unit;
};

constexpr UnitName kUnits[] = {
    {"MICROSECOND", IntervalUnit::kMicrosecond},
    {"SECOND", IntervalUnit::kSecond},
    {"MINUTE", IntervalUnit::kMinute},
    {"HOUR", IntervalUnit::kHour},
    {"DAY", IntervalUnit::kDay},
    {"WEEK", IntervalUnit::kWeek},
    {"MONTH", IntervalUnit::kMonth},
    {"QUARTER", IntervalUnit::kQuarter},
    {"YEAR", IntervalUnit::kYear},
    {"SECOND_MICROSECOND", IntervalUnit::kSecondMicrosecond},
    {"MINUTE_MICROSECOND", IntervalUnit::kMinuteMicrosecond},
    {"MINUTE_SECOND", IntervalUnit::kMinuteSecond},
    {"HOUR_MICROSECOND", IntervalUnit::kHourMicrosecond},
    {"HOUR_SECOND", IntervalUnit::kHourSecond},
    {"HOUR_MINUTE", IntervalUnit::kHourMinute},
    {"DAY_MICROSECOND", IntervalUnit::kDayMicrosecond},
    {"DAY_SECOND", IntervalUnit::kDaySecond},
    {"DAY_MINUTE", IntervalUnit::kDayMinute},
    {"DAY_HOUR", IntervalUnit::kDayHour},
    {"YEAR_MONTH", IntervalUnit::kYearMonth},
};

/// The length in microseconds of each field of a compound unit, most significant
/// first; 0 marks the microsecond field (its digits are a fraction) and -1 months.
std::vector<int64_t> CompoundFields(IntervalUnit unit) {
  switch (unit) {
    case IntervalUnit::kSecondMicrosecond:
      return {kMicrosPerSecond, 0};
    case IntervalUnit::kMinuteMicrosecond:
      return {kMicrosPerMinute, kMicrosPerSecond, 0};
    case IntervalUnit::kMinuteSecond:
      return {kMicrosPerMinute, kMicrosPerSecond};
    case IntervalUnit::kHourMicrosecond:
      return {kMicrosPerHour, kMicrosPerMinute, kMicrosPerSecond, 0};
    case IntervalUnit::kHourSecond:
      return {kMicrosPerHour, kMicrosPerMinute, kMicrosPerSecond};
    case IntervalUnit::kHourMinute:
      return {kMicrosPerHour, kMicrosPerMinute};
    case IntervalUnit::kDayMicrosecond:
      return {kMicrosPerDay, kMicrosPerHour, kMicrosPerMinute, kMicrosPerSecond, 0};
    case IntervalUnit::kDaySecond:
      return {kMicrosPerDay, kMicrosPerHour, kMicrosPerMinute, kMicrosPerSecond};
    case IntervalUnit::kDayMinute:
      return {kMicrosPerDay, kMicrosPerHour, kMicrosPerMinute};
    case IntervalUnit::kDayHour:
      return {kMicrosPerDay, kMicrosPerHour};
    case IntervalUnit::kYearMonth:
      return {-12, -1};
    default:
      return {};
  }
}

/// 'D H:M:S.f' split into its digit runs; *negative for a leading '-'.
bool DigitGroups(const std::string& text, std::vector<std::string>* groups, bool* negative) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  *negative = i < text.size() && text[i] == '-';
  if (*negative) ++i;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) return false;
    if (i - start > 18) return false;
    groups->push_back(text.substr(start, i - start));
    if (i < text.size() && !std::ispunct(static_cast<unsigned char>(text[i])) &&
        !std::isspace(static_cast<unsigned char>(text[i]))) {
      return false;
    }
    while (i < text.size() && (std::ispunct(static_cast<unsigned char>(text[i])) ||
                               std::isspace(static_cast<unsigned char>(text[i])))) {
      ++i;
    }
  }
  return !groups->empty();
}

std::optional<Interval> CompoundInterval(const Value& amount, IntervalUnit unit) {
  std::vector<int64_t> fields = CompoundFields(unit);
  std::vector<std::string> groups;
  bool negative = false;
  if (!DigitGroups(AsString(amount), &groups, &negative)) return std::nullopt;
  if (groups.size() > fields.size()) return std::nullopt;
  // Missing leading fields count as zero: align the groups to the right.
  size_t skip = fields.size() - groups.size();
  Interval out;
  for (size_t i = 0; i < groups.size(); ++i) {
    int64_t field = fields[skip + i];
    std::string digits = groups[i];
    if (field == 0) {  // microseconds: '5' is .5 seconds
      if (digits.size() > 6) digits.resize(6);
      digits.append(6 - digits.size(), '0');
      out.microseconds += std::stoll(digits);
    } else if (field < 0) {
      out.months += std::stoll(digits) * -field;
    } else {
      out.microseconds += std::stoll(digits) * field;
    }
  }
  if (negative) {
    out.months = -out.months;
    out.microseconds = -out.microseconds;
  }
  return out;
}

/// The interval's magnitude must stay far from int64 overflow once added to a date.
constexpr int64_t kMaxAmount = int64_t{1} << 40;

}  // namespace

std::optional<IntervalUnit> ParseIntervalUnit(const std::string& upper_name) {
  for (const UnitName& u : kUnits) {
    if (upper_name == u.name) return u.unit;
  }
  return std::nullopt;
}

bool IsDateUnit(IntervalUnit unit) {
  switch (unit) {
    case IntervalUnit::kDay:
    case IntervalUnit::kWeek:
    case IntervalUnit::kMonth:
    case IntervalUnit::kQuarter:
    case IntervalUnit::kYear:
    case IntervalUnit::kYearMonth:
      return true;
    default:
      return false;
  }
}

int IntervalFsp(IntervalUnit unit) {
  switch (unit) {
    case IntervalUnit::kMicrosecond:
    case IntervalUnit::kSecondMicrosecond:
    case IntervalUnit::kMinuteMicrosecond:
    case IntervalUnit::kHourMicrosecond:
    case IntervalUnit::kDayMicrosecond:
      return kMaxFsp;
    default:
      return 0;
  }
}

std::optional<Interval> MakeInterval(const Value& amount, IntervalUnit unit) {
  if (!CompoundFields(unit).empty()) return CompoundInterval(amount, unit);
  Interval out;
  if (unit == IntervalUnit::kSecond) {
    std::optional<Decimal> seconds = ToDecimal(amount);
    if (!seconds) return std::nullopt;
    Decimal micros = seconds->Rescale(6);
    if (micros.unscaled() > kMaxAmount * kMicrosPerSecond ||
        micros.unscaled() < -kMaxAmount * kMicrosPerSecond) {
      return std::nullopt;
    }
    out.microseconds = static_cast<int64_t>(micros.unscaled());
    return out;
  }
  Result<int64_t> n = ToInt(amount, "");
  if (!n.ok() || *n > kMaxAmount || *n < -kMaxAmount) return std::nullopt;
  switch (unit) {
    case IntervalUnit::kMicrosecond:
      out.microseconds = *n;
      break;
    case IntervalUnit::kMinute:
      out.microseconds = *n * kMicrosPerMinute;
      break;
    case IntervalUnit::kHour:
      out.microseconds = *n * kMicrosPerHour;
      break;
    case IntervalUnit::kDay:
      out.microseconds = *n * kMicrosPerDay;
      break;
    case IntervalUnit::kWeek:
      out.microseconds = *n * 7 * kMicrosPerDay;
      break;
    case IntervalUnit::kMonth:
      out.months = *n;
      break;
    case IntervalUnit::kQuarter:
      out.months = *n * 3;
      break;
    case IntervalUnit::kYear:
      out.months = *n * 12;
      break;
    default:
      return std::nullopt;
  }
  return out;
}

int64_t DateTimeMicros(const DateTime& t) {
  int64_t day = DayNumber(t.year, t.month, t.day);
  return day * kMicrosPerDay + t.hour * kMicrosPerHour + t.minute * kMicrosPerMinute +
         t.second * kMicrosPerSecond + t.microsecond;
}

std::optional<DateTime> AddInterval(const DateTime& t, const Interval& interval, bool subtract) {
  if (t.month == 0 || t.day == 0) return std::nullopt;  // zero dates have no arithmetic
  int64_t months = subtract ? -interval.months : interval.months;
  int64_t micros = subtract ? -interval.microseconds : interval.microseconds;
  DateTime out = t;
  if (months != 0) {
    int64_t total = static_cast<int64_t>(t.year) * 12 + (t.month - 1) + months;
    if (total < 0 || total >= 10000 * 12) return std::nullopt;
    out.year = static_cast<uint32_t>(total / 12);
    out.month = static_cast<uint32_t>(total % 12 + 1);
    uint32_t last = DaysInMonth(out.year, out.month);
    if (out.day > last) out.day = last;
  }
  if (micros != 0) {
    int64_t value = DateTimeMicros(out) + micros;
    if (value < DayNumber(1, 1, 1) * kMicrosPerDay ||
        value >= (DayNumber(9999, 12, 31) + 1) * kMicrosPerDay) {
      return std::nullopt;
    }
    int64_t day = value / kMicrosPerDay;
    int64_t rest = value % kMicrosPerDay;
    DateFromDayNumber(day, &out.year, &out.month, &out.day);
    out.hour = static_cast<uint32_t>(rest / kMicrosPerHour);
    out.minute = static_cast<uint32_t>(rest / kMicrosPerMinute % 60);
    out.second = static_cast<uint32_t>(rest / kMicrosPerSecond % 60);
    out.microsecond = static_cast<uint32_t>(rest % kMicrosPerSecond);
  }
  return out;
}

int64_t TimestampDiff(IntervalUnit unit, const DateTime& from, const DateTime& to) {
  int64_t a = DateTimeMicros(from);
  int64_t b = DateTimeMicros(to);
  if (unit == IntervalUnit::kMonth || unit == IntervalUnit::kQuarter ||
      unit == IntervalUnit::kYear) {
    // Whole months: the later date's day and time must reach the earlier one's.
    const DateTime& lo = a <= b ? from : to;
    const DateTime& hi = a <= b ? to : from;
    int64_t months = (static_cast<int64_t>(hi.year) * 12 + hi.month) -
                     (static_cast<int64_t>(lo.year) * 12 + lo.month);
    int64_t lo_rest = DateTimeMicros(
        DateTime{false, 0, 1, lo.day, lo.hour, lo.minute, lo.second, lo.microsecond});
    int64_t hi_rest = DateTimeMicros(
        DateTime{false, 0, 1, hi.day, hi.hour, hi.minute, hi.second, hi.microsecond});
    if (hi_rest < lo_rest) --months;
    if (a > b) months = -months;
    if (unit == IntervalUnit::kQuarter) return months / 3;
    if (unit == IntervalUnit::kYear) return months / 12;
    return months;
  }
  int64_t diff = b - a;
  switch (unit) {
    case IntervalUnit::kMicrosecond:
      return diff;
    case IntervalUnit::kSecond:
      return diff / kMicrosPerSecond;
    case IntervalUnit::kMinute:
      return diff / kMicrosPerMinute;
    case IntervalUnit::kHour:
      return diff / kMicrosPerHour;
    case IntervalUnit::kDay:
      return diff / kMicrosPerDay;
    case IntervalUnit::kWeek:
      return diff / (7 * kMicrosPerDay);
    default:
      return 0;
  }
}

}  // namespace minisql::sql
