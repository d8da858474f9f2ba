// filter_executor.h — passes on the rows for which a predicate is TRUE (not FALSE,
// not NULL): WHERE and HAVING.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class FilterExecutor : public AbstractExecutor {
 public:
  FilterExecutor(ExecutorContext* ctx, const FilterPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override { return child_->Init(); }
  Result<bool> Next(Row* row) override;

 private:
  const FilterPlan* plan_;
  ExecutorPtr child_;
};

}  // namespace minisql::sql
