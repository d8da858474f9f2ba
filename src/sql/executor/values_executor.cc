// values_executor.cc — see values_executor.h.
#include "sql/executor/values_executor.h"

namespace minisql::sql {

Status ValuesExecutor::Init() {
  next_ = 0;
  return Status::OK();
}

Result<bool> ValuesExecutor::Next(Row* row) {
  if (next_ >= plan_->rows.size()) return false;
  const std::vector<ExpressionPtr>& exprs = plan_->rows[next_++];
  row->clear();
  const Row empty;
  for (const ExpressionPtr& expr : exprs) {
    Result<Value> v = expr->Evaluate(empty, *ctx_->eval);
    if (!v.ok()) return v.status();
    row->push_back(std::move(*v));
  }
  return true;
}

}  // namespace minisql::sql
