// comparison.h — how MySQL compares two values of possibly different types.
//
// The comparison mode is chosen from the operand types when the expression is bound:
//
//   left \ right   integer    DECIMAL    DOUBLE    string
//   integer        kInt       kDecimal   kDouble   kDouble
//   DECIMAL        kDecimal   kDecimal   kDouble   kDouble
//   DOUBLE         kDouble    kDouble    kDouble   kDouble
//   string         kDouble    kDouble    kDouble   kString (utf8mb4_general_ci)
//
// A DATE, DATETIME or TIMESTAMP operand against a string, a number or another of them
// compares as datetimes (kDateTime: '2024-1-31' = DATE '2024-01-31', 20240131 too); a
// TIME operand against a string, number or TIME compares as times (kTime). Values
// that do not read as one (d = 'abc') fall back to comparing as strings.
//
// Operands whose type is only known at run time (NULL literals, @variables) use
// kRuntime: the mode is picked from the two values' kinds by the same table.
// Comparison, IN, BETWEEN, CASE, GREATEST/LEAST, MIN/MAX and DISTINCT all use this,
// so "=" means the same thing everywhere.
#pragma once

#include <cstdint>
#include <optional>

#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

enum class CompareMode { kInt, kDecimal, kDouble, kString, kRuntime, kDateTime, kTime };

CompareMode CompareModeFor(const ColumnType& left, const ColumnType& right);
CompareMode CompareModeForValues(const Value& left, const Value& right);

/// <0, 0, >0. Both values must be non-NULL.
int CompareValues(const Value& left, const Value& right, CompareMode mode);

/// The packed temporal value (types/temporal.h) that kDateTime / kTime compare, or
/// nullopt if `v` does not read as a date / time.
std::optional<int64_t> TemporalCompareKey(const Value& v, CompareMode mode);

/// SQL equality of two values for grouping and DISTINCT: NULLs are equal to each other
/// (one group), otherwise CompareValues in the values' own mode.
bool GroupEqual(const Value& left, const Value& right);

}  // namespace minisql::sql
