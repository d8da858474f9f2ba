// arithmetic.cc — integer, DECIMAL and DOUBLE arithmetic with MySQL's overflow and
// division-by-zero behaviour (see arithmetic.h).
#include "sql/expression/arithmetic.h"

#include <cmath>

#include "sql/expression/integer_arithmetic.h"

namespace minisql::sql {
namespace {

Status OutOfRange(const char* type_name, const std::string& what) {
  return Status::Error(ErrorCode::kDataOutOfRange, type_name, what);
}

Result<Value> DoubleArithmetic(ArithmeticOp op, double a, double b, const std::string& what) {
  double out = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      out = a + b;
      break;
    case ArithmeticOp::kSub:
      out = a - b;
      break;
    case ArithmeticOp::kMul:
      out = a * b;
      break;
    case ArithmeticOp::kDiv:
      if (b == 0) return Value::Null();
      out = a / b;
      break;
    case ArithmeticOp::kMod:
      if (b == 0) return Value::Null();
      out = std::fmod(a, b);
      break;
    case ArithmeticOp::kIntDiv: {
      if (b == 0) return Value::Null();
      double q = std::trunc(a / b);
      if (!(q >= -9223372036854775808.0 && q < 9223372036854775808.0)) {
        return OutOfRange("BIGINT", what);
      }
      return Value::Int(static_cast<int64_t>(q));
    }
  }
  if (!std::isfinite(out)) return OutOfRange("DOUBLE", what);
  return Value::Double(out);
}

/// DIV and MOD on DECIMALs need the truncated quotient, which Decimal::Div (rounding)
/// does not give; both operands are brought to one scale and divided as integers.
Result<Value> DecimalQuotientOp(ArithmeticOp op, const Decimal& a, const Decimal& b,
                                const std::string& what) {
  if (b.unscaled() == 0) return Value::Null();
  int scale = a.scale() > b.scale() ? a.scale() : b.scale();
  auto wide_a = Decimal::Add(a, Decimal(0, static_cast<uint8_t>(scale)));
  auto wide_b = Decimal::Add(b, Decimal(0, static_cast<uint8_t>(scale)));
  if (!wide_a || !wide_b) {
    return DoubleArithmetic(op, a.ToDouble(), b.ToDouble(), what);
  }
  __int128 ua = wide_a->unscaled();
  __int128 ub = wide_b->unscaled();
  if (op == ArithmeticOp::kMod) return Value::FromDecimal(Decimal(ua % ub, wide_a->scale()));
  __int128 q = ua / ub;
  // 2^63 .. 2^64-1 is a BIGINT UNSIGNED quotient, as in MySQL.
  if (q > INT64_MAX && q <= static_cast<__int128>(UINT64_MAX)) {
    return Value::UInt(static_cast<uint64_t>(q));
  }
  if (q < INT64_MIN || q > INT64_MAX) return OutOfRange("BIGINT", what);
  return Value::Int(static_cast<int64_t>(q));
}

Result<Value> DecimalArithmetic(ArithmeticOp op, const Decimal& a, const Decimal& b, int div_scale,
                                const std::string& what) {
  std::optional<Decimal> out;
  switch (op) {
    case ArithmeticOp::kAdd:
      out = Decimal::Add(a, b);
      break;
    case ArithmeticOp::kSub:
      out = Decimal::Sub(a, b);
      break;
    case ArithmeticOp::kMul:
      out = Decimal::Mul(a, b);
      break;
    case ArithmeticOp::kDiv:
      if (b.unscaled() == 0) return Value::Null();
      if (div_scale > Decimal::kMaxScale) div_scale = Decimal::kMaxScale;
      out = Decimal::Div(a, b, static_cast<uint8_t>(div_scale));
      break;
    case ArithmeticOp::kIntDiv:
    case ArithmeticOp::kMod:
      return DecimalQuotientOp(op, a, b, what);
  }
  if (!out) return OutOfRange("DECIMAL", what);
  return Value::FromDecimal(*out);
}

}  // namespace

bool IsDivision(ArithmeticOp op) {
  return op == ArithmeticOp::kDiv || op == ArithmeticOp::kIntDiv || op == ArithmeticOp::kMod;
}

Result<Value> EvaluateArithmetic(ArithmeticOp op, NumericClass mode, const Value& left,
                                 const Value& right, int div_scale, const std::string& what) {
  if (left.is_null() || right.is_null()) return Value::Null();
  // Integer `/` is exact DECIMAL division in MySQL (1/3 = 0.3333).
  if (mode == NumericClass::kInt && op == ArithmeticOp::kDiv) mode = NumericClass::kDecimal;
  switch (mode) {
    case NumericClass::kInt:
      // Signed and UNSIGNED operands follow MySQL's mixed rules there.
      return EvaluateIntegerArithmetic(op, left, right, what);
    case NumericClass::kDecimal: {
      auto a = ToDecimal(left);
      auto b = ToDecimal(right);
      if (!a || !b) return DoubleArithmetic(op, ToDouble(left), ToDouble(right), what);
      return DecimalArithmetic(op, *a, *b, div_scale, what);
    }
    case NumericClass::kDouble:
      return DoubleArithmetic(op, ToDouble(left), ToDouble(right), what);
  }
  return Value::Null();
}

}  // namespace minisql::sql
