// result_types.cc — MySQL's result type rules (see result_types.h).
#include "sql/expression/result_types.h"

#include <algorithm>

#include "sql/expression/conversion.h"

namespace minisql::sql {
namespace {

bool IsApproximate(const ColumnType& t) {
  return t.id == TypeId::kFloat || t.id == TypeId::kDouble || t.IsString() || t.id >= TypeId::kDate;
}

}  // namespace

ColumnType BooleanType() {
  return MakeType(TypeId::kInt, 1);
}

ColumnType BigIntType(uint32_t width) {
  return MakeType(TypeId::kBigInt, width);
}

ColumnType VarcharType(uint32_t length) {
  return MakeType(TypeId::kVarchar, length);
}

namespace {

// MySQL's signedness of an integer result (integer_arithmetic.h): MOD follows its
// dividend, the other operators are UNSIGNED when either operand is.
ColumnType IntegerResultType(ArithmeticOp op, const ColumnType& left, const ColumnType& right) {
  ColumnType type = BigIntType();
  bool left_unsigned = left.IsInteger() && left.is_unsigned;
  bool right_unsigned = right.IsInteger() && right.is_unsigned;
  type.is_unsigned = op == ArithmeticOp::kMod ? left_unsigned : left_unsigned || right_unsigned;
  if (type.is_unsigned) type.length = 20;
  return type;
}

}  // namespace

ColumnType ArithmeticResultType(ArithmeticOp op, const ColumnType& left, const ColumnType& right) {
  if (op == ArithmeticOp::kIntDiv) return IntegerResultType(op, left, right);
  if (IsApproximate(left) || IsApproximate(right)) return MakeType(TypeId::kDouble);
  bool left_exact_int = left.IsInteger() || left.id == TypeId::kNull;
  bool right_exact_int = right.IsInteger() || right.id == TypeId::kNull;
  int left_scale = left.id == TypeId::kDecimal ? left.scale : 0;
  int right_scale = right.id == TypeId::kDecimal ? right.scale : 0;
  int int_digits = std::max(IntegerDigits(left), IntegerDigits(right));
  switch (op) {
    case ArithmeticOp::kDiv:
      return DecimalType(int_digits + right_scale, left_scale + kDivPrecisionIncrement);
    case ArithmeticOp::kAdd:
    case ArithmeticOp::kSub:
      if (left_exact_int && right_exact_int) return IntegerResultType(op, left, right);
      return DecimalType(int_digits + 1, std::max(left_scale, right_scale));
    case ArithmeticOp::kMul:
      if (left_exact_int && right_exact_int) return IntegerResultType(op, left, right);
      return DecimalType(IntegerDigits(left) + IntegerDigits(right), left_scale + right_scale);
    case ArithmeticOp::kMod:
      if (left_exact_int && right_exact_int) return IntegerResultType(op, left, right);
      return DecimalType(int_digits, std::max(left_scale, right_scale));
    case ArithmeticOp::kIntDiv:
      break;
  }
  return BigIntType();
}

ColumnType CommonResultType(const std::vector<ColumnType>& types) {
  bool any = false, all_int = true, any_string = false, any_text = false, any_double = false;
  bool any_unsigned = false, any_signed = false, unsigned_bigint = false;
  int int_digits = 1, scale = 0;
  uint32_t max_length = 0;
  for (const ColumnType& t : types) {
    if (t.id == TypeId::kNull) continue;
    any = true;
    if (!t.IsInteger()) all_int = false;
    if (t.IsInteger()) {
      (t.is_unsigned ? any_unsigned : any_signed) = true;
      if (t.is_unsigned && t.id == TypeId::kBigInt) unsigned_bigint = true;
    }
    if (t.IsString() || t.id >= TypeId::kDate) any_string = true;
    if (t.id == TypeId::kText || t.id == TypeId::kBlob) any_text = true;
    if (t.id == TypeId::kFloat || t.id == TypeId::kDouble) any_double = true;
    if (t.IsNumeric()) int_digits = std::max(int_digits, IntegerDigits(t));
    if (t.id == TypeId::kDecimal) scale = std::max<int>(scale, t.scale);
    max_length = std::max(max_length, t.IsString() ? t.length : t.ColumnLength(0));
  }
  if (!any) return MakeType(TypeId::kNull);
  if (all_int) {
    // MySQL: UNSIGNED when every argument is; a BIGINT UNSIGNED mixed with signed
    // integers needs DECIMAL(20) to hold both 2^64-1 and negatives.
    if (any_unsigned && any_signed && unsigned_bigint) return DecimalType(20, 0);
    ColumnType result = BigIntType();
    if (any_unsigned && !any_signed) {
      result.is_unsigned = true;
      result.length = 20;
    }
    return result;
  }
  if (any_text) return MakeType(TypeId::kText);
  if (any_string) return VarcharType(max_length);
  if (any_double) return MakeType(TypeId::kDouble);
  return DecimalType(int_digits, scale);
}

}  // namespace minisql::sql
