// information_schema_scan_executor.h — the rows of one information_schema table.
//
// Init generates every row from the catalog under the statement's transaction (so
// the statement sees one consistent catalog); Next hands them out in order. The
// tables are small (one row per database, table, column or key), so materialising
// them is cheaper than threading a cursor through the catalog.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class InformationSchemaScanExecutor : public AbstractExecutor {
 public:
  InformationSchemaScanExecutor(ExecutorContext* ctx, const InformationSchemaScanPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const InformationSchemaScanPlan* plan_;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace minisql::sql
