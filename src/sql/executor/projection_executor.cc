// projection_executor.cc — see projection_executor.h.
#include "sql/executor/projection_executor.h"

namespace minisql::sql {

Result<bool> ProjectionExecutor::Next(Row* row) {
  Result<bool> more = child_->Next(&input_);
  if (!more.ok() || !*more) return more;
  row->clear();
  row->reserve(plan_->expressions.size() + (plan_->append_input ? input_.size() : 0));
  for (const ExpressionPtr& expr : plan_->expressions) {
    Result<Value> v = expr->Evaluate(input_, *ctx_->eval);
    if (!v.ok()) return v.status();
    row->push_back(std::move(*v));
  }
  if (plan_->append_input) {
    for (Value& v : input_) row->push_back(std::move(v));
  }
  return true;
}

}  // namespace minisql::sql
