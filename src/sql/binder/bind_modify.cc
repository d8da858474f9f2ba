// bind_modify.cc — binds UPDATE and DELETE (single table): the table, the WHERE
// predicate over its row, UPDATE's assignments, ORDER BY and LIMIT. The multi-table
// forms are handed to bind_multi_modify.cc.
#include "sql/binder/aggregate_extractor.h"
#include "sql/binder/binder.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

namespace {

Status CheckSingleTable(const ast::TableRef* ref) {
  if (ref == nullptr || ref->kind != ast::TableRef::Kind::kBase) {
    return Status::Error(ErrorCode::kInternalError, "UPDATE/DELETE without a base table");
  }
  return Status::OK();
}

}  // namespace

// The WHERE, ORDER BY and LIMIT clauses UPDATE and DELETE share.
Status Binder::BindWhereAndLimit(const ast::Expr* where,
                                 const std::vector<ast::OrderItem>& order_by,
                                 const ast::Expr* limit, const std::vector<BoundTable>& tables,
                                 BoundModify* bound) {
  if (where != nullptr) {
    TableScope where_scope(&tables, "WHERE", this);
    Result<ExpressionPtr> bound_where = BindExpression(*where, where_scope);
    if (!bound_where.ok()) return bound_where.status();
    bound->where = std::move(*bound_where);
    bound->where_ast = where;
  }
  for (const ast::OrderItem& item : order_by) {
    TableScope order_scope(&tables, "order clause", this);
    if (ContainsAggregate(*item.expr)) return Status::Error(ErrorCode::kInvalidGroupFuncUse);
    Result<ExpressionPtr> key = BindExpression(*item.expr, order_scope);
    if (!key.ok()) return key.status();
    bound->order_by.push_back(BoundOrderItem{std::move(*key), item.descending});
  }
  Result<std::optional<uint64_t>> bound_limit = BindLimit(limit, "LIMIT");
  if (!bound_limit.ok()) return bound_limit.status();
  bound->limit = *bound_limit;
  return Status::OK();
}

Result<BoundModify> Binder::BindUpdate(const ast::UpdateStmt& stmt) {
  if (stmt.table != nullptr && stmt.table->kind != ast::TableRef::Kind::kBase) {
    Result<BoundModify> multi = BindMultiUpdate(stmt);
    if (multi.ok()) multi->ignore = stmt.ignore;
    return multi;
  }
  MINISQL_RETURN_IF_ERROR(CheckSingleTable(stmt.table.get()));
  BoundModify bound;
  std::vector<BoundTable> tables;
  MINISQL_RETURN_IF_ERROR(BindFrom(*stmt.table, &tables));
  if (tables[0].derived_plan) return Status::Error(ErrorCode::kNotSupportedYet, "UPDATE of a view");
  bound.table = tables[0].schema;
  bound.alias = tables[0].alias;

  TableScope set_scope(&tables, "SET", this);
  for (const ast::Assignment& assignment : stmt.assignments) {
    ast::ColumnRefExpr target;
    target.table = assignment.table;
    target.column = assignment.column;
    Result<ColumnOrigin> origin = set_scope.Locate(target);
    if (!origin.ok()) return origin.status();
    BoundAssignment bound_assignment;
    bound_assignment.column = origin->column_index;
    if (assignment.value->kind != ast::ExprKind::kDefault) {
      if (ContainsAggregate(*assignment.value)) {
        return Status::Error(ErrorCode::kInvalidGroupFuncUse);
      }
      Result<ExpressionPtr> value = BindExpression(*assignment.value, set_scope);
      if (!value.ok()) return value.status();
      bound_assignment.value = std::move(*value);
    }
    bound.assignments.push_back(std::move(bound_assignment));
  }
  MINISQL_RETURN_IF_ERROR(
      BindWhereAndLimit(stmt.where.get(), stmt.order_by, stmt.limit.get(), tables, &bound));
  bound.ignore = stmt.ignore;
  return bound;
}

Result<BoundModify> Binder::BindDelete(const ast::DeleteStmt& stmt) {
  if (!stmt.targets.empty()) return BindMultiDelete(stmt);
  MINISQL_RETURN_IF_ERROR(CheckSingleTable(stmt.table.get()));
  BoundModify bound;
  std::vector<BoundTable> tables;
  MINISQL_RETURN_IF_ERROR(BindFrom(*stmt.table, &tables));
  if (tables[0].derived_plan) return Status::Error(ErrorCode::kNotSupportedYet, "DELETE of a view");
  bound.table = tables[0].schema;
  bound.alias = tables[0].alias;
  MINISQL_RETURN_IF_ERROR(
      BindWhereAndLimit(stmt.where.get(), stmt.order_by, stmt.limit.get(), tables, &bound));
  return bound;
}

}  // namespace minisql::sql
