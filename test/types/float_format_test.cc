// float_format_test.cc — FormatFloat (types/value.h): a FLOAT column's value printed as
// MariaDB prints it, 6 significant digits in FormatDouble's layout. Expected strings
// were read from MariaDB 10.11.
#include <gtest/gtest.h>

#include "types/value.h"

namespace minisql {
namespace {

double AsFloat(double v) {
  return static_cast<double>(static_cast<float>(v));
}

TEST(FloatFormatTest, SixSignificantDigits) {
  EXPECT_EQ(FormatFloat(AsFloat(0.1)), "0.1");
  EXPECT_EQ(FormatFloat(AsFloat(3.14159265)), "3.14159");
  EXPECT_EQ(FormatFloat(AsFloat(123456789)), "123457000");
  EXPECT_EQ(FormatFloat(AsFloat(999999.5)), "1000000");
  EXPECT_EQ(FormatFloat(AsFloat(-1.5)), "-1.5");
  EXPECT_EQ(FormatFloat(AsFloat(0.000123456789)), "0.000123457");
  EXPECT_EQ(FormatFloat(-0.0), "0");
}

TEST(FloatFormatTest, ExponentThresholdsMatchDouble) {
  EXPECT_EQ(FormatFloat(AsFloat(1e14)), "100000000000000");
  EXPECT_EQ(FormatFloat(AsFloat(1e15)), "1e15");
  EXPECT_EQ(FormatFloat(AsFloat(1.5e15)), "1.5e15");
  EXPECT_EQ(FormatFloat(AsFloat(1e-15)), "0.000000000000001");
  EXPECT_EQ(FormatFloat(AsFloat(1.5e-16)), "1.5e-16");
  EXPECT_EQ(FormatFloat(AsFloat(1e20)), "1e20");
  EXPECT_EQ(FormatFloat(AsFloat(-3.4028234e38)), "-3.40282e38");
  // FormatDouble is unchanged: all round-trip digits.
  EXPECT_EQ(FormatDouble(AsFloat(0.1)), "0.10000000149011612");
}

}  // namespace
}  // namespace minisql
