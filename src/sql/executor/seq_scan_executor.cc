// seq_scan_executor.cc — see seq_scan_executor.h.
#include "sql/executor/seq_scan_executor.h"

namespace minisql::sql {

Status SeqScanExecutor::Init() {
  Result<std::unique_ptr<storage::RowCursor>> cursor =
      plan_->lock ? ctx_->storage->LockingScan(ctx_->txn, *plan_->table, plan_->range, *plan_->lock)
                  : ctx_->storage->Scan(ctx_->txn, *plan_->table, plan_->range);
  if (!cursor.ok()) return cursor.status();
  cursor_ = std::move(*cursor);
  return Status::OK();
}

Result<bool> SeqScanExecutor::Next(Row* row) {
  MINISQL_RETURN_IF_ERROR(ctx_->CheckInterrupted());
  return cursor_->Next(row, nullptr);
}

}  // namespace minisql::sql
