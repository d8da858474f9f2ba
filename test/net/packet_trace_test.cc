// packet_trace_test.cc — the protocol tracer (net/mysql/packet_trace.h): a whole
// conversation built with the server's own encoders (greeting, login, a query with a
// result set, an error, a prepared statement), checked line by line, plus the name
// tables, the hex dump, password redaction and hostile bytes.
#include "net/mysql/packet_trace.h"

#include <gtest/gtest.h>

#include <bit>
#include <string>
#include <vector>

#include "net/mysql/handshake.h"
#include "net/mysql/packet.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/response_writer.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {
namespace {

using Direction = PacketTracer::Direction;

// Frames payloads as packets with consecutive sequence ids starting at `first_id`.
std::string Framed(const std::vector<std::string>& payloads, uint8_t first_id) {
  std::string out;
  for (const std::string& payload : payloads) AppendPacket(&out, payload, &first_id);
  return out;
}

// A HandshakeResponse41 as the mysql client sends it (user root, no password).
std::string HandshakeResponse(uint32_t capabilities) {
  std::string out;
  AppendInt4(&out, capabilities | kClientPluginAuthLenencClientData | kClientConnectWithDb |
                       kClientPluginAuth);
  AppendInt4(&out, 1 << 24);
  AppendInt1(&out, 45);
  out.append(23, '\0');
  AppendNulString(&out, "root");
  AppendLenencString(&out, "");
  AppendNulString(&out, "shop");
  AppendNulString(&out, "mysql_native_password");
  return out;
}

std::string Command(uint8_t command, std::string_view argument) {
  return std::string(1, static_cast<char>(command)) + std::string(argument);
}

ResultColumn IdColumn() {
  ResultColumn column;
  column.name = column.org_name = "id";
  column.table = column.org_table = "t";
  column.schema = "shop";
  column.type = FieldType::kLong;
  column.length = 11;
  return column;
}

class PacketTraceTest : public ::testing::Test {
 protected:
  // Logs in with `client_capabilities` (the server announces kServerCapabilities).
  void LogIn(uint32_t client_capabilities) {
    Scramble scramble{};
    std::string greeting =
        tracer_.Describe(Direction::kServerToClient,
                         Framed({BuildHandshakeV10(7, scramble, kServerCapabilities, 2)}, 0));
    EXPECT_NE(greeting.find("HandshakeV10 protocol_version=10"), std::string::npos) << greeting;
    EXPECT_NE(greeting.find("connection_id=7"), std::string::npos);
    EXPECT_NE(greeting.find("PROTOCOL_41|"), std::string::npos);
    EXPECT_NE(greeting.find("auth_plugin='mysql_native_password'"), std::string::npos);
    std::string response = tracer_.Describe(Direction::kClientToServer,
                                            Framed({HandshakeResponse(client_capabilities)}, 1));
    EXPECT_NE(response.find("HandshakeResponse41 user='root' database='shop'"), std::string::npos)
        << response;
    std::string ok =
        tracer_.Describe(Direction::kServerToClient, Framed({EncodeOkPacket(OkResult{}, 2)}, 2));
    EXPECT_NE(ok.find("S->C seq=2 len=7 OK (logged in)"), std::string::npos) << ok;
  }

  std::string Server(const std::vector<std::string>& payloads) {
    return tracer_.Describe(Direction::kServerToClient, Framed(payloads, 1));
  }
  std::string Client(const std::string& payload) {
    return tracer_.Describe(Direction::kClientToServer, Framed({payload}, 0));
  }

