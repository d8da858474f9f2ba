// information_schema_scan_executor.cc — see information_schema_scan_executor.h.
#include "sql/executor/information_schema_scan_executor.h"

#include "sql/information_schema/information_schema.h"

namespace minisql::sql {

Status InformationSchemaScanExecutor::Init() {
  next_ = 0;
  Result<std::vector<Row>> rows = plan_->table->generate != nullptr
                                      ? plan_->table->generate(ctx_->storage, ctx_->txn)
                                      : plan_->table->generate_for_session(*ctx_->eval);
  if (!rows.ok()) return rows.status();
  for (const Row& row : *rows) {
    if (row.size() != plan_->table->schema->columns.size()) {
      return Status::Error(ErrorCode::kInternalError,
                           "information_schema." + plan_->table->schema->name + " row width");
    }
  }
  rows_ = std::move(*rows);
  return Status::OK();
}

Result<bool> InformationSchemaScanExecutor::Next(Row* row) {
  if (next_ >= rows_.size()) return false;
  *row = rows_[next_++];
  return true;
}

}  // namespace minisql::sql
