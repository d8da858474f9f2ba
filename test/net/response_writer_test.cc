// response_writer_test.cc — OK/ERR/EOF/ColumnDefinition41/row golden bytes and the
// packet sequences MysqlResultSink produces, with and without CLIENT_DEPRECATE_EOF.
#include "net/mysql/response_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "net/mysql/packet.h"

namespace minisql::net {
namespace {

std::string B(const char* bytes, size_t n) {
  return std::string(bytes, n);
}

/// Collects everything written; can simulate a client that went away.
class CollectingChannel : public OutputChannel {
 public:
  Status Write(std::string bytes) override {
    if (gone) return Status::Error(ErrorCode::kNetErrorOnWrite);
    data += bytes;
    ++writes;
    return Status::OK();
  }
  std::string data;
  int writes = 0;
  bool gone = false;
};

/// Splits framed output back into payloads, checking consecutive sequence ids.
std::vector<std::string> Payloads(const std::string& data, uint8_t first_sequence_id) {
  std::vector<std::string> payloads;
  std::string_view rest = data;
  uint8_t seq = first_sequence_id;
  while (!rest.empty()) {
    PacketReadResult read = ReadPacket(rest, seq, 1u << 30);
    EXPECT_EQ(read.kind, PacketReadResult::Kind::kPayload);
    if (read.kind != PacketReadResult::Kind::kPayload) break;
    payloads.push_back(read.payload);
    rest.remove_prefix(read.consumed);
    seq = read.next_sequence_id;
  }
  return payloads;
}

ResultColumn IdColumn() {
  ResultColumn c;
  c.name = "id";
  c.org_name = "id";
  c.table = "t";
  c.org_table = "t";
  c.schema = "shop";
  c.type = FieldType::kLong;
  c.length = 11;
  c.flags = kNotNullFlag | kPriKeyFlag | kNumFlag;
  c.charset = kCharsetBinary;
  return c;
}

TEST(ResponseWriterTest, OkPacket) {
  OkResult ok;
  EXPECT_EQ(EncodeOkPacket(ok, 0x0002), B("\x00\x00\x00\x02\x00\x00\x00", 7));
  ok.affected_rows = 3;
  ok.last_insert_id = 300;  // lenenc: 0xfc 0x2c 0x01
  ok.warnings = 1;
  ok.info = "Records: 3  Duplicates: 0  Warnings: 1";
  EXPECT_EQ(EncodeOkPacket(ok, 0x0003),
            B("\x00\x03\xfc\x2c\x01\x03\x00\x01\x00", 9) + char(ok.info.size()) + ok.info);
  // Without CLIENT_SESSION_TRACK the info is string<EOF>: no length prefix.
  EXPECT_EQ(EncodeOkPacket(ok, 0x0003, 0x00, /*session_track=*/false),
            B("\x00\x03\xfc\x2c\x01\x03\x00\x01\x00", 9) + ok.info);
}

TEST(ResponseWriterTest, ErrPacket) {
  Status error = Status::Error(ErrorCode::kNoSuchTable, "shop", "nope");
  EXPECT_EQ(EncodeErrPacket(error), B("\xff\x7a\x04#42S02", 9) + "Table 'shop.nope' doesn't exist");
}

TEST(ResponseWriterTest, EofPacket) {
  EXPECT_EQ(EncodeEofPacket(2, 0x0022), B("\xfe\x02\x00\x22\x00", 5));
}

TEST(ResponseWriterTest, ColumnDefinition41) {
  std::string expected =
      B("\x03"
        "def"
        "\x04"
        "shop"
        "\x01t\x01t\x02id\x02id"
        "\x0c"
        "\x3f\x00"
        "\x0b\x00\x00\x00"
        "\x03"
        "\x03\x80"
        "\x00"
        "\x00\x00",
        32);
  EXPECT_EQ(EncodeColumnDefinition41(IdColumn()), expected);
  // COM_FIELD_LIST variant: plus a NULL default.
  EXPECT_EQ(EncodeColumnDefinition41(IdColumn(), true), expected + "\xfb");
}

TEST(ResponseWriterTest, TextRow) {
  Row row = {Value::Int(42), Value::Null(), Value::String("hi")};
  EXPECT_EQ(EncodeTextRow(row), B("\x02"
                                  "42"
                                  "\xfb"
                                  "\x02"
                                  "hi",
                                  7));
}

TEST(ResponseWriterTest, ResultSetWithEofPackets) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  writer.set_sequence_id(1);
  MysqlResultSink sink(&writer, /*deprecate_eof=*/false, [] { return uint16_t{0x0002}; });
  sink.BeginResultSet({IdColumn()});
  ASSERT_TRUE(sink.SendRow({Value::Int(1)}).ok());
  ASSERT_TRUE(sink.SendRow({Value::Int(2)}).ok());
  sink.EndResultSet(0);
  ASSERT_TRUE(writer.Flush().ok());
  EXPECT_TRUE(sink.responded());
  std::vector<std::string> p = Payloads(channel.data, 1);
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0], "\x01");
  EXPECT_EQ(p[1], EncodeColumnDefinition41(IdColumn()));
  EXPECT_EQ(p[2], B("\xfe\x00\x00\x02\x00", 5));
  EXPECT_EQ(p[3],
            "\x01"
            "1");
  EXPECT_EQ(p[4],
            "\x01"
            "2");
  EXPECT_EQ(p[5], B("\xfe\x00\x00\x02\x00", 5));
}

