// multi_modify_executor.h — the multi-table forms of UPDATE and DELETE
// (`UPDATE t1 JOIN t2 ON ... SET ...`, `DELETE t1, t2 FROM ...`, `DELETE FROM t1
// USING ...`).
//
// The child is the join, planned like SELECT ... FOR UPDATE: it yields the joined rows
// with WHERE applied, every row it read X-locked and read in its latest version. The
// work then runs in three phases, so that nothing the statement changes can be seen
// by the statement itself (a moved key is never met again, a row changed through one
// target is never re-read through another):
//
//   1. read every joined row; with ORDER BY sort them (stably) and keep LIMIT;
//   2. for each joined row and target, find the stored row behind the target's
//      columns: by its primary key (a locking point read), or, for a table without
//      one, among the table's rows with identical values (such rows join alike, so
//      they are changed alike). A target's part that is NULL-padded by an outer join
//      has no stored row. Each stored row is kept once, with the FIRST joined row
//      that reached it (as MariaDB);
//   3. UPDATE: compute each kept row's new values from its joined row — every
//      assignment sees the joined row as it was read, not another assignment's
//      result (MariaDB's multi-table behaviour) — and write the rows that changed;
//      DELETE: delete each kept row.
//
// UPDATE IGNORE skips a row whose new key would collide and converts leniently.
//
// Emits one row: [changed (UPDATE) / deleted (DELETE) rows, matched rows, 0].
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class MultiModifyExecutor : public AbstractExecutor {
 public:
  MultiModifyExecutor(ExecutorContext* ctx, const ModifyPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  /// A stored row to change, and the joined row that reached it first.
  struct Change {
    size_t target = 0;
    storage::RowId id;
    Row stored;
    size_t joined = 0;  // index into joined_
  };

  Status ReadJoinedRows();
  Status SortJoinedRows();
  /// Phase 2 for one (joined row, target): appends the stored rows not seen yet.
  Status CollectChanges(size_t joined, size_t target);
  /// The stored rows of a table without a primary key, read once per target.
  Status LoadKeylessRows(size_t target);
  Result<bool> ApplyUpdate(const Change& change, uint64_t row_number);

  const ModifyPlan* plan_;
  ExecutorPtr child_;
  std::vector<Row> joined_;
  std::vector<Change> changes_;
  // Per target: the stored rows already kept, and (tables without a primary key) all
  // of the table's rows.
  std::vector<std::map<storage::RowId, bool>> seen_;
  std::map<size_t, std::vector<std::pair<storage::RowId, Row>>> keyless_rows_;
  bool done_ = false;
};

}  // namespace minisql::sql
