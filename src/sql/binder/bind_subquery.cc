// bind_subquery.cc — binds a SELECT nested in an expression (see expression/subquery.h).
//
// A child Binder binds the nested statement exactly like a top-level SELECT, with one
// difference: a column name none of its own scopes knows is looked up in the
// enclosing query (ResolveOuter), at the subquery's position there. Each such outer
// column becomes a *source* expression over the outer row plus a slot the nested
// plan reads, which is what makes the subquery correlated. The nested statement is
// planned at once; the plan runs through a PlanSubqueryRunner in the statement's
// transaction.
#include "sql/binder/binder.h"
#include "sql/executor/subquery_executor.h"
#include "sql/planner/planner.h"

namespace minisql::sql {

Result<BoundSubquery> Binder::BindSubquery(ast::SelectStmt& select, const NameScope& outer) const {
  OuterReferences references;
  references.scope = &outer;
  references.slots = std::make_shared<CorrelationSlots>();
  Binder nested(storage_, txn_, current_database_);
  nested.outer_ = &references;
  nested.ctes_ = ctes_;
  nested.view_depth_ = view_depth_;
  nested.variables_ = variables_;
  nested.table_access_ = table_access_;
  Result<BoundSelect> bound = nested.BindSelect(select);
  if (!bound.ok()) return bound.status();
  BoundSubquery out;
  for (const OutputColumn& column : bound->columns) out.column_types.push_back(column.type);
  std::shared_ptr<const PlanNode> plan = Planner::PlanSelect(std::move(*bound));
  out.runner = std::make_shared<PlanSubqueryRunner>(std::move(plan), storage_, txn_);
  out.slots = std::move(references.slots);
  out.sources = std::move(references.sources);
  return out;
}

Result<BoundColumn> Binder::ResolveOuter(const ast::ColumnRefExpr& ref) const {
  if (outer_ == nullptr) return Status::Error(ErrorCode::kBadField, ref.column, "");
  Result<BoundColumn> column = outer_->scope->Resolve(ref);
  if (!column.ok() && column.status().error_code() == ErrorCode::kBadField &&
      outer_->scope->subqueries() != nullptr) {
    // Two or more levels out: the enclosing query reads it from its own enclosing one.
    column = outer_->scope->subqueries()->ResolveOuter(ref);
  }
  if (!column.ok()) return column;
  BoundColumn slot = *column;
  slot.index = static_cast<uint32_t>(outer_->sources.size());
  slot.outer_slots = outer_->slots;
  outer_->sources.push_back(MakeColumnRef(*column));
  return slot;
}

}  // namespace minisql::sql
