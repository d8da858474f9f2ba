// bind_insert_conflict.h — binds what an INSERT does with a row that collides with a
// stored one on the primary key or a UNIQUE index (BoundInsert::on_conflict):
//
//   INSERT ...                          kError    1062, the statement fails
//   INSERT IGNORE ...                   kIgnore   the row is skipped
//   REPLACE ...                         kReplace  every colliding row is deleted first
//   INSERT ... ON DUPLICATE KEY UPDATE  kUpdate   the first colliding row is updated
//
// IGNORE also sets BoundInsert::ignore: values convert leniently, and with ON DUPLICATE
// KEY UPDATE an update that would itself collide leaves the row as it was.
//
// ON DUPLICATE KEY UPDATE values see the stored row's columns by name and the row
// that was to be inserted through VALUES(col); bound over the row
// [stored row ++ inserted row]. The same holds for INSERT ... SELECT, where the
// inserted row is the query's row converted to the table's columns.
#pragma once

#include "common/status.h"
#include "sql/binder/bound_statement.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

/// Fills bound->on_conflict and bound->on_duplicate (bound->table must be set).
/// INSERT ... SELECT passes its query's FROM tables (`query_tables`), whose columns
/// ON DUPLICATE KEY UPDATE may not read yet (1235; 1052 if the target has the name too).
Status BindInsertConflict(const ast::InsertStmt& stmt, BoundInsert* bound,
                          const std::vector<BoundTable>* query_tables = nullptr);

}  // namespace minisql::sql
