// limit_executor.h — LIMIT n OFFSET m: skips m rows, then passes at most n. Under
// SQL_CALC_FOUND_ROWS it also counts the rows it did not pass, for FOUND_ROWS().
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class LimitExecutor : public AbstractExecutor {
 public:
  LimitExecutor(ExecutorContext* ctx, const LimitPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  /// Reads the rest of the input (count_all_rows) and reports the total once.
  Result<bool> Exhausted(Row* row);

  const LimitPlan* plan_;
  ExecutorPtr child_;
  uint64_t skipped_ = 0;
  uint64_t returned_ = 0;
  uint64_t seen_ = 0;  // input rows read, for count_all_rows
  bool reported_ = false;
};

}  // namespace minisql::sql
