// widen_executor.h — places a table's row at its columns of the join row (WidenPlan
// in plan_nodes.h): columns [offset, offset + table width) get the row, the rest NULL.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class WidenExecutor : public AbstractExecutor {
 public:
  WidenExecutor(ExecutorContext* ctx, const WidenPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override { return child_->Init(); }
  Result<bool> Next(Row* row) override;

 private:
  const WidenPlan* plan_;
  ExecutorPtr child_;
  Row narrow_;
};

}  // namespace minisql::sql
