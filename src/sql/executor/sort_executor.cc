// sort_executor.cc — see sort_executor.h.
#include "sql/executor/sort_executor.h"

#include <algorithm>

#include "sql/executor/value_order.h"

namespace minisql::sql {

Status SortExecutor::Init() {
  MINISQL_RETURN_IF_ERROR(child_->Init());
  entries_.clear();
  next_ = 0;
  Row row;
  while (true) {
    Result<bool> more = child_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    Entry entry;
    for (const BoundOrderItem& key : plan_->keys) {
      Result<Value> v = key.key->Evaluate(row, *ctx_->eval);
      if (!v.ok()) return v.status();
      entry.keys.push_back(std::move(*v));
    }
    entry.row = std::move(row);
    entries_.push_back(std::move(entry));
    row = Row();
  }
  std::stable_sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
    for (size_t i = 0; i < plan_->keys.size(); ++i) {
      int c = CompareForOrder(a.keys[i], b.keys[i]);
      if (c != 0) return plan_->keys[i].descending ? c > 0 : c < 0;
    }
    return false;
  });
  return ctx_->CheckInterrupted();  // a KILL during the sort itself is seen here
}

Result<bool> SortExecutor::Next(Row* row) {
  if (next_ >= entries_.size()) return false;
  *row = std::move(entries_[next_++].row);
  return true;
}

}  // namespace minisql::sql
