// values_executor.h — produces literal rows (SELECT without FROM reads one empty row).
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class ValuesExecutor : public AbstractExecutor {
 public:
  ValuesExecutor(ExecutorContext* ctx, const ValuesPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const ValuesPlan* plan_;
  size_t next_ = 0;
};

}  // namespace minisql::sql
