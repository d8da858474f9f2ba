// index_scan_executor.h — reads a table's rows in secondary-index order within a range
// of the index columns (StorageEngine::ScanIndex).
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class IndexScanExecutor : public AbstractExecutor {
 public:
  IndexScanExecutor(ExecutorContext* ctx, const IndexScanPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const IndexScanPlan* plan_;
  std::unique_ptr<storage::RowCursor> cursor_;
};

}  // namespace minisql::sql
