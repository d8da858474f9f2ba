// binder.cc — the binder's shared pieces: database and table lookup, FROM clauses,
// LIMIT values. The statement-specific parts are in bind_*.cc.
#include "sql/binder/binder.h"

#include <cctype>
#include <cmath>

#include "sql/binder/conjuncts.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/conversion.h"
#include "sql/expression/expression_binder.h"
#include "sql/expression/expression_nodes.h"
#include "sql/information_schema/information_schema.h"

namespace minisql::sql {

namespace {

// MySQL's limit on the tables of one SELECT (the join planner also keeps table sets
// as 64-bit masks).
constexpr size_t kMaxJoinTables = 61;

}  // namespace

bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

Result<std::string> Binder::ResolveDatabase(const std::string& database) const {
  if (!database.empty()) return database;
  if (current_database_.empty()) return Status::Error(ErrorCode::kNoDb);
  return current_database_;
}

Result<std::shared_ptr<const storage::TableSchema>> Binder::LookupTable(const std::string& database,
                                                                        const std::string& table) {
  Result<std::string> db = ResolveDatabase(database);
  if (!db.ok()) return db.status();
  if (IsInformationSchema(*db)) {  // DESCRIBE, SHOW CREATE TABLE of a virtual table
    Result<const InformationSchemaTable*> virtual_table = FindInformationSchemaTable(table);
    if (!virtual_table.ok()) return virtual_table.status();
    return (*virtual_table)->schema;
  }
  if (table_access_ != nullptr) {
    MINISQL_RETURN_IF_ERROR(table_access_->CheckTableAccess(*db, table));
  }
  return storage_->GetTable(txn_, *db, table);
}

// Appends one FROM table (base table, derived table, view or CTE) after the others:
// its columns follow theirs in the joined row.
Status Binder::AppendTable(BoundTable table, std::vector<BoundTable>* tables, BoundFromItem* node) {
  for (const BoundTable& other : *tables) {
    if (other.alias == table.alias) return Status::Error(ErrorCode::kNonuniqTable, table.alias);
  }
  if (tables->size() >= kMaxJoinTables) {
    return Status::Error(ErrorCode::kTooManyTables, static_cast<int>(kMaxJoinTables));
  }
  table.offset = 0;
  if (!tables->empty()) {
    const BoundTable& last = tables->back();
    table.offset = last.offset + static_cast<uint32_t>(last.schema->columns.size());
  }
  node->kind = BoundFromItem::Kind::kTable;
  node->table = static_cast<uint32_t>(tables->size());
  node->star_columns.clear();
  for (uint32_t c = 0; c < table.schema->columns.size(); ++c) {
    node->star_columns.emplace_back(node->table, c);
  }
  tables->push_back(std::move(table));
  return Status::OK();
}

// Binds a FROM item: its tables are appended to `tables` in the order written (their
// columns make up the joined row in that order, see bound_statement.h), and `item`
// receives the join tree the planner works from. Each ON condition is bound over the
// tables of its own join only, as in MySQL.
Status Binder::BindFrom(const ast::TableRef& ref, std::vector<BoundTable>* tables,
                        std::unique_ptr<BoundFromItem>* item) {
  std::unique_ptr<BoundFromItem> local;
  if (item == nullptr) item = &local;
  *item = std::make_unique<BoundFromItem>();
  BoundFromItem& node = **item;
  switch (ref.kind) {
    case ast::TableRef::Kind::kDerived: {
      if (ref.alias.empty()) return Status::Error(ErrorCode::kDerivedMustHaveAlias);
      // The AST belongs to the statement; binding may rewrite it (aggregates).
      Result<BoundTable> derived = BindDerivedTable(const_cast<ast::SelectStmt&>(*ref.subquery),
                                                    ref.alias, {}, current_database_, ctes_);
      if (!derived.ok()) return derived.status();
      return AppendTable(std::move(*derived), tables, &node);
    }
    case ast::TableRef::Kind::kBase: {
      Result<std::optional<BoundTable>> cte = BindCteReference(ref);
      if (!cte.ok()) return cte.status();
      if (cte->has_value()) return AppendTable(std::move(**cte), tables, &node);
      if (Result<std::string> db = ResolveDatabase(ref.database);
          db.ok() && IsInformationSchema(*db)) {
        Result<BoundTable> virtual_table =
            BindInformationSchemaTable(ref.name, ref.alias.empty() ? ref.name : ref.alias);
        if (!virtual_table.ok()) return virtual_table.status();
        return AppendTable(std::move(*virtual_table), tables, &node);
      }
      auto schema = LookupTable(ref.database, ref.name);
      if (!schema.ok()) return schema.status();
      if (!(*schema)->view_definition.empty()) {
        Result<BoundTable> view = BindView(**schema, ref.alias.empty() ? ref.name : ref.alias);
        if (!view.ok()) return view.status();
        return AppendTable(std::move(*view), tables, &node);
      }
      BoundTable table;
      table.schema = *schema;
      table.alias = ref.alias.empty() ? ref.name : ref.alias;
      return AppendTable(std::move(table), tables, &node);
    }
    case ast::TableRef::Kind::kJoin: {
      const size_t first = tables->size();
      MINISQL_RETURN_IF_ERROR(BindFrom(*ref.left, tables, &node.left));
      MINISQL_RETURN_IF_ERROR(BindFrom(*ref.right, tables, &node.right));
      const bool right_join = ref.join_type == ast::TableRef::JoinType::kRight;
      const bool outer = right_join || ref.join_type == ast::TableRef::JoinType::kLeft;
      node.kind = outer ? BoundFromItem::Kind::kLeftJoin : BoundFromItem::Kind::kInnerJoin;
      BoundTable& joined = tables->back();
      joined.join_type = ref.join_type;
      if (ref.natural || !ref.using_columns.empty()) {
        MINISQL_RETURN_IF_ERROR(BindUsing(ref, tables, &node));
      } else {
        node.star_columns = node.left->star_columns;
        node.star_columns.insert(node.star_columns.end(), node.right->star_columns.begin(),
                                 node.right->star_columns.end());
        if (ref.on) {
          TableScope scope(tables, "ON", this);
          scope.SkipTables(first);
          // Bound once, part by part (a subquery's AST cannot be bound twice).
          auto conjuncts = BindConjuncts(*ref.on, scope, tables->size());
          if (!conjuncts.ok()) return conjuncts.status();
          node.on = std::move(*conjuncts);
        } else if (outer) {
          return Status::Error(ErrorCode::kParseError, "", 1);
        }
      }
      // RIGHT JOIN is the mirrored LEFT JOIN: the preserved side goes left.
      if (right_join) std::swap(node.left, node.right);
      return Status::OK();
    }
  }
  return Status::Error(ErrorCode::kInternalError, "unknown FROM item");
}

namespace {

// The one column of `columns` named `name`, or null (none, or more than one).
const std::pair<uint32_t, uint32_t>* FindStarColumn(
    const std::vector<std::pair<uint32_t, uint32_t>>& columns,
    const std::vector<BoundTable>& tables, const std::string& name) {
  const std::pair<uint32_t, uint32_t>* found = nullptr;
  for (const auto& column : columns) {
    if (!EqualsIgnoreCase(tables[column.first].schema->columns[column.second].name, name)) {
      continue;
    }
    if (found) return nullptr;
    found = &column;
  }
  return found;
}

ExpressionPtr ColumnOf(const std::vector<BoundTable>& tables,
                       const std::pair<uint32_t, uint32_t>& column) {
  const BoundTable& table = tables[column.first];
  const storage::ColumnDef& def = table.schema->columns[column.second];
  return MakeColumnRef(BoundColumn{table.offset + column.second, def.type, def.nullable, def.name});
}

}  // namespace

// `a JOIN b USING (c)` means `ON a.c = b.c`, with c shown once: SELECT * lists the
// USING columns first (taken from the preserved side), then the rest of a, then the
// rest of b; a bare `c` names the shown copy. NATURAL JOIN is USING (every column
// name both sides have), in the left side's order.
Status Binder::BindUsing(const ast::TableRef& ref, std::vector<BoundTable>* tables,
                         BoundFromItem* join) {
  const auto& left = join->left->star_columns;
  const auto& right = join->right->star_columns;
  std::vector<std::string> names;
  if (ref.natural) {
    for (const auto& column : left) {
      const std::string& name = (*tables)[column.first].schema->columns[column.second].name;
      if (FindStarColumn(right, *tables, name)) names.push_back(name);
    }
  } else {
    for (const std::string& name : ref.using_columns) {
      bool repeated = false;
      for (const std::string& seen : names) repeated = repeated || EqualsIgnoreCase(seen, name);
      if (!repeated) names.push_back(name);
    }
  }
  const bool right_join = ref.join_type == ast::TableRef::JoinType::kRight;
  std::vector<std::pair<uint32_t, uint32_t>> shown, dropped;
  for (const std::string& name : names) {
    const auto* l = FindStarColumn(left, *tables, name);
    const auto* r = FindStarColumn(right, *tables, name);
    if (l == nullptr || r == nullptr) return Status::Error(ErrorCode::kBadField, name, "FROM");
    BoundConjunct equal;
    equal.predicate = std::make_unique<ComparisonExpression>(
        ComparisonOp::kEq, ColumnOf(*tables, *l), ColumnOf(*tables, *r));
    equal.tables = (uint64_t{1} << l->first) | (uint64_t{1} << r->first);
    equal.is_equality = true;
    equal.eq_left = ColumnOf(*tables, *l);
    equal.eq_right = ColumnOf(*tables, *r);
    equal.eq_left_tables = uint64_t{1} << l->first;
    equal.eq_right_tables = uint64_t{1} << r->first;
    join->on.push_back(std::move(equal));
    shown.push_back(right_join ? *r : *l);
    dropped.push_back(right_join ? *l : *r);
  }
  for (const auto& column : dropped)
    (*tables)[column.first].hidden_columns.push_back(column.second);
  auto is_using = [&](const std::pair<uint32_t, uint32_t>& column) {
    for (size_t i = 0; i < shown.size(); ++i) {
      if (column == shown[i] || column == dropped[i]) return true;
    }
    return false;
  };
  join->star_columns = shown;
  const auto& first = right_join ? right : left;
  const auto& second = right_join ? left : right;
  for (const auto& column : first) {
    if (!is_using(column)) join->star_columns.push_back(column);
  }
  for (const auto& column : second) {
    if (!is_using(column)) join->star_columns.push_back(column);
  }
  return Status::OK();
}

Result<std::optional<uint64_t>> Binder::BindLimit(const ast::Expr* expr, const char* what) {
  if (expr == nullptr) return std::optional<uint64_t>();
  if (expr->kind == ast::ExprKind::kLiteral) {
    const Value& v = static_cast<const ast::LiteralExpr*>(expr)->value;
    if (v.kind() == Value::Kind::kInt && v.int_value() >= 0) {
      return std::optional<uint64_t>(static_cast<uint64_t>(v.int_value()));
    }
    if (v.kind() == Value::Kind::kUInt) return std::optional<uint64_t>(v.uint_value());
    if (v.kind() == Value::Kind::kDecimal && v.decimal_value().scale() == 0 &&
        v.decimal_value().unscaled() > 0) {
      return std::optional<uint64_t>(UINT64_MAX);  // beyond int64: no limit in practice
    }
    // A `?` of a prepared statement (its literal keeps the text "?") takes any value, as
    // in MariaDB: mysql2 sends every JS number as a DOUBLE, others send strings. The
    // value is truncated to an integer; NULL and non-numbers count 0, and negative
    // values (2^64 - n as an unsigned count) and values beyond 2^64 mean no limit.
    if (expr->text == "?") {
      if (v.is_null()) return std::optional<uint64_t>(0);
      if (v.kind() == Value::Kind::kInt) {
        return std::optional<uint64_t>(v.int_value() < 0 ? UINT64_MAX
                                                         : static_cast<uint64_t>(v.int_value()));
      }
      double rows = std::trunc(ToDouble(v));
      if (std::isnan(rows)) return std::optional<uint64_t>(0);
      if (rows < 0 || rows >= 18446744073709551615.0) return std::optional<uint64_t>(UINT64_MAX);
      return std::optional<uint64_t>(static_cast<uint64_t>(rows));
    }
  }
  return Status::Error(ErrorCode::kWrongArguments, what);
}

}  // namespace minisql::sql
