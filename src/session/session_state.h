// session_state.h — everything one session remembers between statements, and the
// EvalContext through which expressions read it (DATABASE(), USER(),
// LAST_INSERT_ID(), @user_variables, @@system_variables).
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "session/system_variables.h"
#include "sql/expression/expression.h"
#include "storage/storage_engine.h"

namespace minisql::sql {
struct ExecutorContext;  // sql/executor/executor_context.h
}  // namespace minisql::sql

namespace minisql {

/// 'read-committed' -> "READ-COMMITTED" (any case); 1231 for other values, 1235 for
/// READ-UNCOMMITTED and SERIALIZABLE (not offered).
Result<Value> NormalizeIsolationLevel(const std::string& variable, const Value& value);

class SessionState : public sql::EvalContext {
 public:
  SessionState(SystemVariables* globals, uint32_t connection_id, std::string user, std::string host)
      : globals_(globals),
        connection_id_(connection_id),
        user_(std::move(user)),
        host_(std::move(host)) {}

  // --- EvalContext -------------------------------------------------------------------
  std::string CurrentDatabase() const override { return current_database; }
  std::string CurrentUser() const override { return user_ + "@" + host_; }
  uint32_t ConnectionId() const override { return connection_id_; }
  uint64_t LastInsertId() const override { return last_insert_id; }
  int64_t RowCount() const override { return row_count; }
  uint64_t FoundRows() const override { return found_rows; }
  Value UserVariable(const std::string& name) const override;
  Status AssignUserVariable(const std::string& name, Value value) const override;
  Status SetLastInsertId(uint64_t value) const override {
    last_insert_id = value;
    return Status::OK();
  }
  Result<Value> SystemVariable(const std::string& name, const std::string& scope) const override;
  Result<ColumnType> SystemVariableType(const std::string& name,
                                        const std::string& scope) const override;
  int64_t StatementTimeMicros() const override {
    return statement_time_micros != 0 ? statement_time_micros : sql::WallClockMicros();
  }
  const InterruptFlag* interrupt_flag() const override { return interrupt; }
  std::vector<Row> ProcessListRows() const override {
    return process_list_rows ? process_list_rows() : std::vector<Row>{};
  }

  // --- Variables ---------------------------------------------------------------------
  void SetUserVariable(const std::string& name, Value value);
  /// SET [SESSION|GLOBAL] name = value (`value` null: DEFAULT). `scope` is "",
  /// "session" or "global".
  Status SetSystemVariable(const std::string& name, const std::string& scope, const Value* value);
  /// The session's value of a variable (its override, else the global value).
  Value SessionValue(const SystemVariableDef& def) const;
  SystemVariables* globals() const { return globals_; }

  std::string current_database;
  // Mutable: LAST_INSERT_ID(expr) sets it through the const EvalContext.
  mutable uint64_t last_insert_id = 0;
  /// What the previous statement reported (OutcomeRecordingSink): ROW_COUNT() and
  /// FOUND_ROWS().
  int64_t row_count = -1;
  uint64_t found_rows = 0;
  /// The account the session authenticated as ('u'@'%' for a login as u from anywhere):
  /// whose grants the privilege check reads (session/privilege_check.h). Empty user
  /// and host if the account was gone by the time the session started.
  std::string account_user;
  std::string account_host;
  /// When the running statement started (NOW()); set by StatementRunner::Run.
  int64_t statement_time_micros = 0;
  /// The last statement's error, for SHOW WARNINGS / SHOW ERRORS (OK if none).
  Status last_error;
  /// The last statement's warnings (Level "Warning" in SHOW WARNINGS).
  std::vector<Status> last_warnings;
  /// The last statement's notes (Level "Note", listed before the warnings): what
  /// IF [NOT] EXISTS skipped. Not recorded while sql_notes is 0.
  std::vector<Status> last_notes;
  /// The connection's TLS cipher and version (SHOW STATUS Ssl_cipher/Ssl_version); ""
  /// on a plain connection.
  std::string ssl_cipher;
  std::string ssl_version;
  /// The session's KILL flag (session_registry.h); null in tests without a Session.
  const InterruptFlag* interrupt = nullptr;
  /// information_schema.PROCESSLIST rows this session may see (set by Session).
  std::function<std::vector<Row>()> process_list_rows;

