// projection_executor.h — computes the select items for each input row (and, when
// HAVING / ORDER BY need it, appends the input row after them).
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class ProjectionExecutor : public AbstractExecutor {
 public:
  ProjectionExecutor(ExecutorContext* ctx, const ProjectionPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override { return child_->Init(); }
  Result<bool> Next(Row* row) override;

 private:
  const ProjectionPlan* plan_;
  ExecutorPtr child_;
  Row input_;
};

}  // namespace minisql::sql
