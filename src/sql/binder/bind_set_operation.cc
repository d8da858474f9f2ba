// bind_set_operation.cc — binds UNION / INTERSECT / EXCEPT.
//
// Both operands are bound as queries of their own (they may be set operations
// themselves: the parser builds a left-deep tree with INTERSECT binding tighter).
// They must have the same number of columns (1222). The result's columns take their
// names from the left operand and, column by column, the common type of both sides
// (CommonResultType: an INT and a VARCHAR give a VARCHAR, as in MariaDB).
//
// The combined rows then act as a derived table, and the set operation's own ORDER BY
// and LIMIT are bound over it like those of `SELECT * FROM (a UNION b) ...`: ORDER BY
// may name a result column or its position.
#include "sql/binder/binder.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/result_types.h"
#include "sql/planner/planner.h"
#include "sql/planner/set_operation_plan.h"

namespace minisql::sql {

Result<BoundSelect> Binder::BindSetOperation(ast::SelectStmt& stmt) {
  if (stmt.lock_mode != ast::LockMode::kNone) {
    return Status::Error(ErrorCode::kNotSupportedYet, "SELECT ... FOR UPDATE / LOCK IN SHARE MODE");
  }
  Result<BoundSelect> left = BindSelect(*stmt.set_left);
  if (!left.ok()) return left.status();
  Result<BoundSelect> right = BindSelect(*stmt.set_right);
  if (!right.ok()) return right.status();
  if (left->columns.size() != right->columns.size()) {
    return Status::Error(ErrorCode::kWrongNumberOfColumnsInSelect);
  }

  auto schema = std::make_shared<storage::TableSchema>();
  schema->name = "<set>";
  auto plan = std::make_unique<SetOperationPlan>();
  plan->op = stmt.set_op;
  std::vector<OutputColumn> columns;
  for (size_t i = 0; i < left->columns.size(); ++i) {
    const OutputColumn& l = left->columns[i];
    const OutputColumn& r = right->columns[i];
    OutputColumn out;
    out.name = l.name;
    out.type = l.type.id == TypeId::kNull   ? r.type
               : r.type.id == TypeId::kNull ? l.type
                                            : CommonResultType({l.type, r.type});
    out.nullable = l.nullable || r.nullable;
    plan->types.push_back(out.type);
    storage::ColumnDef def;
    def.name = out.name;
    def.type = out.type;
    def.nullable = out.nullable;
    schema->columns.push_back(std::move(def));
    columns.push_back(std::move(out));
  }
  plan->AddChild(Planner::PlanSelect(std::move(*left)));
  plan->AddChild(Planner::PlanSelect(std::move(*right)));

  BoundSelect bound;
  BoundTable table;
  table.schema = std::move(schema);
  table.alias = "<set>";
  table.derived_plan = std::shared_ptr<const PlanNode>(std::move(plan));
  bound.tables.push_back(std::move(table));
  std::vector<SelectAlias> aliases;
  for (uint32_t i = 0; i < columns.size(); ++i) {
    BoundColumn column(i, columns[i].type, columns[i].nullable, columns[i].name);
    bound.items.push_back(MakeColumnRef(column));
    aliases.push_back(SelectAlias{columns[i].name, column});
  }
  bound.columns = std::move(columns);
  const uint32_t item_count = static_cast<uint32_t>(bound.items.size());

  TableScope order_tables(&bound.tables, "ORDER BY", this);
  AliasScope order_scope(&order_tables, aliases, item_count, /*aliases_first=*/true);
  for (const ast::OrderItem& order : stmt.order_by) {
    BoundOrderItem item;
    item.descending = order.descending;
    const ast::Expr& expr = *order.expr;
    if (expr.kind == ast::ExprKind::kLiteral &&
        static_cast<const ast::LiteralExpr&>(expr).value.kind() == Value::Kind::kInt) {
      int64_t position = static_cast<const ast::LiteralExpr&>(expr).value.int_value();
      if (position < 1 || position > item_count) {
        return Status::Error(ErrorCode::kBadField, expr.text, "ORDER BY");
      }
      item.key = MakeColumnRef(aliases[position - 1].column);
    } else {
      Result<ExpressionPtr> key = BindExpression(expr, order_scope);
      if (!key.ok()) return key.status();
      item.key = std::move(*key);
      bound.project_input = true;
    }
    bound.order_by.push_back(std::move(item));
  }
  Result<std::optional<uint64_t>> limit = BindLimit(stmt.limit.get(), "LIMIT");
  if (!limit.ok()) return limit.status();
  bound.limit = *limit;
  Result<std::optional<uint64_t>> offset = BindLimit(stmt.offset.get(), "LIMIT");
  if (!offset.ok()) return offset.status();
  bound.offset = offset->value_or(0);
  return bound;
}

}  // namespace minisql::sql
