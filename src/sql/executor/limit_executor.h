// limit_executor.h — LIMIT n OFFSET m: skips m rows, then passes at most n.
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
  const LimitPlan* plan_;
  ExecutorPtr child_;
  uint64_t skipped_ = 0;
  uint64_t returned_ = 0;
};

}  // namespace minisql::sql
