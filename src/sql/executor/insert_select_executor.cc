// insert_select_executor.cc — see insert_select_executor.h.
#include "sql/executor/insert_select_executor.h"

#include "sql/executor/executor_factory.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

Status InsertSelectExecutor::Init() {
  rows_.clear();
  ExecutorPtr query = CreateExecutor(ctx_, *plan_->select);
  MINISQL_RETURN_IF_ERROR(query->Init());
  Row row;
  while (true) {
    Result<bool> more = query->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::vector<ExpressionPtr> values;
    values.reserve(row.size());
    for (Value& value : row) values.push_back(MakeLiteral(std::move(value)));
    rows_.push_back(std::move(values));
  }
  insert_ = std::make_unique<InsertExecutor>(ctx_, plan_, &rows_);
  return insert_->Init();
}

Result<bool> InsertSelectExecutor::Next(Row* row) {
  return insert_->Next(row);
}

}  // namespace minisql::sql
