// bind_select.cc — binds SELECT: FROM, WHERE, GROUP BY, aggregates, select items,
// HAVING, ORDER BY, LIMIT. The row layouts it binds against are drawn in
// bound_statement.h; the scopes in name_scopes.h.
#include <cstdint>

#include "sql/binder/aggregate_extractor.h"
#include "sql/binder/bind_window.h"
#include "sql/binder/binder.h"
#include "sql/binder/conjuncts.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

namespace {

// The name MySQL gives a select item written without an alias: its text as typed,
// except that a string literal is named after its value (SELECT 'a' shows a column a)
// and a qualified column after the column alone.
std::string ResultColumnName(const ast::Expr& expr) {
  // A column reference is named after the column as written, without `t.`.
  if (expr.kind == ast::ExprKind::kColumnRef) {
    const auto& ref = static_cast<const ast::ColumnRefExpr&>(expr);
    if (ref.column.rfind("\x01", 0) != 0 && !IsWindowMarker(expr)) return ref.column;
  }
  if (expr.kind == ast::ExprKind::kLiteral) {
    const Value& value = static_cast<const ast::LiteralExpr&>(expr).value;
    if (value.kind() == Value::Kind::kString && !expr.text.empty() &&
        (expr.text.front() == '\'' || expr.text.front() == '"')) {
      return value.string_value();
    }
  }
  return expr.text;
}

// One select item after `*` expansion: an expression as written, or one column of a
// FROM table that a star stood for.
struct ItemEntry {
  ast::SelectItem* item = nullptr;  // null for a star-expanded column
  ColumnOrigin origin;              // for star-expanded columns
};

OutputColumn TableColumnOutput(const BoundTable& table, uint32_t column_index) {
  const storage::TableSchema& schema = *table.schema;
  const storage::ColumnDef& def = schema.columns[column_index];
  OutputColumn out;
  out.name = def.name;
  out.type = def.type;
  out.nullable = def.nullable;
  out.is_table_column = true;
  out.org_name = def.name;
  out.table = table.alias;
  out.org_table = schema.name;
  out.schema = schema.database;
  for (uint32_t key_column : schema.primary_key) {
    if (key_column == column_index) out.primary_key = true;
  }
  out.auto_increment = def.auto_increment;
  out.no_default = !def.nullable && !def.has_default() && !def.auto_increment;
  return out;
}

bool IsAggregateMarkerRef(const ast::Expr& expr) {
  return expr.kind == ast::ExprKind::kColumnRef &&
         static_cast<const ast::ColumnRefExpr&>(expr).column.rfind("\x01", 0) == 0;
}

// `GROUP BY 2` / `ORDER BY 2`: the 1-based position, or nullopt if `expr` is not an
// integer literal.
std::optional<int64_t> Position(const ast::Expr& expr) {
  if (expr.kind != ast::ExprKind::kLiteral) return std::nullopt;
  const Value& v = static_cast<const ast::LiteralExpr&>(expr).value;
  if (v.kind() != Value::Kind::kInt) return std::nullopt;
  return v.int_value();
}

// The names GROUP BY lists as plain columns (`GROUP BY a, t.b` gives a, b): in HAVING
// they mean the grouped column even where a select alias has the same name.
std::vector<std::string> GroupedColumnNames(const ast::SelectStmt& stmt) {
  std::vector<std::string> names;
  for (const ast::ExprPtr& item : stmt.group_by) {
    if (item->kind == ast::ExprKind::kColumnRef) {
      names.push_back(static_cast<const ast::ColumnRefExpr&>(*item).column);
    }
  }
  return names;
}

}  // namespace

Result<BoundSelect> Binder::BindSelect(ast::SelectStmt& stmt) {
  if (stmt.with.empty()) return BindQueryBody(stmt);
  // WITH: its CTEs are visible to this query and everything nested in it.
  CteScope scope;
  for (const ast::CommonTableExpr& cte : stmt.with) scope.ctes.push_back(&cte);
  scope.database = current_database_;
  scope.parent = ctes_;
  scope.recursive = stmt.with_recursive;
  MINISQL_RETURN_IF_ERROR(CheckCtes(scope));
  const CteScope* saved = ctes_;
  ctes_ = &scope;
  Result<BoundSelect> bound = BindQueryBody(stmt);
  ctes_ = saved;
  return bound;
}

