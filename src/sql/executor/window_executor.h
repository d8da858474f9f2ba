// window_executor.h — window functions: ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG,
// LEAD, FIRST_VALUE, LAST_VALUE and COUNT/SUM/AVG/MIN/MAX OVER (...).
//
// Blocking, like Sort. Init() reads the whole input, then computes the functions one
// after the other. For one function:
//
//   1. evaluate its PARTITION BY and ORDER BY keys on every row;
//   2. sort the row numbers by (partition keys, order keys) — stably, NULL first
//      ascending as ORDER BY does (value_order.h);
//   3. walk the sorted rows partition by partition. Inside a partition, rows whose
//      ORDER BY keys are equal are "peers": RANK gives them the same number, and a
//      RANGE frame's CURRENT ROW means "the current row and all its peers";
//   4. for each row, find its frame [lo, hi) (positions in the sorted partition) and
//      compute the value: ROWS counts rows, RANGE compares the ORDER BY value
//      (`RANGE 2 PRECEDING` = rows whose key is >= key - 2). Aggregates whose frame
//      starts at UNBOUNDED PRECEDING reuse one accumulator per partition (the frame
//      only grows); other frames are summed afresh per row.
//   5. append the value to that row.
//
//   input row ──► [input row ++ f0 result ++ f1 result ...]   (rows leave in input order)
#pragma once

#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class WindowExecutor : public AbstractExecutor {
 public:
  WindowExecutor(ExecutorContext* ctx, const WindowPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  // One function's view of the rows: their keys, argument values and sorted order.
  struct Pass;
  Status Compute(const BoundWindowFunction& function);
  Status ComputePartition(const BoundWindowFunction& function, const Pass& pass, size_t begin,
                          size_t end);
  Result<Value> Evaluate(const ExpressionPtr& expression, size_t row) const;

  const WindowPlan* plan_;
  ExecutorPtr child_;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace minisql::sql
