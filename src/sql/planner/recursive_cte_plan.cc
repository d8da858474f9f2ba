// recursive_cte_plan.cc — Describe() of the WITH RECURSIVE plan nodes
// (recursive_cte_plan.h).
#include "sql/planner/recursive_cte_plan.h"

namespace minisql::sql {

std::string RecursiveCtePlan::Describe() const {
  return "RecursiveCte(" + name + ", " + (distinct ? "UNION" : "UNION ALL") + ", " +
         std::to_string(anchor_count) + " anchor(s), " +
         std::to_string(children().size() - anchor_count) + " recursive part(s))";
}

std::string WorkingTableScanPlan::Describe() const {
  return "WorkingTableScan(" + (cte != nullptr ? cte->name : std::string("?")) + ")";
}

}  // namespace minisql::sql
