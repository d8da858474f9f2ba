// bind_insert_select.cc — INSERT INTO t [(columns)] SELECT ...
//
// BindInsert has resolved the target table and the column list; here the query is
// bound (in the same transaction, so it may read the target table itself) and
// planned. Its column count must match the column list (1136). The executor reads
// the whole query result before inserting anything (insert_select_executor.h).
// IGNORE, REPLACE and ON DUPLICATE KEY UPDATE are bound as for VALUES
// (bind_insert_conflict.h).
#include "sql/binder/bind_insert_conflict.h"
#include "sql/binder/binder.h"
#include "sql/planner/planner.h"

namespace minisql::sql {

Result<BoundInsert> Binder::BindInsertSelect(const ast::InsertStmt& stmt, BoundInsert bound) {
  Result<BoundSelect> select = BindSelect(const_cast<ast::SelectStmt&>(*stmt.select));
  if (!select.ok()) return select.status();
  size_t width = stmt.columns.empty() ? bound.table->columns.size() : stmt.columns.size();
  if (select->columns.size() != width) {
    return Status::Error(ErrorCode::kWrongValueCountOnRow, 1ul);
  }
  MINISQL_RETURN_IF_ERROR(BindInsertConflict(stmt, &bound, &select->tables));
  bound.select_plan = Planner::PlanSelect(std::move(*select));
  return bound;
}

}  // namespace minisql::sql
