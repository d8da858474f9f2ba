// statement_runner.cc — statement dispatch, queries, DML and DDL (see
// statement_runner.h). SET and SHOW live in session_commands.cc.
#include "session/statement_runner.h"

#include <algorithm>

#include "session/client_charset.h"
#include "session/outcome_recording_sink.h"
#include "session/privilege_check.h"
#include "session/result_columns.h"
#include "session/statement_transaction.h"
#include "session/system_variables.h"
#include "session/transaction_control.h"
#include "sql/binder/binder.h"
#include "sql/executor/alter_table_executor.h"
#include "sql/executor/create_table_from_query.h"
#include "sql/executor/ddl_executor.h"
#include "sql/executor/executor_factory.h"
#include "sql/executor/index_ddl_executor.h"
#include "sql/executor/view_ddl.h"
#include "sql/information_schema/information_schema.h"
#include "sql/parser/parser.h"
#include "sql/planner/planner.h"

namespace minisql {

namespace ast = sql::ast;

void StatementRunner::Run(std::string_view text) {
  Result<ast::StmtPtr> parsed = sql::Parse(text);
  if (!parsed.ok()) {
    Fail(parsed.status());
    return;
  }
  Run(**parsed);
}

void StatementRunner::Run(ast::Stmt& stmt) {
  state_->statement_time_micros = sql::WallClockMicros();  // one NOW() per statement
  auto started = std::chrono::steady_clock::now();
  // Everything the statement reports passes the recorder, which keeps what the next
  // statement's ROW_COUNT() and FOUND_ROWS() answer.
  OutcomeRecordingSink recorder(sink_);
  ResultSink* target = sink_;
  sink_ = &recorder;
  calc_found_rows_.reset();
  bool is_diagnostics =
      stmt.kind == ast::StmtKind::kShow &&
      (static_cast<const ast::ShowStmt&>(stmt).what == ast::ShowStmt::What::kWarnings ||
       static_cast<const ast::ShowStmt&>(stmt).what == ast::ShowStmt::What::kErrors);
  if (!is_diagnostics) {
    state_->last_warnings.clear();
    state_->last_notes.clear();
  }
  Status status = CheckStatementPrivileges(context_->storage(), *state_, stmt);
  if (status.ok()) status = Dispatch(stmt);
  // SHOW WARNINGS reports on the previous statement and must not reset what it shows.
  if (!is_diagnostics) state_->last_error = status;
  if (!status.ok() && !responded_) sink_->SendError(status);
  sink_ = target;
  if (!is_diagnostics) {
    state_->row_count = recorder.row_count();
    if (recorder.sent_result_set())
      state_->found_rows = calc_found_rows_.value_or(recorder.rows_sent());
  }
  CountIfSlow(std::chrono::steady_clock::now() - started);
}

void StatementRunner::CountIfSlow(std::chrono::steady_clock::duration elapsed) {
  const SystemVariableDef* def = state_->globals()->Find("long_query_time");
  if (def == nullptr) return;
  Value limit = state_->SessionValue(*def);
  double seconds = limit.kind() == Value::Kind::kDecimal  ? limit.decimal_value().ToDouble()
                   : limit.kind() == Value::Kind::kDouble ? limit.double_value()
                                                          : static_cast<double>(limit.int_value());
  if (std::chrono::duration<double>(elapsed).count() > seconds) {
    context_->slow_queries.fetch_add(1);
  }
}

void StatementRunner::Fail(const Status& error) {
  state_->last_error = error;
  if (!responded_) sink_->SendError(error);
}

Result<std::vector<ResultColumn>> StatementRunner::DescribeSelect(ast::SelectStmt& stmt) {
  // Preparing must not reveal the columns of tables the account may not read.
  MINISQL_RETURN_IF_ERROR(CheckStatementPrivileges(context_->storage(), *state_, stmt));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  sql::Binder binder(context_->storage(), txn->get(), state_->current_database);
  binder.set_variables(state_);  // COM_STMT_PREPARE reports @v's type as of now
  stmt.calc_found_rows = false;  // a copy (see the header): the option changes no column
  Result<sql::BoundSelect> bound = binder.BindSelect(stmt);
  if (!bound.ok()) return bound.status();
  return ToResultColumns(bound->columns, ResultCharset());
}

Status StatementRunner::Dispatch(ast::Stmt& stmt) {
  MINISQL_RETURN_IF_ERROR(CheckWriteTargets(stmt));
  switch (stmt.kind) {
    case ast::StmtKind::kSelect:
      return RunSelect(static_cast<ast::SelectStmt&>(stmt));
    case ast::StmtKind::kInsert:
    case ast::StmtKind::kUpdate:
    case ast::StmtKind::kDelete:
      return RunModify(stmt);
    case ast::StmtKind::kCreateDatabase:
    case ast::StmtKind::kDropDatabase:
    case ast::StmtKind::kCreateTable:
    case ast::StmtKind::kDropTable:
      return RunDdl(stmt);
    case ast::StmtKind::kUse:
      return RunUse(static_cast<const ast::UseStmt&>(stmt));
    case ast::StmtKind::kShow:
      return RunShow(static_cast<const ast::ShowStmt&>(stmt));
    case ast::StmtKind::kSet:
      return RunSet(static_cast<const ast::SetStmt&>(stmt));
    case ast::StmtKind::kTransaction:
      return RunTransaction(static_cast<const ast::TransactionStmt&>(stmt));
    case ast::StmtKind::kExplain:
      return RunExplain(static_cast<ast::ExplainStmt&>(stmt));
    case ast::StmtKind::kCreateIndex:
    case ast::StmtKind::kDropIndex:
    case ast::StmtKind::kAlterTable:
    case ast::StmtKind::kCreateView:
    case ast::StmtKind::kDropView:
    case ast::StmtKind::kRenameTable:
    case ast::StmtKind::kTruncateTable:
      return RunDdl(stmt);
    case ast::StmtKind::kAccount:
      return RunAccount(static_cast<const ast::AccountStmt&>(stmt));
    case ast::StmtKind::kGrant:
      return RunGrant(static_cast<const ast::GrantStmt&>(stmt));
    case ast::StmtKind::kLockTables:
      return RunLockTables(static_cast<const ast::LockTablesStmt&>(stmt));
    case ast::StmtKind::kPreparedSql:
      return RunPreparedSql(static_cast<ast::PreparedSqlStmt&>(stmt));
    case ast::StmtKind::kKill:
      return RunKill(static_cast<const ast::KillStmt&>(stmt));
    case ast::StmtKind::kEmpty:
      responded_ = true;
      sink_->SendOk(OkResult{});
      return Status::OK();
  }
  return Status::Error(ErrorCode::kNotSupportedYet, "this statement");
}

uint16_t StatementRunner::ResultCharset() const {
  return ResultsCollationId(*state_);  // session/client_charset.h
}

Status StatementRunner::RunSelect(ast::SelectStmt& stmt) {
  // A locking read (FOR UPDATE / FOR SHARE) needs a transaction that may lock rows.
  auto txn = StatementScope::Begin(context_->storage(), state_,
                                   stmt.lock_mode == ast::LockMode::kNone
                                       ? storage::AccessMode::kReadOnly
                                       : storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  sql::Binder binder(context_->storage(), (*txn)->get(), state_->current_database);
  binder.set_table_access(&table_access_);
  binder.set_variables(state_);
  // SQL_CALC_FOUND_ROWS belongs to this top-level SELECT: the LIMIT operator counts.
  // On the first SELECT of a UNION/INTERSECT/EXCEPT it would count the whole set
  // operation, which the LIMIT above a set operation does not do yet.
  const ast::SelectStmt* first = &stmt;
  while (first->set_op != ast::SetOperation::kNone && first->set_left) {
    first = first->set_left.get();
  }
  if (first != &stmt && first->calc_found_rows) {
    return Status::Error(ErrorCode::kNotSupportedYet, "SQL_CALC_FOUND_ROWS with a set operation");
  }
  const bool calc_found_rows = stmt.calc_found_rows;
  stmt.calc_found_rows = false;
  Result<sql::BoundSelect> bound = binder.BindSelect(stmt);
  if (!bound.ok()) return bound.status();
  bound->calc_found_rows = calc_found_rows;
  std::vector<ResultColumn> columns = ToResultColumns(bound->columns, ResultCharset());
  sql::PlanNodePtr plan = sql::Planner::PlanSelect(std::move(*bound));
  sql::ExecutorContext ctx{context_->storage(), (*txn)->get(), state_};
  StatementDiagnosticsScope diagnostics(state_, &ctx, /*changes_data=*/false, /*ignore=*/false);
  sql::ExecutorPtr executor = sql::CreateExecutor(&ctx, *plan);
  MINISQL_RETURN_IF_ERROR(executor->Init());
  // The first row is computed before the column definitions go out, so that an
  // error in it (1365 division by zero, 1690 overflow) is a plain ERR packet.
  Row row;
  Result<bool> more = executor->Next(&row);
  if (more.ok()) MINISQL_RETURN_IF_ERROR(ctx.CheckInterrupted());  // e.g. SELECT SLEEP(60)
  if (!more.ok()) return more.status();
  responded_ = true;
  sink_->BeginResultSet(columns);
  // @@sql_select_limit caps a SELECT without its own LIMIT; with SQL_CALC_FOUND_ROWS the
  // rows beyond it are still counted, as a LIMIT operator would.
  const uint64_t max_rows = stmt.limit ? UINT64_MAX : state_->select_limit();
  uint64_t produced_rows = 0;
  while (*more) {
    if (produced_rows < max_rows) {
      Status sent = sink_->SendRow(row);
      if (!sent.ok()) return Status::OK();  // the client is gone: say nothing more
    } else if (!calc_found_rows) {
      break;
    }
    produced_rows++;
    more = executor->Next(&row);
    if (more.ok()) {
      Status interrupted = ctx.CheckInterrupted();
      if (!interrupted.ok()) more = interrupted;
    }
    if (!more.ok()) {
      sink_->SendError(more.status());
      return more.status();
    }
  }
  Status committed = (*txn)->Finish();
  if (!committed.ok()) {
    sink_->SendError(committed);
    return committed;
  }
  // Without a LIMIT operator to count them, the rows sent are all there were.
  calc_found_rows_ = ctx.found_rows;
  if (!calc_found_rows_ && calc_found_rows && produced_rows > max_rows) {
    calc_found_rows_ = produced_rows;
  }
  const uint64_t warnings = ctx.warning_count();
  state_->last_warnings = std::move(ctx.warnings);
  sink_->EndResultSet(static_cast<uint16_t>(std::min<uint64_t>(warnings, 65535)));
  return Status::OK();
}

Status StatementRunner::RunModify(ast::Stmt& stmt) {
  auto txn = StatementScope::Begin(context_->storage(), state_, storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  sql::Binder binder(context_->storage(), (*txn)->get(), state_->current_database);
  binder.set_table_access(&table_access_);
  binder.set_variables(state_);
  sql::PlanNodePtr plan;
  size_t insert_rows = 0;
  bool insert_select = false;
  if (stmt.kind == ast::StmtKind::kInsert) {
    const auto& insert = static_cast<const ast::InsertStmt&>(stmt);
    Result<sql::BoundInsert> bound = binder.BindInsert(insert);
    if (!bound.ok()) return bound.status();
    insert_rows = insert.rows.size();
    insert_select = insert.select != nullptr;
    plan = sql::Planner::PlanInsert(std::move(*bound));
  } else if (stmt.kind == ast::StmtKind::kUpdate) {
    Result<sql::BoundModify> bound = binder.BindUpdate(static_cast<const ast::UpdateStmt&>(stmt));
    if (!bound.ok()) return bound.status();
    plan = sql::Planner::PlanUpdate(std::move(*bound));
  } else {
    Result<sql::BoundModify> bound = binder.BindDelete(static_cast<const ast::DeleteStmt&>(stmt));
    if (!bound.ok()) return bound.status();
    plan = sql::Planner::PlanDelete(std::move(*bound));
  }
  sql::ExecutorContext ctx{context_->storage(), (*txn)->get(), state_};
  ctx.strict_mode = state_->StrictMode();
  // A division by zero fails a strict INSERT/UPDATE (1365); DELETE and IGNORE warn.
  const bool ignore =
      (stmt.kind == ast::StmtKind::kInsert && static_cast<const ast::InsertStmt&>(stmt).ignore) ||
      (stmt.kind == ast::StmtKind::kUpdate && static_cast<const ast::UpdateStmt&>(stmt).ignore);
  StatementDiagnosticsScope diagnostics(state_, &ctx, stmt.kind != ast::StmtKind::kDelete, ignore);
  sql::ExecutorPtr executor = sql::CreateExecutor(&ctx, *plan);
  MINISQL_RETURN_IF_ERROR(executor->Init());
  Row summary;  // [affected (changed), matched, first generated id]
  Result<bool> produced = executor->Next(&summary);
  if (!produced.ok()) return produced.status();
  MINISQL_RETURN_IF_ERROR(ctx.CheckInterrupted());  // a KILL undoes the whole statement
  MINISQL_RETURN_IF_ERROR((*txn)->Finish());

  uint64_t changed = static_cast<uint64_t>(summary[0].int_value());
  uint64_t matched = static_cast<uint64_t>(summary[1].int_value());
  uint64_t generated = static_cast<uint64_t>(summary[2].int_value());
  OkResult ok;
  ok.affected_rows = changed;
  // What IGNORE or a non-strict sql_mode adjusted or skipped (ExecutorContext::Warn).
  const uint64_t warnings = ctx.warning_count();
  ok.warnings = static_cast<uint16_t>(std::min<uint64_t>(warnings, UINT16_MAX));
  state_->last_warnings = std::move(ctx.warnings);
  if (stmt.kind == ast::StmtKind::kInsert) {
    if (generated != 0) state_->last_insert_id = generated;
    ok.last_insert_id =
        summary.size() > 4 ? static_cast<uint64_t>(summary[4].int_value()) : generated;
    // CLIENT_FOUND_ROWS: rows ON DUPLICATE KEY UPDATE left as they were matched.
    if (client_found_rows_ && summary.size() > 5) {
      ok.affected_rows += static_cast<uint64_t>(summary[5].int_value());
    }
    if (insert_select) insert_rows = matched;  // MariaDB reports Records: for INSERT ... SELECT
    // Rows that met an existing key (IGNORE / REPLACE / ON DUPLICATE KEY UPDATE).
    uint64_t duplicates = summary.size() > 3 ? static_cast<uint64_t>(summary[3].int_value()) : 0;
    if (insert_rows > 1 || insert_select) {
      ok.info = "Records: " + std::to_string(insert_rows) +
                "  Duplicates: " + std::to_string(duplicates) +
                "  Warnings: " + std::to_string(warnings);
    }
  } else if (stmt.kind == ast::StmtKind::kUpdate) {
    if (client_found_rows_) ok.affected_rows = matched;
    ok.info = "Rows matched: " + std::to_string(matched) + "  Changed: " + std::to_string(changed) +
              "  Warnings: " + std::to_string(warnings);
  }
  responded_ = true;
  sink_->SendOk(ok);
  return Status::OK();
}

Status StatementRunner::RunDdl(ast::Stmt& stmt) {
  // DDL commits the open transaction first and then runs in one of its own (MySQL).
  MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(context_->storage(), state_));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  sql::DdlContext ctx{context_->storage(), txn->get(), state_->current_database};
  std::vector<Status> notes;
  ctx.notes = &notes;
  Result<uint64_t> affected = Status::OK();
  switch (stmt.kind) {
    case ast::StmtKind::kCreateDatabase:
      affected = sql::ExecuteCreateDatabase(ctx, static_cast<const ast::CreateDatabaseStmt&>(stmt));
      break;
    case ast::StmtKind::kDropDatabase:
      affected = sql::ExecuteDropDatabase(ctx, static_cast<const ast::DropDatabaseStmt&>(stmt));
      break;
    case ast::StmtKind::kCreateTable: {
      const auto& create = static_cast<const ast::CreateTableStmt&>(stmt);
      // CREATE TABLE ... SELECT 1/0 fails in strict mode, as an INSERT would.
      StatementDiagnosticsScope diagnostics(state_, nullptr, /*changes_data=*/true,
                                            /*ignore=*/false);
      affected = create.as_select || !create.like_table.empty()
                     ? sql::ExecuteCreateTableFromQuery(ctx, *state_, create)
                     : sql::ExecuteCreateTable(ctx, create);
      break;
    }
    case ast::StmtKind::kCreateView:
      affected = sql::ExecuteCreateView(ctx, static_cast<const ast::CreateViewStmt&>(stmt));
      break;
    case ast::StmtKind::kDropView:
      affected = sql::ExecuteDropView(ctx, static_cast<const ast::DropViewStmt&>(stmt));
      break;
    case ast::StmtKind::kCreateIndex:
      affected = sql::ExecuteCreateIndex(ctx, static_cast<const ast::CreateIndexStmt&>(stmt));
      break;
    case ast::StmtKind::kDropIndex:
      affected = sql::ExecuteDropIndex(ctx, static_cast<const ast::DropIndexStmt&>(stmt));
      break;
    case ast::StmtKind::kAlterTable:
      affected = sql::ExecuteAlterTable(ctx, static_cast<const ast::AlterTableStmt&>(stmt));
      break;
    case ast::StmtKind::kRenameTable:
      affected = sql::ExecuteRenameTable(ctx, static_cast<const ast::RenameTableStmt&>(stmt));
      break;
    case ast::StmtKind::kTruncateTable:
      affected = sql::ExecuteTruncateTable(ctx, static_cast<const ast::TruncateTableStmt&>(stmt));
      break;
    default:
      affected = sql::ExecuteDropTable(ctx, static_cast<const ast::DropTableStmt&>(stmt));
      break;
  }
  if (!affected.ok()) return affected.status();
  MINISQL_RETURN_IF_ERROR(txn->Commit());
  if (stmt.kind == ast::StmtKind::kDropDatabase &&
      static_cast<const ast::DropDatabaseStmt&>(stmt).name == state_->current_database) {
    state_->current_database.clear();  // MySQL: no database selected any more
  }
  OkResult ok;
  ok.affected_rows = *affected;
  const SystemVariableDef* sql_notes = state_->globals()->Find("sql_notes");
  if (sql_notes == nullptr || state_->SessionValue(*sql_notes).int_value() != 0) {
    state_->last_notes = std::move(notes);
    ok.warnings = static_cast<uint16_t>(std::min<size_t>(state_->last_notes.size(), UINT16_MAX));
  }
  responded_ = true;
  sink_->SendOk(ok);
  return Status::OK();
}

Status StatementRunner::RunUse(const ast::UseStmt& stmt) {
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  Result<bool> exists = context_->storage()->DatabaseExists(txn->get(), stmt.database);
  if (!exists.ok()) return exists.status();
  if (sql::IsInformationSchema(stmt.database)) {
    state_->current_database = sql::kInformationSchema;
  } else if (!*exists) {
    return Status::Error(ErrorCode::kBadDb, stmt.database);
  } else {
    state_->current_database = stmt.database;
  }
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

void StatementRunner::SendResultSet(const std::vector<sql::OutputColumn>& columns,
                                    const std::vector<Row>& rows) {
  responded_ = true;
  sink_->BeginResultSet(ToResultColumns(columns, ResultCharset()));
  for (const Row& row : rows) {
    if (!sink_->SendRow(row).ok()) return;
  }
  sink_->EndResultSet(0);
}

}  // namespace minisql
