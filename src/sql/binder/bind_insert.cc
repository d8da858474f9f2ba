// bind_insert.cc — binds INSERT ... VALUES: the target table, the column list, and
// each row's value expressions. Values are converted to the column types when the
// insert executor evaluates them (column_converter.h), because only then is the
// row number known for messages like "Data too long for column 'x' at row 3".
#include "sql/binder/bind_insert_conflict.h"
#include "sql/binder/binder.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

namespace {

// VALUES expressions see no columns: `INSERT INTO t VALUES (a)` is 1054 in 'VALUES'.
class NoColumnsScope : public NameScope {
 public:
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override {
    return Status::Error(ErrorCode::kBadField, ref.column, "VALUES");
  }
};

}  // namespace

Result<BoundInsert> Binder::BindInsert(const ast::InsertStmt& stmt) {
  BoundInsert bound;
  auto table = LookupTable(stmt.database, stmt.table);
  if (!table.ok()) return table.status();
  bound.table = *table;
  if (!bound.table->view_definition.empty()) {
    return Status::Error(ErrorCode::kNotSupportedYet, "INSERT into a view");
  }
  const storage::TableSchema& schema = *bound.table;

  size_t width = schema.columns.size();
  bound.value_index.assign(schema.columns.size(), -1);
  if (stmt.columns.empty()) {
    for (size_t i = 0; i < schema.columns.size(); ++i) bound.value_index[i] = static_cast<int>(i);
  } else {
    width = stmt.columns.size();
    for (size_t i = 0; i < stmt.columns.size(); ++i) {
      int column = schema.FindColumn(stmt.columns[i]);
      if (column < 0) return Status::Error(ErrorCode::kBadField, stmt.columns[i], "INSERT INTO");
      if (bound.value_index[column] >= 0) {
        return Status::Error(ErrorCode::kFieldSpecifiedTwice, schema.columns[column].name);
      }
      bound.value_index[column] = static_cast<int>(i);
    }
  }

  NoColumnsScope scope;
  for (size_t r = 0; r < stmt.rows.size(); ++r) {
    const std::vector<ast::ExprPtr>& row = stmt.rows[r];
    if (row.size() != width) {
      return Status::Error(ErrorCode::kWrongValueCountOnRow, static_cast<unsigned long>(r + 1));
    }
    std::vector<ExpressionPtr> values;
    for (const ast::ExprPtr& value : row) {
      if (value->kind == ast::ExprKind::kDefault) {
        values.push_back(nullptr);
        continue;
      }
      Result<ExpressionPtr> bound_value = BindExpression(*value, scope);
      if (!bound_value.ok()) return bound_value.status();
      values.push_back(std::move(*bound_value));
    }
    bound.rows.push_back(std::move(values));
  }
  if (stmt.select) return BindInsertSelect(stmt, std::move(bound));  // bind_insert_select.cc
  // IGNORE, REPLACE, ON DUPLICATE KEY UPDATE (bind_insert_conflict.h).
  MINISQL_RETURN_IF_ERROR(BindInsertConflict(stmt, &bound));
  return bound;
}

}  // namespace minisql::sql
