// column_type_test.cc — DESCRIBE spelling and ColumnDefinition41 attributes, as
// MariaDB 10.11 reports them.
#include "types/column_type.h"

#include <gtest/gtest.h>

namespace minisql {
namespace {

ColumnType Type(TypeId id, uint32_t length = 0, uint8_t scale = 0, bool is_unsigned = false) {
  ColumnType t;
  t.id = id;
  t.length = length;
  t.scale = scale;
  t.is_unsigned = is_unsigned;
  return t;
}

TEST(ColumnTypeTest, ToSqlLikeDescribe) {
  EXPECT_EQ(Type(TypeId::kTinyInt).ToSql(), "tinyint(4)");
  EXPECT_EQ(Type(TypeId::kTinyInt, 0, 0, true).ToSql(), "tinyint(3) unsigned");
  EXPECT_EQ(Type(TypeId::kSmallInt).ToSql(), "smallint(6)");
  EXPECT_EQ(Type(TypeId::kMediumInt).ToSql(), "mediumint(9)");
  EXPECT_EQ(Type(TypeId::kInt).ToSql(), "int(11)");
  EXPECT_EQ(Type(TypeId::kInt, 5).ToSql(), "int(5)");
  EXPECT_EQ(Type(TypeId::kInt, 0, 0, true).ToSql(), "int(10) unsigned");
  EXPECT_EQ(Type(TypeId::kBigInt).ToSql(), "bigint(20)");
  EXPECT_EQ(Type(TypeId::kBigInt, 0, 0, true).ToSql(), "bigint(20) unsigned");
  EXPECT_EQ(Type(TypeId::kDouble).ToSql(), "double");
  EXPECT_EQ(Type(TypeId::kFloat).ToSql(), "float");
  EXPECT_EQ(Type(TypeId::kDecimal, 10, 2).ToSql(), "decimal(10,2)");
  EXPECT_EQ(Type(TypeId::kDecimal).ToSql(), "decimal(10,0)");
  EXPECT_EQ(Type(TypeId::kDecimal, 10, 0, true).ToSql(), "decimal(10,0) unsigned");
  EXPECT_EQ(Type(TypeId::kVarchar, 40).ToSql(), "varchar(40)");
  EXPECT_EQ(Type(TypeId::kChar, 10).ToSql(), "char(10)");
  EXPECT_EQ(Type(TypeId::kText).ToSql(), "text");
  EXPECT_EQ(Type(TypeId::kBlob).ToSql(), "blob");
  EXPECT_EQ(Type(TypeId::kVarbinary, 20).ToSql(), "varbinary(20)");
  EXPECT_EQ(Type(TypeId::kDate).ToSql(), "date");
  EXPECT_EQ(Type(TypeId::kTime).ToSql(), "time");
  EXPECT_EQ(Type(TypeId::kDateTime).ToSql(), "datetime");
  EXPECT_EQ(Type(TypeId::kTimestamp).ToSql(), "timestamp");
}

TEST(ColumnTypeTest, FieldTypes) {
  EXPECT_EQ(Type(TypeId::kTinyInt).field_type(), FieldType::kTiny);
  EXPECT_EQ(Type(TypeId::kSmallInt).field_type(), FieldType::kShort);
  EXPECT_EQ(Type(TypeId::kMediumInt).field_type(), FieldType::kInt24);
  EXPECT_EQ(Type(TypeId::kInt).field_type(), FieldType::kLong);
  EXPECT_EQ(Type(TypeId::kBigInt).field_type(), FieldType::kLongLong);
  EXPECT_EQ(Type(TypeId::kDouble).field_type(), FieldType::kDouble);
  EXPECT_EQ(Type(TypeId::kDecimal).field_type(), FieldType::kNewDecimal);
  EXPECT_EQ(Type(TypeId::kChar).field_type(), FieldType::kString);
  EXPECT_EQ(Type(TypeId::kVarchar).field_type(), FieldType::kVarString);
  EXPECT_EQ(Type(TypeId::kText).field_type(), FieldType::kBlob);
  EXPECT_EQ(Type(TypeId::kBlob).field_type(), FieldType::kBlob);
  EXPECT_EQ(Type(TypeId::kNull).field_type(), FieldType::kNull);
}

TEST(ColumnTypeTest, ColumnLengthLikeMariaDb) {
  EXPECT_EQ(Type(TypeId::kTinyInt).ColumnLength(kCharsetUtf8mb4), 4u);
  EXPECT_EQ(Type(TypeId::kInt).ColumnLength(kCharsetUtf8mb4), 11u);
  EXPECT_EQ(Type(TypeId::kInt, 5).ColumnLength(kCharsetUtf8mb4), 5u);
  EXPECT_EQ(Type(TypeId::kInt, 0, 0, true).ColumnLength(kCharsetUtf8mb4), 10u);
  EXPECT_EQ(Type(TypeId::kBigInt).ColumnLength(kCharsetUtf8mb4), 20u);
  EXPECT_EQ(Type(TypeId::kDouble).ColumnLength(kCharsetUtf8mb4), 22u);
  EXPECT_EQ(Type(TypeId::kFloat).ColumnLength(kCharsetUtf8mb4), 12u);
  EXPECT_EQ(Type(TypeId::kDecimal, 10, 2).ColumnLength(kCharsetUtf8mb4), 12u);
  EXPECT_EQ(Type(TypeId::kDecimal, 5, 3).ColumnLength(kCharsetUtf8mb4), 7u);
  EXPECT_EQ(Type(TypeId::kDecimal, 10, 0, true).ColumnLength(kCharsetUtf8mb4), 10u);
  EXPECT_EQ(Type(TypeId::kVarchar, 40).ColumnLength(kCharsetUtf8mb4), 160u);
  EXPECT_EQ(Type(TypeId::kVarchar, 40).ColumnLength(kCharsetUtf8mb3), 120u);
  EXPECT_EQ(Type(TypeId::kChar, 10).ColumnLength(kCharsetUtf8mb3), 30u);
  EXPECT_EQ(Type(TypeId::kText).ColumnLength(kCharsetUtf8mb4), 262140u);
  EXPECT_EQ(Type(TypeId::kText).ColumnLength(kCharsetUtf8mb3), 196605u);
  EXPECT_EQ(Type(TypeId::kBlob).ColumnLength(kCharsetBinary), 65535u);
  EXPECT_EQ(Type(TypeId::kVarbinary, 20).ColumnLength(kCharsetBinary), 20u);
  EXPECT_EQ(Type(TypeId::kDateTime).ColumnLength(kCharsetBinary), 19u);
}

TEST(ColumnTypeTest, FlagsAndCharset) {
  EXPECT_EQ(Type(TypeId::kInt).TypeFlags(), kNumFlag);
  EXPECT_EQ(Type(TypeId::kInt, 0, 0, true).TypeFlags(), kNumFlag | kUnsignedFlag);
  EXPECT_EQ(Type(TypeId::kDecimal, 10, 2).TypeFlags(), kNumFlag);
  EXPECT_EQ(Type(TypeId::kDouble).TypeFlags(), kNumFlag);
  EXPECT_EQ(Type(TypeId::kText).TypeFlags(), kBlobFlag);
  EXPECT_EQ(Type(TypeId::kBlob).TypeFlags(), kBlobFlag | kBinaryFlag);
  EXPECT_EQ(Type(TypeId::kVarchar, 3).TypeFlags(), 0);
  EXPECT_TRUE(Type(TypeId::kInt).IsBinaryCharset());
  EXPECT_TRUE(Type(TypeId::kBlob).IsBinaryCharset());
  EXPECT_FALSE(Type(TypeId::kVarchar, 3).IsBinaryCharset());
  EXPECT_FALSE(Type(TypeId::kText).IsBinaryCharset());
}

TEST(ColumnTypeTest, DefaultIntegerWidths) {
  EXPECT_EQ(ColumnType::DefaultIntegerWidth(TypeId::kInt, false), 11u);
  EXPECT_EQ(ColumnType::DefaultIntegerWidth(TypeId::kInt, true), 10u);
  EXPECT_EQ(ColumnType::DefaultIntegerWidth(TypeId::kSmallInt, true), 5u);
  EXPECT_EQ(ColumnType::DefaultIntegerWidth(TypeId::kMediumInt, true), 8u);
  EXPECT_EQ(ColumnType::DefaultIntegerWidth(TypeId::kBigInt, true), 20u);
  EXPECT_EQ(ColumnType::DefaultIntegerWidth(TypeId::kDouble, false), 0u);
}

// The binary string types, as MariaDB 10.11 describes them (DESCRIBE, column metadata).
TEST(ColumnTypeTest, BinaryStringTypes) {
  EXPECT_EQ(Type(TypeId::kBinary, 4).ToSql(), "binary(4)");
  EXPECT_EQ(Type(TypeId::kBinary, 4).field_type(), FieldType::kString);
  EXPECT_EQ(Type(TypeId::kBinary, 4).ColumnLength(kCharsetBinary), 4u);
  EXPECT_EQ(Type(TypeId::kBinary, 4).TypeFlags(), kBinaryFlag);
  EXPECT_TRUE(Type(TypeId::kBinary, 4).IsBinaryCharset());
  EXPECT_TRUE(Type(TypeId::kBinary, 4).IsString());
  EXPECT_TRUE(Type(TypeId::kBinary, 4).IsBinaryString());
  EXPECT_TRUE(Type(TypeId::kVarbinary, 4).IsBinaryString());
  EXPECT_TRUE(Type(TypeId::kBlob).IsBinaryString());
  EXPECT_FALSE(Type(TypeId::kVarchar, 4).IsBinaryString());
  EXPECT_FALSE(Type(TypeId::kText).IsBinaryString());
  // The BLOB family keeps its byte limit in `length`.
  EXPECT_EQ(Type(TypeId::kBlob, 255).ToSql(), "tinyblob");
  EXPECT_EQ(Type(TypeId::kBlob, 65535).ToSql(), "blob");
  EXPECT_EQ(Type(TypeId::kBlob, 16777215).ToSql(), "mediumblob");
  EXPECT_EQ(Type(TypeId::kBlob, 4294967295u).ToSql(), "longblob");
  EXPECT_EQ(Type(TypeId::kBlob, 255).ColumnLength(kCharsetBinary), 255u);
  EXPECT_EQ(Type(TypeId::kBlob, 4294967295u).ColumnLength(kCharsetBinary), 4294967295u);
}

}  // namespace
}  // namespace minisql
