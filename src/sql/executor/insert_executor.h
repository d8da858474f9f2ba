// insert_executor.h — INSERT ... VALUES.
//
// For each VALUES row: evaluate the listed expressions, fill omitted columns (and
// DEFAULT) from the column's DEFAULT, generate AUTO_INCREMENT values for NULL / 0 /
// omitted, convert every value to its column type (column_converter.h), and insert.
// The first error stops the statement; the session then rolls the whole statement
// back, so a failing multi-row INSERT leaves nothing behind (strict mode).
//
// Emits one row: [affected rows, affected rows, first generated AUTO_INCREMENT id of
// an inserted row (0 if none), rows that collided, the OK packet's insert id, rows an
// ON DUPLICATE KEY UPDATE left unchanged] — the OK packet's affected rows,
// LAST_INSERT_ID() and the "Duplicates:" of its info. The insert id is MariaDB's: the
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
      : AbstractExecutor(ctx), plan_(plan) {}
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
  bool done_ = false;
};

}  // namespace minisql::sql
