// arithmetic.h — evaluating + - * / DIV MOD on two non-NULL values.
//
// The computation class (integer, DECIMAL or DOUBLE) comes from the operands' types at
// bind time (result_types.h); values are converted into that class first, so
// '12abc' + 1 computes 12e0 + 1e0. Overflow is an error, as in MySQL:
//   ERROR 1690 (22003): BIGINT value is out of range in '9223372036854775807 + 1'
// Division or MOD by zero gives NULL; the caller reports it (EvalContext::DivisionByZero).
#pragma once

#include <string>

#include "common/status.h"
#include "sql/expression/conversion.h"
#include "sql/expression/result_types.h"
#include "types/value.h"

namespace minisql::sql {

/// True for the operators whose zero divisor gives NULL: `/`, DIV, MOD.
bool IsDivision(ArithmeticOp op);

/// Computes `left op right` in class `mode`. `div_scale` is the DECIMAL scale of a `/`
/// result; `what` is the expression text for overflow messages.
Result<Value> EvaluateArithmetic(ArithmeticOp op, NumericClass mode, const Value& left,
                                 const Value& right, int div_scale, const std::string& what);

}  // namespace minisql::sql
