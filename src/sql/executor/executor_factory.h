// executor_factory.h — builds the executor tree for a plan tree, one executor per
// plan node (the switch on PlanType lives in executor_factory.cc).
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

/// The plan must outlive the executors (they keep pointers into it).
ExecutorPtr CreateExecutor(ExecutorContext* ctx, const PlanNode& plan);

}  // namespace minisql::sql
