// temporal_functions.h — helpers the date function files share (builtin_date_functions.cc,
// builtin_date_format_functions.cc): reading arguments as dates and times, the local
// clock, and DATE_FORMAT's formatter (also used by FROM_UNIXTIME(n, format)).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sql/expression/function_registry.h"
#include "types/temporal.h"

namespace minisql::sql {

/// The local date and time of a Unix time in microseconds.
DateTime LocalDateTime(int64_t epoch_micros);
/// The Unix time of a local date and time; nullopt before 1970.
std::optional<int64_t> EpochSeconds(const DateTime& t);

/// Argument i as a date or datetime (nullopt: NULL or not a date). *has_time says
/// whether it carried a time of day.
std::optional<DateTime> DateArg(const FunctionCall& call, size_t i, bool* has_time);
/// Argument i as a time (a datetime gives its time of day).
std::optional<DateTime> TimeArg(const FunctionCall& call, size_t i);

/// Fractional-second digits an expression's values carry: a temporal type's fsp, a
/// DECIMAL's scale, a string literal's digits after the point, 6 if unknown.
int ExpressionFsp(const Expression& e);

/// 'YYYY-MM-DD' or 'YYYY-MM-DD hh:mm:ss[.f]' with only the fraction digits needed
/// (MariaDB's shape for date arithmetic on strings).
std::string FormatFlexible(const DateTime& t, bool with_time);

/// DATE_FORMAT's rendering of `t` with `format` (%Y, %m, %d, %H, %i, %s ...).
std::string FormatDate(const DateTime& t, const std::string& format);

}  // namespace minisql::sql
