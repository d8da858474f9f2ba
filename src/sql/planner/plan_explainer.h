// plan_explainer.h — prints a plan tree for EXPLAIN, one line per operator.
//
//   EXPLAIN SELECT a1 FROM t1, t2 WHERE a1 = b2 AND b1 > 5
//
//   -> Projection: `a1`  (rows=1000)
//       -> Inner hash join: `a1` = `b2`  (rows=1000)
//           -> Table scan on t1  (rows=1000)
//           -> Filter: (`b1` > 5)  (rows=500)
//               -> Table scan on t2  (rows=1000)
//
// The shape is MySQL's EXPLAIN FORMAT=TREE: a child is indented four spaces under its
// parent and read bottom-up, the way rows flow. `rows` is the planner's estimate
// (minisql keeps no statistics, so a table is guessed at 1000 rows and each filter
// or join scales that guess; see join_planner.cc). Operators that only move columns
// into place (Widen) are not shown.
//
// EXPLAIN ANALYZE runs the statement with every executor wrapped in a counter
// (executor/analyze_executor.h) and adds what really happened to each line:
//
//   -> Table scan on t1  (rows=1000) (actual rows=3, loops=1, time=0.012 ms)
//
// `time` is inclusive (the operator and everything below it), `loops` counts Init()
// calls. Statements run without ANALYZE have no counters at all.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

/// What EXPLAIN ANALYZE measured for one operator.
struct OperatorStats {
  uint64_t rows = 0;   // rows it returned
  uint64_t loops = 0;  // times it was initialised
  double milliseconds = 0;
};
using PlanStatistics = std::unordered_map<const PlanNode*, OperatorStats>;

/// The lines of the tree; with `stats`, each line also shows the measured figures.
std::vector<std::string> ExplainPlan(const PlanNode& root, const PlanStatistics* stats = nullptr);

}  // namespace minisql::sql
