// index_scan_executor.cc — see index_scan_executor.h.
#include "sql/executor/index_scan_executor.h"

namespace minisql::sql {

Status IndexScanExecutor::Init() {
  Result<std::unique_ptr<storage::RowCursor>> cursor =
      ctx_->storage->ScanIndex(ctx_->txn, *plan_->table, plan_->index, plan_->range);
  if (!cursor.ok()) return cursor.status();
  cursor_ = std::move(*cursor);
  return Status::OK();
}

Result<bool> IndexScanExecutor::Next(Row* row) {
  MINISQL_RETURN_IF_ERROR(ctx_->CheckInterrupted());
  return cursor_->Next(row, nullptr);
}

}  // namespace minisql::sql
