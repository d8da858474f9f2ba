// mysql_protocol_stmt.cc — the prepared-statement commands of MysqlProtocol (the binary
// protocol). The other commands are in mysql_protocol.cc.
//
//   COM_STMT_PREPARE  sql        ─► PREPARE_OK | param defs (+EOF) | column defs (+EOF)
//                                   (each group only if non-empty; EOFs omitted with
//                                   CLIENT_DEPRECATE_EOF) — or ERR
//   COM_STMT_EXECUTE  id, params ─► OK | result set with binary rows | ERR
//                     + cursor   ─► OK | columns + EOF(CURSOR_EXISTS), rows kept | ERR
//   COM_STMT_SEND_LONG_DATA      ─► (no response; appended to the parameter's data)
//   COM_STMT_FETCH    id, n      ─► up to n binary rows + EOF (LAST_ROW_SENT at the end)
//                                   | ERR 1243 (unknown id) / 1421 (no open cursor)
//   COM_STMT_CLOSE    id         ─► (no response)
//   COM_STMT_RESET    id         ─► OK | ERR 1243   (long data and cursor dropped)
//
// The session keeps the statements; this file keeps what only the wire needs
// (stmt_cursor.h): the parameter count (to decode EXECUTE), the parameter types of the
// last execution (a client may send them once and then execute with
// new_params_bound = 0), long data, and the open cursor.
#include <algorithm>

#include "net/mysql/binary_row.h"
#include "net/mysql/mysql_protocol.h"
#include "net/mysql/result_charset.h"
#include "net/mysql/stmt_execute_request.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {

void MysqlProtocol::ComStmtPrepare(std::string_view sql) {
  std::string converted;
  if (!DecodeClientText(&sql, &converted, /*query=*/true)) return;
  Result<PreparedStatementInfo> info = session_->Prepare(sql);
  if (!info.ok()) {
    SendError(info.status());
    return;
  }
  statements_[info->id].param_count = info->param_count;
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
    for (const ResultColumn& column : ColumnsForClient(info->columns, results_charset())) {
      writer_.WritePacket(EncodeColumnDefinition41(column));
    }
    write_end_of_definitions();
  }
}

void MysqlProtocol::ComStmtExecute(std::string_view arguments) {
  MysqlResultSink sink(
      &writer_, deprecate_eof(), [this] { return StatusFlags(); }, RowFormat::kBinary,
      session_track());
  sink.set_results_charset(results_charset());
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
  state.cursor.reset();  // a new execution closes the statement's cursor
  // Bad long data fails every EXECUTE until COM_STMT_RESET (as MariaDB).
  if (state.long_data_error) {
    SendError(*state.long_data_error);
    return;
  }
  // Long data lasts for one execution, whatever its outcome.
  std::map<uint16_t, std::string> long_data = std::move(state.long_data);
  state.ClearLongData();

  Result<StmtExecuteRequest> request =
      DecodeStmtExecute(arguments, state.param_count, state.param_types, long_data);
  if (!request.ok()) {
    SendError(request.status());
    return;
  }
  if (request->new_params_bound) state.param_types = request->param_types;
  if (!DecodeStringParameters(request->param_types, &request->params)) return;
  if ((request->flags & kCursorTypeMask) != 0) {
    ExecuteIntoCursor(*id, request->params, &state);
    return;
  }
  session_->ExecutePrepared(*id, request->params, &sink);
  if (!sink.responded()) {
    SendError(Status::Error(ErrorCode::kInternalError, "statement produced no result"));
  }
}

void MysqlProtocol::ExecuteIntoCursor(uint32_t id, const std::vector<Value>& params,
                                      StatementWireState* state) {
  ResultCapture capture;
  session_->ExecutePrepared(id, params, &capture);
  if (capture.error()) {
    SendError(*capture.error());
    return;
  }
  if (!capture.has_result_set()) {  // INSERT ...: no rows, no cursor, a plain OK
    if (!capture.ok()) {
      SendError(Status::Error(ErrorCode::kInternalError, "statement produced no result"));
      return;
    }
    writer_.WritePacket(EncodeOkPacket(*capture.ok(), StatusFlags(), 0x00, session_track()));
    return;
  }
  auto cursor = std::make_unique<StatementCursor>();
  cursor->columns = ColumnsForClient(capture.columns(), results_charset());
  cursor->rows = std::move(capture.rows());
  if (RowsNeedConversion(cursor->columns)) {
    for (Row& row : cursor->rows) row = RowForClient(cursor->columns, row);
  }
  std::string count;
  AppendLenencInt(&count, cursor->columns.size());
  writer_.WritePacket(count);
  for (const ResultColumn& column : cursor->columns) {
    writer_.WritePacket(EncodeColumnDefinition41(column));
  }
  // Always an EOF here, even under CLIENT_DEPRECATE_EOF: its status flags are how the
  // client learns that a cursor is open and that it must fetch (MySQL does the same).
  writer_.WritePacket(
      EncodeEofPacket(capture.warnings(), StatusFlags() | kServerStatusCursorExists));
  state->cursor = std::move(cursor);
}

