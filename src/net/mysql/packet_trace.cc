// packet_trace.cc — the protocol tracer (packet_trace.h): cutting bytes into packets,
// and the server's packets, read according to the conversation so far (the state
// drawing is in packet_trace.h). Client packets: packet_trace_client.cc; result rows:
// packet_trace_rows.cc.
#include "net/mysql/packet_trace.h"

#include <cstdio>

#include "net/mysql/packet.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/stmt_execute_request.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {

namespace {

constexpr uint8_t kComStatistics = 0x09;
constexpr uint8_t kComFieldList = 0x04;
constexpr uint16_t kMoreResultsExists = 0x0008;

std::string Status16(uint16_t status) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%04x", status);
  return std::string(text) + " " + ServerStatusNames(status);
}

// ERR_Packet: 0xFF | code int<2> | ['#' sqlstate[5]] | message string<EOF>.
std::string DescribeErr(std::string_view payload) {
  PayloadReader reader(payload);
  reader.Skip(1);
  uint16_t code = reader.ReadInt2();
  std::string state;
  if (reader.remaining() >= 6 && payload[3] == '#') {
    reader.Skip(1);
    state = " sqlstate=" + std::string(reader.ReadFixedString(5));
  }
  std::string_view message = reader.ReadRest();
  if (!reader.ok()) return "ERR (malformed)";
  return "ERR error_code=" + std::to_string(code) + state + " message=" + TraceQuote(message);
}

// EOF_Packet: 0xFE | warnings int<2> | status int<2>.
std::string DescribeEof(std::string_view payload) {
  PayloadReader reader(payload);
  reader.Skip(1);
  uint16_t warnings = reader.ReadInt2();
  uint16_t status = reader.ReadInt2();
  if (!reader.ok()) return "EOF (malformed)";
  return "EOF warnings=" + std::to_string(warnings) + " status=" + Status16(status);
}

// Status flags of an OK or EOF packet (0 if malformed), to see MORE_RESULTS_EXISTS.
uint16_t StatusOf(std::string_view payload, bool eof) {
  PayloadReader reader(payload);
  reader.Skip(1);
  if (eof) {
    reader.Skip(2);
  } else {
    reader.ReadLenencInt();
    reader.ReadLenencInt();
  }
  uint16_t status = reader.ReadInt2();
  return reader.ok() ? status : 0;
}

// HandshakeV10 (handshake.h has the layout).
std::string DescribeGreeting(std::string_view payload, uint32_t* capabilities) {
  PayloadReader reader(payload);
  uint8_t protocol = reader.ReadInt1();
  std::string_view version = reader.ReadNulString();
  uint32_t connection_id = reader.ReadInt4();
  reader.Skip(8 + 1);  // scramble part 1, filler
  uint32_t caps = reader.ReadInt2();
  uint8_t charset = reader.ReadInt1();
  uint16_t status = reader.ReadInt2();
  caps |= static_cast<uint32_t>(reader.ReadInt2()) << 16;
  uint8_t auth_data_length = reader.ReadInt1();
  reader.Skip(10);
  reader.Skip(auth_data_length > 8 ? auth_data_length - 8 : 13);
  std::string_view plugin = reader.ReadNulString();
  if (!reader.ok()) return "HandshakeV10 (malformed)";
  *capabilities = caps;
  return "HandshakeV10 protocol_version=" + std::to_string(protocol) +
         " server_version=" + TraceQuote(version) +
         " connection_id=" + std::to_string(connection_id) + " charset=" + std::to_string(charset) +
         " status=" + Status16(status) + " auth_plugin=" + TraceQuote(plugin) +
         "\n  capabilities=" + TraceHex32(caps) + " " + CapabilityNames(caps);
}

}  // namespace

std::string PacketTracer::Describe(Direction direction, std::string_view bytes) {
  bool from_client = direction == Direction::kClientToServer;
  bool* continuation = from_client ? &client_continuation_ : &server_continuation_;
  std::string out;
  while (!bytes.empty()) {
    std::string line = from_client ? "C->S" : "S->C";
    if (bytes.size() < kPacketHeaderSize) {
      out += line + " partial header (" + std::to_string(bytes.size()) + " bytes)\n";
      out += HexDump(bytes);
      break;
    }
    PayloadReader header(bytes.substr(0, kPacketHeaderSize));
    uint32_t length = header.ReadInt3();
    uint8_t sequence_id = header.ReadInt1();
    std::string_view payload = bytes.substr(kPacketHeaderSize, length);
    line += " seq=" + std::to_string(sequence_id) + " len=" + std::to_string(length) + " ";
    // Auth data after the HandshakeResponse41 may be a password in clear text
    // (caching_sha2_password over TLS): only its header is dumped.
    bool secret = from_client && client_spoke_ && expect_ == Expect::kLogin;
    if (payload.size() < length) {
      line += "truncated packet (" + std::to_string(payload.size()) + " bytes present)";
    } else if (*continuation) {
      line += "continuation of a payload of 16 MiB or more";
    } else {
      line += from_client ? DescribeClient(payload) : DescribeServer(payload);
    }
    *continuation = length == kMaxPacketPayload;
    if (secret) {
      out += line + " (payload not shown: it may hold a password)\n" +
             HexDump(bytes.substr(0, kPacketHeaderSize));
    } else {
      out += line + "\n" + HexDump(bytes.substr(0, kPacketHeaderSize + payload.size()));
    }
    bytes.remove_prefix(kPacketHeaderSize + payload.size());
  }
  return out;
}

