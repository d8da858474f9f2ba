// sort_executor.h — ORDER BY: reads all input rows, then returns them sorted.
//
// The sort is stable (rows with equal keys keep their input order, as MariaDB's
// filesort shows them for a table scan) and uses value_order.h: NULL first when
// ascending, last when descending.
#pragma once

#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class SortExecutor : public AbstractExecutor {
 public:
  SortExecutor(ExecutorContext* ctx, const SortPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  struct Entry {
    Row keys;
    Row row;
  };
  const SortPlan* plan_;
  ExecutorPtr child_;
  std::vector<Entry> entries_;
  size_t next_ = 0;
};

}  // namespace minisql::sql
