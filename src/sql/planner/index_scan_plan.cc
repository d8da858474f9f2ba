// index_scan_plan.cc — IndexScanPlan::Describe (the node is declared in plan_nodes.h).
#include "sql/planner/index_range_extractor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

std::string IndexScanPlan::Describe() const {
  return "IndexScan(" + table->database + "." + table->name + ", index: " + index_def().name +
         ", range: " + DescribeIndexRange(*table, index_def(), range) + ")";
}

}  // namespace minisql::sql