void PacketTracer::ResumeInCommandPhase(uint32_t server_capabilities, uint32_t client_capabilities,
                                        uint8_t command) {
  server_capabilities_ = server_capabilities;
  client_capabilities_ = client_capabilities;
  client_spoke_ = true;
  command_ = command;
  binary_rows_ = static_cast<Command>(command) == Command::kStmtExecute;
  expect_ = Expect::kResponse;
}

bool PacketTracer::deprecate_eof() const {
  return (server_capabilities_ & client_capabilities_ & kClientDeprecateEof) != 0;
}

// --- Server packets ----------------------------------------------------------------------

std::string PacketTracer::DescribeServer(std::string_view payload) {
  if (payload.empty()) return "empty packet";
  auto first = static_cast<uint8_t>(payload[0]);
  switch (expect_) {
    case Expect::kGreeting:
      expect_ = Expect::kLogin;
      if (first == kErrHeader) return DescribeErr(payload);
      return DescribeGreeting(payload, &server_capabilities_);
    case Expect::kLogin:
      if (first == kOkHeader) {
        expect_ = Expect::kIdle;
        return DescribeOk(payload, "OK (logged in)");
      }
      if (first == kErrHeader) return DescribeErr(payload);
      if (first == kEofHeader) {
        PayloadReader reader(payload.substr(1));
        return "AuthSwitchRequest auth_plugin=" + TraceQuote(reader.ReadNulString()) +
               " plugin_data=" + std::to_string(reader.remaining()) + " bytes";
      }
      if (first == 0x01 && payload.size() == 2) {
        return payload[1] == 0x03 ? "AuthMoreData: fast_auth_success"
                                  : "AuthMoreData: perform_full_authentication";
      }
      return "AuthMoreData " + std::to_string(payload.size() - 1) + " bytes (RSA public key)";
    case Expect::kIdle:
    case Expect::kResponse:
      return DescribeResponse(payload);
    case Expect::kColumns:
    case Expect::kPrepareParams:
    case Expect::kPrepareColumns:
      return DescribeDefinition(payload, expect_);
    case Expect::kRows:
      if (first == kErrHeader) {
        expect_ = Expect::kIdle;
        return DescribeErr(payload);
      }
      if (IsEndOfRows(payload)) {
        bool more = StatusOf(payload, !deprecate_eof()) & kMoreResultsExists;
        expect_ = more ? Expect::kResponse : Expect::kIdle;
        return deprecate_eof() ? DescribeOk(payload, "OK (end of rows)") : DescribeEof(payload);
      }
      return DescribeRow(payload);
  }
  return "unexpected packet";
}

std::string PacketTracer::DescribeResponse(std::string_view payload) {
  auto first = static_cast<uint8_t>(payload[0]);
  expect_ = Expect::kIdle;
  if (command_ == kComStatistics) return "statistics " + TraceQuote(payload);
  if (first == kErrHeader) return DescribeErr(payload);
  if (first == kOkHeader && static_cast<Command>(command_) == Command::kStmtPrepare) {
    PayloadReader reader(payload.substr(1));
    uint32_t id = reader.ReadInt4();
    prepare_columns_ = reader.ReadInt2();
    prepare_params_ = reader.ReadInt2();
    reader.Skip(1);
    uint16_t warnings = reader.ReadInt2();
    if (!reader.ok()) return "PREPARE_OK (malformed)";
    param_counts_[id] = prepare_params_;
    if (prepare_params_ > 0) {
      expect_ = Expect::kPrepareParams;
      definitions_left_ = prepare_params_;
    } else if (prepare_columns_ > 0) {
      expect_ = Expect::kPrepareColumns;
      definitions_left_ = prepare_columns_;
    }
    return "PREPARE_OK statement_id=" + std::to_string(id) +
           " columns=" + std::to_string(prepare_columns_) +
           " params=" + std::to_string(prepare_params_) + " warnings=" + std::to_string(warnings);
  }
  if (first == kOkHeader) {
    if (StatusOf(payload, false) & kMoreResultsExists) expect_ = Expect::kResponse;
    return DescribeOk(payload, "OK");
  }
  if (first == kEofHeader && payload.size() < 9) return DescribeEof(payload);
  if (command_ == kComFieldList) {  // definitions without a count, then EOF
    expect_ = Expect::kColumns;
    definitions_left_ = UINT64_MAX;
    return DescribeDefinition(payload, Expect::kColumns);
  }
  PayloadReader reader(payload);
  uint64_t columns = reader.ReadLenencInt();
  if (!reader.ok() || !reader.at_end()) return "unexpected packet";
  expect_ = Expect::kColumns;
  definitions_left_ = columns;
  column_types_.clear();
  return "result set: column_count=" + std::to_string(columns);
}