void MysqlProtocol::WriteEndOfRows(uint16_t warnings, uint16_t status_flags) {
  if (deprecate_eof()) {
    OkResult ok;
    ok.warnings = warnings;
    writer_.WritePacket(EncodeOkPacket(ok, status_flags, 0xfe, session_track()));
  } else {
    writer_.WritePacket(EncodeEofPacket(warnings, status_flags));
  }
}

void MysqlProtocol::ComStmtFetch(std::string_view arguments) {
  // statement_id int<4> | num_rows int<4>
  PayloadReader reader(arguments);
  uint32_t id = reader.ReadInt4();
  uint32_t num_rows = reader.ReadInt4();
  if (!reader.ok()) {
    SendError(Status::Error(ErrorCode::kMalformedPacket));
    return;
  }
  auto it = statements_.find(id);
  if (it == statements_.end()) {
    std::string text = std::to_string(id);
    SendError(Status::Error(ErrorCode::kUnknownStmtHandler, static_cast<int>(text.size()),
                            text.c_str(), "mysqld_stmt_fetch"));
    return;
  }
  StatementCursor* cursor = it->second.cursor.get();
  if (cursor == nullptr) {
    SendError(Status::Error(ErrorCode::kStmtHasNoOpenCursor, static_cast<unsigned long>(id)));
    return;
  }
  size_t end =
      cursor->next_row + std::min<size_t>(num_rows, cursor->rows.size() - cursor->next_row);
  for (; cursor->next_row < end; ++cursor->next_row) {
    Result<std::string> row = EncodeBinaryRow(cursor->columns, cursor->rows[cursor->next_row]);
    if (!row.ok()) {
      it->second.cursor.reset();
      SendError(row.status());
      return;
    }
    writer_.WritePacket(*row);
    cursor->rows[cursor->next_row].clear();   // sent: free it now
    if (!writer_.FlushIfFull().ok()) return;  // the client is gone
  }
  // After the last row the cursor is closed: LAST_ROW_SENT replaces CURSOR_EXISTS.
  uint16_t status = StatusFlags() | kServerStatusCursorExists;
  if (cursor->next_row == cursor->rows.size()) {
    status = StatusFlags() | kServerStatusLastRowSent;
    it->second.cursor.reset();
  }
  WriteEndOfRows(0, status);
}

void MysqlProtocol::ComStmtSendLongData(std::string_view arguments) {
  // statement_id int<4> | param_id int<2> | data string<EOF>. No response, even to bad
  // input: a bad parameter index is reported by the next EXECUTE (1210), as in MySQL.
  PayloadReader reader(arguments);
  uint32_t id = reader.ReadInt4();
  uint16_t param_id = reader.ReadInt2();
  if (!reader.ok()) return;
  auto it = statements_.find(id);
  if (it == statements_.end()) return;
  StatementWireState& state = it->second;
  std::string_view data = arguments.substr(6);
  if (state.long_data_error) return;  // the next EXECUTE fails anyway
  if (param_id >= state.param_count) {
    state.long_data_error = Status::Error(ErrorCode::kWrongArguments, "mysqld_stmt_send_long_data");
    return;
  }
  size_t limit = connection_->context()->options().max_allowed_packet;
  if (state.long_data_bytes + data.size() > limit) {
    // Memory stays bounded: keep nothing more, refuse the next EXECUTE.
    state.long_data_error = Status::Error(ErrorCode::kNetPacketTooLarge);
    return;
  }
  state.long_data_bytes += data.size();
  state.long_data[param_id].append(data);
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
    it->second.ClearLongData();
    it->second.cursor.reset();
  }
  SendOk();
}

}  // namespace minisql::net
