// modify_executor.h — UPDATE and DELETE on one table.
//
// Both run in two phases, because a cursor must not see its own changes (an UPDATE
// that moves a row forward in key order would otherwise meet it again):
//
//   1. read the key range (primary key, or a secondary index: the planner's access
//      path), keep (RowId, row) of every row the WHERE accepts (at most LIMIT of
//      them; with ORDER BY, all of them, sorted, then cut to LIMIT);
//   2. UPDATE: apply the assignments left to right (a later one sees the earlier
//      ones' results, as in MySQL), convert to column types, and write the row back
//      only if some value changed; DELETE: delete each row.
//
// UPDATE IGNORE skips a row whose new key would collide (it is matched, not changed)
// and converts leniently, as does a non-strict sql_mode (column_converter.h).
//
// Emits one row: [changed (UPDATE) / deleted (DELETE) rows, matched rows, 0].
#pragma once

#include <utility>
#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class ModifyExecutor : public AbstractExecutor {
 public:
  ModifyExecutor(ExecutorContext* ctx, const ModifyPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  Status CollectMatches();
  Status SortMatches();
  /// Returns whether the row changed.
  Result<bool> UpdateRow(const storage::RowId& id, const Row& old_row, uint64_t row_number);

  const ModifyPlan* plan_;
  std::vector<std::pair<storage::RowId, Row>> matches_;
  bool done_ = false;
};

}  // namespace minisql::sql
