// decimal_test.cc — parsing, printing, rounding and checked arithmetic of Decimal.
#include "types/decimal.h"

#include <gtest/gtest.h>

namespace minisql {
namespace {

std::string Text(std::string_view s) {
  auto d = Decimal::Parse(s);
  return d ? d->ToString() : "<invalid>";
}

TEST(DecimalTest, ParsesAndPrints) {
  EXPECT_EQ(Text("-12.50"), "-12.50");
  EXPECT_EQ(Text("3"), "3");
  EXPECT_EQ(Text(".5"), "0.5");
  EXPECT_EQ(Text("-.5"), "-0.5");
  EXPECT_EQ(Text("+7."), "7");
  EXPECT_EQ(Text("1e3"), "1000");
  EXPECT_EQ(Text("1.5E-2"), "0.015");
  EXPECT_EQ(Text("0.05"), "0.05");
  EXPECT_EQ(Text("007.10"), "7.10");
  EXPECT_EQ(Text("0"), "0");
  EXPECT_EQ(Text("0.000"), "0.000");
  EXPECT_EQ(Text("99999999999999999999999999999999999999"),
            "99999999999999999999999999999999999999");
}

TEST(DecimalTest, RejectsGarbageAndTooWide) {
  EXPECT_EQ(Text(""), "<invalid>");
  EXPECT_EQ(Text("-"), "<invalid>");
  EXPECT_EQ(Text("."), "<invalid>");
  EXPECT_EQ(Text("abc"), "<invalid>");
  EXPECT_EQ(Text("1.2.3"), "<invalid>");
  EXPECT_EQ(Text("12x"), "<invalid>");
  EXPECT_EQ(Text("1e"), "<invalid>");
  EXPECT_EQ(Text("1e99999999"), "<invalid>");
  EXPECT_EQ(Text("123456789012345678901234567890123456789"), "<invalid>");
}

TEST(DecimalTest, ExcessFractionDigitsRoundAtMaxScale) {
  auto d = Decimal::Parse("0.1234567890123456789012345678905");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->scale(), Decimal::kMaxScale);
  EXPECT_EQ(d->ToString(), "0.123456789012345678901234567891");
}

TEST(DecimalTest, RescaleRoundsHalfAwayFromZero) {
  EXPECT_EQ(Decimal(125, 2).Rescale(1).ToString(), "1.3");
  EXPECT_EQ(Decimal(-125, 2).Rescale(1).ToString(), "-1.3");
  EXPECT_EQ(Decimal(124, 2).Rescale(1).ToString(), "1.2");
  EXPECT_EQ(Decimal(15, 1).Rescale(3).ToString(), "1.500");
  EXPECT_EQ(Decimal(5, 1).Rescale(0).ToString(), "1");
}

TEST(DecimalTest, ToIntAndDouble) {
  EXPECT_EQ(Decimal(25, 1).ToInt64(), 3);
  EXPECT_EQ(Decimal(-25, 1).ToInt64(), -3);
  EXPECT_EQ(Decimal(24, 1).ToInt64(), 2);
  EXPECT_FALSE(Decimal::Parse("9223372036854775808")->ToInt64().has_value());
  EXPECT_EQ(Decimal::Parse("-9223372036854775808")->ToInt64(), INT64_MIN);
  EXPECT_DOUBLE_EQ(Decimal(1250, 2).ToDouble(), 12.5);
  EXPECT_EQ(Decimal(1, 1).ToDouble(), 0.1);
}

TEST(DecimalTest, AddSubAlignScales) {
  EXPECT_EQ(Decimal::Add(Decimal(15, 1), Decimal(225, 2))->ToString(), "3.75");
  EXPECT_EQ(Decimal::Sub(Decimal(1, 0), Decimal(225, 2))->ToString(), "-1.25");
  auto max = *Decimal::Parse("99999999999999999999999999999999999999");
  EXPECT_FALSE(Decimal::Add(max, Decimal(1, 0)).has_value());
  EXPECT_FALSE(Decimal::Sub(Decimal(-max.unscaled(), 0), Decimal(1, 0)).has_value());
  // Aligning a 38-digit integer to scale 1 does not fit.
  EXPECT_FALSE(Decimal::Add(max, Decimal(1, 1)).has_value());
}

TEST(DecimalTest, MulAddsScalesAndDetectsOverflow) {
  EXPECT_EQ(Decimal::Mul(Decimal(15, 1), Decimal(-25, 1))->ToString(), "-3.75");
  auto big = *Decimal::Parse("10000000000000000000");  // 1e19
  EXPECT_FALSE(Decimal::Mul(big, big).has_value());    // 1e38 needs 39 digits
  EXPECT_TRUE(Decimal::Mul(Decimal(INT64_MAX, 0), Decimal(INT64_MAX, 0)).has_value());
  EXPECT_FALSE(
      Decimal::Mul(Decimal(INT64_MAX, 0), Decimal(INT64_MAX, 0).Rescale(0)).has_value() &&
      Decimal::Mul(*Decimal::Mul(Decimal(INT64_MAX, 0), Decimal(INT64_MAX, 0)), Decimal(2, 0))
          .has_value());
  auto fine =
      Decimal::Mul(*Decimal::Parse("0.000000000000001"), *Decimal::Parse("0.0000000000000005"));
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->scale(), Decimal::kMaxScale);
}

TEST(DecimalTest, DivUsesRequestedScale) {
  EXPECT_EQ(Decimal::Div(Decimal(1, 0), Decimal(3, 0), 4)->ToString(), "0.3333");
  EXPECT_EQ(Decimal::Div(Decimal(2, 0), Decimal(3, 0), 4)->ToString(), "0.6667");
  EXPECT_EQ(Decimal::Div(Decimal(3, 0), Decimal(2, 0), 4)->ToString(), "1.5000");
  EXPECT_EQ(Decimal::Div(Decimal(-2, 0), Decimal(3, 0), 4)->ToString(), "-0.6667");
  EXPECT_EQ(Decimal::Div(Decimal(100, 2), Decimal(3, 1), 6)->ToString(), "3.333333");
  EXPECT_EQ(Decimal::Div(Decimal(123456, 5), Decimal(1000, 0), 1)->ToString(), "0.0");
  EXPECT_FALSE(Decimal::Div(Decimal(1, 0), Decimal(0, 2), 4).has_value());
}

TEST(DecimalTest, CompareByValue) {
  EXPECT_EQ(Decimal::Compare(Decimal(10, 1), Decimal(1, 0)), 0);
  EXPECT_LT(Decimal::Compare(Decimal(-5, 1), Decimal(0, 0)), 0);
  EXPECT_GT(Decimal::Compare(Decimal(1001, 3), Decimal(1, 0)), 0);
  EXPECT_LT(Decimal::Compare(Decimal(-1001, 3), Decimal(-1, 0)), 0);
  auto max = *Decimal::Parse("99999999999999999999999999999999999999");
  EXPECT_GT(Decimal::Compare(max, Decimal(1, 30)), 0);
}

}  // namespace
}  // namespace minisql
