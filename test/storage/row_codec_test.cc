// Tests for the row record format: round trips of every kind, NULLs, long strings,
// and rejection of malformed records.
#include "storage/table/row_codec.h"

#include <gtest/gtest.h>

namespace minisql::storage {
namespace {

TableSchema MakeTable(size_t columns) {
  TableSchema table;
  table.name = "t";
  for (size_t i = 0; i < columns; ++i) {
    ColumnDef column;
    column.name = "c" + std::to_string(i);
    column.type = ColumnType{TypeId::kVarchar};
    table.columns.push_back(column);
  }
  return table;
}

void ExpectRoundTrip(const Row& row) {
  TableSchema table = MakeTable(row.size());
  auto record = EncodeRow(table, row);
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  auto decoded = DecodeRow(table, *record);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->size(), row.size());
  for (size_t i = 0; i < row.size(); ++i) {
    EXPECT_TRUE((*decoded)[i].IdenticalTo(row[i])) << "column " << i;
  }
}

TEST(RowCodecTest, RoundTripsEveryKind) {
  ExpectRoundTrip({Value::Int(0), Value::Int(-1), Value::Int(INT64_MIN), Value::Int(INT64_MAX),
                   Value::Double(1.5), Value::Double(-0.0), Value::String(""),
                   Value::String(std::string("a\0b", 3)),
                   Value::FromDecimal(Decimal(-123456789, 4)),
                   Value::FromDecimal(Decimal(static_cast<__int128>(1) << 100, 30))});
}

TEST(RowCodecTest, RoundTripsNulls) {
  ExpectRoundTrip({Value::Null()});
  ExpectRoundTrip({Value::Null(), Value::Int(1), Value::Null(), Value::Null(), Value::Null(),
                   Value::Null(), Value::Null(), Value::Null(), Value::Null(), Value::Int(9)});
  ExpectRoundTrip({});
}

TEST(RowCodecTest, RoundTripsLongStrings) {
  ExpectRoundTrip({Value::String(std::string(100000, 'x')), Value::Int(7),
                   Value::String(std::string(300, '\xff'))});
}

TEST(RowCodecTest, RejectsWrongColumnCount) {
  EXPECT_FALSE(EncodeRow(MakeTable(2), {Value::Int(1)}).ok());
  auto record = EncodeRow(MakeTable(1), {Value::Int(1)});
  ASSERT_TRUE(record.ok());
  Result<Row> decoded = DecodeRow(MakeTable(2), *record);
  EXPECT_EQ(decoded.status().code(), 1877);
}

TEST(RowCodecTest, RejectsEveryTruncationAndTrailingGarbage) {
  TableSchema table = MakeTable(3);
  auto record = EncodeRow(table, {Value::Int(300), Value::String("hello"), Value::Double(2)});
  ASSERT_TRUE(record.ok());
  for (size_t len = 0; len < record->size(); ++len) {
    EXPECT_FALSE(DecodeRow(table, std::string_view(*record).substr(0, len)).ok()) << len;
  }
  EXPECT_FALSE(DecodeRow(table, *record + "x").ok());
  std::string bad_kind = *record;
  bad_kind[2] = 9;  // the first value's kind byte
  EXPECT_FALSE(DecodeRow(table, bad_kind).ok());
}

}  // namespace
}  // namespace minisql::storage
