// recursive_cte_executor.h — runs WITH RECURSIVE to a fixpoint (recursive_cte_plan.h).
//
//   result := anchors                     working table := anchors' rows
//   loop:   rows := recursive parts run over the working table
//           (UNION: minus every row produced before)
//           if rows is empty: stop            working table := rows
//
// Rows stream out as each iteration produces them; the next iteration runs only when
// the previous one's rows have all been read. Every row is converted to the CTE's
// column types (the anchors' types) with the INSERT rules, so a recursive string
// longer than the anchor's gives 1406 "Data too long for column" and a number too big
// for it 1264, as in MariaDB. After @@max_recursive_iterations iterations (MariaDB's
// variable, default 1000; MySQL's cte_max_recursion_depth does not exist in MariaDB)
// the iteration stops with warning 1931 and the rows produced so far.
#pragma once

#include <set>
#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/executor/value_order.h"
#include "sql/planner/recursive_cte_plan.h"

namespace minisql::sql {

class RecursiveCteExecutor : public AbstractExecutor {
 public:
  RecursiveCteExecutor(ExecutorContext* ctx, const RecursiveCtePlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  ~RecursiveCteExecutor() override;
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  /// Runs children [first, last) to completion, appending their new rows to `out`.
  Status RunParts(size_t first, size_t last, std::vector<Row>* out);
  /// Converts `row` to the CTE's columns; appends it unless UNION has seen it.
  Status Add(const Row& row, std::vector<Row>* out);
  Result<uint64_t> MaxIterations() const;

  const RecursiveCtePlan* plan_;
  std::vector<Row> working_;  // the latest iteration's rows (what the scans read)
  size_t position_ = 0;       // next row of working_ to return
  uint64_t iterations_ = 0;
  uint64_t produced_ = 0;  // rows so far (the row number in conversion errors)
  bool finished_ = false;
  std::set<Row, RowLess> seen_;  // UNION only
};

/// Reads the working table of the RecursiveCteExecutor running `plan->cte`.
class WorkingTableScanExecutor : public AbstractExecutor {
 public:
  WorkingTableScanExecutor(ExecutorContext* ctx, const WorkingTableScanPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const WorkingTableScanPlan* plan_;
  const std::vector<Row>* rows_ = nullptr;
  size_t position_ = 0;
};

}  // namespace minisql::sql
