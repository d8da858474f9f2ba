// Tests for MySQL's signed/UNSIGNED integer rules (sql/expression/integer_arithmetic.h):
// result signedness, the 1690 errors with their type names, DIV/MOD, negation, casts.
#include "sql/expression/integer_arithmetic.h"

#include <gtest/gtest.h>

#include "sql/expression/comparison.h"

namespace minisql::sql {
namespace {

constexpr uint64_t kTwoTo63 = uint64_t{1} << 63;

Value Eval(ArithmeticOp op, const Value& a, const Value& b) {
  Result<Value> v = EvaluateIntegerArithmetic(op, a, b, "expr");
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : Value();
}

void ExpectOutOfRange(ArithmeticOp op, const Value& a, const Value& b, const char* message) {
  Result<Value> v = EvaluateIntegerArithmetic(op, a, b, "expr");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), 1690);
  EXPECT_EQ(v.status().message(), message);
}

TEST(IntegerArithmeticTest, UnsignedOperandsGiveUnsignedResults) {
  Value v = Eval(ArithmeticOp::kSub, Value::UInt(UINT64_MAX), Value::UInt(1));
  ASSERT_EQ(v.kind(), Value::Kind::kUInt);
  EXPECT_EQ(v.uint_value(), UINT64_MAX - 1);
  v = Eval(ArithmeticOp::kAdd, Value::UInt(5), Value::Int(-2));
  ASSERT_EQ(v.kind(), Value::Kind::kUInt);
  EXPECT_EQ(v.uint_value(), 3u);
  v = Eval(ArithmeticOp::kSub, Value::UInt(kTwoTo63), Value::Int(1));
  EXPECT_EQ(v.uint_value(), kTwoTo63 - 1);
}

TEST(IntegerArithmeticTest, OverflowAndNegativeUnsignedAre1690) {
  const char* unsigned_message = "BIGINT UNSIGNED value is out of range in 'expr'";
  ExpectOutOfRange(ArithmeticOp::kSub, Value::UInt(5), Value::UInt(10), unsigned_message);
  ExpectOutOfRange(ArithmeticOp::kAdd, Value::UInt(UINT64_MAX), Value::Int(1), unsigned_message);
  ExpectOutOfRange(ArithmeticOp::kMul, Value::UInt(UINT64_MAX), Value::UInt(UINT64_MAX),
                   unsigned_message);
  ExpectOutOfRange(ArithmeticOp::kIntDiv, Value::UInt(5), Value::Int(-1), unsigned_message);
  ExpectOutOfRange(ArithmeticOp::kAdd, Value::Int(INT64_MAX), Value::Int(1),
                   "BIGINT value is out of range in 'expr'");
  ExpectOutOfRange(ArithmeticOp::kIntDiv, Value::Int(INT64_MIN), Value::Int(-1),
                   "BIGINT value is out of range in 'expr'");
}

TEST(IntegerArithmeticTest, ModFollowsTheDividend) {
  Value v = Eval(ArithmeticOp::kMod, Value::Int(-4), Value::UInt(3));
  ASSERT_EQ(v.kind(), Value::Kind::kInt);
  EXPECT_EQ(v.int_value(), -1);
  v = Eval(ArithmeticOp::kMod, Value::UInt(7), Value::Int(-3));
  ASSERT_EQ(v.kind(), Value::Kind::kUInt);
  EXPECT_EQ(v.uint_value(), 1u);
  EXPECT_TRUE(Eval(ArithmeticOp::kMod, Value::UInt(7), Value::UInt(0)).is_null());
  EXPECT_TRUE(Eval(ArithmeticOp::kIntDiv, Value::UInt(7), Value::Int(0)).is_null());
}

TEST(IntegerArithmeticTest, NegationIsSigned) {
  Result<Value> v = NegateInteger(Value::UInt(kTwoTo63), "x");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->int_value(), INT64_MIN);
  EXPECT_FALSE(NegateInteger(Value::UInt(kTwoTo63 + 1), "x").ok());
  EXPECT_FALSE(NegateInteger(Value::Int(INT64_MIN), "x").ok());
}

TEST(IntegerArithmeticTest, CastsWrapIntegersAndClampOtherNumbers) {
  EXPECT_EQ(CastToUnsigned(Value::Int(-1)).uint_value(), UINT64_MAX);
  EXPECT_EQ(CastToSigned(Value::UInt(UINT64_MAX)).int_value(), -1);
  EXPECT_EQ(CastToUnsigned(Value::String("-1")).uint_value(), UINT64_MAX);
  EXPECT_EQ(CastToUnsigned(Value::String(" 99999999999999999999x")).uint_value(), UINT64_MAX);
  EXPECT_EQ(CastToUnsigned(Value::String("abc")).uint_value(), 0u);
  EXPECT_EQ(CastToUnsigned(Value::Double(-1.0)).uint_value(), 0u);
  EXPECT_EQ(CastToUnsigned(Value::Double(1e20)).uint_value(), UINT64_MAX);
  EXPECT_EQ(CastToUnsigned(Value::Double(2.5)).uint_value(), 2u);
  EXPECT_EQ(CastToUnsigned(Value::FromDecimal(Decimal(-15, 1))).uint_value(), 0u);
  EXPECT_EQ(CastToUnsigned(Value::FromDecimal(Decimal(15, 1))).uint_value(), 2u);
  EXPECT_EQ(CastToSigned(Value::Double(1e20)).int_value(), INT64_MAX);
  EXPECT_EQ(CastToSigned(Value::String("-9223372036854775809")).int_value(), INT64_MIN);
}

TEST(IntegerArithmeticTest, ComparisonIsByValueAcrossSignedness) {
  EXPECT_GT(CompareValues(Value::UInt(UINT64_MAX), Value::Int(-1), CompareMode::kInt), 0);
  EXPECT_EQ(CompareValues(Value::UInt(5), Value::Int(5), CompareMode::kInt), 0);
  EXPECT_LT(CompareValues(Value::Int(INT64_MAX), Value::UInt(kTwoTo63), CompareMode::kRuntime), 0);
  EXPECT_TRUE(GroupEqual(Value::UInt(7), Value::Int(7)));
}

}  // namespace
}  // namespace minisql::sql
