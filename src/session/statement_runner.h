// statement_runner.h — runs one SQL statement for a Session.
//
//   Session::ExecuteQuery(sql, sink)            Session::ExecutePrepared(id, params, sink)
//     └─ StatementRunner::Run(sql)                └─ parse, `?` := values (prepared_statements.cc)
//          Parse ─────────────────────────────────────► StatementRunner::Run(stmt)
//                ─► dispatch on the statement kind
//            SELECT      statement scope ─► bind ─► plan ─► execute, streaming rows
//            INSERT/...  statement scope ─► bind ─► plan ─► execute ─► finish ─► OK
//            DDL         implicit commit ─► own txn ─► catalog call ─► commit ─► OK
//            SHOW        read-only txn ─► rows ─► result set
//            SET, USE    session state only
//            BEGIN/COMMIT/ROLLBACK/SAVEPOINT   transaction_control.cc
//          any error: undo the statement, remember it for SHOW WARNINGS, send ERR
//
// A statement scope (transaction_control.h) is either a part of the session's open
// transaction or, with autocommit on and no transaction open, a transaction of one
// statement. COMMIT and ROLLBACK with no transaction open are no-ops, as in MySQL.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"
#include "session/server_context.h"
#include "session/session_state.h"
#include "sql/binder/binder.h"
#include "sql/binder/bound_statement.h"
#include "sql/parser/ast.h"

namespace minisql {

/// The binder's LOCK TABLES check for one session (table_access.cc).
class SessionTableAccess : public sql::TableAccessCheck {
 public:
  SessionTableAccess(ServerContext* context, const SessionState* state)
      : context_(context), state_(state) {}
  Status CheckTableAccess(const std::string& database, const std::string& table) const override;

 private:
  ServerContext* context_;
  const SessionState* state_;
};

class StatementRunner {
 public:
  StatementRunner(ServerContext* context, SessionState* state, bool client_found_rows,
                  ResultSink* sink)
      : context_(context), state_(state), client_found_rows_(client_found_rows), sink_(sink) {}

  /// Parses and runs `sql`; the outcome goes to the sink.
  void Run(std::string_view sql);
  /// Runs an already parsed statement (a prepared statement with its parameters
  /// substituted); the outcome goes to the sink.
  void Run(sql::ast::Stmt& stmt);
  /// Reports `error` as the statement's outcome (and for SHOW WARNINGS).
  void Fail(const Status& error);
  /// The result columns `stmt` would produce, without running it (COM_STMT_PREPARE).
  /// Binding may rewrite `stmt`: pass a copy that is not executed afterwards.
  Result<std::vector<ResultColumn>> DescribeSelect(sql::ast::SelectStmt& stmt);

 private:
  Status Dispatch(sql::ast::Stmt& stmt);
  Status RunSelect(sql::ast::SelectStmt& stmt);
  Status RunModify(sql::ast::Stmt& stmt);
  Status RunDdl(sql::ast::Stmt& stmt);
  Status RunShow(const sql::ast::ShowStmt& stmt);
  Status RunSet(const sql::ast::SetStmt& stmt);
  Status RunTransaction(const sql::ast::TransactionStmt& stmt);  // transaction_control.cc
  Status SetTransactionCharacteristic(const sql::ast::SetStmt::Item& item);
  Status RunUse(const sql::ast::UseStmt& stmt);
  Status RunExplain(sql::ast::ExplainStmt& stmt);  // explain_statement.cc
  // PREPARE, EXECUTE, DEALLOCATE PREPARE (sql_prepared_statements.cc).
  Status RunPreparedSql(sql::ast::PreparedSqlStmt& stmt);
  // Write targets and LOCK TABLES (table_access.cc).
  /// 1044 for writes into information_schema; LOCK TABLES rules for written tables.
  Status CheckWriteTargets(const sql::ast::Stmt& stmt);
  Status RunLockTables(const sql::ast::LockTablesStmt& stmt);
  // KILL (kill_statement.cc) and SHOW PROCESSLIST (process_list.cc).
  Status RunKill(const sql::ast::KillStmt& stmt);
  Status RunShowProcessList(const sql::ast::ShowStmt& stmt);
  // Accounts (account_statements.cc).
  Status RunAccount(const sql::ast::AccountStmt& stmt);
  Status RunSetPassword(const sql::ast::SetStmt::Item& item);
  // GRANT, REVOKE, RENAME USER, SHOW GRANTS (grant_statements.cc).
  Status RunGrant(const sql::ast::GrantStmt& stmt);
  Status RunRenameUser(const sql::ast::GrantStmt& stmt);
  Status RunShowGrants(const sql::ast::GrantStmt& stmt);
  /// Sends a fully computed result set (SHOW).
  void SendResultSet(const std::vector<sql::OutputColumn>& columns, const std::vector<Row>& rows);
  uint16_t ResultCharset() const;
  /// Counts the statement in SHOW STATUS Slow_queries if it ran past long_query_time.
  void CountIfSlow(std::chrono::steady_clock::duration elapsed);

  ServerContext* context_;
  SessionState* state_;
  bool client_found_rows_;
  ResultSink* sink_;
  /// SQL_CALC_FOUND_ROWS: the row count the LIMIT operator saw (see RunSelect).
  std::optional<uint64_t> calc_found_rows_;
  bool responded_ = false;  // the sink has been told something: errors can't be re-sent
  SessionTableAccess table_access_{context_, state_};
};

/// Evaluates an expression that may use no columns (SET values): @vars, functions.
Result<Value> EvaluateConstant(const sql::ast::Expr& expr, const sql::EvalContext& ctx);

}  // namespace minisql
