// bind_derived_table.cc — FROM items whose rows come from a query: derived tables
// `(SELECT ...) AS d`, and (expanded the same way) views and common table expressions.
//
// The query is bound by a fresh Binder (it cannot see the enclosing query's columns:
// derived tables are not LATERAL in MariaDB) and planned at once. The FROM clause then
// sees it as a table whose schema is the query's result columns and whose rows come
// from the plan (BoundTable::derived_plan, read by a DerivedTablePlan).
#include "sql/binder/binder.h"
#include "sql/planner/planner.h"

namespace minisql::sql {

Result<BoundTable> Binder::BindDerivedTable(ast::SelectStmt& query, const std::string& alias,
                                            const std::vector<std::string>& column_names,
                                            const std::string& database, const CteScope* ctes) {
  Binder nested(storage_, txn_, database);
  nested.ctes_ = ctes;
  nested.view_depth_ = view_depth_;
  nested.variables_ = variables_;
  // Inside a view, the view's own check stands for its tables (as LOCK TABLES v does).
  if (view_depth_ == 0) nested.table_access_ = table_access_;
  Result<BoundSelect> bound = nested.BindSelect(query);
  if (!bound.ok()) return bound.status();
  if (!column_names.empty() && column_names.size() != bound->columns.size()) {
    return Status::Error(ErrorCode::kWithColListWrongCount);
  }
  auto schema = std::make_shared<storage::TableSchema>();
  schema->name = alias;
  for (size_t i = 0; i < bound->columns.size(); ++i) {
    const OutputColumn& column = bound->columns[i];
    storage::ColumnDef def;
    def.name = column_names.empty() ? column.name : column_names[i];
    def.type = column.type;
    def.nullable = column.nullable;
    if (schema->FindColumn(def.name) >= 0) {
      return Status::Error(ErrorCode::kDupFieldname, def.name);
    }
    schema->columns.push_back(std::move(def));
  }
  BoundTable table;
  table.schema = std::move(schema);
  table.alias = alias;
  table.derived_plan = Planner::PlanSelect(std::move(*bound));
  return table;
}

}  // namespace minisql::sql
