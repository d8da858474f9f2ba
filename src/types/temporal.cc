// temporal.cc — parsing, formatting and packing of temporal values (see temporal.h).
//
// The accepted literal formats were checked against MariaDB 10.11: what it stores into
// a DATE / TIME / DATETIME column in strict mode, and what it refuses with 1292.
#include "types/temporal.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

namespace minisql {
namespace {

constexpr uint32_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Reads ".ffffff" digits (already past the point) as microseconds; extra digits are
/// dropped, as MariaDB does.
uint32_t FractionFromDigits(std::string_view digits) {
  uint32_t micro = 0;
  for (size_t i = 0; i < 6; ++i) micro = micro * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  return micro;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

uint32_t DigitsValue(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) v = v * 10 + static_cast<uint32_t>(c - '0');
  return v;
}

uint32_t ExpandTwoDigitYear(uint32_t year) {
  return year < 70 ? 2000 + year : 1900 + year;
}

bool ValidTimeOfDay(const DateTime& t) {
  return t.hour <= 23 && t.minute <= 59 && t.second <= 59;
}

/// Splits "digits.fraction" into the integer digits and the fraction digits.
bool SplitFraction(std::string_view s, std::string_view* whole, std::string_view* fraction) {
  size_t dot = s.find('.');
  *whole = s.substr(0, dot);
  *fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  return AllDigits(*whole) && (fraction->empty() || AllDigits(*fraction));
}

/// A digit string YYYYMMDD[hhmmss] / YYMMDD[hhmmss] (lengths 6, 8, 12, 14).
std::optional<DateTime> DateTimeFromDigits(std::string_view digits, uint32_t micro,
                                           bool* has_time) {
  size_t year_digits;
  switch (digits.size()) {
    case 6:
    case 12:
      year_digits = 2;
      break;
    case 8:
    case 14:
      year_digits = 4;
      break;
    default:
      return std::nullopt;
  }
  DateTime t;
  t.year = DigitsValue(digits.substr(0, year_digits));
  if (year_digits == 2) t.year = ExpandTwoDigitYear(t.year);
  t.month = DigitsValue(digits.substr(year_digits, 2));
  t.day = DigitsValue(digits.substr(year_digits + 2, 2));
  bool time = digits.size() > 8;
  if (time) {
    t.hour = DigitsValue(digits.substr(year_digits + 4, 2));
    t.minute = DigitsValue(digits.substr(year_digits + 6, 2));
    t.second = DigitsValue(digits.substr(year_digits + 8, 2));
    t.microsecond = micro;
  }
  if (has_time) *has_time = time;
  if (!IsValidDate(t.year, t.month, t.day) || !ValidTimeOfDay(t)) return std::nullopt;
  return t;
}

/// The runs of digits in `s` and what separates them: "2024-01-31 12" gives
/// groups {2024, 01, 31, 12} and separators {"-", "-", " "}.
struct Groups {
  std::vector<std::string_view> digits;
  std::vector<std::string_view> separators;  // separators[i] follows digits[i]
};

Groups SplitGroups(std::string_view s) {
  Groups g;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    g.digits.push_back(s.substr(start, i - start));
    start = i;
    while (i < s.size() && !IsDigit(s[i])) ++i;
    g.separators.push_back(s.substr(start, i - start));
  }
  return g;
}

bool IsPunctuation(std::string_view sep) {
  return sep.size() == 1 && std::ispunct(static_cast<unsigned char>(sep[0]));
}

/// The separator between the date and the time: 'T' or spaces.
bool IsDateTimeSeparator(std::string_view sep) {
  if (sep == "T" || sep == "t") return true;
  if (sep.empty()) return false;
  for (char c : sep) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

void AppendTwoDigits(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>('0' + v / 10 % 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

bool IsLeapYear(uint32_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

uint32_t DaysInMonth(uint32_t year, uint32_t month) {
  static constexpr uint32_t kDays[] = {31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month];
}

bool IsValidDate(uint32_t year, uint32_t month, uint32_t day) {
  if (year > 9999 || month > 12 || day > 31) return false;
  if (month == 0 || day == 0) return true;  // zero parts are allowed
  return day <= DaysInMonth(year, month);
}

// Days from civil: shift the year to start in March so that the leap day is last.
int64_t DayNumber(uint32_t year, uint32_t month, uint32_t day) {
  int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (static_cast<int64_t>(month) + 9) % 12;  // March = 0
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  // era * 146097 + doe counts from 0000-03-01, day 60 on the TO_DAYS scale.
  return era * 146097 + doe + 60;
}

void DateFromDayNumber(int64_t day_number, uint32_t* year, uint32_t* month, uint32_t* day) {
  int64_t z = day_number - 60;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  *year = static_cast<uint32_t>(y);
  *month = static_cast<uint32_t>(m);
  *day = static_cast<uint32_t>(d);
}

int Weekday(int64_t day_number) {
  // MySQL's formula: day 0 would be a Saturday (weekday 5).
  return static_cast<int>((day_number + 5) % 7);
}

std::optional<DateTime> ParseDateTime(std::string_view text, bool* has_time) {
  std::string_view s = Trim(text);
  if (has_time) *has_time = false;
  std::string_view whole, fraction;
  if (SplitFraction(s, &whole, &fraction)) {
    return DateTimeFromDigits(whole, FractionFromDigits(fraction), has_time);
  }
  Groups g = SplitGroups(s);
  size_t n = g.digits.size();
  if (n < 3) return std::nullopt;
  for (std::string_view d : g.digits) {
    if (d.empty()) return std::nullopt;
  }
  // Date: year, month, day, separated by one punctuation character each.
  if (!IsPunctuation(g.separators[0]) || !IsPunctuation(g.separators[1])) return std::nullopt;
  if (g.digits[0].size() > 4 || g.digits[1].size() > 2 || g.digits[2].size() > 2) {
    return std::nullopt;
  }
  DateTime t;
  t.year = DigitsValue(g.digits[0]);
  if (g.digits[0].size() <= 2) t.year = ExpandTwoDigitYear(t.year);
  t.month = DigitsValue(g.digits[1]);
  t.day = DigitsValue(g.digits[2]);
  if (!IsValidDate(t.year, t.month, t.day)) return std::nullopt;
  if (n == 3) return g.separators[2].empty() ? std::optional<DateTime>(t) : std::nullopt;
  // Time: hour[:minute[:second[.fraction]]].
  if (!IsDateTimeSeparator(g.separators[2])) return std::nullopt;
  uint32_t* parts[] = {&t.hour, &t.minute, &t.second};
  size_t i = 3;
  for (size_t p = 0; p < 3 && i < n; ++p, ++i) {
    if (g.digits[i].size() > 2) return std::nullopt;
    *parts[p] = DigitsValue(g.digits[i]);
    std::string_view sep = g.separators[i];
    if (sep.empty()) {
      ++i;
      break;
    }
    if (p == 2) {
      if (sep != "." || i + 1 >= n || !g.separators[i + 1].empty()) return std::nullopt;
      t.microsecond = FractionFromDigits(g.digits[i + 1]);
      i += 2;
      break;
    }
    if (!IsPunctuation(sep)) return std::nullopt;
  }
  if (i != n || !g.separators[n - 1].empty()) return std::nullopt;
  if (!ValidTimeOfDay(t)) return std::nullopt;
  if (has_time) *has_time = true;
  return t;
}

std::optional<DateTime> ParseTime(std::string_view text) {
  std::string_view s = Trim(text);
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  std::string_view whole, fraction;
  if (SplitFraction(s, &whole, &fraction)) {
    uint32_t micro = FractionFromDigits(fraction);
    if (whole.size() >= 12) {  // a datetime written as digits: its time of day
      if (negative) return std::nullopt;
      return DateTimeFromDigits(whole, micro, nullptr);
    }
    if (whole.size() > 9) return std::nullopt;
    std::optional<DateTime> t = TimeFromNumber(DigitsValue(whole), micro);
    if (t) t->negative = negative && (t->hour | t->minute | t->second | t->microsecond) != 0;
    return t;
  }
  if (s.find(':') == std::string_view::npos || s.find('-') != std::string_view::npos ||
      s.find('/') != std::string_view::npos) {
    if (negative) return std::nullopt;
    bool has_time = false;
    std::optional<DateTime> dt = ParseDateTime(s, &has_time);
    if (!dt || !has_time) return std::nullopt;
    DateTime t;
    t.hour = dt->hour;
    t.minute = dt->minute;
    t.second = dt->second;
    t.microsecond = dt->microsecond;
    return t;
  }
  // [D ]h:m[:s[.f]]
  DateTime t;
  uint32_t days = 0;
  size_t space = s.find(' ');
  if (space != std::string_view::npos) {
    std::string_view d = s.substr(0, space);
    if (!AllDigits(d) || d.size() > 2) return std::nullopt;
    days = DigitsValue(d);
    s = Trim(s.substr(space));
  }
  Groups g = SplitGroups(s);
  size_t n = g.digits.size();
  if (n < 2 || n > 4 || !g.separators[n - 1].empty()) return std::nullopt;
  for (size_t i = 0; i < n; ++i) {
    if (g.digits[i].empty() || (i > 0 && g.digits[i].size() > 2 && i < 3)) return std::nullopt;
  }
  if (g.digits[0].size() > 3 || g.separators[0] != ":") return std::nullopt;
  t.hour = DigitsValue(g.digits[0]) + days * 24;
  t.minute = DigitsValue(g.digits[1]);
  if (n >= 3) {
    if (g.separators[1] != ":") return std::nullopt;
    t.second = DigitsValue(g.digits[2]);
  }
  if (n == 4) {
    if (g.separators[2] != ".") return std::nullopt;
    t.microsecond = FractionFromDigits(g.digits[3]);
  }
  if (t.minute > 59 || t.second > 59 || t.hour > kMaxTimeHours) return std::nullopt;
  t.negative = negative && (t.hour | t.minute | t.second | t.microsecond) != 0;
  return t;
}

std::optional<DateTime> DateTimeFromNumber(int64_t number, uint32_t microsecond, bool* has_time) {
  if (has_time) *has_time = false;
  if (number == 0 && microsecond == 0) return DateTime{};
  if (number < 0) return std::nullopt;
  // MySQL's ranges: anything between them is not a date.
  std::string digits = std::to_string(number);
  if (number < 101) return std::nullopt;
  if (number <= 991231) {
    digits = std::string(6 - digits.size(), '0') + digits;
  } else if (number < 10000101) {
    return std::nullopt;
  } else if (number <= 99991231) {
    digits = std::string(8 - digits.size(), '0') + digits;
  } else if (number < 101000000) {
    return std::nullopt;
  } else if (number <= 991231235959) {
    digits = std::string(12 - digits.size(), '0') + digits;
  } else if (number < 10000101000000) {
    return std::nullopt;
  } else if (number > 99991231235959) {
    return std::nullopt;
  }
  return DateTimeFromDigits(digits, microsecond, has_time);
}

std::optional<DateTime> TimeFromNumber(int64_t number, uint32_t microsecond) {
  bool negative = number < 0;
  uint64_t n = negative ? 0 - static_cast<uint64_t>(number) : static_cast<uint64_t>(number);
  if (n >= 10000000000ULL) {  // YYYYMMDDhhmmss / YYMMDDhhmmss: the time of day
    if (negative) return std::nullopt;
    std::optional<DateTime> dt = DateTimeFromNumber(number, microsecond);
    if (!dt) return std::nullopt;
    DateTime t;
    t.hour = dt->hour;
    t.minute = dt->minute;
    t.second = dt->second;
    t.microsecond = dt->microsecond;
    return t;
  }
  DateTime t;
  t.second = static_cast<uint32_t>(n % 100);
  t.minute = static_cast<uint32_t>(n / 100 % 100);
  uint64_t hours = n / 10000;
  if (t.second > 59 || t.minute > 59 || hours > kMaxTimeHours) return std::nullopt;
  t.hour = static_cast<uint32_t>(hours);
  t.microsecond = microsecond;
  t.negative = negative && (n != 0 || microsecond != 0);
  return t;
}

namespace {

/// A non-negative numeric value's integer part and its fraction in microseconds.
bool SplitNumber(const Value& v, int64_t* whole, uint32_t* micro, bool* negative) {
  *negative = false;
  switch (v.kind()) {
    case Value::Kind::kInt:
      *whole = v.int_value();
      *micro = 0;
      return true;
    case Value::Kind::kDouble: {
      double d = v.double_value();
      if (!std::isfinite(d) || std::fabs(d) >= 1e18) return false;
      *negative = d < 0;
      d = std::fabs(d);
      double integral = std::floor(d);
      *whole = static_cast<int64_t>(integral);
      *micro = static_cast<uint32_t>(std::lround((d - integral) * 1e6));
      if (*micro >= 1000000) *micro = 999999;
      if (*negative) *whole = -*whole;
      return true;
    }
    case Value::Kind::kDecimal: {
      const Decimal& dec = v.decimal_value();
      __int128 u = dec.unscaled();
      *negative = u < 0;
      if (u < 0) u = -u;
      __int128 scale = 1;
      for (int i = 0; i < dec.scale(); ++i) scale *= 10;
      __int128 integral = u / scale;
      if (integral >= static_cast<__int128>(1000000000000000000LL)) return false;
      __int128 frac = u % scale;
      // The fraction's first 6 digits.
      int s = dec.scale();
      while (s > 6) frac /= 10, --s;
      while (s < 6) frac *= 10, ++s;
      *whole = static_cast<int64_t>(integral) * (*negative ? -1 : 1);
      *micro = static_cast<uint32_t>(frac);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

std::optional<DateTime> ValueToDateTime(const Value& v, bool* has_time) {
  if (v.kind() == Value::Kind::kString) return ParseDateTime(v.string_value(), has_time);
  int64_t whole = 0;
  uint32_t micro = 0;
  bool negative = false;
  if (!SplitNumber(v, &whole, &micro, &negative) || negative) return std::nullopt;
  return DateTimeFromNumber(whole, micro, has_time);
}

std::optional<DateTime> ValueToTime(const Value& v) {
  if (v.kind() == Value::Kind::kString) return ParseTime(v.string_value());
  int64_t whole = 0;
  uint32_t micro = 0;
  bool negative = false;
  if (!SplitNumber(v, &whole, &micro, &negative)) return std::nullopt;
  std::optional<DateTime> t = TimeFromNumber(whole, micro);
  if (t && negative && whole == 0 && micro != 0) t->negative = true;
  return t;
}

DateTime TruncateFraction(DateTime t, int fsp) {
  if (fsp < 0) fsp = 0;
  if (fsp > kMaxFsp) fsp = kMaxFsp;
  uint32_t unit = kPow10[kMaxFsp - fsp];
  t.microsecond = t.microsecond / unit * unit;
  return t;
}

std::string FormatTemporal(const DateTime& t, TypeId id, int fsp) {
  std::string out;
  if (id != TypeId::kTime) {
    char date[16];
    std::snprintf(date, sizeof(date), "%04u-%02u-%02u", t.year % 10000, t.month % 100, t.day % 100);
    out = date;
    if (id == TypeId::kDate) return out;
    out += ' ';
    AppendTwoDigits(&out, t.hour);
  } else {
    if (t.negative) out += '-';
    if (t.hour >= 100)
      out += std::to_string(t.hour);
    else
      AppendTwoDigits(&out, t.hour);
  }
  out += ':';
  AppendTwoDigits(&out, t.minute);
  out += ':';
  AppendTwoDigits(&out, t.second);
  if (fsp > 0) {
    if (fsp > kMaxFsp) fsp = kMaxFsp;
    char frac[8];
    std::snprintf(frac, sizeof(frac), "%06u", t.microsecond % 1000000);
    out += '.';
    out.append(frac, static_cast<size_t>(fsp));
  }
  return out;
}

int64_t PackDateTime(const DateTime& t) {
  int64_t ymd = (static_cast<int64_t>(t.year) * 13 + t.month) << 5 | t.day;
  int64_t hms = static_cast<int64_t>(t.hour) << 12 | t.minute << 6 | t.second;
  return ((ymd << 17 | hms) << 24) | t.microsecond;
}

DateTime UnpackDateTime(int64_t packed) {
  DateTime t;
  t.microsecond = static_cast<uint32_t>(packed & 0xffffff);
  int64_t ymdhms = packed >> 24;
  int64_t hms = ymdhms & 0x1ffff;
  int64_t ymd = ymdhms >> 17;
  t.second = static_cast<uint32_t>(hms & 63);
  t.minute = static_cast<uint32_t>((hms >> 6) & 63);
  t.hour = static_cast<uint32_t>(hms >> 12);
  t.day = static_cast<uint32_t>(ymd & 31);
  int64_t ym = ymd >> 5;
  t.month = static_cast<uint32_t>(ym % 13);
  t.year = static_cast<uint32_t>(ym / 13);
  return t;
}

int64_t PackTime(const DateTime& t) {
  int64_t hms = static_cast<int64_t>(t.hour) << 12 | t.minute << 6 | t.second;
  int64_t packed = hms << 24 | t.microsecond;
  return t.negative ? -packed : packed;
}

DateTime UnpackTime(int64_t packed) {
  DateTime t;
  t.negative = packed < 0;
  if (packed < 0) packed = -packed;
  t.microsecond = static_cast<uint32_t>(packed & 0xffffff);
  int64_t hms = packed >> 24;
  t.second = static_cast<uint32_t>(hms & 63);
  t.minute = static_cast<uint32_t>((hms >> 6) & 63);
  t.hour = static_cast<uint32_t>(hms >> 12);
  return t;
}

}  // namespace minisql
