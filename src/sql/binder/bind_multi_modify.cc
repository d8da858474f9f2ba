// bind_multi_modify.cc — binds the multi-table forms of UPDATE and DELETE:
//
//   UPDATE t1 JOIN t2 ON ... SET t1.a = t2.b, t2.c = 0 WHERE ... [ORDER BY] [LIMIT]
//   UPDATE t1, t2 SET ... WHERE ...
//   DELETE t1, t2 FROM t1 JOIN t2 ON ... WHERE ...
//   DELETE FROM t1 USING t1 JOIN t2 ON ... WHERE ...
//
// The FROM part and WHERE are bound exactly as a SELECT ... FOR UPDATE over the join
// would be (BoundSelect: tables, join tree, WHERE split into conjuncts), so the join
// planner plans them. What is changed is a list of ModifyTargets: each names one FROM
// table and where its columns sit in the joined row. SET values and ORDER BY are
// bound over the whole joined row.
//
// Only base tables can be changed: a derived table answers 1288 as in MariaDB; a view
// answers 1235 (views are not updatable in minisql yet).
#include "sql/binder/aggregate_extractor.h"
#include "sql/binder/binder.h"
#include "sql/binder/conjuncts.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {
namespace {

// Whether the FROM clause names `alias` as a base table or view (not a derived table).
bool NamesBaseOrView(const ast::TableRef& ref, const std::string& alias) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kBase:
      return EqualsIgnoreCase(ref.alias.empty() ? ref.name : ref.alias, alias);
    case ast::TableRef::Kind::kDerived:
      return false;
    case ast::TableRef::Kind::kJoin:
      return NamesBaseOrView(*ref.left, alias) || NamesBaseOrView(*ref.right, alias);
  }
  return false;
}

Status CheckChangeable(const BoundTable& table, const ast::TableRef& from, const char* statement) {
  if (!table.derived_plan) return Status::OK();
  if (NamesBaseOrView(from, table.alias)) {
    return Status::Error(ErrorCode::kNotSupportedYet, std::string(statement) + " of a view");
  }
  return Status::Error(ErrorCode::kNonUpdatableTable, table.alias, statement);
}

// The target for FROM table `table_index`, added on first use.
ModifyTarget& TargetFor(const std::vector<BoundTable>& tables, uint32_t table_index,
                        std::vector<ModifyTarget>* targets, std::vector<uint32_t>* indexes) {
  for (size_t i = 0; i < indexes->size(); ++i) {
    if ((*indexes)[i] == table_index) return (*targets)[i];
  }
  const BoundTable& table = tables[table_index];
  indexes->push_back(table_index);
  targets->push_back(ModifyTarget{table.schema, table.alias, table.offset, {}});
  return targets->back();
}

}  // namespace

Status Binder::BindModifyJoin(const ast::TableRef& ref, const ast::Expr* where, BoundSelect* join) {
  // Every row read is locked exclusively, as a single-table UPDATE locks its rows.
  join->lock = storage::RowLockMode::kExclusive;
  join->from.emplace_back();
  MINISQL_RETURN_IF_ERROR(BindFrom(ref, &join->tables, &join->from.back()));
  if (where == nullptr) return Status::OK();
  if (ContainsAggregate(*where)) return Status::Error(ErrorCode::kInvalidGroupFuncUse);
  TableScope where_scope(&join->tables, "WHERE", this);
  join->where_ast = where;
  if (join->tables.size() > 1) {
    auto conjuncts = BindConjuncts(*where, where_scope, join->tables.size());
    if (!conjuncts.ok()) return conjuncts.status();
    join->where_conjuncts = std::move(*conjuncts);
    return Status::OK();
  }
  Result<ExpressionPtr> bound = BindExpression(*where, where_scope);
  if (!bound.ok()) return bound.status();
  join->where = std::move(*bound);
  return Status::OK();
}

Result<BoundModify> Binder::BindMultiUpdate(const ast::UpdateStmt& stmt) {
  BoundModify bound;
  bound.join = std::make_unique<BoundSelect>();
  MINISQL_RETURN_IF_ERROR(BindModifyJoin(*stmt.table, stmt.where.get(), bound.join.get()));
  const std::vector<BoundTable>& tables = bound.join->tables;
  std::vector<uint32_t> target_tables;  // FROM index of each target
  TableScope set_scope(&tables, "SET", this);
  for (const ast::Assignment& assignment : stmt.assignments) {
    ast::ColumnRefExpr target;
    target.table = assignment.table;
    target.column = assignment.column;
    Result<ColumnOrigin> origin = set_scope.Locate(target);
    if (!origin.ok()) return origin.status();
    MINISQL_RETURN_IF_ERROR(CheckChangeable(tables[origin->table_index], *stmt.table, "UPDATE"));
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
    TargetFor(tables, origin->table_index, &bound.targets, &target_tables)
        .assignments.push_back(std::move(bound_assignment));
  }
  // ORDER BY and LIMIT (MariaDB accepts them here): over the joined rows.
  for (const ast::OrderItem& item : stmt.order_by) {
    TableScope order_scope(&tables, "order clause", this);
    if (ContainsAggregate(*item.expr)) return Status::Error(ErrorCode::kInvalidGroupFuncUse);
    Result<ExpressionPtr> key = BindExpression(*item.expr, order_scope);
    if (!key.ok()) return key.status();
    bound.order_by.push_back(BoundOrderItem{std::move(*key), item.descending});
  }
  Result<std::optional<uint64_t>> limit = BindLimit(stmt.limit.get(), "LIMIT");
  if (!limit.ok()) return limit.status();
  bound.limit = *limit;
  return bound;
}

Result<BoundModify> Binder::BindMultiDelete(const ast::DeleteStmt& stmt) {
  BoundModify bound;
  bound.join = std::make_unique<BoundSelect>();
  MINISQL_RETURN_IF_ERROR(BindModifyJoin(*stmt.table, stmt.where.get(), bound.join.get()));
  const std::vector<BoundTable>& tables = bound.join->tables;
  std::vector<uint32_t> target_tables;
  for (const auto& [database, name] : stmt.targets) {
    // A target names a FROM table by its alias (`DELETE a FROM t1 AS a`), or, when
    // qualified, by database and table name.
    std::optional<uint32_t> found;
    for (uint32_t i = 0; i < tables.size() && !found; ++i) {
      if (!EqualsIgnoreCase(tables[i].alias, name)) continue;
      if (!database.empty() &&
          (tables[i].schema->database != database || tables[i].schema->name != name)) {
        continue;
      }
      found = i;
    }
    if (!found) return Status::Error(ErrorCode::kUnknownTable, name, "MULTI DELETE");
    MINISQL_RETURN_IF_ERROR(CheckChangeable(tables[*found], *stmt.table, "DELETE"));
    TargetFor(tables, *found, &bound.targets, &target_tables);
  }
  return bound;
}

}  // namespace minisql::sql
