// value_test.cc — Value::ToText and FormatDouble against what MariaDB 10.11 prints.
#include "types/value.h"

#include <gtest/gtest.h>

namespace minisql {
namespace {

TEST(FormatDoubleTest, MatchesMariaDbPlainRange) {
  EXPECT_EQ(FormatDouble(1.5), "1.5");
  EXPECT_EQ(FormatDouble(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatDouble(3.0), "3");
  EXPECT_EQ(FormatDouble(-2.5), "-2.5");
  EXPECT_EQ(FormatDouble(100.0), "100");
  EXPECT_EQ(FormatDouble(1e14), "100000000000000");
  EXPECT_EQ(FormatDouble(1.5e14), "150000000000000");
  EXPECT_EQ(FormatDouble(123456789012345.0), "123456789012345");
  EXPECT_EQ(FormatDouble(1.2345678901234567e14), "123456789012345.67");
  EXPECT_EQ(FormatDouble(123456.789), "123456.789");
  EXPECT_EQ(FormatDouble(1.0 / 3.0), "0.3333333333333333");
}

TEST(FormatDoubleTest, MatchesMariaDbSmallNumbers) {
  EXPECT_EQ(FormatDouble(1e-4), "0.0001");
  EXPECT_EQ(FormatDouble(1e-5), "0.00001");
  EXPECT_EQ(FormatDouble(-1e-5), "-0.00001");
  EXPECT_EQ(FormatDouble(1.5e-7), "0.00000015");
  EXPECT_EQ(FormatDouble(1e-15), "0.000000000000001");
  EXPECT_EQ(FormatDouble(1.234e-15), "0.000000000000001234");
  EXPECT_EQ(FormatDouble(1.2345678901234567e-15), "0.0000000000000012345678901234568");
  EXPECT_EQ(FormatDouble(1e-16), "1e-16");
  EXPECT_EQ(FormatDouble(1.234e-16), "1.234e-16");
  EXPECT_EQ(FormatDouble(1.234e-20), "1.234e-20");
  EXPECT_EQ(FormatDouble(-1.5e-300), "-1.5e-300");
  EXPECT_EQ(FormatDouble(5e-324), "5e-324");
}

TEST(FormatDoubleTest, MatchesMariaDbExponentForm) {
  EXPECT_EQ(FormatDouble(1e15), "1e15");
  EXPECT_EQ(FormatDouble(2.5e15), "2.5e15");
  EXPECT_EQ(FormatDouble(1234567890123456.0), "1.234567890123456e15");
  EXPECT_EQ(FormatDouble(1e20), "1e20");
  EXPECT_EQ(FormatDouble(123456789012345678.0), "1.2345678901234568e17");
  EXPECT_EQ(FormatDouble(1.5e300), "1.5e300");
  EXPECT_EQ(FormatDouble(1.7976931348623157e308), "1.7976931348623157e308");
}

TEST(FormatDoubleTest, NegativeZeroPrintsAsZero) {
  EXPECT_EQ(FormatDouble(-0.0), "0");
  EXPECT_EQ(FormatDouble(0.0), "0");
}

TEST(ValueTest, ToTextByKind) {
  EXPECT_EQ(Value::Int(-42).ToText(), "-42");
  EXPECT_EQ(Value::Int(INT64_MIN).ToText(), "-9223372036854775808");
  EXPECT_EQ(Value::Double(0.5).ToText(), "0.5");
  EXPECT_EQ(Value::FromDecimal(Decimal(1250, 2)).ToText(), "12.50");
  EXPECT_EQ(Value::String("héllo").ToText(), "héllo");
  EXPECT_EQ(Value::String("").ToText(), "");
}

TEST(ValueTest, KindsAndNull) {
  Value v;
  EXPECT_TRUE(v.is_null());
  EXPECT_EQ(v.kind(), Value::Kind::kNull);
  EXPECT_EQ(Value::Int(1).kind(), Value::Kind::kInt);
  EXPECT_EQ(Value::String("x").kind(), Value::Kind::kString);
  EXPECT_FALSE(Value::Int(0).is_null());
}

TEST(ValueTest, IdenticalToComparesKindAndBits) {
  EXPECT_TRUE(Value::Int(1).IdenticalTo(Value::Int(1)));
  EXPECT_FALSE(Value::Int(1).IdenticalTo(Value::Double(1)));
  EXPECT_FALSE(Value::Double(0.0).IdenticalTo(Value::Double(-0.0)));
  EXPECT_TRUE(Value::Null().IdenticalTo(Value()));
  EXPECT_FALSE(Value::FromDecimal(Decimal(10, 1)).IdenticalTo(Value::FromDecimal(Decimal(1, 0))));
  EXPECT_TRUE(Value::String("a").IdenticalTo(Value::String("a")));
  EXPECT_FALSE(Value::String("a").IdenticalTo(Value::String("A")));
}

}  // namespace
}  // namespace minisql
