// insert_select_executor.h — INSERT ... SELECT.
//
// Reads the whole query result first, then inserts it through an ordinary
// InsertExecutor whose VALUES rows are the result rows as literals. Reading first is
// what makes `INSERT INTO t SELECT ... FROM t` well defined: the query never sees the
// rows the statement inserts (MariaDB buffers such a result the same way). Defaults,
// AUTO_INCREMENT, type conversion and errors are exactly INSERT ... VALUES's.
#pragma once

#include "sql/executor/abstract_executor.h"
#include "sql/executor/insert_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class InsertSelectExecutor : public AbstractExecutor {
 public:
  InsertSelectExecutor(ExecutorContext* ctx, const InsertPlan* plan)
      : AbstractExecutor(ctx), plan_(plan) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  const InsertPlan* plan_;
  InsertPlan values_plan_;  // the target with the query's rows as VALUES
  std::unique_ptr<InsertExecutor> insert_;
};

}  // namespace minisql::sql
