// derived_table_plan.cc — DerivedTablePlan (plan_nodes.h): a FROM item whose rows come
// from a query plan instead of a B+ tree (derived tables, views, CTEs).
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

std::string DerivedTablePlan::Describe() const {
  std::string inner = query->ToString();
  std::string out;
  for (char c : inner) out += c == '\n' ? std::string("; ") : std::string(1, c);
  while (out.size() >= 2 && out.compare(out.size() - 2, 2, "; ") == 0) out.resize(out.size() - 2);
  return "DerivedTable(" + alias + ": " + out + ")";
}

}  // namespace minisql::sql
