// derived_table_executor.h — the rows of a derived table, view or CTE.
//
// The FROM item's query has a complete plan of its own (DerivedTablePlan::query);
// this operator builds an executor tree for it in Init and passes its rows on. A
// join that reads it as its right input reads it once into memory (as it does a
// table), so the query runs once per statement execution.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class DerivedTableExecutor : public AbstractExecutor {
 public:
  DerivedTableExecutor(ExecutorContext* ctx, const DerivedTablePlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const DerivedTablePlan* plan_;
  ExecutorPtr query_;
};

/// Builds the executor of a SetOperationPlan (set_operation_executor.cc).
ExecutorPtr CreateSetOperationExecutor(ExecutorContext* ctx, const PlanNode& plan);

}  // namespace minisql::sql
