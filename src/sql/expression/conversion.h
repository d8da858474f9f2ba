// conversion.h — MySQL's implicit conversions between Value kinds.
//
// Arithmetic, comparison and functions all need "this value as a number" or "as a
// string". MySQL's rules, which these functions implement:
//
//   from \ to   Int                    Double                 Decimal          String
//   Int         -                      exact-ish              exact            "12"
//   Double      rounded (half away)    -                      via shortest     FormatDouble
//   Decimal     rounded (half away)    nearest                -                with its scale
//   String      numeric prefix,        numeric prefix         numeric prefix   -
//               truncated ('2.5'->2)   ('12abc'->12, 'x'->0)
//
// A string's numeric prefix skips leading spaces, then reads the longest prefix that
// is a number (sign, digits, point, exponent); no prefix means 0 (MySQL warns, we do
// not track warnings yet).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

/// How an operator treats its operands, chosen from their types at bind time.
enum class NumericClass { kInt, kDecimal, kDouble };

/// The class a value of `type` computes in: integers -> kInt, DECIMAL -> kDecimal,
/// everything else (DOUBLE, strings, NULL) -> kDouble.
NumericClass NumericClassOf(const ColumnType& type);
/// The class a runtime value computes in (for operands of unknown type).
NumericClass NumericClassOf(const Value& v);

/// The numeric prefix of a string as a double ("12abc" -> 12, "abc" -> 0).
double StringToDouble(const std::string& s);

/// Conversions of a non-NULL value. ToInt reports ER_DATA_OUT_OF_RANGE when the value
/// does not fit in BIGINT; `what` names the expression for that message.
double ToDouble(const Value& v);
Result<int64_t> ToInt(const Value& v, const std::string& what);
/// Strings and doubles become the decimal nearest to them; nullopt if too wide.
std::optional<Decimal> ToDecimal(const Value& v);
std::string AsString(const Value& v);

/// Converts a non-NULL value to the kind `type` implies (Int for integers; UInt for a
/// non-negative DECIMAL to an UNSIGNED one; Double,
/// Decimal rescaled to type.scale, String; the canonical text or NULL for temporal types,
/// see temporal_values.h), so that every value an expression yields
/// has the kind its declared type promises. NULL stays NULL; kNull types keep the value.
Result<Value> ConvertToType(const Value& v, const ColumnType& type, const std::string& what);

/// Shorthands for building ColumnTypes.
ColumnType MakeType(TypeId id, uint32_t length = 0, uint8_t scale = 0);
/// DECIMAL wide enough for `int_digits` integer digits and `scale` fraction digits.
ColumnType DecimalType(int int_digits, int scale);
/// Number of integer digits a numeric type can hold (INT -> 11, DECIMAL(10,2) -> 8).
int IntegerDigits(const ColumnType& type);

}  // namespace minisql::sql
