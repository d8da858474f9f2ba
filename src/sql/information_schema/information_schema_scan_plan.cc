// information_schema_scan_plan.cc — InformationSchemaScanPlan (plan_nodes.h).
#include "sql/information_schema/information_schema.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

std::string InformationSchemaScanPlan::Describe() const {
  return "InformationSchemaScan(" + table->schema->name + ")";
}

}  // namespace minisql::sql
