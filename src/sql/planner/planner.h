// planner.h — arranges a bound statement into a tree of plan nodes.
//
// The planner decides how, not what: the binder already resolved every name. For a
// SELECT it stacks the operators in the fixed order below (each only when needed)
// and picks each table's access path (a primary-key range from the WHERE clause,
// key_range_extractor.h, or for a single table a secondary index range or order,
// access_path.h):
//
//   SeqScan/IndexScan/Values → NestedLoopJoin… → Filter(WHERE) → Aggregation → Projection
//     → Filter(HAVING) → Sort → Projection(trim hidden) → Distinct → Limit
//
// With several tables, join_planner.h replaces the first two steps: it orders the
// joins, picks hash or nested-loop joins and applies each part of WHERE as early as
// it can.
#pragma once

#include "sql/binder/bound_statement.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class Planner {
 public:
  /// Consumes the bound statement's expressions.
  static PlanNodePtr PlanSelect(BoundSelect select);
  static PlanNodePtr PlanInsert(BoundInsert insert);
  static PlanNodePtr PlanUpdate(BoundModify update);
  static PlanNodePtr PlanDelete(BoundModify remove);
};

}  // namespace minisql::sql
