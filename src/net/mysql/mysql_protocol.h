// mysql_protocol.h — the MySQL client/server protocol (v10) for one connection.
//
// State machine (one function per state; every transition happens on a worker thread
// inside HandleInput, after one complete payload has been reassembled):
//
//                ┌─ SSLRequest: Connection::StartTls; the same state, now inside TLS ─┐
//                ▼                                                                    │
//   Start ──► kAwaitHandshakeResponse ────────────────────────────────────────────────┘
//   (sends        │
//   HandshakeV10) ├──(client used another plugin)──► kAwaitAuthSwitchResponse
//                 │                                           │ token
//                 └────────────────► Authenticate ◄───────────┘
//                                        │ ok: OK_Packet          │ fail: ERR 1045/1049
//                                        ▼                        ▼
//                                    kCommand ◄──┐             kClosed
//                                        │       │ response sent
//                                        └──► executing (COM_QUERY runs the statement;
//                                                  COM_STMT_* in mysql_protocol_stmt.cc)
//                                        │ COM_QUIT, framing error
//                                        ▼
//                                     kClosed
//
// Sequence ids: the greeting is 0, the handshake response 1, an AuthSwitchRequest 2 and
// its answer 3; every command starts again at 0 and the reply continues from 1. A packet
// with any other id is ER_NET_PACKETS_OUT_OF_ORDER and ends the connection, as does a
// payload larger than max_allowed_packet (ER_NET_PACKET_TOO_LARGE). Before
// authentication payloads are limited to kMaxHandshakePayload so an anonymous client
// cannot make the server buffer megabytes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "net/connection.h"
#include "net/mysql/authenticator.h"
#include "net/mysql/handshake.h"
#include "net/mysql/native_password.h"
#include "net/mysql/packet_trace.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/response_writer.h"
#include "net/mysql/stmt_cursor.h"
#include "net/protocol_handler.h"
#include "session/session.h"

namespace minisql::net {

class MysqlProtocol : public ProtocolHandler {
 public:
  /// `host` is how the account table sees the client ("localhost" for loopback).
  MysqlProtocol(Connection* connection, std::string host);
  ~MysqlProtocol() override;

  void Start(bool over_capacity) override;
  size_t HandleInput(std::string_view input) override;

 private:
  enum class State { kAwaitHandshakeResponse, kAuthenticating, kCommand, kClosed };
  static constexpr size_t kMaxHandshakePayload = 64 * 1024;

  // States.
  void OnHandshakeResponse(std::string_view payload);
  void OnAuthenticationPacket(std::string_view payload);
  void OnCommand(std::string_view payload);

  // Authentication (mysql_protocol_auth.cc), also for COM_CHANGE_USER.
  void OnSslRequest(std::string_view leftover);
  void BeginAuthentication();
  void OnAuthenticationStep(const Authenticator::Step& step);
  void OnAuthenticated();
  void ComChangeUser(std::string_view arguments);
  void ComResetConnection();
  /// A fresh Session for the authenticated user (login, COM_CHANGE_USER, reset).
  void StartSession();
  // Commands (payload without the command byte).
  void ComQuery(std::string_view sql);
  void ComInitDb(std::string_view database);
  void ComFieldList(std::string_view arguments);
  void ComStatistics();
  void ComProcessKill(std::string_view arguments);
  void ComSetOption(std::string_view arguments);
  // Prepared statements (mysql_protocol_stmt.cc).
  void ComStmtPrepare(std::string_view sql);
  void ComStmtExecute(std::string_view arguments);
  void ComStmtSendLongData(std::string_view arguments);
  void ComStmtClose(std::string_view arguments);
  void ComStmtReset(std::string_view arguments);
  void ComStmtFetch(std::string_view arguments);
  /// EXECUTE with CURSOR_TYPE_READ_ONLY: runs into a ResultCapture, opens the cursor.
  void ExecuteIntoCursor(uint32_t id, const std::vector<Value>& params, StatementWireState* state);
  /// The end of a result set or of a FETCH batch: EOF, or OK(0xFE) with DEPRECATE_EOF.
  void WriteEndOfRows(uint16_t warnings, uint16_t status_flags);

  // Protocol tracing (--trace-protocol, SET trace_protocol): see packet_trace.h.
  void UpdateTracing();
  void Trace(PacketTracer::Direction direction, std::string_view bytes);

  // Character sets (session/client_charset.h): the session says which, these apply them.
  /// @@character_set_results of the session (nullopt: NULL, or no session yet).
  std::optional<CharacterSet> results_charset() const;
  /// Client text (a query, a name) as UTF-8: `*text` is pointed at the converted bytes,
  /// kept in `*storage`, unless they are unchanged. On a byte the client's set does not
  /// have, answers ERR 1300 and returns false. `query`: keep `_binary` literals as sent.
  bool DecodeClientText(std::string_view* text, std::string* storage, bool query);
  /// COM_STMT_EXECUTE's string parameters of character types, as UTF-8 (1300 as above).
  bool DecodeStringParameters(const std::vector<uint16_t>& types, std::vector<Value>* params);

  void SendOk();
  void SendError(const Status& error);
  void SendErrorAndClose(const Status& error);
  uint16_t StatusFlags() const;
  bool deprecate_eof() const { return (capabilities_ & kClientDeprecateEof) != 0; }
  bool session_track() const { return (capabilities_ & kClientSessionTrack) != 0; }

  Connection* connection_;
  std::string host_;
  PacketWriter writer_;
  State state_ = State::kAwaitHandshakeResponse;
  uint8_t expected_sequence_id_ = 1;
  Scramble scramble_{};
  HandshakeResponse41 client_;
  uint32_t server_capabilities_ = kServerCapabilities;  // + CLIENT_SSL when TLS is on
  uint32_t capabilities_ = 0;                           // negotiated: what both sides announced
  bool multi_statements_ = false;                 // CLIENT_MULTI_STATEMENTS, then COM_SET_OPTION
  bool tls_requested_ = false;                    // an SSLRequest was accepted
  std::unique_ptr<Authenticator> authenticator_;  // during kAuthenticating
  std::unique_ptr<Session> session_;
  bool tracing_ = false;      // packets are logged, decoded by tracer_
  uint8_t last_command_ = 0;  // the command byte being answered
  PacketTracer tracer_;

  // What the wire needs to remember of each open prepared statement (stmt_cursor.h;
  // the statement itself lives in the Session).
  std::unordered_map<uint32_t, StatementWireState> statements_;
};

}  // namespace minisql::net
