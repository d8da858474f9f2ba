// stmt_cursor.h — what a prepared statement keeps between COM_STMT_* commands on the
// wire: long data sent ahead of EXECUTE, and the read-only cursor an EXECUTE may open.
//
// Long data (COM_STMT_SEND_LONG_DATA: statement_id int<4> | param_id int<2> | data
// string<EOF>, no response) is appended per parameter. The next EXECUTE uses it as that
// parameter's value (a string; the EXECUTE packet carries no value for it), then it is
// gone; COM_STMT_RESET also clears it.
//
// A cursor (EXECUTE with flags & CURSOR_TYPE_READ_ONLY, on a statement that returns
// rows) is materialised: the statement runs to completion into a ResultCapture, so it
// holds no transaction or lock while the client fetches. Its life:
//
//   EXECUTE (cursor flag) ──► rows captured ──► columns + EOF(CURSOR_EXISTS) sent
//        │                                               │
//        │   COM_STMT_FETCH n ──► up to n binary rows + EOF(CURSOR_EXISTS)
//        │                        ... last rows: EOF(LAST_ROW_SENT), and the cursor
//        │                        closes (a FETCH after that: 1421, as MariaDB)
//   closed by: the last row, COM_STMT_RESET, COM_STMT_CLOSE, the next EXECUTE
//
// An EXECUTE whose statement returns no rows (INSERT ...) opens no cursor and answers OK.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"

namespace minisql::net {

/// SERVER_STATUS_* bits of cursors (OK/EOF status flags).
inline constexpr uint16_t kServerStatusCursorExists = 0x0040;
inline constexpr uint16_t kServerStatusLastRowSent = 0x0080;

/// A ResultSink that keeps a statement's whole outcome in memory (for a cursor).
class ResultCapture : public ResultSink {
 public:
  void SendOk(const OkResult& ok) override { ok_ = ok; }
  void SendError(const Status& error) override { error_ = error; }
  void BeginResultSet(const std::vector<ResultColumn>& columns) override {
    columns_ = columns;
    has_result_set_ = true;
  }
  Status SendRow(const Row& row) override {
    rows_.push_back(row);
    return Status::OK();
  }
  void EndResultSet(uint16_t warnings) override { warnings_ = warnings; }

  bool has_result_set() const { return has_result_set_; }
  const std::optional<OkResult>& ok() const { return ok_; }
  const std::optional<Status>& error() const { return error_; }
  std::vector<ResultColumn>& columns() { return columns_; }
  std::vector<Row>& rows() { return rows_; }
  uint16_t warnings() const { return warnings_; }

 private:
  std::optional<OkResult> ok_;
  std::optional<Status> error_;
  bool has_result_set_ = false;
  std::vector<ResultColumn> columns_;
  std::vector<Row> rows_;
  uint16_t warnings_ = 0;
};

/// An open cursor: the captured rows and how far the client has fetched.
struct StatementCursor {
  std::vector<ResultColumn> columns;
  std::vector<Row> rows;
  size_t next_row = 0;
};

/// The wire-side state of one prepared statement (the statement itself lives in the
/// Session).
struct StatementWireState {
  uint16_t param_count = 0;
  std::vector<uint16_t> param_types;          // of the last execution that sent them
  std::map<uint16_t, std::string> long_data;  // COM_STMT_SEND_LONG_DATA, by param_id
  size_t long_data_bytes = 0;                 // bounded by max_allowed_packet
  /// Long data that could not be taken (a parameter index out of range: 1210; more
  /// than max_allowed_packet in all: 1153): every EXECUTE answers it until
  /// COM_STMT_RESET, as in MariaDB.
  std::optional<Status> long_data_error;
  std::unique_ptr<StatementCursor> cursor;  // open cursor, or null

  /// COM_STMT_RESET (everything) and every EXECUTE (no error pending): long data is
  /// used once.
  void ClearLongData() {
    long_data.clear();
    long_data_bytes = 0;
    long_data_error.reset();
  }
};

}  // namespace minisql::net
