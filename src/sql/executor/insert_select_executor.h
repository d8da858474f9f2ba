// insert_select_executor.h — INSERT ... SELECT.
//
// Reads the whole query result first, then inserts it through an ordinary
// InsertExecutor of the same plan whose VALUES rows are the result rows as literals.
// Reading first is what makes `INSERT INTO t SELECT ... FROM t` well defined: the
// query never sees the rows the statement inserts (MariaDB buffers such a result the
// same way). Defaults, AUTO_INCREMENT, type conversion, errors and IGNORE / REPLACE /
// ON DUPLICATE KEY UPDATE are exactly INSERT ... VALUES's (insert_conflict.cc).
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
  std::vector<std::vector<ExpressionPtr>> rows_;  // the query's rows, as literals
  std::unique_ptr<InsertExecutor> insert_;
};

}  // namespace minisql::sql
