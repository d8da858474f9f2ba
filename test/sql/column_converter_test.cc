// column_converter_test.cc — ConvertForColumn's strict and lenient rules (the table in
// sql/executor/column_converter.h): strict refusals are errors; lenient ones store the
// value MySQL stores and add exactly one warning with MySQL's code.
#include "sql/executor/column_converter.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace minisql::sql {
namespace {

class ColumnConverterTest : public ::testing::Test {
 protected:
  ColumnConverterTest() {
    table_.database = "db";
    table_.name = "t";
    auto add = [this](const char* name, TypeId id, uint32_t length = 0, uint8_t scale = 0,
                      bool is_unsigned = false, bool nullable = true) {
      storage::ColumnDef def;
      def.name = name;
      def.type = ColumnType{id, is_unsigned, length, scale};
      def.nullable = nullable;
      table_.columns.push_back(def);
    };
    add("ti", TypeId::kTinyInt);                       // 0
    add("tu", TypeId::kTinyInt, 0, 0, true);           // 1
    add("bi", TypeId::kBigInt);                        // 2
    add("d", TypeId::kDecimal, 5, 2);                  // 3
    add("f", TypeId::kFloat);                          // 4
    add("db", TypeId::kDouble);                        // 5
    add("vc", TypeId::kVarchar, 3);                    // 6
    add("vb", TypeId::kVarbinary, 3);                  // 7
    add("bn", TypeId::kBinary, 3, 0, false, false);    // 8
    add("dt", TypeId::kDate);                          // 9
    add("ts", TypeId::kDateTime, 0, 3, false, false);  // 10
    add("tm", TypeId::kTime, 0, 0, false, false);      // 11
    add("nn", TypeId::kInt, 0, 0, false, false);       // 12
    add("ch", TypeId::kChar, 2, 0, false, false);      // 13
    add("fu", TypeId::kFloat, 0, 0, true);             // 14
  }

  // Strict: the error code (0 if it converted).
  int StrictError(uint32_t column, const Value& value) {
    Result<Value> converted = ConvertForColumn(value, ConversionTarget{&table_, column, 2});
    return converted.ok() ? 0 : static_cast<int>(converted.status().code());
  }

  // Lenient: the stored value's text, with the warning codes appended as " !1264".
  std::string Lenient(uint32_t column, const Value& value) {
    ExecutorContext ctx;
    Result<Value> converted = ConvertForColumn(value, ConversionTarget{&table_, column, 2, &ctx});
    if (!converted.ok()) return "error " + std::to_string(converted.status().code());
    std::string out = converted->is_null() ? "NULL" : converted->ToText();
    for (const Status& warning : ctx.warnings) out += " !" + std::to_string(warning.code());
    return out;
  }

  storage::TableSchema table_;
};

TEST_F(ColumnConverterTest, IntegersClampToTheirRange) {
  EXPECT_EQ(StrictError(0, Value::Int(300)), 1264);
  EXPECT_EQ(Lenient(0, Value::Int(300)), "127 !1264");
  EXPECT_EQ(Lenient(0, Value::Int(-300)), "-128 !1264");
  EXPECT_EQ(Lenient(1, Value::Int(-5)), "0 !1264");
  EXPECT_EQ(Lenient(1, Value::Int(999)), "255 !1264");
  EXPECT_EQ(Lenient(2, Value::Double(1e30)), "9223372036854775807 !1264");
  EXPECT_EQ(Lenient(2, Value::Double(-1e30)), "-9223372036854775808 !1264");
  EXPECT_EQ(Lenient(0, Value::Int(100)), "100");  // fits: no warning
}

TEST_F(ColumnConverterTest, NumericTextKeepsItsPrefix) {
  EXPECT_EQ(StrictError(0, Value::String("abc")), 1366);
  EXPECT_EQ(StrictError(0, Value::String("12abc")), 1265);
  EXPECT_EQ(Lenient(0, Value::String("abc")), "0 !1366");
  EXPECT_EQ(Lenient(0, Value::String("  ")), "0 !1366");
  EXPECT_EQ(Lenient(0, Value::String("12abc")), "12 !1265");
  // Out of range and trailing garbage: one warning, the range one (as MariaDB).
  EXPECT_EQ(Lenient(0, Value::String("999abc")), "127 !1264");
  EXPECT_EQ(Lenient(1, Value::String("-3abc")), "0 !1264");
  EXPECT_EQ(Lenient(3, Value::String("12.5x")), "12.50 !1265");
  EXPECT_EQ(Lenient(3, Value::String("abc")), "0.00 !1366");
  EXPECT_EQ(Lenient(5, Value::String("x1")), "0 !1366");
  EXPECT_EQ(Lenient(5, Value::String("2.5e1y")), "25 !1265");
}

TEST_F(ColumnConverterTest, DecimalAndFloatingClampToTheirLargestValue) {
  EXPECT_EQ(StrictError(3, Value::String("12345.678")), 1264);
  EXPECT_EQ(Lenient(3, Value::String("12345.678")), "999.99 !1264");
  EXPECT_EQ(Lenient(3, Value::Int(-100000)), "-999.99 !1264");
  EXPECT_EQ(Lenient(3, Value::Double(1e300)), "999.99 !1264");
  EXPECT_EQ(StrictError(4, Value::Double(1e300)), 1264);
  ExecutorContext ctx;
  Result<Value> f = ConvertForColumn(Value::Double(-1e300), ConversionTarget{&table_, 4, 1, &ctx});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->double_value(), -static_cast<double>(std::numeric_limits<float>::max()));
  EXPECT_EQ(ctx.warnings.size(), 1u);
  // A string beyond DOUBLE is clamped once, not warned about again by FLOAT.
  EXPECT_EQ(Lenient(5, Value::String("1e400")), "1.7976931348623157e308 !1264");
  std::string negative = Lenient(4, Value::String("-1e400"));
  EXPECT_TRUE(negative.starts_with("-3.40282") && negative.ends_with("e38 !1264")) << negative;
  EXPECT_EQ(Lenient(14, Value::Int(-1)), "0 !1264");
}

