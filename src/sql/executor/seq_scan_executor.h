// seq_scan_executor.h — reads a table's rows in primary key order within a key range.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class SeqScanExecutor : public AbstractExecutor {
 public:
  SeqScanExecutor(ExecutorContext* ctx, const SeqScanPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const SeqScanPlan* plan_;
  std::unique_ptr<storage::RowCursor> cursor_;
};

}  // namespace minisql::sql
