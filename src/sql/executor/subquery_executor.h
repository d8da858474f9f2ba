// subquery_executor.h — runs the plan of a subquery nested in an expression.
//
// The binder plans a nested SELECT as soon as it has bound it and wraps the plan in a
// PlanSubqueryRunner, the executor's side of the SubqueryRunner interface
// (expression/subquery.h). Each Run builds fresh executors over the same plan, in the
// statement's own transaction, so a correlated subquery re-run for the next outer row
// starts from scratch and sees the same snapshot as the rest of the statement.
#pragma once

#include <memory>
#include <string>

#include "sql/expression/subquery.h"
#include "sql/planner/plan_nodes.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

class PlanSubqueryRunner : public SubqueryRunner {
 public:
  PlanSubqueryRunner(std::shared_ptr<const PlanNode> plan, storage::StorageEngine* storage,
                     storage::Transaction* txn)
      : plan_(std::move(plan)), storage_(storage), txn_(txn) {}

  Status Run(const EvalContext& ctx,
             const std::function<Result<bool>(const Row&)>& visit) const override;
  std::string Describe() const override;

 private:
  std::shared_ptr<const PlanNode> plan_;
  storage::StorageEngine* storage_;
  storage::Transaction* txn_;
};

}  // namespace minisql::sql
