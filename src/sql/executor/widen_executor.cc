// widen_executor.cc — see widen_executor.h.
#include "sql/executor/widen_executor.h"

namespace minisql::sql {

Result<bool> WidenExecutor::Next(Row* row) {
  Result<bool> more = child_->Next(&narrow_);
  if (!more.ok() || !*more) return more;
  row->assign(plan_->width, Value::Null());
  for (size_t i = 0; i < narrow_.size() && plan_->offset + i < plan_->width; ++i) {
    (*row)[plan_->offset + i] = std::move(narrow_[i]);
  }
  return true;
}

}  // namespace minisql::sql
