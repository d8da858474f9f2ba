// limit_executor.cc — see limit_executor.h.
#include "sql/executor/limit_executor.h"

namespace minisql::sql {

Status LimitExecutor::Init() {
  skipped_ = 0;
  returned_ = 0;
  seen_ = 0;
  reported_ = false;
  // LIMIT 0 never reads its input (MySQL does not even open the table's rows) unless
  // SQL_CALC_FOUND_ROWS asks how many rows there would have been.
  if (plan_->limit && *plan_->limit == 0 && !plan_->count_all_rows) return Status::OK();
  return child_->Init();
}

Result<bool> LimitExecutor::Exhausted(Row* row) {
  if (!plan_->count_all_rows || reported_) return false;
  while (true) {
    Result<bool> more = child_->Next(row);
    if (!more.ok()) return more;
    if (!*more) break;
    ++seen_;
  }
  reported_ = true;
  ctx_->found_rows = seen_;
  return false;
}

Result<bool> LimitExecutor::Next(Row* row) {
  if (plan_->limit && returned_ >= *plan_->limit) return Exhausted(row);
  while (skipped_ < plan_->offset) {
    Result<bool> more = child_->Next(row);
    if (!more.ok()) return more;
    if (!*more) return Exhausted(row);
    ++seen_;
    ++skipped_;
  }
  Result<bool> more = child_->Next(row);
  if (!more.ok()) return more;
  if (!*more) return Exhausted(row);
  ++seen_;
  ++returned_;
  return true;
}

}  // namespace minisql::sql
