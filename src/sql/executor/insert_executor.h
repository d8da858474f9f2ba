// insert_executor.h — INSERT ... VALUES.
//
// For each VALUES row: evaluate the listed expressions, fill omitted columns (and
// DEFAULT) from the column's DEFAULT, generate AUTO_INCREMENT values for NULL / 0 /
// omitted, convert every value to its column type (column_converter.h), and insert.
// The first error stops the statement; the session then rolls the whole statement
// back, so a failing multi-row INSERT leaves nothing behind (strict mode). INSERT
// IGNORE and a non-strict sql_mode convert leniently instead (column_converter.h):
// a value that does not fit is adjusted and a warning recorded. One exception, as in
// MySQL: without IGNORE, a single-row INSERT ... VALUES still fails on NULL for a
// NOT NULL column (1048) in non-strict mode; a multi-row one stores the implicit
// default with a warning.
//
// Emits one row: [affected rows, rows given (VALUES rows or query rows), first
// generated AUTO_INCREMENT id of an inserted row (0 if none), rows that collided, the
// OK packet's insert id, rows an ON DUPLICATE KEY UPDATE left unchanged] — the OK
// packet's affected rows, LAST_INSERT_ID() and the "Records:" / "Duplicates:" of its
// info. The insert id is MariaDB's: the
// first generated id if any, else the AUTO_INCREMENT column of the last row inserted
// or updated (an explicit id, or the row ON DUPLICATE KEY UPDATE changed), else 0; an
// id generated for a row that then met a duplicate key is used up but not reported.
// With CLIENT_FOUND_ROWS the unchanged rows count as affected (they matched).
// IGNORE / REPLACE / ON DUPLICATE KEY UPDATE: insert_conflict.cc.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class InsertExecutor : public AbstractExecutor {
 public:
  InsertExecutor(ExecutorContext* ctx, const InsertPlan* plan)
      : AbstractExecutor(ctx), plan_(plan), rows_(&plan->rows) {}
  /// Inserts `rows` (INSERT ... SELECT's result as literals) instead of plan->rows, with
  /// everything else (columns, conflicts, conversion) as `plan` says.
  InsertExecutor(ExecutorContext* ctx, const InsertPlan* plan,
                 const std::vector<std::vector<ExpressionPtr>>* rows)
      : AbstractExecutor(ctx), plan_(plan), rows_(rows) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  /// Sets *generated to the AUTO_INCREMENT value generated for this row (0 if none).
  Result<Row> BuildRow(size_t row_index, int64_t* generated);
  /// What StoreRow did with one row.
  enum class RowOutcome { kInserted, kUpdated, kUnchanged, kSkipped };
  /// Stores `row` as plan_->on_conflict says (insert_conflict.cc); adds to *affected
  /// MySQL's count (1 inserted, 2 updated or replaced one row, 0 unchanged/ignored)
  /// and to *collided when the row met an existing key. *written is the row as stored
  /// (inserted, or as ON DUPLICATE KEY UPDATE left it).
  Result<RowOutcome> StoreRow(const Row& row, size_t row_index, int64_t* affected,
                              int64_t* collided, Row* written);

  const InsertPlan* plan_;
  const std::vector<std::vector<ExpressionPtr>>* rows_;
  bool lenient_ = false;  // IGNORE or a non-strict sql_mode (column_converter.h)
  /// NULL into a NOT NULL column is a warning, not 1048: lenient_, except a single-row
  /// INSERT ... VALUES without IGNORE.
  bool lenient_null_ = false;
  bool done_ = false;
};

}  // namespace minisql::sql
