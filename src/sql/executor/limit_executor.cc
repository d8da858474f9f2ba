// limit_executor.cc — see limit_executor.h.
#include "sql/executor/limit_executor.h"

namespace minisql::sql {

Status LimitExecutor::Init() {
  skipped_ = 0;
  returned_ = 0;
  // LIMIT 0 never reads its input (MySQL does not even open the table's rows).
  if (plan_->limit && *plan_->limit == 0) return Status::OK();
  return child_->Init();
}

Result<bool> LimitExecutor::Next(Row* row) {
  if (plan_->limit && returned_ >= *plan_->limit) return false;
  while (skipped_ < plan_->offset) {
    Result<bool> more = child_->Next(row);
    if (!more.ok() || !*more) return more;
    ++skipped_;
  }
  Result<bool> more = child_->Next(row);
  if (more.ok() && *more) ++returned_;
  return more;
}

}  // namespace minisql::sql
