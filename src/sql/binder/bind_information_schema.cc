// bind_information_schema.cc — an information_schema table named in FROM.
//
// It binds like a derived table whose plan is an InformationSchemaScanPlan: the
// planner wraps it in a DerivedTablePlan, and WHERE, ORDER BY and joins apply to the
// generated rows as to any other table's (see sql/information_schema/).
#include "sql/binder/binder.h"
#include "sql/information_schema/information_schema.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

Result<BoundTable> Binder::BindInformationSchemaTable(const std::string& name,
                                                      const std::string& alias) {
  Result<const InformationSchemaTable*> found = FindInformationSchemaTable(name);
  if (!found.ok()) return found.status();
  auto scan = std::make_shared<InformationSchemaScanPlan>();
  scan->table = *found;
  BoundTable table;
  table.schema = (*found)->schema;
  table.alias = alias;
  table.derived_plan = std::move(scan);
  return table;
}

}  // namespace minisql::sql