TEST(ResponseWriterTest, ResultSetWithDeprecateEof) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  writer.set_sequence_id(1);
  MysqlResultSink sink(&writer, /*deprecate_eof=*/true, [] { return uint16_t{0x0003}; });
  sink.BeginResultSet({IdColumn()});
  ASSERT_TRUE(sink.SendRow({Value::Int(7)}).ok());
  sink.EndResultSet(1);
  ASSERT_TRUE(writer.Flush().ok());
  std::vector<std::string> p = Payloads(channel.data, 1);
  ASSERT_EQ(p.size(), 4u);  // count, column, row, OK — no EOF after the columns
  EXPECT_EQ(p[2],
            "\x01"
            "7");
  EXPECT_EQ(p[3], B("\xfe\x00\x00\x03\x00\x01\x00", 7));
}

TEST(ResponseWriterTest, ErrorAfterRowsReplacesTheFinalEof) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  writer.set_sequence_id(1);
  MysqlResultSink sink(&writer, false, [] { return uint16_t{0x0002}; });
  sink.BeginResultSet({IdColumn()});
  ASSERT_TRUE(sink.SendRow({Value::Int(1)}).ok());
  sink.SendError(Status::Error(ErrorCode::kDivisionByZero));
  ASSERT_TRUE(writer.Flush().ok());
  std::vector<std::string> p = Payloads(channel.data, 1);
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(static_cast<uint8_t>(p[4][0]), 0xff);
}

TEST(ResponseWriterTest, RowOfWrongWidthIsAnError) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  MysqlResultSink sink(&writer, false, [] { return uint16_t{0}; });
  sink.BeginResultSet({IdColumn()});
  EXPECT_FALSE(sink.SendRow({Value::Int(1), Value::Int(2)}).ok());
}

TEST(ResponseWriterTest, ManyRowsAreFlushedInBatchesAndStopWhenClientIsGone) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  writer.set_sequence_id(1);
  MysqlResultSink sink(&writer, false, [] { return uint16_t{0x0002}; });
  sink.BeginResultSet({IdColumn()});
  for (int i = 0; i < 50000; ++i) ASSERT_TRUE(sink.SendRow({Value::Int(i)}).ok());
  EXPECT_GT(channel.writes, 1);  // streamed, not buffered whole
  channel.gone = true;
  Status status = Status::OK();
  for (int i = 0; i < 50000 && status.ok(); ++i) status = sink.SendRow({Value::Int(i)});
  EXPECT_EQ(status.code(), 1160);
}

TEST(ResponseWriterTest, StatusFlagsAreReadWhenThePacketIsWritten) {
  CollectingChannel channel;
  PacketWriter writer(&channel);
  writer.set_sequence_id(1);
  uint16_t flags = 0x0001;  // in a transaction ...
  MysqlResultSink sink(&writer, false, [&] { return flags; });
  flags = 0x0002;  // ... which the statement (COMMIT) ended
  sink.SendOk(OkResult{});
  ASSERT_TRUE(writer.Flush().ok());
  EXPECT_EQ(Payloads(channel.data, 1)[0], B("\x00\x00\x00\x02\x00\x00\x00", 7));
}

}  // namespace
}  // namespace minisql::net
