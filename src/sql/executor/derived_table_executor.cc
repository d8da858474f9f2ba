// derived_table_executor.cc — see derived_table_executor.h.
#include "sql/executor/derived_table_executor.h"

#include "sql/executor/executor_factory.h"

namespace minisql::sql {

Status DerivedTableExecutor::Init() {
  query_ = CreateExecutor(ctx_, *plan_->query);
  return query_->Init();
}

Result<bool> DerivedTableExecutor::Next(Row* row) {
  return query_->Next(row);
}

}  // namespace minisql::sql
