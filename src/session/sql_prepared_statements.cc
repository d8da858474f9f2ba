// sql_prepared_statements.cc — StatementRunner::RunPreparedSql: PREPARE, EXECUTE and
// DEALLOCATE PREPARE, the SQL-level face of prepared statements (the binary protocol's
// COM_STMT_* are in prepared_statements.cc; both share max_prepared_stmt_count).
//
//   PREPARE s FROM 'text' | @var   forget any old s ─► parse the text (1064/1065) ─►
//                                  refuse PREPARE/EXECUTE/DEALLOCATE inside (1295) ─►
//                                  count `?` ─► SELECT: bind with NULL parameters so
//                                  a missing table or column is reported now ─►
//                                  reserve a slot (1461) ─► keep text and count ─► OK
//   EXECUTE s [USING e1, e2 ...]   unknown s: 1243 ─► count differs: 1210 ─► evaluate
//                                  e1.. ─► parse the kept text ─► `?` := values ─►
//                                  privileges ─► run it as this statement
//   DEALLOCATE | DROP PREPARE s    unknown s: 1243 ─► forget s, free its slot ─► OK
//
// Statements live in SessionState::named_statements, by lower-case name: names are
// case-insensitive and belong to the session (gone at disconnect). Like MySQL,
// re-PREPARE of a name drops the old statement first, so a failed re-PREPARE leaves
// no statement under that name. As MariaDB, USING accepts any constant expression
// (MySQL only @variables).
#include <string>

#include "session/prepared_statement_quota.h"
#include "session/privilege_check.h"
#include "session/statement_runner.h"
#include "session/system_variables.h"
#include "sql/parser/parameter_substitution.h"
#include "sql/parser/parser.h"

namespace minisql {

namespace ast = sql::ast;

namespace {

constexpr uint32_t kMaxParameters = 0xffff;  // as COM_STMT_PREPARE (an int<2> on the wire)

Status UnknownHandler(const std::string& name, const char* statement) {
  return Status::Error(ErrorCode::kUnknownStmtHandler, static_cast<int>(name.size()), name.c_str(),
                       statement);
}

}  // namespace

Status StatementRunner::RunPreparedSql(ast::PreparedSqlStmt& stmt) {
  std::string key = ToLower(stmt.name);
  auto& statements = state_->named_statements;
  switch (stmt.action) {
    case ast::PreparedSqlStmt::Action::kPrepare: {
      if (statements.erase(key) != 0) ReleasePreparedStatements(context_, 1);
      std::string text = stmt.text;
      if (!stmt.text_variable.empty()) {
        // An unset variable is NULL, whose text "NULL" is then a syntax error (MySQL).
        Value value = state_->UserVariable(stmt.text_variable);
        text = value.is_null() ? "NULL" : value.ToText();
      }
      Result<ast::StmtPtr> parsed = sql::Parse(text);
      if (!parsed.ok()) return parsed.status();
      if ((*parsed)->kind == ast::StmtKind::kPreparedSql) {
        return Status::Error(ErrorCode::kUnsupportedPs);
      }
      uint32_t param_count = sql::CountParameters(**parsed);
      if (param_count > kMaxParameters) return Status::Error(ErrorCode::kPsManyParam);
      if ((*parsed)->kind == ast::StmtKind::kSelect) {
        MINISQL_RETURN_IF_ERROR(
            sql::SubstituteParameters(parsed->get(), std::vector<Value>(param_count)));
        Result<std::vector<ResultColumn>> columns =
            DescribeSelect(static_cast<ast::SelectStmt&>(**parsed));
        // 1210 comes from `LIMIT ?` bound as NULL: the real value decides at EXECUTE.
        if (!columns.ok() && columns.status().error_code() != ErrorCode::kWrongArguments) {
          return columns.status();
        }
      }
      MINISQL_RETURN_IF_ERROR(ReservePreparedStatement(context_));
      statements[key] = SessionState::NamedStatement{std::move(text), param_count};
      responded_ = true;
      sink_->SendOk(OkResult{0, 0, 0, "Statement prepared"});
      return Status::OK();
    }
    case ast::PreparedSqlStmt::Action::kExecute: {
      auto it = statements.find(key);
      if (it == statements.end()) return UnknownHandler(stmt.name, "EXECUTE");
      if (stmt.using_values.size() != it->second.param_count) {
        return Status::Error(ErrorCode::kWrongArguments, "EXECUTE");
      }
      std::vector<Value> params;
      for (const ast::ExprPtr& expr : stmt.using_values) {
        Result<Value> value = EvaluateConstant(*expr, *state_);
        if (!value.ok()) return value.status();
        params.push_back(std::move(*value));
      }
      // Parsed again for every execution: binding rewrites the tree it is given.
      Result<ast::StmtPtr> parsed = sql::Parse(it->second.sql);
      if (!parsed.ok()) return parsed.status();
      MINISQL_RETURN_IF_ERROR(sql::SubstituteParameters(parsed->get(), params));
      MINISQL_RETURN_IF_ERROR(CheckStatementPrivileges(context_->storage(), *state_, **parsed));
      return Dispatch(**parsed);
    }
    case ast::PreparedSqlStmt::Action::kDeallocate: {
      if (statements.erase(key) == 0) return UnknownHandler(stmt.name, "DEALLOCATE PREPARE");
      ReleasePreparedStatements(context_, 1);
      responded_ = true;
      sink_->SendOk(OkResult{});
      return Status::OK();
    }
  }
  return Status::Error(ErrorCode::kNotSupportedYet, "this prepared statement action");
}

}  // namespace minisql
