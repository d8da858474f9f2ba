// analyze_executor.h — counts rows and time for EXPLAIN ANALYZE.
//
// For EXPLAIN ANALYZE the executor factory wraps every executor in one of these
// (ExecutorContext::analyze set); it forwards Init() and Next() and adds to the plan
// node's OperatorStats (planner/plan_explainer.h). Ordinary statements never get the
// wrapper, so counting costs them nothing.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_explainer.h"

namespace minisql::sql {

class AnalyzeExecutor : public AbstractExecutor {
 public:
  AnalyzeExecutor(ExecutorContext* ctx, OperatorStats* stats, ExecutorPtr inner)
      : AbstractExecutor(ctx), stats_(stats), inner_(std::move(inner)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  OperatorStats* stats_;
  ExecutorPtr inner_;
};

}  // namespace minisql::sql
