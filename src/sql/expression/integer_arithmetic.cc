// integer_arithmetic.cc — signed/UNSIGNED BIGINT arithmetic and casts (see
// integer_arithmetic.h). Every computation is exact in __int128 (two 64-bit operands
// cannot overflow it except in `*`, which is checked), then range-checked once.
#include "sql/expression/integer_arithmetic.h"

#include <cmath>

#include "sql/expression/conversion.h"

namespace minisql::sql {
namespace {

constexpr __int128 kUInt64Max = static_cast<__int128>(UINT64_MAX);
constexpr __int128 kTwoTo64 = kUInt64Max + 1;

Status OutOfRange(bool is_unsigned, const std::string& what) {
  return Status::Error(ErrorCode::kDataOutOfRange, is_unsigned ? "BIGINT UNSIGNED" : "BIGINT",
                       what);
}

// An operand as an exact integer and its signedness; non-integers are read as signed
// BIGINT first (they only get here under an integer-typed expression).
Result<__int128> OperandValue(const Value& v, bool* is_unsigned, const std::string& what) {
  *is_unsigned = v.kind() == Value::Kind::kUInt;
  if (v.is_integer()) return v.wide_int_value();
  Result<int64_t> i = ToInt(v, what);
  if (!i.ok()) return i.status();
  return static_cast<__int128>(*i);
}

// The integer prefix of a string ("  -12abc" -> -12), saturated at -2^63 and 2^64 - 1
// (MariaDB's string-to-integer conversion stops there too).
__int128 StringToWideInt(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  __int128 magnitude = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    magnitude = magnitude * 10 + (s[i] - '0');
    if (magnitude > kUInt64Max) magnitude = kTwoTo64;  // saturated; stays small enough
  }
  if (negative) return magnitude > -static_cast<__int128>(INT64_MIN) ? INT64_MIN : -magnitude;
  return magnitude > kUInt64Max ? kUInt64Max : magnitude;
}

__int128 Clamp(__int128 v, __int128 low, __int128 high) {
  return v < low ? low : (v > high ? high : v);
}

// A DOUBLE or DECIMAL rounded to an integer and clamped into [low, high]: MariaDB's
// CAST of a non-integer number saturates instead of wrapping.
__int128 RoundedClamped(const Value& v, __int128 low, __int128 high) {
  if (v.kind() == Value::Kind::kDecimal) {
    return Clamp(v.decimal_value().Rescale(0).unscaled(), low, high);
  }
  double d = std::nearbyint(ToDouble(v));  // round half to even, like MariaDB's rint()
  if (std::isnan(d)) return 0;
  if (d <= static_cast<double>(low)) return low;
  if (d >= static_cast<double>(high)) return high;
  return static_cast<__int128>(d);
}

}  // namespace

std::optional<Value> IntegerValueIfFits(__int128 v, bool is_unsigned) {
  if (is_unsigned) {
    if (v < 0 || v > kUInt64Max) return std::nullopt;
    return Value::UInt(static_cast<uint64_t>(v));
  }
  if (v < INT64_MIN || v > INT64_MAX) return std::nullopt;
  return Value::Int(static_cast<int64_t>(v));
}

Result<Value> EvaluateIntegerArithmetic(ArithmeticOp op, const Value& left, const Value& right,
                                        const std::string& what) {
  bool left_unsigned = false, right_unsigned = false;
  Result<__int128> a = OperandValue(left, &left_unsigned, what);
  if (!a.ok()) return a.status();
  Result<__int128> b = OperandValue(right, &right_unsigned, what);
  if (!b.ok()) return b.status();
  bool is_unsigned = left_unsigned || right_unsigned;
  __int128 out = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      out = *a + *b;
      break;
    case ArithmeticOp::kSub:
      out = *a - *b;
      break;
    case ArithmeticOp::kMul:
      if (__builtin_mul_overflow(*a, *b, &out)) return OutOfRange(is_unsigned, what);
      break;
    case ArithmeticOp::kIntDiv:
      if (*b == 0) return Value::Null();
      out = *a / *b;  // truncates toward zero, as MySQL's DIV
      break;
    case ArithmeticOp::kMod:
      if (*b == 0) return Value::Null();
      out = *a % *b;  // the sign follows the dividend, and so does the signedness
      is_unsigned = left_unsigned;
      break;
    case ArithmeticOp::kDiv:
      return Status::Error(ErrorCode::kInternalError, "integer '/' reached integer arithmetic");
  }
  std::optional<Value> result = IntegerValueIfFits(out, is_unsigned);
  if (!result) return OutOfRange(is_unsigned, what);
  return *result;
}

Result<Value> NegateInteger(const Value& v, const std::string& what) {
  bool is_unsigned = false;
  Result<__int128> value = OperandValue(v, &is_unsigned, what);
  if (!value.ok()) return value.status();
  std::optional<Value> result = IntegerValueIfFits(-*value, false);
  if (!result) return OutOfRange(false, what);
  return *result;
}

namespace {

// The integer a CAST starts from: integers exactly, strings as MySQL reads their leading
// number, DOUBLE/DECIMAL rounded and clamped into [lo, hi] (MariaDB clamps them, where
// it wraps integers). Not for NULL.
__int128 CastSource(const Value& v, __int128 lo, __int128 hi) {
  switch (v.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kUInt:
      return v.wide_int_value();
    case Value::Kind::kString:
      return StringToWideInt(v.string_value());
    case Value::Kind::kDouble:
    case Value::Kind::kDecimal:
      return RoundedClamped(v, lo, hi);
    case Value::Kind::kNull:
      break;
  }
  return 0;
}

}  // namespace

Value CastToUnsigned(const Value& v) {
  if (v.is_null()) return v;
  __int128 wide = CastSource(v, 0, kUInt64Max);
  if (wide < 0) wide += kTwoTo64;  // two's complement: -1 -> 18446744073709551615
  return Value::UInt(static_cast<uint64_t>(wide));
}

Value CastToSigned(const Value& v) {
  if (v.is_null()) return v;
  __int128 wide = CastSource(v, INT64_MIN, INT64_MAX);
  if (wide > INT64_MAX) wide -= kTwoTo64;  // 18446744073709551615 -> -1
  return Value::Int(static_cast<int64_t>(wide));
}

}  // namespace minisql::sql
