// mysql_protocol.cc — see mysql_protocol.h for the state machine.
#include "net/mysql/mysql_protocol.h"

#include "common/log.h"
#include "net/mysql/packet.h"
#include "net/mysql/result_charset.h"
#include "net/mysql/wire_codec.h"
#include "session/client_charset.h"
#include "session/server_context.h"
#include "session/statement_splitter.h"

namespace minisql::net {

MysqlProtocol::MysqlProtocol(Connection* connection, std::string host)
    : connection_(connection), host_(std::move(host)), writer_(connection) {
  writer_.set_on_flush([this](std::string_view bytes) {
    if (tracing_) Trace(PacketTracer::Direction::kServerToClient, bytes);
  });
}

MysqlProtocol::~MysqlProtocol() = default;

void MysqlProtocol::Start(bool over_capacity) {
  writer_.set_sequence_id(0);
  tracing_ = connection_->context()->options().trace_protocol;
  if (over_capacity) {
    SendErrorAndClose(Status::Error(ErrorCode::kConCountError));
    return;
  }
  if (connection_->auth_services()->throttle.IsBlocked(host_)) {  // net/login_throttle.h
    SendErrorAndClose(Status::Error(ErrorCode::kHostIsBlocked, host_));
    return;
  }
  scramble_ = GenerateScramble();
  // Never announce CLIENT_SSL without TLS: libmariadb tools would insist on using it.
  if (connection_->tls_context() != nullptr) server_capabilities_ |= kClientSsl;
  writer_.WritePacket(BuildHandshakeV10(connection_->id(), scramble_, server_capabilities_,
                                        kServerStatusAutocommit));
  (void)writer_.Flush();
  expected_sequence_id_ = 1;
}

size_t MysqlProtocol::HandleInput(std::string_view input) {
  if (state_ == State::kClosed) return input.size();
  size_t limit = state_ == State::kCommand ? connection_->context()->options().max_allowed_packet
                                           : kMaxHandshakePayload;
  PacketReadResult packet = ReadPacket(input, expected_sequence_id_, limit);
  switch (packet.kind) {
    case PacketReadResult::Kind::kNeedMore:
      return 0;
    case PacketReadResult::Kind::kTooLarge:
      writer_.set_sequence_id(static_cast<uint8_t>(expected_sequence_id_ + 1));
      SendErrorAndClose(Status::Error(ErrorCode::kNetPacketTooLarge));
      return input.size();
    case PacketReadResult::Kind::kOutOfOrder:
      writer_.set_sequence_id(static_cast<uint8_t>(expected_sequence_id_ + 1));
      SendErrorAndClose(Status::Error(ErrorCode::kNetPacketsOutOfOrder));
      return input.size();
    case PacketReadResult::Kind::kPayload:
      break;
  }
  writer_.set_sequence_id(packet.next_sequence_id);
  if (tracing_) Trace(PacketTracer::Direction::kClientToServer, input.substr(0, packet.consumed));
  if (state_ == State::kAwaitHandshakeResponse && IsSslRequest(packet.payload)) {
    expected_sequence_id_ = packet.next_sequence_id;
    OnSslRequest(input.substr(packet.consumed));
    return input.size();  // the rest was handed to the TLS layer
  }
  switch (state_) {
    case State::kAwaitHandshakeResponse:
      OnHandshakeResponse(packet.payload);
      break;
    case State::kAuthenticating:
      OnAuthenticationPacket(packet.payload);
      break;
    case State::kCommand:
      OnCommand(packet.payload);
      // KILL CONNECTION of this session (by itself or another): the answer is written;
      // close once it is sent (the net Server also closes it if it was idle).
      if (state_ == State::kCommand && session_ && session_->connection_killed()) {
        state_ = State::kClosed;
        connection_->RequestClose();
      }
      break;
    case State::kClosed:
      break;
  }
  UpdateTracing();        // the command may have been SET trace_protocol
  (void)writer_.Flush();  // a failure means the client is gone; the connection is closing
  return packet.consumed;
}

// The connection phase (SSLRequest, authentication, COM_CHANGE_USER) is in
// mysql_protocol_auth.cc.

// --- Command phase -------------------------------------------------------------------------

void MysqlProtocol::OnCommand(std::string_view payload) {
  expected_sequence_id_ = 0;
  if (payload.empty()) {
    SendError(Status::Error(ErrorCode::kUnknownComError));
    return;
  }
  std::string_view arguments = payload.substr(1);
  last_command_ = static_cast<uint8_t>(payload[0]);
  switch (static_cast<Command>(static_cast<uint8_t>(payload[0]))) {
    case Command::kQuit:
      state_ = State::kClosed;
      connection_->RequestClose();
      return;
    case Command::kInitDb:
      ComInitDb(arguments);
      return;
    case Command::kQuery:
      ComQuery(arguments);
      return;
    case Command::kFieldList:
      ComFieldList(arguments);
      return;
    case Command::kStatistics:
      ComStatistics();
      return;
    case Command::kPing:
      SendOk();
      return;
    case Command::kProcessKill:
      ComProcessKill(arguments);
      return;
    case Command::kChangeUser:
      ComChangeUser(arguments);
      return;
    case Command::kResetConnection:
      ComResetConnection();
      return;
    case Command::kSetOption:
      ComSetOption(arguments);
      return;
    case Command::kStmtPrepare:
      ComStmtPrepare(arguments);
      return;
    case Command::kStmtExecute:
      ComStmtExecute(arguments);
      return;
    case Command::kStmtSendLongData:
      ComStmtSendLongData(arguments);
      return;
    case Command::kStmtClose:
      ComStmtClose(arguments);
      return;
    case Command::kStmtReset:
      ComStmtReset(arguments);
      return;
    case Command::kStmtFetch:
      ComStmtFetch(arguments);
      return;
  }
  SendError(Status::Error(ErrorCode::kUnknownComError));
}

void MysqlProtocol::ComQuery(std::string_view sql) {
  std::string converted;
  if (!DecodeClientText(&sql, &converted, /*query=*/true)) return;
  // With CLIENT_MULTI_STATEMENTS one COM_QUERY may hold several statements: each gets
  // its own result, all but the last flagged SERVER_MORE_RESULTS_EXISTS; an error ends
  // the batch (ERR carries no status flags, so the client stops reading there).
  std::vector<std::string_view> statements;
  if (multi_statements_) {
    statements = SplitStatements(sql);
  } else {
    statements.push_back(sql);
  }
  for (size_t i = 0; i < statements.size(); ++i) {
    uint16_t more = i + 1 < statements.size() ? kServerMoreResultsExists : 0;
    MysqlResultSink sink(
        &writer_, deprecate_eof(), [this, more] { return StatusFlags() | more; }, RowFormat::kText,
        session_track());
    sink.set_results_charset(results_charset());  // SET NAMES in the batch applies next
    session_->ExecuteQuery(statements[i], &sink);
    if (!sink.responded()) {
      // Every statement must answer; if one did not, say so rather than hang the client.
      SendError(Status::Error(ErrorCode::kInternalError, "statement produced no result"));
      return;
    }
    if (sink.failed()) return;
    (void)writer_.FlushIfFull();
  }
}

void MysqlProtocol::ComProcessKill(std::string_view arguments) {
  // COM_PROCESS_KILL int<4> id is KILL CONNECTION id (deprecated, still sent by old
  // clients): the same statement, the same errors, an OK packet.
  PayloadReader reader(arguments);
  uint32_t id = reader.ReadInt4();
  if (!reader.ok()) {
    SendError(Status::Error(ErrorCode::kUnknownComError));
    return;
  }
  ComQuery("KILL " + std::to_string(id));
}

void MysqlProtocol::ComSetOption(std::string_view arguments) {
  PayloadReader reader(arguments);
  uint16_t option = reader.ReadInt2();
  if (!reader.ok() || option > 1) {
    SendError(Status::Error(ErrorCode::kUnknownComError));
    return;
  }
  multi_statements_ = option == 0;  // MYSQL_OPTION_MULTI_STATEMENTS_ON = 0, _OFF = 1
  // The answer is an EOF packet (an OK with the EOF header under DEPRECATE_EOF).
  if (deprecate_eof()) {
    writer_.WritePacket(EncodeOkPacket(OkResult{}, StatusFlags(), kEofHeader));
  } else {
    writer_.WritePacket(EncodeEofPacket(0, StatusFlags()));
  }
}

void MysqlProtocol::ComInitDb(std::string_view database) {
  std::string converted;
  if (!DecodeClientText(&database, &converted, /*query=*/false)) return;
  Status status = session_->SetCurrentDatabase(std::string(database));
  if (status.ok()) {
    SendOk();
  } else {
    SendError(status);
  }
}

void MysqlProtocol::ComFieldList(std::string_view arguments) {
  // COM_FIELD_LIST: table string<NUL>, then a column wildcard (ignored: all columns).
  PayloadReader reader(arguments);
  std::string_view table = reader.ReadNulString();
  if (!reader.ok()) table = arguments;
  std::string converted;
  if (!DecodeClientText(&table, &converted, /*query=*/false)) return;
  Result<std::vector<ResultColumn>> columns = session_->ListFields(std::string(table));
  if (!columns.ok()) {
    SendError(columns.status());
    return;
  }
  for (const ResultColumn& column : *columns) {
    writer_.WritePacket(EncodeColumnDefinition41(ColumnForClient(column, results_charset()),
                                                 /*with_default=*/true));
  }
  if (deprecate_eof()) {
    writer_.WritePacket(EncodeOkPacket(OkResult{}, StatusFlags(), kEofHeader));
  } else {
    writer_.WritePacket(EncodeEofPacket(0, StatusFlags()));
  }
}

void MysqlProtocol::ComStatistics() {
  // The answer is a bare string<EOF>, not an OK packet.
  writer_.WritePacket(session_->Statistics());
}

// --- Helpers -------------------------------------------------------------------------------

void MysqlProtocol::UpdateTracing() {
  if (session_ == nullptr) return;  // logging in: --trace-protocol decides
  bool on = session_->TraceProtocol();
  if (on && !tracing_) {
    // Switched on mid-session: tell the tracer what it missed (the negotiated
    // capabilities, the command being answered, the prepared statements).
    tracer_ = PacketTracer();
    tracer_.ResumeInCommandPhase(server_capabilities_, client_.capabilities, last_command_);
    for (const auto& [id, statement] : statements_) {
      tracer_.SetParamCount(id, statement.param_count);
    }
  }
  tracing_ = on;
}

void MysqlProtocol::Trace(PacketTracer::Direction direction, std::string_view bytes) {
  // One log entry per packet, each line tagged with the connection.
  std::string prefix = "trace conn " + std::to_string(connection_->id()) + " ";
  std::string text = tracer_.Describe(direction, bytes);
  size_t start = 0;
  while (start < text.size()) {
    // A packet's block is its header line plus the indented lines under it.
    size_t end = start;
    do {
      end = text.find('\n', end);
      end = end == std::string::npos ? text.size() : end + 1;
    } while (end < text.size() && text[end] == ' ');
    std::string_view block(text.data() + start, end - start);
    if (!block.empty() && block.back() == '\n') block.remove_suffix(1);
    LogInfoText(prefix + std::string(block));
    start = end;
  }
}

uint16_t MysqlProtocol::StatusFlags() const {
  return session_ ? session_->StatusFlags() : static_cast<uint16_t>(kServerStatusAutocommit);
}

void MysqlProtocol::SendOk() {
  writer_.WritePacket(EncodeOkPacket(OkResult{}, StatusFlags()));
}

void MysqlProtocol::SendError(const Status& error) {
  writer_.WritePacket(EncodeErrPacket(ErrorForClient(error, results_charset())));
}

std::optional<CharacterSet> MysqlProtocol::results_charset() const {
  if (session_ == nullptr) return std::nullopt;
  return session_->results_charset();
}

bool MysqlProtocol::DecodeClientText(std::string_view* text, std::string* storage, bool query) {
  if (session_ == nullptr) return true;
  CharacterSet client = session_->client_charset();
  if (client != CharacterSet::kLatin1 && client != CharacterSet::kAscii) return true;  // as is
  Result<std::string> utf8 =
      query ? QueryTextToUtf8(client, *text) : ClientTextToUtf8(client, *text);
  if (!utf8.ok()) {
    SendError(utf8.status());
    return false;
  }
  *storage = std::move(*utf8);
  *text = *storage;
  return true;
}

bool MysqlProtocol::DecodeStringParameters(const std::vector<uint16_t>& types,
                                           std::vector<Value>* params) {
  for (size_t i = 0; i < params->size() && i < types.size(); ++i) {
    Value& value = (*params)[i];
    if (value.kind() != Value::Kind::kString || value.is_binary()) continue;
    // Character types carry text in character_set_client; BLOB types carry bytes (MySQL
    // converts the former only). Temporal and decimal values are ASCII already.
    switch (static_cast<FieldType>(types[i] & 0xff)) {
      case FieldType::kString:
      case FieldType::kVarString:
      case FieldType::kVarchar:
      case FieldType::kEnum:
      case FieldType::kSet:
        break;
      default:
        continue;
    }
    std::string_view text = value.string_value();
    std::string converted;
    if (!DecodeClientText(&text, &converted, /*query=*/false)) return false;
    if (!converted.empty()) value = Value::String(std::move(converted));
  }
  return true;
}

void MysqlProtocol::SendErrorAndClose(const Status& error) {
  SendError(error);
  (void)writer_.Flush();
  state_ = State::kClosed;
  connection_->RequestClose();
}

}  // namespace minisql::net
