// aggregation_executor.h — GROUP BY and aggregate functions.
//
// Init() reads the whole input, keeping one group per distinct key (an ordered map
// under value_order.h, so groups come out in ascending key order as MariaDB's GROUP
// BY returns them) with one Aggregator per aggregate call and the group's first
// input row. Each output row is:
//
//   [ aggregate results ... | first input row of the group ... ]
//
// Without GROUP BY there is exactly one group, even for empty input (COUNT(*) = 0,
// the other aggregates and the input columns NULL).
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/executor/value_order.h"
#include "sql/expression/aggregate.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class AggregationExecutor : public AbstractExecutor {
 public:
  AggregationExecutor(ExecutorContext* ctx, const AggregationPlan* plan, ExecutorPtr child)
      : AbstractExecutor(ctx), plan_(plan), child_(std::move(child)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  struct Group {
    std::vector<std::unique_ptr<Aggregator>> aggregators;
    Row first_row;
  };
  Result<Group> NewGroup(Row first_row) const;
  Status Accumulate(Group* group, const Row& row) const;

  const AggregationPlan* plan_;
  ExecutorPtr child_;
  std::map<Row, Group, RowLess> groups_;
  std::map<Row, Group, RowLess>::iterator next_;
};

}  // namespace minisql::sql
