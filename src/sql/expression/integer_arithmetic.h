// integer_arithmetic.h — MySQL's signed/UNSIGNED integer rules: + - * DIV MOD and unary
// minus on BIGINT operands, and CAST(.. AS SIGNED / UNSIGNED).
//
// An integer operand is signed (Value kind kInt) or unsigned (kUInt: an UNSIGNED
// column, CAST(.. AS UNSIGNED), a literal >= 2^63). Every operation is computed exactly
// in 128 bits and the result is then checked against the range its signedness allows:
//
//   operation        result is UNSIGNED when           out of range ->
//   a + b, a - b,    either operand is UNSIGNED        ERROR 1690 "BIGINT UNSIGNED
//   a * b, a DIV b                                     value is out of range in '..'"
//   a MOD b          the left operand is UNSIGNED      (or "BIGINT value ..." when
//   -a               never (signed)                    the result is signed)
//
// So CAST(5 AS UNSIGNED) - 10 fails, 18446744073709551615 - 1 works, and
// -CAST(9223372036854775808 AS UNSIGNED) is -9223372036854775808 (checked on MariaDB
// 10.11). CAST never fails on a number: it wraps integers (CAST(-1 AS UNSIGNED) =
// 18446744073709551615, CAST(18446744073709551615 AS SIGNED) = -1) and clamps
// DOUBLE/DECIMAL values into range, as MariaDB does (it also warns; minisql keeps no
// warnings yet).
#pragma once

#include <string>

#include "common/status.h"
#include "sql/expression/result_types.h"
#include "types/value.h"

namespace minisql::sql {

/// `left op right` for two integer operands (kInt or kUInt; anything else is read as a
/// signed integer first). `op` is not kDiv (integer `/` is DECIMAL division). NULL for
/// DIV/MOD by zero; error 1690 naming `what` when the result does not fit.
Result<Value> EvaluateIntegerArithmetic(ArithmeticOp op, const Value& left, const Value& right,
                                        const std::string& what);

/// -v for an integer value: signed; error 1690 below -2^63.
Result<Value> NegateInteger(const Value& v, const std::string& what);

/// CAST(v AS UNSIGNED) / CAST(v AS SIGNED) for a non-NULL value.
Value CastToUnsigned(const Value& v);
Value CastToSigned(const Value& v);

/// A signed or unsigned integer Value holding `v`, if it fits the chosen range.
std::optional<Value> IntegerValueIfFits(__int128 v, bool is_unsigned);

}  // namespace minisql::sql
