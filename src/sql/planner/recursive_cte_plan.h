// recursive_cte_plan.h — the plan nodes of WITH RECURSIVE.
//
//   WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3)
//   SELECT * FROM t
//
//   DerivedTable(t: RecursiveCte(t, UNION ALL, 1 anchor(s), 1 recursive part(s)))
//   └─ RecursiveCte ...
//      ├─ Projection(1)                      child 0: the anchor
//      │  └─ Values(1 row(s))
//      └─ Projection((`n` + 1))              child 1: the recursive part
//         └─ Filter((`n` < 3))
//            └─ DerivedTable(t: WorkingTableScan(t))
//
// children [0, anchor_count) are the anchors' plans, the rest the recursive parts'.
// The recursive parts read the CTE's name through a WorkingTableScanPlan, which
// points back at the RecursiveCtePlan whose working table it reads: the rows the
// previous iteration added (recursive_cte_executor.h runs the iteration). The plan
// itself stays immutable; the working table lives in the ExecutorContext.
#pragma once

#include <memory>
#include <string>

#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

struct RecursiveCtePlan : PlanNode {
  RecursiveCtePlan() : PlanNode(PlanType::kRecursiveCte) {}
  std::string name;
  size_t anchor_count = 0;
  bool distinct = false;  // UNION (drop rows seen before) rather than UNION ALL
  /// The CTE's columns (names from the column list or the first anchor, types from
  /// the anchors): every row is converted to them, as if stored in a table.
  std::shared_ptr<const storage::TableSchema> schema;
  std::string Describe() const override;
};

/// The rows the latest iteration of `cte` produced.
struct WorkingTableScanPlan : PlanNode {
  WorkingTableScanPlan() : PlanNode(PlanType::kWorkingTableScan) {}
  const RecursiveCtePlan* cte = nullptr;  // an ancestor of this node: it outlives it
  std::string Describe() const override;
};

}  // namespace minisql::sql
