// filter_executor.cc — see filter_executor.h.
#include "sql/executor/filter_executor.h"

namespace minisql::sql {

Result<bool> FilterExecutor::Next(Row* row) {
  while (true) {
    Result<bool> more = child_->Next(row);
    if (!more.ok() || !*more) return more;
    Result<Value> v = plan_->predicate->Evaluate(*row, *ctx_->eval);
    if (!v.ok()) return v.status();
    if (TruthValue(*v).value_or(false)) return true;
  }
}

}  // namespace minisql::sql
