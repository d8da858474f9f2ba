// builtin_date_functions.cc — the clock (NOW, CURDATE, CURTIME, SYSDATE, UNIX_TIMESTAMP,
// FROM_UNIXTIME), parts of dates (DATE, TIME, YEAR ... SECOND, DAYOFWEEK, DAYOFYEAR,
// WEEKDAY, LAST_DAY) and date arithmetic (DATE_ADD, DATE_SUB, ADDDATE, SUBDATE,
// DATEDIFF, TIMESTAMPDIFF). DATE_FORMAT and STR_TO_DATE are in
// builtin_date_format_functions.cc.
//
// Arguments are read by MySQL's rules (types/temporal.h): a DATE/DATETIME value's
// canonical text, a string in any literal format, or a number like 20240131. What does
// not read as a date gives NULL, as in MariaDB (with a warning there).
//
// The clock is the server's local time zone. NOW() is the statement's start
// (EvalContext::StatementTimeMicros), so every row of a statement sees the same value;
// SYSDATE() reads the clock at each call.
//
// DATE_ADD(d, INTERVAL n unit) and d + INTERVAL n unit reach here as DATE_ADD(d, n,
// 'UNIT') (the binder unpacks the INTERVAL); the result type follows d: DATE for a DATE
// and a unit of days or longer, DATETIME for DATETIME/TIMESTAMP or a time unit, and for
// strings a string in the same shape as the input.
#include <chrono>
#include <ctime>

#include "sql/expression/conversion.h"
#include "sql/expression/date_interval.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/function_registry.h"
#include "sql/expression/temporal_functions.h"

