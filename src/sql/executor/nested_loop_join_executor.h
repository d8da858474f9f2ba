// nested_loop_join_executor.h — joins two inputs by trying every pair of rows.
//
// The right input is read once into memory in Init(); each left row is then paired
// with every right row whose concatenation satisfies the ON condition. For LEFT
// JOIN a left row without any match is emitted once, padded with NULLs (in join-row
// shape, see plan_nodes.h, its right columns are NULL already).
#pragma once

#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class NestedLoopJoinExecutor : public AbstractExecutor {
 public:
  NestedLoopJoinExecutor(ExecutorContext* ctx, const NestedLoopJoinPlan* plan, ExecutorPtr left,
                         ExecutorPtr right)
      : AbstractExecutor(ctx), plan_(plan), left_(std::move(left)), right_(std::move(right)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const NestedLoopJoinPlan* plan_;
  ExecutorPtr left_;
  ExecutorPtr right_;
  std::vector<Row> right_rows_;
  Row left_row_;
  bool have_left_ = false;
  bool left_matched_ = false;
  size_t right_pos_ = 0;
};

}  // namespace minisql::sql
