// mysql_protocol_stmt.cc — the prepared-statement commands of MysqlProtocol (the binary
// protocol). The other commands are in mysql_protocol.cc.
//
//   COM_STMT_PREPARE  sql        ─► PREPARE_OK | param defs (+EOF) | column defs (+EOF)
//                                   (each group only if non-empty; EOFs omitted with
//                                   CLIENT_DEPRECATE_EOF) — or ERR
//   COM_STMT_EXECUTE  id, params ─► OK | result set with binary rows | ERR
//   COM_STMT_SEND_LONG_DATA id, param, bytes ─► (no response; the bytes are appended to
//                                   the parameter's value for the next EXECUTE)
//   COM_STMT_CLOSE    id         ─► (no response)
//   COM_STMT_RESET    id         ─► OK | ERR 1243
//   COM_STMT_FETCH               ─► ERR 1235 (no cursors: EXECUTE refuses to open one)
//
// The session keeps the statements; this file keeps what only the wire needs: the
// parameter count (to decode EXECUTE) and the parameter types of the last execution
// (a client may send them once and then execute with new_params_bound = 0), and the
// long data sent for the next execution (Connector/J sends every byte array that way).
#include "net/mysql/mysql_protocol.h"
#include "net/mysql/stmt_execute_request.h"

namespace minisql::net {

void MysqlProtocol::ComStmtPrepare(std::string_view sql) {
  Result<PreparedStatementInfo> info = session_->Prepare(sql);
  if (!info.ok()) {
    SendError(info.status());
    return;
  }
  statements_[info->id] = StatementWireState{info->param_count, {}, {}, 0, Status::OK()};
  writer_.WritePacket(EncodeStmtPrepareOk(info->id, static_cast<uint16_t>(info->columns.size()),
                                          info->param_count, 0));
  auto write_end_of_definitions = [this] {
    if (!deprecate_eof()) writer_.WritePacket(EncodeEofPacket(0, StatusFlags()));
  };
  if (info->param_count > 0) {
    std::string parameter = EncodeColumnDefinition41(ParameterDefinition());
    for (uint16_t i = 0; i < info->param_count; ++i) writer_.WritePacket(parameter);
    write_end_of_definitions();
  }
  if (!info->columns.empty()) {
    for (const ResultColumn& column : info->columns) {
      writer_.WritePacket(EncodeColumnDefinition41(column));
    }
    write_end_of_definitions();
  }
}

void MysqlProtocol::ComStmtExecute(std::string_view arguments) {
  MysqlResultSink sink(
      &writer_, deprecate_eof(), [this] { return StatusFlags(); }, RowFormat::kBinary,
      session_track());
  Result<uint32_t> id = ReadStatementId(arguments);
  if (!id.ok()) {
    SendError(id.status());
    return;
  }
  auto it = statements_.find(*id);
  if (it == statements_.end()) {
    session_->ExecutePrepared(*id, {}, &sink);  // answers 1243, as the session knows it
    return;
  }
  StatementWireState& state = it->second;
  // Long data lasts for one execution, whatever its outcome.
  std::vector<std::optional<std::string>> long_data = std::move(state.long_data);
  Status long_data_error = std::move(state.long_data_error);
  state.long_data.clear();
  state.long_data_bytes = 0;
  state.long_data_error = Status::OK();

  Result<StmtExecuteRequest> request =
      DecodeStmtExecute(arguments, state.param_count, state.param_types, std::move(long_data));
  if (!request.ok()) {
    SendError(request.status());
    return;
  }
  if ((request->flags & kCursorTypeMask) != 0) {
    SendError(Status::Error(ErrorCode::kNotSupportedYet, "cursors (COM_STMT_EXECUTE flags)"));
    return;
  }
  if (!long_data_error.ok()) {
    SendError(long_data_error);
    return;
  }
  if (request->new_params_bound) state.param_types = request->param_types;
  session_->ExecutePrepared(*id, request->params, &sink);
  if (!sink.responded()) {
    SendError(Status::Error(ErrorCode::kInternalError, "statement produced no result"));
  }
}

void MysqlProtocol::ComStmtSendLongData(std::string_view arguments) {
  // statement_id int<4> | param_id int<2> | data. No response, even to bad input: an
  // error is kept and answered by the next EXECUTE of the statement, as MariaDB does.
  if (arguments.size() < 6) return;
  Result<uint32_t> id = ReadStatementId(arguments);
  if (!id.ok()) return;
  auto it = statements_.find(*id);
  if (it == statements_.end()) return;
  StatementWireState& state = it->second;
  if (!state.long_data_error.ok()) return;
  uint16_t param = static_cast<uint16_t>(static_cast<uint8_t>(arguments[4]) |
                                         (static_cast<uint8_t>(arguments[5]) << 8));
  std::string_view data = arguments.substr(6);
  if (param >= state.param_count) {
    state.long_data_error = Status::Error(ErrorCode::kWrongArguments, "mysqld_stmt_send_long_data");
    return;
  }
  // All the long data of one execution together stays within max_allowed_packet, the
  // bound every single packet already has.
  state.long_data_bytes += data.size();
  if (state.long_data_bytes > connection_->context()->options().max_allowed_packet) {
    state.long_data.clear();
    state.long_data_error = Status::Error(ErrorCode::kNetPacketTooLarge);
    return;
  }
  if (state.long_data.size() < state.param_count) state.long_data.resize(state.param_count);
  std::optional<std::string>& value = state.long_data[param];
  if (!value) value.emplace();
  value->append(data);
}

void MysqlProtocol::ComStmtClose(std::string_view arguments) {
  // No response, even for an unknown statement.
  Result<uint32_t> id = ReadStatementId(arguments);
  if (!id.ok()) return;
  (void)session_->ClosePrepared(*id);
  statements_.erase(*id);
}

void MysqlProtocol::ComStmtReset(std::string_view arguments) {
  Result<uint32_t> id = ReadStatementId(arguments);
  if (!id.ok()) {
    SendError(id.status());
    return;
  }
  Status status = session_->ResetPrepared(*id);
  if (!status.ok()) {
    SendError(status);
    return;
  }
  auto it = statements_.find(*id);
  if (it != statements_.end()) {
    it->second.long_data.clear();
    it->second.long_data_bytes = 0;
    it->second.long_data_error = Status::OK();
  }
  SendOk();
}

void MysqlProtocol::ComStmtFetch(std::string_view /*arguments*/) {
  SendError(Status::Error(ErrorCode::kNotSupportedYet, "cursors (COM_STMT_FETCH)"));
}

}  // namespace minisql::net