  // --- SQL prepared statements (session/sql_prepared_statements.cc) -------------------
  struct NamedStatement {
    std::string sql;
    uint32_t param_count = 0;
  };
  /// PREPARE name FROM ...: lower-case name (names ignore case) -> statement. Each
  /// holds one slot of max_prepared_stmt_count (prepared_statement_quota.h).
  std::map<std::string, NamedStatement> named_statements;

  // --- Transaction (session/transaction_control.h) ------------------------------------
  /// The open multi-statement transaction (BEGIN, or any statement with autocommit
  /// off), or null. Destroying it (the client disconnected) rolls it back.
  std::unique_ptr<storage::Transaction> transaction;
  /// SAVEPOINT names (as written) and their positions, oldest first.
  std::vector<std::pair<std::string, uint64_t>> savepoints;
  /// SET TRANSACTION ... without SESSION/GLOBAL: the next transaction only.
  std::optional<std::string> next_isolation;
  std::optional<bool> next_read_only;
  bool autocommit() const;
  /// @@trace_protocol (net/mysql/packet_trace.h); read after every command, so it skips
  /// SystemVariable's scope handling.
  bool trace_protocol() const;
  /// Whether @@sql_mode has STRICT_TRANS_TABLES or STRICT_ALL_TABLES (TRADITIONAL
  /// includes them): INSERT/UPDATE then refuse values that do not fit a column instead
  /// of adjusting them with a warning (sql/executor/column_converter.h).
  bool StrictMode() const;

  // --- The running statement's diagnostics ---------------------------------------------
  /// From here until EndStatementDiagnostics, warnings raised while expressions are
  /// evaluated go to `statement`, and a division by zero does what MySQL does with the
  /// session's sql_mode: it fails an INSERT/UPDATE (`changes_data`, not `ignore`) in
  /// strict mode with 1365, is Warning 1365 elsewhere, and nothing at all without
  /// ERROR_FOR_DIVISION_BY_ZERO. StatementDiagnosticsScope (statement_runner.h) pairs
  /// the two calls.
  void BeginStatementDiagnostics(sql::ExecutorContext* statement, bool changes_data, bool ignore);
  void EndStatementDiagnostics();
  Status DivisionByZero() const override;
  /// @@sql_select_limit: the most rows a top-level SELECT without a LIMIT sends
  /// (Connector/J's Statement.setMaxRows sets it); UINT64_MAX = no limit.
  uint64_t select_limit() const;

 private:
  /// Whether @@sql_mode names one of `any_of` (lower case).
  bool HasSqlMode(std::initializer_list<std::string_view> any_of) const;

  enum class DivisionByZeroAction { kNothing, kWarn, kFail };
  sql::ExecutorContext* statement_ = nullptr;  // the running statement, or null
  DivisionByZeroAction division_by_zero_ = DivisionByZeroAction::kNothing;

  SystemVariables* globals_;
  uint32_t connection_id_;
  std::string user_;
  std::string host_;
  // Lower-case names. Mutable: `@v := expr` assigns while a statement evaluates
  // expressions through the const EvalContext (AssignUserVariable).
  mutable std::map<std::string, Value> user_variables_;
  std::map<std::string, Value> session_overrides_;  // lower-case names
};

/// Pairs SessionState::BeginStatementDiagnostics with EndStatementDiagnostics around
/// one statement, whichever way it leaves.
class StatementDiagnosticsScope {
 public:
  StatementDiagnosticsScope(SessionState* state, sql::ExecutorContext* statement, bool changes_data,
                            bool ignore)
      : state_(state) {
    state_->BeginStatementDiagnostics(statement, changes_data, ignore);
  }
  ~StatementDiagnosticsScope() { state_->EndStatementDiagnostics(); }
  StatementDiagnosticsScope(const StatementDiagnosticsScope&) = delete;
  StatementDiagnosticsScope& operator=(const StatementDiagnosticsScope&) = delete;

 private:
  SessionState* state_;
};

}  // namespace minisql
