// prepared_statements.cc — Session::Prepare / ExecutePrepared / ClosePrepared: the
// session side of COM_STMT_PREPARE, COM_STMT_EXECUTE and COM_STMT_CLOSE.
//
//   Prepare(sql)            parse ─► count `?` ─► (SELECT: bind with NULL parameters to
//                           describe the columns) ─► keep the text under a new id
//   ExecutePrepared(id, v)  parse the kept text ─► `?` := literal v[i]
//                           ─► StatementRunner::Run, the same path as a text query
//   ClosePrepared(id)       forget it
//
// The protocol layer decodes parameter bytes into Values and encodes rows in the
// binary format; nothing here knows about either.
#include <string>

#include "session/prepared_statement_quota.h"
#include "session/session.h"
#include "session/session_state.h"
#include "session/statement_runner.h"
#include "sql/parser/parameter_substitution.h"
#include "sql/parser/parser.h"

namespace minisql {

namespace ast = sql::ast;

namespace {

constexpr uint32_t kMaxParameters = 0xffff;  // PREPARE_OK counts them in an int<2>

Status UnknownStatement(uint32_t id, const char* command) {
  std::string text = std::to_string(id);
  return Status::Error(ErrorCode::kUnknownStmtHandler, static_cast<int>(text.size()), text.c_str(),
                       command);
}

}  // namespace

Result<PreparedStatementInfo> Session::Prepare(std::string_view sql) {
  Result<ast::StmtPtr> parsed = sql::Parse(sql);
  if (!parsed.ok()) return parsed.status();
  // PREPARE / EXECUTE / DEALLOCATE PREPARE cannot themselves be prepared (as MySQL).
  if ((*parsed)->kind == ast::StmtKind::kPreparedSql)
    return Status::Error(ErrorCode::kUnsupportedPs);
  uint32_t param_count = sql::CountParameters(**parsed);
  if (param_count > kMaxParameters) return Status::Error(ErrorCode::kPsManyParam);

  PreparedStatementInfo info;
  info.param_count = static_cast<uint16_t>(param_count);
  if ((*parsed)->kind == ast::StmtKind::kSelect) {
    // Describe the result with every parameter NULL: the types of expressions over
    // parameters are not known yet, but names, tables and the column count are, and
    // a missing table or column is reported now, as MySQL does.
    MINISQL_RETURN_IF_ERROR(
        sql::SubstituteParameters(parsed->get(), std::vector<Value>(param_count)));
    StatementRunner runner(context_, state_.get(), client_found_rows_, nullptr);
    Result<std::vector<ResultColumn>> columns =
        runner.DescribeSelect(static_cast<ast::SelectStmt&>(**parsed));
    if (columns.ok()) {
      info.columns = std::move(*columns);
    } else if (columns.status().error_code() != ErrorCode::kWrongArguments) {
      return columns.status();
    }
    // 1210 comes from `LIMIT ?` bound as NULL: the real value decides at execution.
  }
  MINISQL_RETURN_IF_ERROR(ReservePreparedStatement(context_));
  info.id = next_statement_id_++;
  prepared_[info.id] = PreparedStatement{std::string(sql), info.param_count};
  return info;
}

void Session::ExecutePrepared(uint32_t id, const std::vector<Value>& params, ResultSink* sink) {
  context_->questions.fetch_add(1);
  StatementRunner runner(context_, state_.get(), client_found_rows_, sink);
  auto it = prepared_.find(id);
  if (it == prepared_.end()) {
    runner.Fail(UnknownStatement(id, "mysqld_stmt_execute"));
    return;
  }
  if (params.size() != it->second.param_count) {
    runner.Fail(Status::Error(ErrorCode::kWrongArguments, "mysqld_stmt_execute"));
    return;
  }
  Result<ast::StmtPtr> parsed = sql::Parse(it->second.sql);
  Status substituted =
      parsed.ok() ? sql::SubstituteParameters(parsed->get(), params) : parsed.status();
  if (!substituted.ok()) {
    runner.Fail(substituted);
    return;
  }
  activity_->BeginCommand("Execute", it->second.sql, state_->current_database);
  runner.Run(**parsed);
  activity_->EndCommand(state_->current_database);
}

Status Session::ClosePrepared(uint32_t id) {
  if (prepared_.erase(id) == 0) return UnknownStatement(id, "mysqld_stmt_close");
  ReleasePreparedStatements(context_, 1);
  return Status::OK();
}

Status Session::ResetPrepared(uint32_t id) const {
  if (prepared_.count(id) == 0) return UnknownStatement(id, "mysqld_stmt_reset");
  return Status::OK();
}

}  // namespace minisql
