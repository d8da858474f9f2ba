// Tests for BIGINT UNSIGNED in the storage formats: key components of UNSIGNED integer
// columns keep memcmp order across 2^63 (and stay compatible with keys written before
// UInt values existed), and row records round-trip UInts and upgrade old Int records.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "storage/table/key_codec.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

ColumnType UnsignedBigInt() {
  return ColumnType{TypeId::kBigInt, true};
}

std::string Encode(const ColumnType& type, const Value& v) {
  std::string key;
  Status s = AppendKeyComponent(type, v, &key);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return key;
}

TEST(UnsignedKeyCodecTest, MemcmpOrderIsNumericOrderAcross2To63) {
  std::vector<uint64_t> values = {0,
                                  1,
                                  1000,
                                  uint64_t{INT64_MAX} - 1,
                                  uint64_t{INT64_MAX},
                                  uint64_t{INT64_MAX} + 1,
                                  uint64_t{INT64_MAX} + 2,
                                  UINT64_MAX - 1,
                                  UINT64_MAX};
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    std::string a = Encode(UnsignedBigInt(), Value::UInt(values[i]));
    std::string b = Encode(UnsignedBigInt(), Value::UInt(values[i + 1]));
    EXPECT_LT(a, b) << values[i] << " vs " << values[i + 1];
  }
}

TEST(UnsignedKeyCodecTest, SmallValuesKeepTheSignedEncoding) {
  // Keys written when UNSIGNED columns held Ints must still be found.
  for (int64_t v : {int64_t{0}, int64_t{7}, INT64_MAX - 1}) {
    EXPECT_EQ(Encode(UnsignedBigInt(), Value::UInt(static_cast<uint64_t>(v))),
              Encode(ColumnType{TypeId::kBigInt}, Value::Int(v)));
    EXPECT_EQ(Encode(UnsignedBigInt(), Value::UInt(static_cast<uint64_t>(v))),
              Encode(UnsignedBigInt(), Value::Int(v)));
  }
}

TEST(UnsignedKeyCodecTest, NegativeBoundsSortBelowEveryValue) {
  EXPECT_LT(Encode(UnsignedBigInt(), Value::Int(-1)), Encode(UnsignedBigInt(), Value::UInt(0)));
  EXPECT_LT(Encode(UnsignedBigInt(), Value::Int(INT64_MIN)),
            Encode(UnsignedBigInt(), Value::Int(-1)));
}

TEST(UnsignedKeyCodecTest, CompositeKeysStayOrderedAfterALongComponent) {
  // (2^63 - 1, x) < (2^63, 0) < (2^63, 1): the 16-byte component is prefix-free.
  auto composite = [](uint64_t first, int64_t second) {
    return Encode(UnsignedBigInt(), Value::UInt(first)) +
           Encode(ColumnType{TypeId::kBigInt}, Value::Int(second));
  };
  EXPECT_LT(composite(uint64_t{INT64_MAX}, INT64_MAX), composite(uint64_t{INT64_MAX} + 1, 0));
  EXPECT_LT(composite(uint64_t{INT64_MAX} + 1, 0), composite(uint64_t{INT64_MAX} + 1, 1));
  EXPECT_LT(composite(uint64_t{INT64_MAX} - 1, INT64_MAX), composite(uint64_t{INT64_MAX}, 0));
}

TEST(UnsignedKeyCodecTest, SignedColumnRejectsValuesAboveInt64) {
  std::string key;
  EXPECT_FALSE(
      AppendKeyComponent(ColumnType{TypeId::kBigInt}, Value::UInt(uint64_t{1} << 63), &key).ok());
}

TableSchema UnsignedTable() {
  TableSchema table;
  table.name = "t";
  ColumnDef column;
  column.name = "u";
  column.type = UnsignedBigInt();
  table.columns.push_back(column);
  return table;
}

TEST(UnsignedRowCodecTest, RoundTripsUInts) {
  TableSchema table = UnsignedTable();
  for (uint64_t v : {uint64_t{0}, uint64_t{INT64_MAX}, uint64_t{INT64_MAX} + 1, UINT64_MAX}) {
    Result<std::string> record = EncodeRow(table, Row{Value::UInt(v)});
    ASSERT_TRUE(record.ok());
    Result<Row> row = DecodeRow(table, *record);
    ASSERT_TRUE(row.ok());
    ASSERT_EQ((*row)[0].kind(), Value::Kind::kUInt);
    EXPECT_EQ((*row)[0].uint_value(), v);
  }
}

TEST(UnsignedRowCodecTest, OldIntRecordsReadBackAsUInts) {
  TableSchema table = UnsignedTable();
  Result<std::string> record = EncodeRow(table, Row{Value::Int(42)});  // the old format
  ASSERT_TRUE(record.ok());
  Result<Row> row = DecodeRow(table, *record);
  ASSERT_TRUE(row.ok());
  ASSERT_EQ((*row)[0].kind(), Value::Kind::kUInt);
  EXPECT_EQ((*row)[0].uint_value(), 42u);

  // A negative Int can never have been stored there: the record is corrupt.
  record = EncodeRow(table, Row{Value::Int(-1)});
  ASSERT_TRUE(record.ok());
  EXPECT_FALSE(DecodeRow(table, *record).ok());
}

TEST(UnsignedRowCodecTest, TruncatedUIntIsRejected) {
  TableSchema table = UnsignedTable();
  Result<std::string> record = EncodeRow(table, Row{Value::UInt(UINT64_MAX)});
  ASSERT_TRUE(record.ok());
  for (size_t n = 0; n < record->size(); ++n) {
    EXPECT_FALSE(DecodeRow(table, record->substr(0, n)).ok()) << n;
  }
}

}  // namespace
}  // namespace minisql::storage
