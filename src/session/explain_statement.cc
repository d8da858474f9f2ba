// explain_statement.cc — EXPLAIN [ANALYZE] <statement> (StatementRunner::RunExplain).
//
// EXPLAIN binds and plans the statement without running it and sends the plan tree
// as a result set of one column, `EXPLAIN`, one row per line (the tree format of
// planner/plan_explainer.h — not MariaDB's tabular EXPLAIN). EXPLAIN ANALYZE runs a
// SELECT with every operator counting its rows and time, throws the rows away, and
// sends the tree with those figures.
#include "session/statement_runner.h"
#include "session/statement_transaction.h"
#include "sql/binder/binder.h"
#include "sql/executor/executor_factory.h"
#include "sql/executor/show_executor.h"
#include "sql/planner/plan_explainer.h"
#include "sql/planner/planner.h"

namespace minisql {

namespace ast = sql::ast;

Status StatementRunner::RunExplain(ast::ExplainStmt& stmt) {
  ast::Stmt& target = *stmt.statement;
  if (target.kind == ast::StmtKind::kInsert) {
    return Status::Error(ErrorCode::kNotSupportedYet, "EXPLAIN INSERT");
  }
  if (stmt.analyze && target.kind != ast::StmtKind::kSelect) {
    return Status::Error(ErrorCode::kNotSupportedYet, "EXPLAIN ANALYZE of UPDATE and DELETE");
  }
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  sql::Binder binder(context_->storage(), txn->get(), state_->current_database);
  binder.set_variables(state_);
  sql::PlanNodePtr plan;
  if (target.kind == ast::StmtKind::kSelect) {
    Result<sql::BoundSelect> bound = binder.BindSelect(static_cast<ast::SelectStmt&>(target));
    if (!bound.ok()) return bound.status();
    plan = sql::Planner::PlanSelect(std::move(*bound));
  } else if (target.kind == ast::StmtKind::kUpdate) {
    Result<sql::BoundModify> bound = binder.BindUpdate(static_cast<ast::UpdateStmt&>(target));
    if (!bound.ok()) return bound.status();
    plan = sql::Planner::PlanUpdate(std::move(*bound));
  } else if (target.kind == ast::StmtKind::kDelete) {
    Result<sql::BoundModify> bound = binder.BindDelete(static_cast<ast::DeleteStmt&>(target));
    if (!bound.ok()) return bound.status();
    plan = sql::Planner::PlanDelete(std::move(*bound));
  } else {
    return Status::Error(ErrorCode::kNotSupportedYet, "EXPLAIN of this statement");
  }

  sql::PlanStatistics stats;
  if (stmt.analyze) {
    sql::ExecutorContext ctx{context_->storage(), txn->get(), state_};
    ctx.analyze = &stats;
    sql::ExecutorPtr executor = sql::CreateExecutor(&ctx, *plan);
    MINISQL_RETURN_IF_ERROR(executor->Init());
    Row row;
    while (true) {
      Result<bool> more = executor->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
  }
  MINISQL_RETURN_IF_ERROR(txn->Commit());
  std::vector<Row> rows;
  for (std::string& line : sql::ExplainPlan(*plan, stmt.analyze ? &stats : nullptr)) {
    rows.push_back(Row{Value::String(std::move(line))});
  }
  SendResultSet({sql::ShowColumn("EXPLAIN", /*nullable=*/false, 1024)}, rows);
  return Status::OK();
}

}  // namespace minisql