TEST_F(ColumnConverterTest, StringsAreCutAtACharacterBoundary) {
  EXPECT_EQ(StrictError(6, Value::String("abcdef")), 1406);
  EXPECT_EQ(Lenient(6, Value::String("abcdef")), "abc !1265");
  EXPECT_EQ(Lenient(6, Value::String("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9")),  // 4 x 'é'
            "\xC3\xA9\xC3\xA9\xC3\xA9 !1265");
  EXPECT_EQ(Lenient(13, Value::String("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC")),  // 3 x '€'
            "\xE2\x82\xAC\xE2\x82\xAC !1265");
  EXPECT_EQ(Lenient(6, Value::String("ab")), "ab");
  // Binary: bytes, not characters; BINARY(n) is padded after the cut.
  EXPECT_EQ(StrictError(7, Value::String("abcdef")), 1406);
  EXPECT_EQ(Lenient(7, Value::String("\xC3\xA9\xC3\xA9")), std::string("\xC3\xA9\xC3 !1265"));
  EXPECT_EQ(Lenient(8, Value::String("abcdef")), "abc !1265");
  EXPECT_EQ(Lenient(8, Value::String("a")), std::string("a\0\0", 3));
}

TEST_F(ColumnConverterTest, TextColumnsHoldOnlyUtf8) {
  // A lone latin1 byte, an overlong '/', a surrogate, a truncated 4-byte sequence.
  for (const char* bad : {"a\xE9", "\xC0\xAF", "\xED\xA0\x80", "\xF0\x9F\x98"}) {
    EXPECT_EQ(StrictError(6, Value::String(bad)), 1366) << bad;
  }
  EXPECT_EQ(Lenient(6, Value::String("a\xE9")), "a? !1366");
  EXPECT_EQ(Lenient(6, Value::String("\xF0\x9F\x98")), "??? !1366");
  // The message quotes up to 6 bytes from the first bad one, as MySQL does.
  Result<Value> refused = ConvertForColumn(Value::String("ab\xE9"
                                                         "cdefghij"),
                                           ConversionTarget{&table_, 6, 1});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "Incorrect string value: '\\xE9cdefg...' for column `db`.`t`.`vc` at row 1");
  // Valid 4-byte characters and binary columns are untouched.
  EXPECT_EQ(StrictError(6, Value::String("\xF0\x9F\x98\x80")), 0);
  EXPECT_EQ(Lenient(7, Value::String("\xE9")), "\xE9");
}

TEST_F(ColumnConverterTest, BadTemporalValuesBecomeTheZeroValue) {
  EXPECT_EQ(StrictError(9, Value::String("2024-02-30")), 1292);
  EXPECT_EQ(Lenient(9, Value::String("2024-02-30")), "0000-00-00 !1265");
  EXPECT_EQ(Lenient(10, Value::String("junk")), "0000-00-00 00:00:00.000 !1265");
  EXPECT_EQ(Lenient(11, Value::String("abc")), "00:00:00 !1265");
  EXPECT_EQ(Lenient(9, Value::String("2024-01-31")), "2024-01-31");
}

TEST_F(ColumnConverterTest, NullInNotNullIsTheImplicitDefault) {
  EXPECT_EQ(StrictError(12, Value::Null()), 1048);
  EXPECT_EQ(Lenient(12, Value::Null()), "0 !1048");
  EXPECT_EQ(Lenient(13, Value::Null()), " !1048");
  EXPECT_EQ(Lenient(10, Value::Null()), "0000-00-00 00:00:00.000 !1048");
  EXPECT_EQ(Lenient(11, Value::Null()), "00:00:00 !1048");
  EXPECT_EQ(Lenient(8, Value::Null()), std::string("\0\0\0 !1048", 9));
  EXPECT_EQ(Lenient(0, Value::Null()), "NULL");  // nullable: NULL, no warning
  EXPECT_EQ(ImplicitDefault(table_, 3).ToText(), "0.00");
}

TEST_F(ColumnConverterTest, WarningsBeyondTheKeptOnesAreCounted) {
  ExecutorContext ctx;
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(ConvertForColumn(Value::Int(1000), ConversionTarget{&table_, 0, 1, &ctx}).ok());
  }
  EXPECT_EQ(ctx.warnings.size(), ExecutorContext::kMaxKeptWarnings);
  EXPECT_EQ(ctx.warning_count(), 100u);
}

}  // namespace
}  // namespace minisql::sql