  PacketTracer tracer_;
};

TEST_F(PacketTraceTest, QueryResultSetWithClassicEof) {
  LogIn(kClientProtocol41 | kClientSecureConnection | kClientPluginAuth |
        kClientPluginAuthLenencClientData | kClientConnectWithDb);
  std::string query = Client(Command(0x03, "SELECT id FROM t"));
  EXPECT_NE(query.find("C->S seq=0 len=17 COM_QUERY sql='SELECT id FROM t'"), std::string::npos);
  EXPECT_NE(query.find("    0000  11 00 00 00 03 53 45 4c"), std::string::npos) << query;

  std::string column_count;
  AppendLenencInt(&column_count, 1);
  std::string result = Server({column_count, EncodeColumnDefinition41(IdColumn()),
                               EncodeEofPacket(0, 2), EncodeTextRow(Row{Value::Int(42)}),
                               EncodeTextRow(Row{Value::Null()}), EncodeEofPacket(0, 2)});
  EXPECT_NE(result.find("result set: column_count=1"), std::string::npos) << result;
  EXPECT_NE(result.find("column definition name='id' org_name='id' table='t'"), std::string::npos);
  EXPECT_NE(result.find("type=LONG charset=45 length=11"), std::string::npos);
  EXPECT_NE(result.find("seq=3 len=5 EOF warnings=0 status=0x0002 AUTOCOMMIT"), std::string::npos);
  EXPECT_NE(result.find("seq=4 len=3 text row: '42'"), std::string::npos);
  EXPECT_NE(result.find("seq=5 len=1 text row: NULL"), std::string::npos);
  EXPECT_NE(result.find("seq=6 len=5 EOF"), std::string::npos);

  // Back at idle: the next command's error is decoded as an ERR.
  Client(Command(0x03, "SELECT * FROM nope"));
  std::string error = Server({EncodeErrPacket(Status::Error(ErrorCode::kNoDb))});
  EXPECT_NE(error.find("ERR error_code=1046 sqlstate=3D000 message='No database selected'"),
            std::string::npos)
      << error;
}

TEST_F(PacketTraceTest, DeprecateEofEndsRowsWithAnOk) {
  LogIn(kClientProtocol41 | kClientSecureConnection | kClientDeprecateEof);
  Client(Command(0x03, "SELECT id FROM t"));
  std::string column_count;
  AppendLenencInt(&column_count, 1);
  std::string result =
      Server({column_count, EncodeColumnDefinition41(IdColumn()), EncodeTextRow(Row{Value::Int(1)}),
              EncodeOkPacket(OkResult{}, 2, kEofHeader)});
  EXPECT_NE(result.find("seq=3 len=2 text row: '1'"), std::string::npos) << result;
  EXPECT_NE(result.find("OK (end of rows) affected_rows=0"), std::string::npos) << result;
}

TEST_F(PacketTraceTest, PreparedStatementParametersAreDecoded) {
  LogIn(kClientProtocol41 | kClientSecureConnection);
  std::string prepare = Client(Command(0x16, "SELECT id FROM t WHERE id = ?"));
  EXPECT_NE(prepare.find("COM_STMT_PREPARE sql='SELECT id FROM t WHERE id = ?'"),
            std::string::npos);
  std::string prepared =
      Server({EncodeStmtPrepareOk(3, 1, 1, 0), EncodeColumnDefinition41(ParameterDefinition()),
              EncodeEofPacket(0, 2), EncodeColumnDefinition41(IdColumn()), EncodeEofPacket(0, 2)});
  EXPECT_NE(prepared.find("PREPARE_OK statement_id=3 columns=1 params=1"), std::string::npos)
      << prepared;
  EXPECT_NE(prepared.find("parameter definition name='?'"), std::string::npos);
  EXPECT_NE(prepared.find("column definition name='id'"), std::string::npos);

  std::string execute;
  AppendInt1(&execute, 0x17);
  AppendInt4(&execute, 3);  // statement id
  AppendInt1(&execute, 0);  // flags
  AppendInt4(&execute, 1);  // iteration count
  AppendInt1(&execute, 0);  // null bitmap
  AppendInt1(&execute, 1);  // new params bound
  AppendInt2(&execute, static_cast<uint16_t>(FieldType::kLong));
  AppendInt4(&execute, 42);
  std::string traced = Client(execute);
  EXPECT_NE(traced.find("COM_STMT_EXECUTE statement_id=3 params=1 flags=0 iteration_count=1"),
            std::string::npos)
      << traced;
  EXPECT_NE(traced.find("param[0] type=LONG value='42'"), std::string::npos) << traced;

  std::string column_count;
  AppendLenencInt(&column_count, 1);
  std::string binary_row("\x00\x00\x2a\x00\x00\x00", 6);
  std::string rows = Server({column_count, EncodeColumnDefinition41(IdColumn()),
                             EncodeEofPacket(0, 2), binary_row, EncodeEofPacket(0, 2)});
  EXPECT_NE(rows.find("seq=4 len=6 binary row: 42"), std::string::npos) << rows;
  EXPECT_NE(Client(Command(0x19, std::string("\x03\x00\x00\x00", 4)))
                .find("COM_STMT_CLOSE statement_id=3"),
            std::string::npos);
}

TEST_F(PacketTraceTest, BinaryRowsAreDecodedByColumnType) {
  tracer_.ResumeInCommandPhase(kServerCapabilities, kClientProtocol41, 0x17);
  auto column = [](FieldType type, uint16_t flags) {
    ResultColumn c = IdColumn();
    c.type = type;
    c.flags = flags;
    return c;
  };
  std::string column_count;
  AppendLenencInt(&column_count, 6);
  // Values: TINY -1, unsigned LONGLONG 2^64-1, DOUBLE 2.5, NULL (a VAR_STRING),
  // DATETIME 2024-01-31 12:00:05.5, TIME -1 02:03:04.
  std::string row("\x00\x20\xff", 3);  // header; bitmap: bit 3 + 2 = column 3 is NULL; -1
  row.append(8, '\xff');               // 2^64 - 1
  AppendInt8(&row, std::bit_cast<uint64_t>(2.5));
  row += '\x0b';
  AppendInt2(&row, 2024);
  row += std::string("\x01\x1f\x0c\x00\x05", 5);
  AppendInt4(&row, 500000);
  row += std::string("\x08\x01", 2);
  AppendInt4(&row, 1);
  row += std::string("\x02\x03\x04", 3);
  std::string traced =
      Server({column_count, EncodeColumnDefinition41(column(FieldType::kTiny, 0)),
              EncodeColumnDefinition41(column(FieldType::kLongLong, 32)),
              EncodeColumnDefinition41(column(FieldType::kDouble, 0)),
              EncodeColumnDefinition41(column(FieldType::kVarString, 0)),
              EncodeColumnDefinition41(column(FieldType::kDateTime, 0)),
              EncodeColumnDefinition41(column(FieldType::kTime, 0)), EncodeEofPacket(0, 2), row});
  EXPECT_NE(traced.find("binary row: -1 18446744073709551615 2.5 NULL "
                        "'2024-01-31 12:00:05.500000' '-26:03:04'"),
            std::string::npos)
      << traced;
  // A row cut short is said to be.
  EXPECT_NE(Server({std::string("\x00\x00\x05", 3)}).find("(malformed)"), std::string::npos);
}

TEST_F(PacketTraceTest, AuthSwitchAndPasswordsAreNotDumped) {
  Scramble scramble{};
  tracer_.Describe(Direction::kServerToClient,
                   Framed({BuildHandshakeV10(1, scramble, kServerCapabilities, 2)}, 0));
  tracer_.Describe(
      Direction::kClientToServer,
      Framed({HandshakeResponse(kClientProtocol41 | kClientSecureConnection | kClientPluginAuth)},
             1));
  std::string switch_request =
      tracer_.Describe(Direction::kServerToClient,
                       Framed({BuildAuthSwitchRequest(scramble, "caching_sha2_password")}, 2));
  EXPECT_NE(switch_request.find("AuthSwitchRequest auth_plugin='caching_sha2_password'"),
            std::string::npos)
      << switch_request;
  std::string password =
      tracer_.Describe(Direction::kClientToServer, Framed({std::string("hunter2\0", 8)}, 3));
  EXPECT_NE(password.find("payload not shown"), std::string::npos) << password;
  EXPECT_EQ(password.find("hunter2"), std::string::npos) << password;
  EXPECT_EQ(password.find("68 75 6e"), std::string::npos) << password;  // "hun"
}

TEST_F(PacketTraceTest, SslRequestIsNamed) {
  std::string ssl_request;
  AppendInt4(&ssl_request, kClientProtocol41 | kClientSsl);
  AppendInt4(&ssl_request, 1 << 24);
  AppendInt1(&ssl_request, 45);
  ssl_request.append(23, '\0');
  std::string traced = Client(ssl_request);
  EXPECT_NE(traced.find("SSLRequest (TLS handshake follows)"), std::string::npos) << traced;
  EXPECT_NE(traced.find("capabilities=0x00000a00 PROTOCOL_41|SSL"), std::string::npos) << traced;
}

TEST_F(PacketTraceTest, MidSessionResumeDecodesTheAnswer) {
  tracer_.ResumeInCommandPhase(kServerCapabilities, kClientProtocol41, 0x03);
  std::string ok = Server({EncodeOkPacket(OkResult{}, 2)});
  EXPECT_NE(ok.find("seq=1 len=7 OK affected_rows=0"), std::string::npos) << ok;
}

TEST_F(PacketTraceTest, TruncatedAndGarbageInputIsDescribedNotTrusted) {
  EXPECT_NE(Server({"\x0a"}).find("HandshakeV10 (malformed)"), std::string::npos);
  EXPECT_NE(Client("\x01").find("HandshakeResponse41 (malformed"), std::string::npos);
  tracer_.ResumeInCommandPhase(kServerCapabilities, kClientProtocol41, 0x03);
  EXPECT_NE(Client("").find("empty command packet"), std::string::npos);
  EXPECT_NE(Client("\x17\x01").find("COM_STMT_EXECUTE (malformed)"), std::string::npos);
  EXPECT_NE(Server({"\xff\x01"}).find("ERR (malformed)"), std::string::npos);
  EXPECT_NE(tracer_.Describe(Direction::kClientToServer, "\x05\x00").find("partial header"),
            std::string::npos);
  EXPECT_NE(tracer_.Describe(Direction::kClientToServer, std::string("\x09\x00\x00\x00\x03", 5))
                .find("truncated packet (1 bytes present)"),
            std::string::npos);
}

TEST(PacketTraceNamesTest, NamesAndHexDump) {
  EXPECT_EQ(CapabilityNames(kClientLongPassword | kClientDeprecateEof),
            "LONG_PASSWORD|DEPRECATE_EOF");
  EXPECT_EQ(ServerStatusNames(0x0003), "IN_TRANS|AUTOCOMMIT");
  EXPECT_EQ(ServerStatusNames(0x0004), "0x4");
  EXPECT_EQ(CommandName(0x03), "COM_QUERY");
  EXPECT_EQ(CommandName(0x1f), "COM_RESET_CONNECTION");
  EXPECT_EQ(CommandName(0x42), "COM_0x42");
  EXPECT_EQ(FieldTypeName(0xfd), "VAR_STRING");
  EXPECT_EQ(FieldTypeName(0x03), "LONG");
  EXPECT_EQ(FieldTypeName(0x20), "TYPE_0x20");
  EXPECT_EQ(HexDump("AB\x01"), "    0000  41 42 01                                         AB.\n");
  std::string long_dump = HexDump(std::string(300, 'x'), 32);
  EXPECT_NE(long_dump.find("... 268 more bytes"), std::string::npos) << long_dump;
}

}  // namespace
}  // namespace minisql::net