std::string PacketTracer::DescribeDefinition(std::string_view payload, Expect state) {
  auto advance = [this, state] {
    if (state == Expect::kPrepareParams && prepare_columns_ > 0) {
      expect_ = Expect::kPrepareColumns;
      definitions_left_ = prepare_columns_;
    } else if (state == Expect::kColumns && command_ != kComFieldList) {
      expect_ = Expect::kRows;
    } else {
      expect_ = Expect::kIdle;
    }
  };
  if (static_cast<uint8_t>(payload[0]) == kEofHeader) {  // a definition starts with 03 "def"
    advance();
    return deprecate_eof() ? DescribeOk(payload, "OK (end of definitions)") : DescribeEof(payload);
  }
  PayloadReader reader(payload);
  std::string_view catalog = reader.ReadLenencString();
  std::string_view schema = reader.ReadLenencString();
  std::string_view table = reader.ReadLenencString();
  std::string_view org_table = reader.ReadLenencString();
  std::string_view name = reader.ReadLenencString();
  std::string_view org_name = reader.ReadLenencString();
  reader.ReadLenencInt();  // 0x0C: length of the fixed fields
  uint16_t charset = reader.ReadInt2();
  uint32_t length = reader.ReadInt4();
  uint8_t type = reader.ReadInt1();
  uint16_t flags = reader.ReadInt2();
  uint8_t decimals = reader.ReadInt1();
  if (definitions_left_ > 0 && definitions_left_ != UINT64_MAX) --definitions_left_;
  if (definitions_left_ == 0 && deprecate_eof()) advance();
  if (!reader.ok()) return "column definition (malformed)";
  if (state == Expect::kColumns) {
    column_types_.push_back(static_cast<uint16_t>(type | ((flags & 32) ? kParamUnsignedFlag : 0)));
  }
  char flag_text[16];
  std::snprintf(flag_text, sizeof(flag_text), "0x%04x", flags);
  return std::string(state == Expect::kPrepareParams ? "parameter" : "column") +
         " definition name=" + TraceQuote(name) + " org_name=" + TraceQuote(org_name) +
         " table=" + TraceQuote(table) + " org_table=" + TraceQuote(org_table) +
         " schema=" + TraceQuote(schema) + " catalog=" + TraceQuote(catalog) +
         "\n  type=" + FieldTypeName(type) + " charset=" + std::to_string(charset) +
         " length=" + std::to_string(length) + " flags=" + flag_text +
         " decimals=" + std::to_string(decimals);
}

bool PacketTracer::IsEndOfRows(std::string_view payload) const {
  if (static_cast<uint8_t>(payload[0]) != kEofHeader) return false;
  // A text row may start with 0xFE only as the prefix of a value of 16 MiB or more.
  return deprecate_eof() ? payload.size() < kMaxPacketPayload : payload.size() < 9;
}

std::string PacketTracer::DescribeOk(std::string_view payload, const char* what) {
  PayloadReader reader(payload);
  reader.Skip(1);
  uint64_t affected_rows = reader.ReadLenencInt();
  uint64_t last_insert_id = reader.ReadLenencInt();
  uint16_t status = reader.ReadInt2();
  uint16_t warnings = reader.ReadInt2();
  if (!reader.ok()) return std::string(what) + " (malformed)";
  std::string info;
  if (!reader.at_end()) {
    bool lenenc = (server_capabilities_ & client_capabilities_ & kClientSessionTrack) != 0;
    info = " info=" + TraceQuote(lenenc ? reader.ReadLenencString() : reader.ReadRest());
  }
  return std::string(what) + " affected_rows=" + std::to_string(affected_rows) +
         " last_insert_id=" + std::to_string(last_insert_id) + " status=" + Status16(status) +
         " warnings=" + std::to_string(warnings) + info;
}

}  // namespace minisql::net
