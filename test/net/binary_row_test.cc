// binary_row_test.cc — binary-protocol result rows (golden bytes per column type, the
// NULL bitmap with its offset of 2), COM_STMT_PREPARE_OK, and MysqlResultSink in
// RowFormat::kBinary.
#include "net/mysql/binary_row.h"

#include <gtest/gtest.h>

#include <string>

#include "net/mysql/packet.h"
#include "net/mysql/response_writer.h"

namespace minisql::net {
namespace {

std::string B(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

ResultColumn Column(FieldType type, uint16_t flags = 0) {
  ResultColumn c;
  c.name = "c";
  c.type = type;
  c.flags = flags;
  return c;
}

// The bytes of a one-column row holding `value` (header 0x00 and 1-byte bitmap stripped).
std::string ValueBytes(FieldType type, const Value& value, uint16_t flags = 0) {
  Result<std::string> row = EncodeBinaryRow({Column(type, flags)}, {value});
  EXPECT_TRUE(row.ok()) << row.status().ToString();
  if (!row.ok()) return "<error>";
  EXPECT_EQ(row->substr(0, 2), B({0x00, 0x00}));
  return row->substr(2);
}

TEST(BinaryRowTest, Integers) {
  EXPECT_EQ(ValueBytes(FieldType::kLongLong, Value::Int(-2)),
            B({0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
  EXPECT_EQ(ValueBytes(FieldType::kLong, Value::Int(0x01020304)), B({4, 3, 2, 1}));
  EXPECT_EQ(ValueBytes(FieldType::kInt24, Value::Int(5)), B({5, 0, 0, 0}));
  EXPECT_EQ(ValueBytes(FieldType::kShort, Value::Int(-1)), B({0xff, 0xff}));
  EXPECT_EQ(ValueBytes(FieldType::kTiny, Value::Int(7)), B({7}));
  // Values of other kinds are converted to the column's type.
  EXPECT_EQ(ValueBytes(FieldType::kLong, Value::Double(2.0)), B({2, 0, 0, 0}));
  EXPECT_EQ(ValueBytes(FieldType::kLong, Value::String("12")), B({12, 0, 0, 0}));
  EXPECT_EQ(ValueBytes(FieldType::kLongLong, Value::FromDecimal(*Decimal::Parse("3.00"))),
            B({3, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(ValueBytes(FieldType::kLongLong,
                       Value::FromDecimal(*Decimal::Parse("18446744073709551615")), kUnsignedFlag),
            B({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
}

TEST(BinaryRowTest, FloatingPoint) {
  EXPECT_EQ(ValueBytes(FieldType::kDouble, Value::Double(2.0)), B({0, 0, 0, 0, 0, 0, 0, 0x40}));
  EXPECT_EQ(ValueBytes(FieldType::kDouble, Value::Int(2)), B({0, 0, 0, 0, 0, 0, 0, 0x40}));
  EXPECT_EQ(ValueBytes(FieldType::kFloat, Value::Double(2.5)), B({0x00, 0x00, 0x20, 0x40}));
  // -0.0 is sent as 0.0: a text row prints it "0", and both protocols must agree.
  EXPECT_EQ(ValueBytes(FieldType::kDouble, Value::Double(-0.0)), B({0, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(ValueBytes(FieldType::kFloat, Value::Double(-0.0)), B({0, 0, 0, 0}));
}

TEST(BinaryRowTest, DecimalsAndStringsAreLengthEncodedText) {
  EXPECT_EQ(ValueBytes(FieldType::kNewDecimal, Value::FromDecimal(*Decimal::Parse("-1.50"))),
            B({5, '-', '1', '.', '5', '0'}));
  EXPECT_EQ(ValueBytes(FieldType::kVarString, Value::String("ab")), B({2, 'a', 'b'}));
  EXPECT_EQ(ValueBytes(FieldType::kBlob, Value::String("")), B({0}));
  EXPECT_EQ(ValueBytes(FieldType::kVarString, Value::Int(42)), B({2, '4', '2'}));
}

TEST(BinaryRowTest, TemporalTypesFromText) {
  EXPECT_EQ(ValueBytes(FieldType::kDate, Value::String("2024-01-31")), B({4, 0xe8, 0x07, 1, 31}));
  EXPECT_EQ(ValueBytes(FieldType::kDateTime, Value::String("2024-01-31 13:05:09")),
            B({7, 0xe8, 0x07, 1, 31, 13, 5, 9}));
  EXPECT_EQ(ValueBytes(FieldType::kDateTime, Value::String("2024-01-31 00:00:00.5")),
            B({11, 0xe8, 0x07, 1, 31, 0, 0, 0, 0x20, 0xa1, 0x07, 0}));
  EXPECT_EQ(ValueBytes(FieldType::kTimestamp, Value::String("0000-00-00 00:00:00")), B({0}));
  EXPECT_EQ(ValueBytes(FieldType::kTime, Value::String("-26:03:04")),
            B({8, 1, 1, 0, 0, 0, 2, 3, 4}));
  EXPECT_EQ(ValueBytes(FieldType::kTime, Value::String("00:00:00")), B({0}));
}

TEST(BinaryRowTest, ValuesThatDoNotFitTheColumnTypeAreErrors) {
  EXPECT_FALSE(EncodeBinaryRow({Column(FieldType::kLong)}, {Value::String("abc")}).ok());
  EXPECT_FALSE(EncodeBinaryRow({Column(FieldType::kDouble)}, {Value::String("x")}).ok());
  EXPECT_FALSE(EncodeBinaryRow({Column(FieldType::kDate)}, {Value::String("yesterday")}).ok());
  EXPECT_FALSE(EncodeBinaryRow({Column(FieldType::kNull)}, {Value::Int(1)}).ok());
  EXPECT_FALSE(EncodeBinaryRow({Column(FieldType::kLong)}, {Value::Int(1), Value::Int(2)}).ok());
}

TEST(BinaryRowTest, NullBitmapStartsAtBitTwo) {
  // Column 0 NULL -> bit 2; column 6 NULL -> bit 8 (second byte, bit 0).
  std::vector<ResultColumn> columns(7, Column(FieldType::kTiny));
  Row row = {Value::Null(), Value::Int(1), Value::Int(2), Value::Int(3),
             Value::Int(4), Value::Int(5), Value::Null()};
  Result<std::string> encoded = EncodeBinaryRow(columns, row);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(*encoded, B({0x00, 0x04, 0x01, 1, 2, 3, 4, 5}));
  Result<std::string> all_null = EncodeBinaryRow({Column(FieldType::kNull)}, {Value::Null()});
  ASSERT_TRUE(all_null.ok());
  EXPECT_EQ(*all_null, B({0x00, 0x04}));
}

TEST(BinaryRowTest, StmtPrepareOkAndParameterDefinition) {
  EXPECT_EQ(EncodeStmtPrepareOk(0x01020304, 3, 0x0102, 0),
            B({0x00, 4, 3, 2, 1, 3, 0, 2, 1, 0x00, 0, 0}));
  ResultColumn p = ParameterDefinition();
  EXPECT_EQ(p.name, "?");
  EXPECT_EQ(p.type, FieldType::kNull);
  EXPECT_EQ(p.charset, kCharsetBinary);
  EXPECT_EQ(p.flags, kBinaryFlag);
}

class CollectingChannel : public OutputChannel {
 public:
  Status Write(std::string bytes) override {
    data += bytes;
    return Status::OK();
  }
  std::string data;
};

TEST(BinaryRowTest, ResultSinkWritesBinaryRows) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  writer.set_sequence_id(1);
  MysqlResultSink sink(
      &writer, /*deprecate_eof=*/true, [] { return uint16_t{0x0002}; }, RowFormat::kBinary);
  sink.BeginResultSet({Column(FieldType::kLong), Column(FieldType::kVarString)});
  ASSERT_TRUE(sink.SendRow({Value::Int(1), Value::Null()}).ok());
  // A value the column type cannot carry ends the result set with ERR.
  EXPECT_FALSE(sink.SendRow({Value::String("x"), Value::Null()}).ok());
  ASSERT_TRUE(writer.Flush().ok());
  std::vector<std::string> payloads;
  std::string_view rest = channel.data;
  uint8_t seq = 1;
  while (!rest.empty()) {
    PacketReadResult read = ReadPacket(rest, seq, 1u << 20);
    ASSERT_EQ(read.kind, PacketReadResult::Kind::kPayload);
    payloads.push_back(read.payload);
    rest.remove_prefix(read.consumed);
    seq = read.next_sequence_id;
  }
  ASSERT_EQ(payloads.size(), 5u);  // count, 2 definitions, row, ERR
  EXPECT_EQ(payloads[0], B({2}));
  EXPECT_EQ(payloads[3], B({0x00, 0x08, 1, 0, 0, 0}));
  EXPECT_EQ(static_cast<uint8_t>(payloads[4][0]), 0xff);
}

}  // namespace
}  // namespace minisql::net
