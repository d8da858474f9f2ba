// bind_insert_conflict.cc — see bind_insert_conflict.h.
#include "sql/binder/bind_insert_conflict.h"

#include "sql/binder/aggregate_extractor.h"
#include "sql/binder/binder.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {
namespace {

// Names in ON DUPLICATE KEY UPDATE: the stored row's columns (positions 0..n-1) and,
// through VALUES(col), the inserted row's (positions n..2n-1).
//
// INSERT ... SELECT: MySQL also lets a name reach the columns of the SELECT's FROM
// tables. minisql does not carry the query's row to the update, so such a name is
// 1235; a name both the target and a FROM table have is 1052, as in MariaDB.
class DuplicateUpdateScope : public NameScope {
 public:
  DuplicateUpdateScope(const storage::TableSchema* table,
                       const std::vector<BoundTable>* query_tables)
      : table_(table), query_tables_(query_tables) {}

  // MariaDB words an unknown name as in 'SELECT' in values, 'UPDATE' as a target (in
  // the INSERT ... SELECT form: 'UPDATE' for both).
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override {
    return Find(ref, 0, query_tables_ != nullptr ? "UPDATE" : "SELECT");
  }
  Result<BoundColumn> ResolveTarget(const ast::ColumnRefExpr& ref) const {
    return Find(ref, 0, "UPDATE");
  }

  Result<std::optional<BoundColumn>> ResolveInsertedValue(
      const ast::FunctionExpr& values) const override {
    if (values.args.size() != 1 || values.args[0]->kind != ast::ExprKind::kColumnRef) {
      return Status::Error(ErrorCode::kNotSupportedYet, "VALUES() of anything but a column");
    }
    Result<BoundColumn> column = Find(static_cast<const ast::ColumnRefExpr&>(*values.args[0]),
                                      static_cast<uint32_t>(table_->columns.size()), "SELECT");
    if (!column.ok()) return column.status();
    return std::optional<BoundColumn>(*column);
  }

 private:
  // Whether a FROM table of INSERT ... SELECT's query has the column `ref` names.
  bool InQuery(const ast::ColumnRefExpr& ref) const {
    if (query_tables_ == nullptr) return false;
    for (const BoundTable& table : *query_tables_) {
      bool table_matches = ref.table.empty() || ref.table == table.alias;
      if (table_matches && table.schema->FindColumn(ref.column) >= 0) return true;
    }
    return false;
  }

  Result<BoundColumn> Find(const ast::ColumnRefExpr& ref, uint32_t offset,
                           const char* clause) const {
    bool table_matches = ref.table.empty() || ref.table == table_->name;
    bool db_matches = ref.database.empty() || ref.database == table_->database;
    int column = table_matches && db_matches ? table_->FindColumn(ref.column) : -1;
    std::string name = ref.table.empty() ? ref.column : ref.table + "." + ref.column;
    // VALUES(col) names the inserted row only; other names may reach the query too.
    if (offset == 0 && InQuery(ref)) {
      if (column >= 0) return Status::Error(ErrorCode::kNonUniq, name, clause);
      std::string feature = "ON DUPLICATE KEY UPDATE reading a column of INSERT ... SELECT's query";
      return Status::Error(ErrorCode::kNotSupportedYet, feature + " (" + name + ")");
    }
    if (column < 0) return Status::Error(ErrorCode::kBadField, name, clause);
    const storage::ColumnDef& def = table_->columns[column];
    return BoundColumn{offset + static_cast<uint32_t>(column), def.type, def.nullable, def.name};
  }

  const storage::TableSchema* table_;
  const std::vector<BoundTable>* query_tables_;  // null: the VALUES form
};

}  // namespace

Status BindInsertConflict(const ast::InsertStmt& stmt, BoundInsert* bound,
                          const std::vector<BoundTable>* query_tables) {
  bound->ignore = stmt.ignore;
  if (stmt.replace) {
    bound->on_conflict = InsertConflict::kReplace;
    return Status::OK();
  }
  if (stmt.on_duplicate.empty()) {
    bound->on_conflict = stmt.ignore ? InsertConflict::kIgnore : InsertConflict::kError;
    return Status::OK();
  }
  bound->on_conflict = InsertConflict::kUpdate;
  const storage::TableSchema& table = *bound->table;
  DuplicateUpdateScope scope(&table, query_tables);
  for (const ast::Assignment& assignment : stmt.on_duplicate) {
    ast::ColumnRefExpr target;
    target.table = assignment.table;
    target.column = assignment.column;
    Result<BoundColumn> column = scope.ResolveTarget(target);
    if (!column.ok()) return column.status();
    BoundAssignment bound_assignment;
    bound_assignment.column = column->index;
    if (assignment.value->kind != ast::ExprKind::kDefault) {
      if (ContainsAggregate(*assignment.value)) {
        return Status::Error(ErrorCode::kInvalidGroupFuncUse);
      }
      Result<ExpressionPtr> value = BindExpression(*assignment.value, scope);
      if (!value.ok()) return value.status();
      bound_assignment.value = std::move(*value);
    }
    bound->on_duplicate.push_back(std::move(bound_assignment));
  }
  return Status::OK();
}

}  // namespace minisql::sql
