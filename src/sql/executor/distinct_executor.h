// distinct_executor.h — SELECT DISTINCT: passes each row the first time it is seen
// (rows equal under value_order.h count as the same).
#pragma once

#include <set>

#include "sql/executor/abstract_executor.h"
#include "sql/executor/value_order.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class DistinctExecutor : public AbstractExecutor {
 public:
  DistinctExecutor(ExecutorContext* ctx, ExecutorPtr child)
      : AbstractExecutor(ctx), child_(std::move(child)) {}
  Status Init() override {
    seen_.clear();
    return child_->Init();
  }
  Result<bool> Next(Row* row) override {
    while (true) {
      Result<bool> more = child_->Next(row);
      if (!more.ok() || !*more) return more;
      if (seen_.insert(*row).second) return true;
    }
  }

 private:
  ExecutorPtr child_;
  std::set<Row, RowLess> seen_;
};

}  // namespace minisql::sql