Result<BoundSelect> Binder::BindQueryBody(ast::SelectStmt& stmt) {
  if (stmt.set_op != ast::SetOperation::kNone) return BindSetOperation(stmt);
  BoundSelect bound;
  if (stmt.lock_mode != ast::LockMode::kNone) {
    bound.lock = stmt.lock_mode == ast::LockMode::kForUpdate ? storage::RowLockMode::kExclusive
                                                             : storage::RowLockMode::kShared;
  }
  for (const auto& ref : stmt.from) {
    bound.from.emplace_back();
    MINISQL_RETURN_IF_ERROR(BindFrom(*ref, &bound.tables, &bound.from.back()));
  }
  const std::vector<BoundTable>* tables = &bound.tables;

  // --- WHERE ----------------------------------------------------------------------
  if (stmt.where) {
    if (ContainsAggregate(*stmt.where)) return Status::Error(ErrorCode::kInvalidGroupFuncUse);
    TableScope where_scope(tables, "WHERE", this);
    bound.where_ast = stmt.where.get();
    // Bound once only: binding a subquery rewrites its AST (aggregates), so the same
    // tree cannot be bound twice.
    if (bound.tables.size() > 1) {  // the join planner places each part (conjuncts.h)
      auto conjuncts = BindConjuncts(*stmt.where, where_scope, bound.tables.size());
      if (!conjuncts.ok()) return conjuncts.status();
      bound.where_conjuncts = std::move(*conjuncts);
    } else {
      Result<ExpressionPtr> where = BindExpression(*stmt.where, where_scope);
      if (!where.ok()) return where.status();
      bound.where = std::move(*where);
    }
  }

  // --- `*` expansion --------------------------------------------------------------
  std::vector<ItemEntry> entries;
  for (ast::SelectItem& item : stmt.items) {
    if (item.expr->kind != ast::ExprKind::kStar) {
      entries.push_back(ItemEntry{&item, {}});
      continue;
    }
    const auto& star = static_cast<const ast::StarExpr&>(*item.expr);
    if (bound.tables.empty()) return Status::Error(ErrorCode::kNoTablesUsed);
    if (star.table.empty()) {  // every FROM item's columns, USING columns once
      for (const auto& item : bound.from) {
        for (const auto& [t, c] : item->star_columns) {
          entries.push_back(ItemEntry{nullptr, ColumnOrigin{t, c}});
        }
      }
      continue;
    }
    bool matched = false;
    for (uint32_t t = 0; t < bound.tables.size(); ++t) {
      if (star.table != bound.tables[t].alias) continue;
      matched = true;
      for (uint32_t c = 0; c < bound.tables[t].schema->columns.size(); ++c) {
        entries.push_back(ItemEntry{nullptr, ColumnOrigin{t, c}});
      }
    }
    if (!matched) return Status::Error(ErrorCode::kBadTable, star.table);
  }

  // --- Window calls leave the select items and ORDER BY (bind_window.h) ------------
  WindowExtractor windows;
  for (ItemEntry& entry : entries) {
    if (entry.item) windows.Extract(&entry.item->expr);
  }
  for (ast::OrderItem& order : stmt.order_by) windows.Extract(&order.expr);

  bound.aggregate = !stmt.group_by.empty() || (stmt.having && ContainsAggregate(*stmt.having));
  if (windows.ContainsAggregate(stmt)) bound.aggregate = true;
  for (const ItemEntry& entry : entries) {
    if (entry.item && ContainsAggregate(*entry.item->expr)) bound.aggregate = true;
  }
  for (const ast::OrderItem& order : stmt.order_by) {
    if (ContainsAggregate(*order.expr)) bound.aggregate = true;
  }

  // --- GROUP BY (before aggregate extraction rewrites the select items) -------------
  TableScope group_scope(tables, "GROUP BY", this);
  for (const ast::ExprPtr& key : stmt.group_by) {
    const ast::Expr* key_ast = key.get();
    if (std::optional<int64_t> position = Position(*key)) {
      if (*position < 1 || *position > static_cast<int64_t>(entries.size())) {
        return Status::Error(ErrorCode::kBadField, key->text, "GROUP BY");
      }
      const ItemEntry& entry = entries[*position - 1];
      if (entry.item == nullptr) {
        const BoundTable& table = bound.tables[entry.origin.table_index];
        const storage::ColumnDef& def = table.schema->columns[entry.origin.column_index];
        bound.group_by.push_back(MakeColumnRef(BoundColumn{table.offset + entry.origin.column_index,
                                                           def.type, def.nullable, def.name}));
        continue;
      }
      key_ast = entry.item->expr.get();
      if (IsWindowMarker(*key_ast)) {
        return Status::Error(ErrorCode::kWrongPlacementOfWindowFunction);
      }
    } else if (key->kind == ast::ExprKind::kColumnRef) {
      // GROUP BY looks at FROM columns first, then at select aliases.
      const auto& ref = static_cast<const ast::ColumnRefExpr&>(*key);
      if (ref.table.empty() && !group_scope.Locate(ref).ok()) {
        for (const ItemEntry& entry : entries) {
          if (entry.item && EqualsIgnoreCase(entry.item->alias, ref.column)) {
            key_ast = entry.item->expr.get();
            break;
          }
        }
      }
    }
    if (ContainsAggregate(*key_ast)) {
      // `GROUP BY 2` naming an aggregate item is 1056; an aggregate written in
      // GROUP BY itself is 1111, as in MariaDB.
      if (key_ast != key.get()) return Status::Error(ErrorCode::kWrongGroupField, key_ast->text);
      return Status::Error(ErrorCode::kInvalidGroupFuncUse);
    }
    Result<ExpressionPtr> bound_key = BindExpression(*key_ast, group_scope);
    if (!bound_key.ok()) return bound_key.status();
    bound.group_by.push_back(std::move(*bound_key));
  }

  // --- Aggregates -----------------------------------------------------------------
  AggregateExtractor extractor;
  if (bound.aggregate) {
    for (ItemEntry& entry : entries) {
      if (entry.item) extractor.Extract(&entry.item->expr, "SELECT");
    }
    if (stmt.having) extractor.Extract(&stmt.having, "HAVING");
    for (ast::OrderItem& order : stmt.order_by) extractor.Extract(&order.expr, "ORDER BY");
    ExtractWindowAggregates(windows, stmt, &extractor);
  }
  for (AggregateExtractor::Call& call : extractor.calls()) {
    const ast::FunctionExpr& fn = *call.call;
    BoundAggregate aggregate;
    aggregate.spec.name = fn.name;
    aggregate.spec.star = fn.star;
    aggregate.spec.distinct = fn.distinct;
    if (!fn.star) {
      // Several arguments: COUNT(DISTINCT a, b) and GROUP_CONCAT(a, b) only.
      const bool many_allowed = fn.name == "GROUP_CONCAT" || (fn.name == "COUNT" && fn.distinct);
      if (fn.args.empty() || (fn.args.size() > 1 && !many_allowed)) {
        return Status::Error(ErrorCode::kWrongParametercountToNativeFct, fn.name);
      }
      TableScope arg_scope(tables, call.clause, this);
      for (size_t i = 0; i < fn.args.size() + fn.order_keys.size(); ++i) {
        const ast::Expr& input =
            i < fn.args.size() ? *fn.args[i] : *fn.order_keys[i - fn.args.size()];
        // SUM(ROW_NUMBER() OVER ()): aggregates run before the windows.
        if (ContainsWindowMarker(input)) {
          return Status::Error(ErrorCode::kSumFuncWithWindowFuncAsArg);
        }
        Result<ExpressionPtr> bound_input = BindExpression(input, arg_scope);
        if (!bound_input.ok()) return bound_input.status();
        if (i == 0) {
          aggregate.spec.arg_type = (*bound_input)->type();
          aggregate.argument = std::move(*bound_input);
        } else {
          aggregate.extra_inputs.push_back(std::move(*bound_input));
        }
      }
      aggregate.spec.arg_count = fn.args.size();
      aggregate.spec.order_descending = fn.order_descending;
      if (fn.separator) aggregate.spec.separator = *fn.separator;
    }
    Result<ColumnType> type = AggregateResultType(aggregate.spec);
    if (!type.ok()) return type.status();
    aggregate.result_type = *type;
    bound.aggregates.push_back(std::move(aggregate));
  }
  const uint32_t input_shift = bound.aggregate ? static_cast<uint32_t>(bound.aggregates.size()) : 0;

  // --- Select items ---------------------------------------------------------------
  TableScope select_tables(tables, "SELECT", this);
  AggregateScope select_aggregates(&select_tables, &bound.aggregates);
  const NameScope& select_scope =
      bound.aggregate ? static_cast<const NameScope&>(select_aggregates) : select_tables;
  // HAVING with window functions filters before them (bind_window.h): the items
  // without a window call, which HAVING may name by alias, are computed first and
  // placed in front of the joined or aggregated row.
  const bool having_before_windows = stmt.having != nullptr && !windows.empty();
  std::vector<std::optional<uint32_t>> pre_window_slot(entries.size());
  uint32_t pre_window_count = 0;
  if (having_before_windows) {
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].item && !ContainsWindowMarker(*entries[i].item->expr)) {
        pre_window_slot[i] = pre_window_count++;
      }
    }
  }
  // No aliases: this scope only moves every input column behind the pre-window items.
  AliasScope shifted_select(&select_scope, {}, pre_window_count, /*aliases_first=*/false);
  const NameScope& window_input = having_before_windows ? shifted_select : select_scope;
  // Window functions read the same row as the select items; their results follow it.
  Result<std::vector<BoundWindowFunction>> window_functions =
      BindWindowFunctions(windows, stmt, window_input);
  if (!window_functions.ok()) return window_functions.status();
  bound.windows = std::move(*window_functions);
  for (const BoundTable& table : bound.tables) {
    bound.window_input_width += static_cast<uint32_t>(table.schema->columns.size());
  }
  bound.window_input_width += input_shift + pre_window_count;
  WindowScope item_scope(&window_input, &bound.windows, bound.window_input_width);
  std::vector<SelectAlias> aliases;
  for (size_t entry_index = 0; entry_index < entries.size(); ++entry_index) {
    const ItemEntry& entry = entries[entry_index];
    OutputColumn out;
    if (entry.item == nullptr) {
      const BoundTable& table = bound.tables[entry.origin.table_index];
      out = TableColumnOutput(table, entry.origin.column_index);
      if (bound.aggregate) out.nullable = true;
      bound.items.push_back(MakeColumnRef(
          BoundColumn{table.offset + entry.origin.column_index + input_shift + pre_window_count,
                      out.type, out.nullable, out.name}));
    } else {
      const ast::Expr& expr = *entry.item->expr;
      const std::optional<uint32_t> slot = pre_window_slot[entry_index];
      Result<ExpressionPtr> item = BindExpression(expr, slot ? select_scope : item_scope);
      if (!item.ok()) return item.status();
      if (slot) {  // computed before HAVING; the item reads its result
        ExpressionPtr computed = std::move(*item);
        item = MakeColumnRef(BoundColumn{*slot, computed->type(), computed->nullable(), expr.text});
        bound.pre_window_items.push_back(std::move(computed));
      }
      if (expr.kind == ast::ExprKind::kColumnRef && !IsAggregateMarkerRef(expr)) {
        Result<ColumnOrigin> origin =
            select_tables.Locate(static_cast<const ast::ColumnRefExpr&>(expr));
        if (origin.ok()) {
          out = TableColumnOutput(bound.tables[origin->table_index], origin->column_index);
        }
      }
      out.name = entry.item->alias.empty() ? ResultColumnName(expr) : entry.item->alias;
      out.type = (*item)->type();
      out.nullable = (*item)->nullable();
      bound.items.push_back(std::move(*item));
    }
    uint32_t index = static_cast<uint32_t>(bound.columns.size());
    aliases.push_back(SelectAlias{out.name, BoundColumn{index, out.type, out.nullable, out.name}});
    bound.columns.push_back(std::move(out));
  }
  const uint32_t item_count = static_cast<uint32_t>(bound.items.size());

  // --- HAVING ---------------------------------------------------------------------
  if (stmt.having) {
    TableScope having_tables(tables, "HAVING", this);
    AggregateScope having_aggregates(&having_tables, &bound.aggregates);
    const NameScope& input =
        bound.aggregate ? static_cast<const NameScope&>(having_aggregates) : having_tables;
    if (having_before_windows) {
      // Over [pre-window items ++ input row]; an alias of a window item is 4015.
      std::vector<SelectAlias> item_aliases;
      std::vector<std::string> window_aliases;
      for (size_t i = 0; i < entries.size(); ++i) {
        if (pre_window_slot[i]) {
          BoundColumn column = aliases[i].column;
          column.index = *pre_window_slot[i];
          item_aliases.push_back(SelectAlias{aliases[i].name, column});
        } else if (entries[i].item) {
          window_aliases.push_back(aliases[i].name);
        }
      }
      AliasScope scope(&input, std::move(item_aliases), pre_window_count,
                       /*aliases_first=*/true, GroupedColumnNames(stmt));
      WindowAliasGuardScope guarded(&scope, std::move(window_aliases));
      Result<ExpressionPtr> having = BindExpression(*stmt.having, guarded);
      if (!having.ok()) return having.status();
      bound.window_having = std::move(*having);
    } else {
      AliasScope scope(&input, aliases, item_count, /*aliases_first=*/true,
                       GroupedColumnNames(stmt));
      Result<ExpressionPtr> having = BindExpression(*stmt.having, scope);
      if (!having.ok()) return having.status();
      bound.having = std::move(*having);
      bound.project_input = true;
    }
  }

  // --- ORDER BY -------------------------------------------------------------------
  TableScope order_tables(tables, "ORDER BY", this);
  AggregateScope order_aggregates(&order_tables, &bound.aggregates);
  const NameScope& order_input =
      bound.aggregate ? static_cast<const NameScope&>(order_aggregates) : order_tables;
  AliasScope shifted_order(&order_input, {}, pre_window_count, /*aliases_first=*/false);
  WindowScope order_windows(having_before_windows ? &shifted_order : &order_input, &bound.windows,
                            bound.window_input_width);
  AliasScope order_scope(&order_windows, aliases, item_count, /*aliases_first=*/true);
  for (const ast::OrderItem& order : stmt.order_by) {
    BoundOrderItem item;
    item.descending = order.descending;
    if (std::optional<int64_t> position = Position(*order.expr)) {
      if (*position < 1 || *position > item_count) {
        return Status::Error(ErrorCode::kBadField, order.expr->text, "ORDER BY");
      }
      item.key = MakeColumnRef(aliases[*position - 1].column);
    } else {
      Result<ExpressionPtr> key = BindExpression(*order.expr, order_scope);
      if (!key.ok()) return key.status();
      item.key = std::move(*key);
      bound.project_input = true;
    }
    bound.order_by.push_back(std::move(item));
  }

  // --- DISTINCT, LIMIT ------------------------------------------------------------
  bound.distinct = stmt.distinct;
  // The statement runner takes SQL_CALC_FOUND_ROWS off a top-level SELECT (the only place
  // it means something) before binding; anywhere else it is misplaced, as in MariaDB.
  if (stmt.calc_found_rows) {
    return Status::Error(ErrorCode::kCantUseOptionHere, "SQL_CALC_FOUND_ROWS");
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
