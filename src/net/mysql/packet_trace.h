// packet_trace.h — a protocol analyser: every packet of a connection, decoded for a
// human, for `minisqld --trace-protocol` and `SET SESSION trace_protocol = ON`.
//
// MysqlProtocol hands the tracer the raw bytes of each packet it reads and of each
// batch it writes (headers included). The tracer follows the conversation, because a
// packet's meaning depends on what came before it (a first byte 0x00 is an OK after
// COM_QUERY, a PREPARE_OK after COM_STMT_PREPARE, a NULL-free binary row inside a
// result set), and describes each packet as one block of log text:
//
//   C->S seq=0 len=9 COM_QUERY sql='SELECT 1'
//     0000  09 00 00 00 03 53 45 4c 45 43 54 20 31           .....SELECT 1
//
// What it expects next (server packets; client packets are read by their phase):
//
//   kGreeting ──HandshakeV10──► kLogin ──OK──► kIdle ◄─────────────────────────────┐
//                                 │ ▲ AuthSwitchRequest / AuthMoreData              │
//                                 └─┘ (client: auth data)                           │
//   kIdle: client command ──► kResponse ── OK / ERR / EOF / PREPARE_OK(0 defs) ─────┤
//                                │ column count n                                   │
//                                ▼                                                  │
//                              kColumns (n defs, then EOF unless DEPRECATE_EOF)     │
//                                ▼                                                  │
//                              kRows ── EOF/OK (0xFE), ERR ─────────────────────────┘
//                                       (MORE_RESULTS_EXISTS: back to kResponse)
//   PREPARE_OK: kPrepareParams (p defs [+ EOF]) then kPrepareColumns (c defs [+ EOF]).
//
// Files: packet_trace.cc (framing, server packets), packet_trace_client.cc (client
// packets), packet_trace_rows.cc (result rows), packet_trace_names.cc (flag, command and type
// names; hex dump).
//
// Decoding never fails: bytes the tracer cannot make sense of are described as such
// and the hex dump shows them. The tracer is pure (bytes in, text out), so it is
// unit-tested without sockets and fuzzed (test/fuzz/packet_fuzzer.cc).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace minisql::net {

/// "LONG_PASSWORD|FOUND_ROWS|..." for a CLIENT_* capability mask (unknown bits as hex).
std::string CapabilityNames(uint32_t capabilities);
/// "AUTOCOMMIT|MORE_RESULTS_EXISTS" for SERVER_STATUS_* flags ("" for none).
std::string ServerStatusNames(uint16_t status);
/// "COM_QUERY" for a command byte ("COM_0x42" if unknown).
std::string CommandName(uint8_t command);
/// "LONG" for a MYSQL_TYPE_* byte ("TYPE_0x42" if unknown).
std::string FieldTypeName(uint8_t type);
/// Classic hex dump, 16 bytes a line, each line indented and prefixed with its offset;
/// at most `max_bytes` are shown, then "... N more bytes".
std::string HexDump(std::string_view bytes, size_t max_bytes = 256);
/// 'text' in quotes, quotes and backslashes escaped, other non-printable bytes as \xNN,
/// cut after `max` bytes ("... (N bytes)").
std::string TraceQuote(std::string_view text, size_t max = 200);
/// "0x0000a200".
std::string TraceHex32(uint32_t value);

class PacketTracer {
 public:
  enum class Direction { kClientToServer, kServerToClient };

  /// Describes every complete packet in `bytes` (4-byte headers included), one block
  /// per packet, each ending in '\n'. A trailing partial packet is described as such.
  std::string Describe(Direction direction, std::string_view bytes);

  /// For a tracer switched on mid-session (SET trace_protocol = ON): the login is
  /// over, with these capabilities, and the server is answering `command`.
  void ResumeInCommandPhase(uint32_t server_capabilities, uint32_t client_capabilities,
                            uint8_t command);
  /// A statement prepared before tracing started (to decode its COM_STMT_EXECUTE).
  void SetParamCount(uint32_t statement_id, uint16_t param_count) {
    param_counts_[statement_id] = param_count;
  }

 private:
  enum class Expect {
    kGreeting,        // the server's HandshakeV10
    kLogin,           // OK / ERR / AuthSwitchRequest / AuthMoreData
    kIdle,            // nothing until the client sends a command
    kResponse,        // the first packet answering a command
    kColumns,         // column definitions of a result set
    kRows,            // rows, up to the closing EOF / OK / ERR
    kPrepareParams,   // parameter definitions after PREPARE_OK
    kPrepareColumns,  // column definitions after PREPARE_OK
  };

  std::string DescribeClient(std::string_view payload);
  std::string DescribeServer(std::string_view payload);
  std::string DescribeCommand(std::string_view payload);
  std::string DescribeResponse(std::string_view payload);
  std::string DescribeRow(std::string_view payload);
  /// A binary row, decoded with the types of the result set's column definitions.
  std::string DescribeBinaryRow(std::string_view payload) const;
  /// A column/parameter definition; returns its description and counts it down.
  std::string DescribeDefinition(std::string_view payload, Expect next);
  /// OK packet fields (also the 0xFE-headed OK that ends a result set).
  std::string DescribeOk(std::string_view payload, const char* what);
  bool IsEndOfRows(std::string_view payload) const;
  bool deprecate_eof() const;

  Expect expect_ = Expect::kGreeting;
  bool client_spoke_ = false;         // the HandshakeResponse41 was seen
  bool client_continuation_ = false;  // the last packet was 0xFFFFFF bytes: more follows
  bool server_continuation_ = false;
  uint32_t server_capabilities_ = 0;
  uint32_t client_capabilities_ = 0;
  uint8_t command_ = 0;       // the command being answered
  bool binary_rows_ = false;  // COM_STMT_EXECUTE result set
  /// The current result set's column types (low byte) and UNSIGNED (0x100).
  std::vector<uint16_t> column_types_;
  uint64_t definitions_left_ = 0;  // column / parameter definitions still to come
  bool eof_after_definitions_ = false;
  uint16_t prepare_columns_ = 0;  // PREPARE_OK's column count, after its parameters
  uint16_t prepare_params_ = 0;
  std::map<uint32_t, uint16_t> param_counts_;  // statement id -> parameters (PREPARE_OK)
};

}  // namespace minisql::net