namespace minisql::sql {

int64_t WallClockMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t EvalContext::StatementTimeMicros() const {
  return WallClockMicros();
}

DateTime LocalDateTime(int64_t epoch_micros) {
  int64_t seconds = epoch_micros / 1000000;
  int64_t micros = epoch_micros % 1000000;
  if (micros < 0) micros += 1000000, --seconds;
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  DateTime out;
  out.year = static_cast<uint32_t>(tm.tm_year + 1900);
  out.month = static_cast<uint32_t>(tm.tm_mon + 1);
  out.day = static_cast<uint32_t>(tm.tm_mday);
  out.hour = static_cast<uint32_t>(tm.tm_hour);
  out.minute = static_cast<uint32_t>(tm.tm_min);
  out.second = static_cast<uint32_t>(tm.tm_sec);
  out.microsecond = static_cast<uint32_t>(micros);
  return out;
}

std::optional<int64_t> EpochSeconds(const DateTime& t) {
  std::tm tm{};
  tm.tm_year = static_cast<int>(t.year) - 1900;
  tm.tm_mon = static_cast<int>(t.month) - 1;
  tm.tm_mday = static_cast<int>(t.day);
  tm.tm_hour = static_cast<int>(t.hour);
  tm.tm_min = static_cast<int>(t.minute);
  tm.tm_sec = static_cast<int>(t.second);
  tm.tm_isdst = -1;
  std::time_t seconds = std::mktime(&tm);
  if (seconds < 0) return std::nullopt;  // before 1970: MariaDB gives 0 / NULL
  return static_cast<int64_t>(seconds);
}

std::optional<DateTime> DateArg(const FunctionCall& call, size_t i, bool* has_time) {
  Result<Value> v = call.Arg(i);
  if (!v.ok() || v->is_null()) return std::nullopt;
  if (call.arg_type(i).id == TypeId::kTime) return std::nullopt;
  bool time = false;
  std::optional<DateTime> t = ValueToDateTime(*v, &time);
  if (has_time)
    *has_time = time || call.arg_type(i).id == TypeId::kDateTime ||
                call.arg_type(i).id == TypeId::kTimestamp;
  return t;
}

std::optional<DateTime> TimeArg(const FunctionCall& call, size_t i) {
  Result<Value> v = call.Arg(i);
  if (!v.ok() || v->is_null()) return std::nullopt;
  if (IsDateType(call.arg_type(i).id)) return ValueToDateTime(*v);
  return ValueToTime(*v);
}

int ExpressionFsp(const Expression& e) {
  const ColumnType& t = e.type();
  if (IsTemporalType(t.id)) return FspOf(t);
  if (t.IsInteger()) return 0;
  if (t.id == TypeId::kDecimal) return t.scale > kMaxFsp ? kMaxFsp : t.scale;
  if (e.kind() == ExpressionKind::kLiteral) {
    const Value& v = static_cast<const LiteralExpression&>(e).value();
    if (v.kind() == Value::Kind::kString) {
      size_t dot = v.string_value().rfind('.');
      if (dot == std::string::npos) return 0;
      int digits = 0;
      for (size_t i = dot + 1; i < v.string_value().size(); ++i) {
        if (v.string_value()[i] < '0' || v.string_value()[i] > '9') break;
        ++digits;
      }
      return digits > kMaxFsp ? kMaxFsp : digits;
    }
  }
  return kMaxFsp;
}

std::string FormatFlexible(const DateTime& t, bool with_time) {
  if (!with_time) return FormatTemporal(t, TypeId::kDate, 0);
  std::string text = FormatTemporal(t, TypeId::kDateTime, t.microsecond != 0 ? kMaxFsp : 0);
  while (t.microsecond != 0 && text.back() == '0') text.pop_back();
  return text;
}

namespace {

// --- Clock --------------------------------------------------------------------------------

ColumnType NowResult(const std::vector<ExpressionPtr>& args) {
  int64_t fsp = args.empty() ? 0 : ConstantInt(*args[0]).value_or(0);
  if (fsp < 0 || fsp > kMaxFsp) fsp = kMaxFsp;
  return MakeType(TypeId::kDateTime, 0, static_cast<uint8_t>(fsp));
}

Result<Value> Now(const FunctionCall& call) {
  DateTime t = LocalDateTime(call.ctx().StatementTimeMicros());
  return Value::String(FormatTemporal(t, TypeId::kDateTime, kMaxFsp));
}

Result<Value> SysDate(const FunctionCall& call) {
  DateTime t = LocalDateTime(WallClockMicros());
  (void)call;
  return Value::String(FormatTemporal(t, TypeId::kDateTime, kMaxFsp));
}

ColumnType DateResult(const std::vector<ExpressionPtr>&) {
  return MakeType(TypeId::kDate);
}

Result<Value> CurDate(const FunctionCall& call) {
  DateTime t = LocalDateTime(call.ctx().StatementTimeMicros());
  return Value::String(FormatTemporal(t, TypeId::kDate, 0));
}

ColumnType CurTimeResult(const std::vector<ExpressionPtr>& args) {
  ColumnType t = NowResult(args);
  t.id = TypeId::kTime;
  return t;
}

Result<Value> CurTime(const FunctionCall& call) {
  DateTime t = LocalDateTime(call.ctx().StatementTimeMicros());
  return Value::String(FormatTemporal(t, TypeId::kTime, kMaxFsp));
}

ColumnType UnixTimestampResult(const std::vector<ExpressionPtr>& args) {
  int fsp = args.empty() ? 0 : ExpressionFsp(*args[0]);
  if (fsp == 0 || (!args.empty() && args[0]->type().IsString())) return BigIntType();
  return DecimalType(11, fsp);
}

Result<Value> UnixTimestamp(const FunctionCall& call) {
  if (call.arg_count() == 0) {
    return Value::Int(call.ctx().StatementTimeMicros() / 1000000);
  }
  std::optional<DateTime> t = DateArg(call, 0, nullptr);
  if (!t) return Value::Null();
  std::optional<int64_t> seconds = EpochSeconds(*t);
  if (!seconds) return Value::Int(0);
  return Value::FromDecimal(Decimal(static_cast<__int128>(*seconds) * 1000000 + t->microsecond, 6));
}

ColumnType FromUnixTimeResult(const std::vector<ExpressionPtr>& args) {
  if (args.size() == 2) return VarcharType(64);
  int fsp = ExpressionFsp(*args[0]);
  return MakeType(TypeId::kDateTime, 0, static_cast<uint8_t>(fsp));
}

Result<Value> FromUnixTime(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  std::optional<Decimal> seconds = ToDecimal(*v);
  if (!seconds || seconds->unscaled() < 0) return Value::Null();
  Decimal micros = seconds->Rescale(6);
  if (micros.unscaled() > static_cast<__int128>(32536771199) * 1000000) return Value::Null();
  DateTime t = LocalDateTime(static_cast<int64_t>(micros.unscaled()));
  if (call.arg_count() == 2) {
    Result<Value> format = call.Arg(1);
    if (!format.ok()) return format;
    return Value::String(FormatDate(t, AsString(*format)));
  }
  return Value::String(FormatTemporal(t, TypeId::kDateTime, kMaxFsp));
}

// --- Parts of dates -----------------------------------------------------------------------

Result<Value> Date(const FunctionCall& call) {
  std::optional<DateTime> t = DateArg(call, 0, nullptr);
  if (!t) return Value::Null();
  return Value::String(FormatTemporal(*t, TypeId::kDate, 0));
}

ColumnType TimeResult(const std::vector<ExpressionPtr>& args) {
  return MakeType(TypeId::kTime, 0, static_cast<uint8_t>(ExpressionFsp(*args[0])));
}

Result<Value> Time(const FunctionCall& call) {
  std::optional<DateTime> t = TimeArg(call, 0);
  if (!t) return Value::Null();
  DateTime time = *t;
  if (IsDateType(call.arg_type(0).id)) time.year = time.month = time.day = 0;
  return Value::String(FormatTemporal(time, TypeId::kTime, kMaxFsp));
}

ColumnType IntResult(const std::vector<ExpressionPtr>&) {
  return MakeType(TypeId::kInt);
}

enum class Part { kYear, kMonth, kDay, kDayOfWeek, kDayOfYear, kWeekday, kLastDay };

Result<Value> DatePart(const FunctionCall& call, Part part) {
  std::optional<DateTime> t = DateArg(call, 0, nullptr);
  if (!t) return Value::Null();
  switch (part) {
    case Part::kYear:
      return Value::Int(t->year);
    case Part::kMonth:
      return Value::Int(t->month);
    case Part::kDay:
      return Value::Int(t->day);
    default:
      break;
  }
  if (t->month == 0 || t->day == 0) return Value::Null();
  int64_t day = DayNumber(t->year, t->month, t->day);
  switch (part) {
    case Part::kDayOfWeek:
      return Value::Int((Weekday(day) + 1) % 7 + 1);  // 1 = Sunday
    case Part::kDayOfYear:
      return Value::Int(day - DayNumber(t->year, 1, 1) + 1);
    case Part::kWeekday:
      return Value::Int(Weekday(day));
    case Part::kLastDay: {
      DateTime last = *t;
      last.day = DaysInMonth(t->year, t->month);
      return Value::String(FormatTemporal(last, TypeId::kDate, 0));
    }
    default:
      break;
  }
  return Value::Null();
}

Result<Value> Year(const FunctionCall& c) {
  return DatePart(c, Part::kYear);
}
Result<Value> Month(const FunctionCall& c) {
  return DatePart(c, Part::kMonth);
}
Result<Value> Day(const FunctionCall& c) {
  return DatePart(c, Part::kDay);
}
Result<Value> DayOfWeek(const FunctionCall& c) {
  return DatePart(c, Part::kDayOfWeek);
}
Result<Value> DayOfYear(const FunctionCall& c) {
  return DatePart(c, Part::kDayOfYear);
}
Result<Value> WeekdayOf(const FunctionCall& c) {
  return DatePart(c, Part::kWeekday);
}
Result<Value> LastDay(const FunctionCall& c) {
  return DatePart(c, Part::kLastDay);
}

enum class TimePart { kHour, kMinute, kSecond, kMicrosecond };

Result<Value> TimePartOf(const FunctionCall& call, TimePart part) {
  std::optional<DateTime> t = TimeArg(call, 0);
  if (!t) return Value::Null();
  switch (part) {
    case TimePart::kHour:
      return Value::Int(t->hour);
    case TimePart::kMinute:
      return Value::Int(t->minute);
    case TimePart::kSecond:
      return Value::Int(t->second);
    case TimePart::kMicrosecond:
      return Value::Int(t->microsecond);
  }
  return Value::Null();
}

Result<Value> Hour(const FunctionCall& c) {
  return TimePartOf(c, TimePart::kHour);
}
Result<Value> Minute(const FunctionCall& c) {
  return TimePartOf(c, TimePart::kMinute);
}
Result<Value> Second(const FunctionCall& c) {
  return TimePartOf(c, TimePart::kSecond);
}
Result<Value> Microsecond(const FunctionCall& c) {
  return TimePartOf(c, TimePart::kMicrosecond);
}

// --- Arithmetic ---------------------------------------------------------------------------

std::optional<IntervalUnit> UnitOf(const Expression& e) {
  if (e.kind() != ExpressionKind::kLiteral) return std::nullopt;
  const Value& v = static_cast<const LiteralExpression&>(e).value();
  if (v.kind() != Value::Kind::kString) return std::nullopt;
  return ParseIntervalUnit(v.string_value());
}

ColumnType DateAddResult(const std::vector<ExpressionPtr>& args) {
  IntervalUnit unit = UnitOf(*args[2]).value_or(IntervalUnit::kMicrosecond);
  const ColumnType& d = args[0]->type();
  int fsp = unit == IntervalUnit::kSecond ? ExpressionFsp(*args[1]) : IntervalFsp(unit);
  if (d.id == TypeId::kDate && IsDateUnit(unit)) return MakeType(TypeId::kDate);
  if (IsDateType(d.id)) {
    int d_fsp = d.id == TypeId::kDate ? 0 : FspOf(d);
    return MakeType(TypeId::kDateTime, 0, static_cast<uint8_t>(std::max(fsp, d_fsp)));
  }
  return VarcharType(26);
}

Result<Value> AddOrSubtract(const FunctionCall& call, bool subtract) {
  bool has_time = false;
  std::optional<DateTime> t = DateArg(call, 0, &has_time);
  Result<Value> amount = call.Arg(1);
  if (!amount.ok()) return amount;
  Result<Value> unit_name = call.Arg(2);
  if (!unit_name.ok()) return unit_name;
  std::optional<IntervalUnit> unit = ParseIntervalUnit(AsString(*unit_name));
  if (!t || amount->is_null() || !unit) return Value::Null();
  std::optional<Interval> interval = MakeInterval(*amount, *unit);
  if (!interval) return Value::Null();
  std::optional<DateTime> result = AddInterval(*t, *interval, subtract);
  if (!result) return Value::Null();
  if (call.result_type().id == TypeId::kDate) {
    return Value::String(FormatTemporal(*result, TypeId::kDate, 0));
  }
  if (call.result_type().id == TypeId::kDateTime) {
    return Value::String(FormatTemporal(*result, TypeId::kDateTime, kMaxFsp));
  }
  bool with_time = has_time || !IsDateUnit(*unit);
  // A string result shows the fraction digits the interval can carry (MariaDB).
  const ColumnType& amount_type = call.arg_type(1);
  int fsp = IntervalFsp(*unit);
  if (*unit == IntervalUnit::kSecond) {
    fsp = amount_type.IsInteger()              ? 0
          : amount_type.id == TypeId::kDecimal ? std::min<int>(amount_type.scale, kMaxFsp)
                                               : kMaxFsp;
  }
  if (fsp > 0) return Value::String(FormatTemporal(*result, TypeId::kDateTime, fsp));
  return Value::String(FormatFlexible(*result, with_time));
}

Result<Value> DateAdd(const FunctionCall& call) {
  return AddOrSubtract(call, false);
}
Result<Value> DateSub(const FunctionCall& call) {
  return AddOrSubtract(call, true);
}

Result<Value> DateDiff(const FunctionCall& call) {
  std::optional<DateTime> a = DateArg(call, 0, nullptr);
  std::optional<DateTime> b = DateArg(call, 1, nullptr);
  if (!a || !b || a->month == 0 || a->day == 0 || b->month == 0 || b->day == 0) {
    return Value::Null();
  }
  return Value::Int(DayNumber(a->year, a->month, a->day) - DayNumber(b->year, b->month, b->day));
}

Result<Value> TimestampDiffOf(const FunctionCall& call) {
  Result<Value> unit_name = call.Arg(0);
  if (!unit_name.ok()) return unit_name;
  std::optional<IntervalUnit> unit = ParseIntervalUnit(AsString(*unit_name));
  std::optional<DateTime> a = DateArg(call, 1, nullptr);
  std::optional<DateTime> b = DateArg(call, 2, nullptr);
  if (!unit || !a || !b || a->month == 0 || a->day == 0 || b->month == 0 || b->day == 0) {
    return Value::Null();
  }
  return Value::Int(TimestampDiff(*unit, *a, *b));
}

constexpr Nullability kNullable = Nullability::kAlways;

constexpr FunctionDef kDateFunctions[] = {
    {"NOW", 0, 1, true, Nullability::kNever, NowResult, Now},
    {"CURRENT_TIMESTAMP", 0, 1, true, Nullability::kNever, NowResult, Now},
    {"LOCALTIME", 0, 1, true, Nullability::kNever, NowResult, Now},
    {"LOCALTIMESTAMP", 0, 1, true, Nullability::kNever, NowResult, Now},
    {"SYSDATE", 0, 1, true, Nullability::kNever, NowResult, SysDate},
    {"CURDATE", 0, 0, true, Nullability::kNever, DateResult, CurDate},
    {"CURRENT_DATE", 0, 0, true, Nullability::kNever, DateResult, CurDate},
    {"CURTIME", 0, 1, true, Nullability::kNever, CurTimeResult, CurTime},
    {"CURRENT_TIME", 0, 1, true, Nullability::kNever, CurTimeResult, CurTime},
    {"UNIX_TIMESTAMP", 0, 1, true, kNullable, UnixTimestampResult, UnixTimestamp},
    {"FROM_UNIXTIME", 1, 2, true, kNullable, FromUnixTimeResult, FromUnixTime},
    {"DATE", 1, 1, true, kNullable, DateResult, Date},
    {"TIME", 1, 1, true, kNullable, TimeResult, Time},
    {"YEAR", 1, 1, true, kNullable, IntResult, Year},
    {"MONTH", 1, 1, true, kNullable, IntResult, Month},
    {"DAY", 1, 1, true, kNullable, IntResult, Day},
    {"DAYOFMONTH", 1, 1, true, kNullable, IntResult, Day},
    {"DAYOFWEEK", 1, 1, true, kNullable, IntResult, DayOfWeek},
    {"DAYOFYEAR", 1, 1, true, kNullable, IntResult, DayOfYear},
    {"WEEKDAY", 1, 1, true, kNullable, IntResult, WeekdayOf},
    {"LAST_DAY", 1, 1, true, kNullable, DateResult, LastDay},
    {"HOUR", 1, 1, true, kNullable, IntResult, Hour},
    {"MINUTE", 1, 1, true, kNullable, IntResult, Minute},
    {"SECOND", 1, 1, true, kNullable, IntResult, Second},
    {"MICROSECOND", 1, 1, true, kNullable, IntResult, Microsecond},
    // DATE_ADD(d, n, 'UNIT'): the binder's form of DATE_ADD(d, INTERVAL n UNIT).
    {"DATE_ADD", 3, 3, true, kNullable, DateAddResult, DateAdd},
    {"DATE_SUB", 3, 3, true, kNullable, DateAddResult, DateSub},
    {"DATEDIFF", 2, 2, true, kNullable, BigIntResult, DateDiff},
    {"TIMESTAMPDIFF", 3, 3, true, kNullable, BigIntResult, TimestampDiffOf},
};

}  // namespace

std::span<const FunctionDef> DateFunctions() {
  return kDateFunctions;
}

}  // namespace minisql::sql
